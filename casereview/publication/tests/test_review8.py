"""A second reader of walkthrough 8's publication fixes (helper review8): two people at once on the
replacement table, a sign-off or a hold lifted while someone else acts, input the pages must refuse without
an error page, and the draft's file name."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.publication import services as service
from casereview.publication.models import PublicationHold, ReplacementTerm, ReportSignOff, TermStatus
from casereview.reviews.models import ReviewType
from casereview.testing import IncidentFactory, ReviewFactory, member, report_uploaded_on

from .test_publication import REPORT, decide_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


def uploaded(alice, review):
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    return report


def _form_fields(page):
    """The replacement table's fields as the page sends them back (inputs, hidden ones and selected options)."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="((?:was-)?(?:status|replacement)-[^"]+)" value="([^"]*)"', page):
        fields[name] = value.replace("&quot;", '"').replace("&amp;", "&")
    for name, body in re.findall(r'<select[^>]*name="(status-[^"]+)">(.*?)</select>', page, re.S):
        fields[name] = re.search(r'<option value="([^"]+)" selected', body).group(1)
    return fields


def _term(review, original):
    return ReplacementTerm.objects.get(review=review, original__contains=original)


def test_a_second_reviewer_saving_the_table_keeps_what_the_first_decided_meanwhile(client, alice, review):
    """Two people with the table open: the second's save put back, on every row they had not touched, what
    the page showed them, and so undid the first's decisions."""
    uploaded(alice, review)
    client.force_login(alice)
    url = reverse("publication:anonymise", args=[review.pk])
    fields = _form_fields(client.get(url).content.decode())
    mary, rosie = _term(review, "Mary Jones"), _term(review, "Example")
    # meanwhile someone else decides Mary Jones
    bob = member(review.partnership, "business_manager", username="bob")
    service.terms_decide(actor=bob, review=review, decisions={str(mary.pk): (TermStatus.ACCEPTED, "the social worker")})
    # alice decides only the child's name, and saves the page she opened before
    fields[f"status-{rosie.pk}"] = TermStatus.ACCEPTED
    fields[f"replacement-{rosie.pk}"] = "Child R"
    assert client.post(url, fields).status_code == 302
    mary.refresh_from_db()
    rosie.refresh_from_db()
    assert (mary.status, mary.replacement, mary.decided_by) == (TermStatus.ACCEPTED, "the social worker", bob)
    assert (rosie.status, rosie.replacement) == (TermStatus.ACCEPTED, "Child R")


def test_a_row_two_people_changed_differently_is_refused_on_its_row(client, alice, review):
    uploaded(alice, review)
    client.force_login(alice)
    url = reverse("publication:anonymise", args=[review.pk])
    fields = _form_fields(client.get(url).content.decode())
    mary = _term(review, "Mary Jones")
    bob = member(review.partnership, "business_manager", username="bob")
    service.terms_decide(actor=bob, review=review, decisions={str(mary.pk): (TermStatus.ACCEPTED, "the social worker")})
    fields[f"status-{mary.pk}"] = TermStatus.ALLOWED
    page = client.post(url, fields).content.decode()
    assert "changed “Mary Jones” while you were working on the table" in page
    assert f'href="#replacement-{mary.pk}"' in page
    mary.refresh_from_db()
    assert (mary.status, mary.replacement) == (TermStatus.ACCEPTED, "the social worker")
    # saved again, now that they have seen it, their choice is kept
    fields = _form_fields(page)
    assert fields[f"status-{mary.pk}"] == TermStatus.ALLOWED
    assert client.post(url, fields).status_code == 302
    mary.refresh_from_db()
    assert mary.status == TermStatus.ALLOWED


def test_a_replacement_too_long_to_keep_is_refused_on_its_row(client, alice, review):
    """The column holds 500 characters: a longer one was an error page on PostgreSQL (SQLite kept it)."""
    uploaded(alice, review)
    client.force_login(alice)
    url = reverse("publication:anonymise", args=[review.pk])
    mary = _term(review, "Mary Jones")
    page = client.post(url, {f"status-{mary.pk}": TermStatus.ACCEPTED, f"replacement-{mary.pk}": "x" * 501})
    assert page.status_code == 200
    assert "The replacement for “Mary Jones” must be 500 characters or fewer" in page.content.decode()
    mary.refresh_from_db()
    assert mary.status == TermStatus.PROPOSED


def test_a_sign_off_recorded_after_the_text_changed_under_the_form_is_refused(client, alice, review):
    """The sign-off form was opened for one text; the table changed before it was sent: the sign-off was
    kept as given for the new text, which nobody had signed off."""
    uploaded(alice, review)
    decide_all(alice, review)
    client.force_login(alice)
    url = reverse("publication:sign_off", args=[review.pk])
    form = client.get(url + "?kind=legal").content.decode()
    digest = re.search(r'name="text_seen" value="([0-9a-f]{64})"', form).group(1)
    assert digest == service.text_digest(service.current_text(review))
    decide_all(alice, review, **{"Mary Jones": (TermStatus.ACCEPTED, "the social worker")})
    posted = {"kind": "legal", "signed_by": "L", "signed_on_0": 1, "signed_on_1": 8, "signed_on_2": 2025}
    page = client.post(url, {**posted, "text_seen": digest}).content.decode()
    assert "The anonymised text has changed since this page was opened" in page
    assert not ReportSignOff.objects.filter(review=review).exists()
    # the page now carries the new text's fingerprint: sent again, it is recorded for that text
    digest = re.search(r'name="text_seen" value="([0-9a-f]{64})"', page).group(1)
    assert client.post(url, {**posted, "text_seen": digest}).status_code == 302
    assert ReportSignOff.objects.get(review=review).text_digest == digest


def test_a_hold_lifted_twice_at_once_keeps_the_first_reason(alice, review):
    hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    stale = PublicationHold.objects.get(pk=hold.pk)  # the second person's page loaded it before the lift
    service.hold_lift(actor=alice, hold=hold, reason="The trial ended")
    with pytest.raises(ValidationError, match="already lifted"):
        service.hold_lift(actor=alice, hold=stale, reason="The police agree")
    assert PublicationHold.objects.get(pk=hold.pk).lifted_reason == "The trial ended"


def test_the_drafts_file_name_keeps_a_title_with_quotes_and_accents(client, alice, partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    review = ReviewFactory(partnership=partnership_a, incident=incident, title='Child “Zoë” "R"')
    uploaded(alice, review)
    decide_all(alice, review)
    client.force_login(alice)
    response = client.get(reverse("publication:draft_pdf", args=[review.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "=?utf-8?" not in disposition, disposition
    # (walkthrough 9, finding 13: the name goes on with the time it was made and the text's fingerprint)
    assert re.search(
        r"filename\*=utf-8''Child%20%E2%80%9CZo%C3%AB%E2%80%9D%20%22R%22%20-%20anonymised%20draft%20"
        r"\d{4}-\d\d-\d\d%20\d{4}%20[0-9a-f]{8}\.pdf",
        disposition,
    ), disposition
    assert "no-store" in response["Cache-Control"]
