"""Who is asked: found from memberships (accounts), so a domain app names the agency or the role, never a list."""

from casereview.accounts.models import Membership, Role


def agency_leads(agency):
    # unscoped: a sender finding who to tell about a record already authorised; the agency bounds it.
    return [
        m.user
        for m in Membership.objects.unscoped()
        .filter(agency=agency, role=Role.AGENCY_LEAD, is_active=True)
        .select_related("user")
    ]


def role_holders(partnership, *roles):
    # unscoped: a sender finding who to tell about a record already authorised; the partnership bounds it.
    return [
        m.user
        for m in Membership.objects.unscoped()
        .filter(partnership=partnership, role__in=roles, is_active=True)
        .select_related("user")
    ]
