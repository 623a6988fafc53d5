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


def navigation_for(user):
    """Links to the areas that exist for this user. With one partnership they go straight to it; with
    several, the home page lists them."""
    partnerships = list(partnership_list(user=user))
    if len(partnerships) != 1:
        return []
    partnership = partnerships[0]
    items = [{"text": "Partnership", "href": reverse("accounts:partnership_detail", args=[partnership.slug])}]
    if permissions.can(user, "list_cases", partnership):
        items.append({"text": "Incidents", "href": reverse("incidents:list", args=[partnership.slug])})
    if permissions.can(user, "list_reviews", partnership):
        items.append({"text": "Reviews", "href": reverse("reviews:list", args=[partnership.slug])})
    if permissions.can(user, "import_documents", partnership):
        items.append({"text": "Documents", "href": reverse("documents:list", args=[partnership.slug])})
    if permissions.can(user, "view_deadlines", partnership):
        items.append({"text": "Due and overdue", "href": reverse("reporting:deadlines", args=[partnership.slug])})
    if permissions.can(user, "view_executive_report", partnership):
        items.append({"text": "Executive report", "href": reverse("reporting:executive_report", args=[partnership.slug])})
    if permissions.can(user, "view_action_plans", partnership):
        items.append({"text": "Action plans", "href": reverse("actionplans:monitoring", args=[partnership.slug])})
    if permissions.can(user, "view_risk_register", partnership):
        items.append({"text": "Risk register", "href": reverse("actionplans:risk_register", args=[partnership.slug])})
    if permissions.can(user, "view_dissemination", partnership):
        items.append({"text": "Learning", "href": reverse("actionplans:dissemination", args=[partnership.slug])})
    if permissions.can(user, "view_people", partnership):
        items.append({"text": "People", "href": reverse("accounts:people", args=[partnership.slug])})
    if permissions.can(user, "view_audit", partnership):
        items.append({"text": "Audit log", "href": reverse("audit:event_list", args=[partnership.slug])})
    return items
