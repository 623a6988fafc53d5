"""Who is asked: found from memberships (accounts), so a domain app names the agency or the role, never a list."""

from casereview.accounts.models import Membership, Role


def agency_leads(agency):
    return [
        m.user
        for m in Membership.objects.filter(agency=agency, role=Role.AGENCY_LEAD, is_active=True).select_related("user")
    ]


def role_holders(partnership, *roles):
    return [
        m.user
        for m in Membership.objects.filter(partnership=partnership, role__in=roles, is_active=True).select_related(
            "user"
        )
    ]
