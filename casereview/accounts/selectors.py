"""Reads. Every list starts from the scoped queryset (`visible_to`)."""

import functools

from django.db.models import Q
from django.urls import get_script_prefix, reverse

from . import permissions
from .models import Agency, Membership, Partnership, Subgroup


def partnership_list(*, user):
    return Partnership.objects.visible_to(user)


def agency_list(*, user, partnership):
    return Agency.objects.visible_to(user).filter(partnership=partnership)


def subgroup_list(*, user, partnership):
    return Subgroup.objects.visible_to(user).filter(partnership=partnership)


def membership_list(*, user, partnership, query="", role="", agency=None):
    memberships = (
        Membership.objects.visible_to(user)
        .filter(partnership=partnership, is_active=True)
        .select_related("user", "agency")
        .order_by("user__last_name", "user__first_name", "role")
    )
    if query:
        memberships = memberships.filter(
            Q(user__first_name__icontains=query)
            | Q(user__last_name__icontains=query)
            | Q(user__username__icontains=query)
            | Q(user__email__icontains=query)
            | Q(job_title__icontains=query)
            | Q(agency__name__icontains=query)
        )
    if role:
        memberships = memberships.filter(role=role)
    if agency is not None:
        memberships = memberships.filter(agency=agency)
    return memberships


def locked_usernames(usernames):
    """Which of these usernames are locked out of signing in by too many failed attempts."""
    from axes.models import AccessAttempt
    from django.conf import settings

    limit = getattr(settings, "AXES_FAILURE_LIMIT", 5)
    return set(
        AccessAttempt.objects.filter(username__in=usernames, failures_since_start__gte=limit).values_list(
            "username", flat=True
        )
    )


# (partnership action, label, URL name) in the order the service navigation shows them.
NAVIGATION = [
    ("list_cases", "Incidents", "incidents:list"),
    ("list_reviews", "Reviews", "reviews:list"),
    ("view_library", "Library", "library:search"),
    ("import_documents", "Documents", "documents:list"),
    ("view_deadlines", "Due and overdue", "reporting:deadlines"),
    ("view_executive_report", "Executive report", "reporting:executive_report"),
    ("view_annual_reports", "Yearly report", "reporting:annual_reports"),
    ("view_action_plans", "Action plans", "actionplans:monitoring"),
    ("view_risk_register", "Risk register", "actionplans:risk_register"),
    ("view_dissemination", "Spreading the learning", "actionplans:dissemination"),
    ("view_people", "People", "accounts:people"),
    ("view_audit", "Audit log", "audit:event_list"),
]


# The groups the service navigation shows in one row (Home, Cases, Reviews, Learning, Partnership); a group's
# link opens its first page this person may see, and its pages are listed beneath while one is open. A link
# added to NAVIGATION without a group here becomes its own group.
NAVIGATION_GROUPS = {
    "incidents:list": "Cases",
    "reporting:deadlines": "Cases",
    "reporting:executive_report": "Cases",
    "reviews:list": "Reviews",
    "documents:list": "Reviews",
    "actionplans:monitoring": "Reviews",
    "actionplans:risk_register": "Reviews",
    "library:search": "Learning",
    "actionplans:dissemination": "Learning",
    "reporting:annual_reports": "Partnership",
    "accounts:partnership_detail": "Partnership",
    "accounts:people": "Partnership",
    "audit:event_list": "Partnership",
}
GROUP_ORDER = ["Cases", "Reviews", "Learning", "Partnership"]


def navigation_for(user):
    """The groups of links to the areas that exist for this user, each {"text", "href", "pages"}. With one
    partnership they go straight to it; with several, the home page lists them."""
    # The partnerships the user sees are those of their active memberships (RULES: every role views its
    # partnership), already read for the request: no query a page for the navigation.
    partnerships = {m.partnership_id: m.partnership for m in permissions.active_memberships(user)}
    if len(partnerships) != 1:
        return []
    (partnership,) = partnerships.values()
    roles = frozenset(m.role for m in permissions.active_memberships(user))
    allowed = _navigation_allowed(roles)
    # fresh dictionaries each time: the context processor marks the open page in them
    return [
        {"text": text, "href": href, "pages": [{"text": t, "href": h} for t, h in pages]}
        for text, href, pages in _navigation_links(partnership.slug, allowed, get_script_prefix())
    ]


@functools.lru_cache(maxsize=128)
def _navigation_allowed(roles):
    """The NAVIGATION actions these roles allow in their partnership: RULES, as may_in_partnership reads
    them, worked out once for each set of roles rather than a dozen look-ups a page."""
    return tuple(action for action, _, _ in NAVIGATION if roles & permissions.roles_for(None, action, Partnership))


@functools.lru_cache(maxsize=1024)
def _navigation_links(slug, allowed, script_prefix):
    """The groups' links for a partnership and the NAVIGATION actions allowed there, reversed once for each
    (a dozen reverses a page otherwise). `script_prefix` is part of every path reversed."""
    pages = [("Partnership", "Agencies and subgroups", "accounts:partnership_detail")]
    for action, text, url_name in NAVIGATION:
        if action in allowed:
            pages.append((NAVIGATION_GROUPS.get(url_name, text), text, url_name))
    groups = {}
    for group, text, url_name in pages:
        groups.setdefault(group, []).append((text, reverse(url_name, args=[slug])))
    order = GROUP_ORDER + [g for g in groups if g not in GROUP_ORDER]
    return tuple((g, groups[g][0][1], tuple(groups[g])) for g in order if g in groups)


def agency_lead_exists(agency_ref="pk"):
    """An Exists() for annotating agencies (or records with an agency, `agency_ref` "agency") with whether
    anyone at the agency uses casereview as its safeguarding lead: a request to an agency with none reaches
    nobody, and the person asking must send it themselves."""
    from django.db.models import Exists, OuterRef

    from .models import Role

    # unscoped: whether a lead exists, never who; the caller has already read the agency through its scope.
    return Exists(
        Membership.objects.unscoped().filter(agency=OuterRef(agency_ref), role=Role.AGENCY_LEAD, is_active=True)
    )
