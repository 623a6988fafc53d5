"""Reads. Every list starts from the scoped queryset (`visible_to`)."""

from django.db.models import Q
from django.urls import reverse

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
    ("view_dissemination", "Learning", "actionplans:dissemination"),
    ("view_people", "People", "accounts:people"),
    ("view_audit", "Audit log", "audit:event_list"),
]


def navigation_for(user):
    """Links to the areas that exist for this user. With one partnership they go straight to it; with
    several, the home page lists them."""
    partnerships = list(partnership_list(user=user))
    if len(partnerships) != 1:
        return []
    partnership = partnerships[0]
    items = [{"text": "Partnership", "href": reverse("accounts:partnership_detail", args=[partnership.slug])}]
    for action, text, url_name in NAVIGATION:
        if permissions.may_in_partnership(user, action, partnership):
            items.append({"text": text, "href": reverse(url_name, args=[partnership.slug])})
    return items
