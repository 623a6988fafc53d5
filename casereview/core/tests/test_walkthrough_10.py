"""Walkthrough 10's findings on forms and addresses (docs/walkthrough-10.md): a length limit said in a
sentence when the label is a question (finding 8), and a NUL character in a form or a path (finding 9)."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from casereview.core.forms import TEXT_MAX_CHARACTERS
from casereview.testing import (
    ReviewFactory,
    page_text,
    police_information_sent,
)

pytestmark = pytest.mark.django_db


def test_the_limit_on_a_hold_reason_reads_as_a_sentence(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    client.force_login(alice)
    response = client.post(reverse("publication:hold", args=[review.pk]), {"reason": "x" * (TEXT_MAX_CHARACTERS + 1)})
    page = page_text(response)
    assert "The reason must be 20,000 characters or fewer" in page
    assert "Why is publication held? must be" not in page
    assert "x" * (TEXT_MAX_CHARACTERS + 1) in response.content.decode()  # the text is kept


def test_the_limit_on_a_short_field_is_said_in_our_words_not_djangos():
    from django import forms

    from casereview.core.forms import GovukFormMixin

    class Form(GovukFormMixin, forms.Form):
        name = forms.CharField(label="Name and role", max_length=200)

    form = Form({"name": "x" * 201})
    assert form.errors["name"] == [
        "Name and role must be 200 characters or fewer. It is 201 characters now. Shorten it and send it again."
    ]


@pytest.fixture
def sent(partnership_a):
    return police_information_sent(partnership_a)


def test_a_null_character_in_a_form_is_named_and_taken_out_of_the_text_shown_again(client, sent):
    request, lead = sent
    client.force_login(lead)
    url = reverse("decisions:request_answer", args=[request.pk])
    response = client.post(url, {"response": "A third call-out\x00 on 2 April."})
    assert response.status_code == 200
    page = page_text(response)
    assert "Null characters are not allowed" not in page
    assert (
        "What to add had a character that cannot be saved (a null character, which some systems leave when text "
        "is copied from them). It has been taken out: check the text and send it again" in page
    )
    body = response.content.decode()
    assert "A third call-out on 2 April.</textarea>" in body  # the rest as typed
    assert "\x00" not in body and "\ufffd" not in body
    request.refresh_from_db()
    assert request.response == "Two call-outs in March."  # nothing saved until it is sent again


@override_settings(DEBUG=True)
def test_a_null_character_in_a_path_gets_our_own_page_in_development(client, sent):
    request, lead = sent
    client.force_login(lead)
    response = client.get(reverse("decisions:request_answer", args=[request.pk])[:-1] + "%00/")
    assert response.status_code == 400
    page = page_text(response)
    assert "There is a problem with the web address" in page
    assert "a null character" in page
    assert "URLconf" not in page and "Using the URLconf" not in page


def test_times_on_the_information_request_are_written_one_way(client, sent, settings, tmp_path):
    from casereview.testing import InformationAttachmentFactory

    settings.MEDIA_ROOT = tmp_path
    request, lead = sent
    InformationAttachmentFactory(info_request=request, sent_by=lead)
    client.force_login(lead)
    url = reverse("decisions:request_answer", args=[request.pk])
    client.post(url, {"response": "A third call-out on 2 April."})
    page = page_text(client.get(url))
    assert re.search(r"Sent \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d by Police Lead\.", page), page
    assert re.search(r"Added on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d by Police Lead:", page)
    assert "a.m." not in page and "p.m." not in page
