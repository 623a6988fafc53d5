"""A learning point or recommendation entered twice is withdrawn with a reason, never deleted: it leaves
the lists, the others close up their numbers, and it stays readable in its history."""

import pytest
from django.urls import reverse

from casereview.audit.models import AuditAction, AuditEvent
from casereview.reviews.models import Recommendation
from casereview.reviews.selectors import findings_for
from casereview.testing import ActionFactory, RecommendationFactory, ReviewFactory


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a)


@pytest.fixture
def three(review):
    return [
        RecommendationFactory(review=review, number=n, text=text)
        for n, text in [(1, "Audit transfer summaries."), (2, "Audit transfer summaries."), (3, "Train GPs.")]
    ]


def withdraw(client, recommendation, reason):
    return client.post(reverse("reviews:recommendation_withdraw", args=[recommendation.pk]), {"reason": reason})


def test_the_confirmation_page_shows_what_will_be_withdrawn(client, alice, three):
    client.force_login(alice)
    page = client.get(reverse("reviews:recommendation_withdraw", args=[three[1].pk])).content.decode()
    assert "Withdraw recommendation 2?" in page and "Audit transfer summaries." in page
    assert Recommendation.objects.current().count() == 3


def test_a_duplicate_recommendation_leaves_the_list_and_the_next_one_takes_its_number(client, alice, review, three):
    client.force_login(alice)
    response = withdraw(client, three[1], "Entered twice")
    assert response.status_code == 302
    _, recommendations = findings_for(user=alice, review=review)
    assert [(r.number, r.text) for r in recommendations] == [(1, "Audit transfer summaries."), (2, "Train GPs.")]
    page = client.get(reverse("reviews:findings", args=[review.pk])).content.decode()
    assert "Withdrawn" in page and "Entered twice" in page

    history = client.get(reverse("reviews:recommendation_history", args=[three[1].pk])).content.decode()
    assert "Withdrawn on" in history and "Entered twice" in history and "Alice Adams" in history
    assert AuditEvent.objects.get(action=AuditAction.WITHDRAW, object_id=str(three[1].pk)).reason == "Entered twice"


def test_a_new_recommendation_can_take_the_number_a_withdrawn_one_had(alice, review, three):
    from casereview.reviews.services import finding_save, finding_withdraw

    finding_withdraw(actor=alice, finding=three[2], reason="Wrong review")
    finding_save(actor=alice, review=review, model=Recommendation, number=3, text="Share plans with schools.")
    assert Recommendation.objects.current().filter(review=review).count() == 3


def test_a_withdrawal_needs_a_reason(client, alice, three):
    client.force_login(alice)
    response = withdraw(client, three[1], "  ")
    assert "Say why you are withdrawing it" in response.content.decode()
    assert Recommendation.objects.current().count() == 3


def test_a_recommendation_answered_by_an_action_is_not_withdrawn(client, alice, review, three):
    ActionFactory(review=review, recommendation=three[1])
    client.force_login(alice)
    response = withdraw(client, three[1], "Entered twice")
    assert "One action in the action plan answers it" in response.content.decode()
    assert Recommendation.objects.current().count() == 3


def test_another_partnerships_recommendation_cannot_be_withdrawn(client, charlie, three):
    client.force_login(charlie)
    assert withdraw(client, three[1], "Entered twice").status_code == 404
    assert Recommendation.objects.current().count() == 3


def test_a_learning_event_recorded_for_the_wrong_review_is_withdrawn_and_leaves_the_page(client, alice, review):
    from casereview.testing import LearningEventFactory

    event = LearningEventFactory(review=review, themes_discussed="Wrong review's themes")
    client.force_login(alice)
    url = reverse("reviews:learning_event_withdraw", args=[event.pk])
    assert "Withdraw the learning event on 12 March 2025?" in client.get(url).content.decode()
    client.post(url, {"reason": "Belongs to Child S"})
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "Wrong review&#x27;s themes" not in page
    assert AuditEvent.objects.filter(action=AuditAction.WITHDRAW, reason="Belongs to Child S").exists()
