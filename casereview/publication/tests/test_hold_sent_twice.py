"""A hold's form sent twice (a second click, Back and Send) places one hold, as the incident form does;
probe 15 found two, each to be lifted on its own."""

import pytest
from django.urls import reverse

from casereview.publication import services as service
from casereview.publication.models import PublicationHold
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


def test_the_hold_form_sent_twice_places_one_hold_and_answers_both_with_it(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    client.force_login(alice)
    url = reverse("publication:hold", args=[review.pk])
    answers = [client.post(url, {"reason": "Criminal proceedings"}) for _ in range(2)]
    hold = PublicationHold.objects.unscoped().get(review=review)
    assert [a.status_code for a in answers] == [302, 302] and answers[0]["Location"] == answers[1]["Location"]
    assert hold.reason == "Criminal proceedings"


def test_a_second_hold_for_another_reason_or_after_the_first_was_lifted_is_placed(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    coroner = service.hold_place(actor=alice, review=review, reason="The inquest has not yet been held")
    assert police.pk != coroner.pk
    service.hold_lift(actor=alice, hold=police, reason="The trial ended")
    again = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    assert again.pk not in (police.pk, coroner.pk)
    assert PublicationHold.objects.unscoped().filter(review=review, lifted_on__isnull=True).count() == 2
