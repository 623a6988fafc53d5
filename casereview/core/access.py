"""How a view declares its access rule. Every URL's view must carry one of these decorators: the
authorisation matrix test (tests/test_authorisation_matrix.py) walks the URL resolver and fails for any
view that has none, so a new page cannot ship unguarded.

The decorators enforce as well as declare: `object_view` fetches the record through the access policy
(accounts/permissions.py, registered in core.scoping) and hands it to the view, so a view never touches an
unscoped queryset. Opening a confidential record sends `confidential_record_read`, which the audit app
records: the decision stays a pure question, the access log is written where the record is handed over.
"""

from dataclasses import dataclass
from functools import wraps

from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.dispatch import Signal

from . import scoping

# sent with user= and obj= each time a page is given a confidential record
confidential_record_read = Signal()


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
    """The view receives the record (as its second argument) instead of the URL value. `model` is the class
    or its label ("accounts.Partnership"), so an app below the model's need not import it."""
    if isinstance(model, str):
        model = apps.get_model(model)

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            value = kwargs.pop(url_kwarg)
            policy = scoping.policy()
            obj = policy.object_for_user(request.user, model, action, **{field: value})
            if policy.is_confidential(obj):
                confidential_record_read.send(sender=model, user=request.user, obj=obj)
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
