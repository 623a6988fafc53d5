"""How a view declares its access rule. Every URL's view must carry one of these decorators: the
authorisation matrix test (tests/test_authorisation_matrix.py) walks the URL resolver and fails for any
view that has none, so a new page cannot ship unguarded.

The decorators enforce as well as declare: `object_view` fetches the record through
permissions.object_for_user and hands it to the view, so a view never touches an unscoped queryset.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_not_required

from . import permissions


@dataclass(frozen=True)
class Public:
    """Open to anyone (sign-in, password reset)."""


@dataclass(frozen=True)
class SignedIn:
    """Any signed-in user; the page shows only what belongs to them."""


@dataclass(frozen=True)
class ObjectRule:
    model: type
    action: str
    url_kwarg: str
    field: str


def public_view(view):
    view = login_not_required(view)
    view.access_rule = Public()
    return view


def signed_in_view(view):
    view.access_rule = SignedIn()
    return view


def object_view(model, action="view", url_kwarg="pk", field="pk"):
    """The view receives the record (as its second argument) instead of the URL value."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            value = kwargs.pop(url_kwarg)
            obj = permissions.object_for_user(request.user, model, action, request=request, **{field: value})
            return view(request, obj, *args, **kwargs)

        wrapper.access_rule = ObjectRule(model, action, url_kwarg, field)
        return wrapper

    return decorator


def access_rule_of(view):
    """The rule a resolved view declares, looking through class-based view wrappers."""
    rule = getattr(view, "access_rule", None)
    if rule is None and hasattr(view, "view_class"):
        rule = getattr(view.view_class, "access_rule", None)
    return rule
