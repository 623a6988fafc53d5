"""Reads of partnerships, agencies and people: a member sees their own partnership only."""

import pytest

from casereview.accounts import selectors
from casereview.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_the_outsider_sees_nothing_of_another_partnership(partnership_a, agency_a, alice, charlie):
    assert list(selectors.partnership_list(user=charlie)) == [charlie.memberships.get().partnership]
    assert not selectors.agency_list(user=charlie, partnership=partnership_a).exists()
    assert not selectors.membership_list(user=charlie, partnership=partnership_a).exists()


def test_people_are_found_by_name_agency_or_role(partnership_a, agency_a, alice, dora):
    assert list(
        selectors.membership_list(user=alice, partnership=partnership_a, query="davies").values_list(
            "user__username", flat=True
        )
    ) == ["dora"]
    assert [
        m.user for m in selectors.membership_list(user=alice, partnership=partnership_a, role=Role.PANEL_MEMBER)
    ] == [dora]


def _pages(user):
    return [page["text"] for group in selectors.navigation_for(user) for page in group["pages"]]


def test_the_navigation_offers_only_what_the_role_opens(alice, bob):
    assert "Audit log" in _pages(alice)
    assert "Audit log" not in _pages(bob)


def test_the_navigation_groups_the_pages_in_one_row(alice, bob):
    assert [group["text"] for group in selectors.navigation_for(alice)] == [
        "Cases",
        "Reviews",
        "Learning",
        "Partnership",
    ]
    # a viewer's groups hold only published learning and the partnership's directory
    assert [group["text"] for group in selectors.navigation_for(bob)] == ["Learning", "Partnership"]
    # beneath "Learning", its pages are not called "Learning" again
    learning = next(group for group in selectors.navigation_for(bob) if group["text"] == "Learning")
    assert [page["text"] for page in learning["pages"]] == ["Library", "Spreading the learning"]


def test_the_navigation_is_made_from_the_memberships_already_read(
    alice, partnership_a, partnership_b, django_assert_num_queries
):
    from casereview.accounts import permissions
    from casereview.testing import MembershipFactory

    permissions.active_memberships(alice)  # as the request's first permission check reads them
    with django_assert_num_queries(0):
        hrefs = [page["href"] for group in selectors.navigation_for(alice) for page in group["pages"]]
    assert hrefs and all("/southwark/" in href for href in hrefs)
    # with a second partnership the home page lists them instead
    MembershipFactory(user=alice, partnership=partnership_b, role=Role.VIEWER)
    permissions.forget_answers(alice)
    assert selectors.navigation_for(alice) == []
