"""'Add to what you sent' sent again one after the other (a second click after a slow answer, Back and Send)
is added once, as the incident form answers a resent form with the first incident (probe 15)."""

import re

import pytest
from django.urls import reverse

from casereview.decisions import services
from casereview.decisions.forms import ADDITION_MAX
from casereview.testing import (
    police_information_sent,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(partnership_a):
    return police_information_sent(partnership_a)


def test_an_addition_sent_twice_in_a_row_is_added_once_with_its_time(client, sent):
    request, lead = sent
    client.force_login(lead)
    url = reverse("decisions:request_answer", args=[request.pk])
    answers = [client.post(url, {"response": "A third call-out on 2 April."}) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    request.refresh_from_db()
    assert request.response.count("A third call-out on 2 April.") == 1
    assert re.search(r"Added on \d{1,2} \w+ \d{4} at \d\d:\d\d by Police Lead:", request.response)


def test_the_first_sending_sent_again_is_not_added_to_itself(sent):
    request, lead = sent
    services.information_request_answer(actor=lead, info_request=request, response="Two call-outs in March.")
    request.refresh_from_db()
    assert request.response == "Two call-outs in March."


def test_different_words_are_added_and_someone_else_sending_the_same_words_is_added(sent, alice):
    request, lead = sent
    services.information_request_answer(actor=lead, info_request=request, response="A third call-out.")
    services.information_request_answer(actor=lead, info_request=request, response="A fourth call-out.")
    services.information_request_answer(actor=alice, info_request=request, response="A fourth call-out.")
    request.refresh_from_db()
    assert request.response.count("A fourth call-out.") == 2 and "A third call-out." in request.response


def test_an_addition_longer_than_the_limit_is_refused_on_the_form(client, sent):
    request, lead = sent
    client.force_login(lead)
    url = reverse("decisions:request_answer", args=[request.pk])
    page = client.post(url, {"response": "x" * (ADDITION_MAX + 1)}).content.decode()
    assert "What you add must be 10,000 characters or fewer" in page and "govuk-error-summary" in page
    request.refresh_from_db()
    assert request.response == "Two call-outs in March."
