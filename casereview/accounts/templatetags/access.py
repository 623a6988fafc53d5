"""Whether to show a link: a page offers only what the person may open (permissions.can, the same rule the
linked view applies), so no one follows a link to a refusal."""

from django import template

from casereview.accounts import permissions

register = template.Library()


@register.simple_tag
def may(user, action, obj):
    """{% may request.user "view_escalations" partnership as may_see %}"""
    return obj is not None and permissions.can(user, action, obj)
