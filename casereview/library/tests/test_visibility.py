"""Who reads which learning: viewers the published, anonymised learning and the national collection;
a confidential review's learning only those who may open the review; outsiders nothing of ours."""

import pytest

from casereview.accounts.models import Role
from casereview.library.models import Entry
from casereview.testing import member

from .conftest import national, point, published_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(partnership_a):
    published = published_review(partnership_a, title="Child P")
    draft = published_review(partnership_a, title="Child D", stage="drafting", published_on=None)
    confidential = published_review(partnership_a, title="Child C", is_confidential=True)
    return {
        "published": point(published, "Published learning."),
        "draft": point(draft, "Draft learning."),
        "confidential": point(confidential, "Confidential learning."),
        "national": national("National learning."),
    }


def visible(user, partnership):
    return set(Entry.objects.visible_to(user, partnership=partnership).values_list("text", flat=True))


def test_a_viewer_reads_published_learning_and_the_national_collection(bob, partnership_a, library):
    assert visible(bob, partnership_a) == {"Published learning.", "National learning."}


def test_the_business_manager_reads_every_review_of_theirs(alice, partnership_a, library):
    assert visible(alice, partnership_a) == {
        "Published learning.",
        "Draft learning.",
        "Confidential learning.",
        "National learning.",
    }


def test_a_panel_member_not_on_the_confidential_review_does_not_read_its_learning(partnership_a, library):
    panel = member(partnership_a, Role.PANEL_MEMBER, username="pat")
    assert "Confidential learning." not in visible(panel, partnership_a)
    assert "Draft learning." in visible(panel, partnership_a)


def test_an_outsider_reads_only_the_national_collection(charlie, partnership_a, partnership_b, library):
    assert visible(charlie, partnership_b) == {"National learning."}
    assert visible(charlie, partnership_a) == set()


def test_a_viewer_gets_404_for_a_draft_entry_and_reads_a_published_one(client, bob, library):
    client.force_login(bob)
    assert client.get(f"/library/entries/{library['draft'].pk}/").status_code == 404
    assert client.get(f"/library/entries/{library['confidential'].pk}/").status_code == 404
    page = client.get(f"/library/entries/{library['published'].pk}/")
    assert page.status_code == 200 and "Published learning." in page.content.decode()


def test_the_national_collection_is_read_only_to_a_partnership(client, alice, library):
    client.force_login(alice)
    url = f"/library/entries/{library['national'].pk}/"
    assert "Confirm or change the themes" not in client.get(url).content.decode()
    assert client.post(url, {"themes": []}).status_code == 403


def test_no_partnership_review_can_enter_the_national_collection(partnership_a):
    from django.db import IntegrityError, transaction

    review = published_review(partnership_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.create(
            partnership=None,
            review=review,
            kind="learning_point",
            text="x",
            review_title="x",
            review_key="x",
            source="national",
        )


def test_publishing_a_review_opens_its_learning_to_viewers(bob, partnership_a):
    import datetime

    review = published_review(partnership_a, title="Child Q", stage="drafting", published_on=None)
    point(review, "Learning from Q.")
    assert "Learning from Q." not in visible(bob, partnership_a)
    review.stage, review.published_on = "published", datetime.date(2024, 1, 5)
    review.save()
    assert "Learning from Q." in visible(bob, partnership_a)
