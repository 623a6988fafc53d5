"""Walkthrough 8's findings on the publication pages (docs/walkthrough-8.md): sign-offs of the anonymised
text, the replacement table keeping what the person chose, the anonymised draft, lifting a hold, the table
once published, and the smaller wording."""

import hashlib
import re
from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm, ReportSignOff, TermStatus
from casereview.reviews.models import ReviewType, Stage
from casereview.reviews.services import reviewer_appoint
from casereview.testing import IncidentFactory, ReviewFactory, member, report_uploaded_on

from .test_publication import PUBLISH_ON, REPORT, decide_all, ready_for_publication, sign_all

pytestmark = pytest.mark.django_db

DATES = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")  # identity: Rosie Example
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


def uploaded(alice, review, text=REPORT):
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=text.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    return report


def _checks(client, review):
    return client.post(reverse("publication:overview", args=[review.pk]), {**DATES, "check": "1"}).content.decode()


def _sign_offs(page):
    return re.search(r'<dl class="govuk-summary-list" id="sign-offs">(.*?)</dl>', page, re.S).group(1)


# --- finding 1: a sign-off is of the anonymised text ---------------------------------------------------


def test_a_sign_off_is_refused_while_any_detail_is_undecided(client, alice, review):
    uploaded(alice, review)
    with pytest.raises(ValidationError, match="Decide every detail in the replacement table first"):
        service.sign_off_record(actor=alice, review=review, kind="legal", signed_on=date(2025, 8, 1), signed_by="L")
    client.force_login(alice)
    url = reverse("publication:sign_off", args=[review.pk])
    form = client.get(url).content.decode()
    assert "there is no anonymised text to sign off" in form
    refused = client.post(
        url, {"kind": "legal", "signed_by": "Legal adviser", "signed_on_0": 1, "signed_on_1": 8, "signed_on_2": 2025}
    ).content.decode()
    assert "Decide every detail in the replacement table first: the sign-off is of the anonymised text" in refused
    assert not ReportSignOff.objects.filter(review=review).exists()


def test_a_sign_off_keeps_the_fingerprint_of_the_anonymised_text_it_was_given_for(alice, review):
    ready_for_publication(alice, review)
    text = service.anonymised_text(review)
    digests = set(ReportSignOff.objects.filter(review=review).values_list("text_digest", flat=True))
    assert digests == {hashlib.sha256(text.encode()).hexdigest()}


def test_a_sign_off_given_for_an_earlier_text_must_be_recorded_again(client, alice, review):
    """Walkthrough 8, finding 1: the table changed after the sign-offs and every check still passed."""
    ready_for_publication(alice, review)
    assert service.publication_gate(review, publication_date=PUBLISH_ON).passed
    decide_all(alice, review, **{"Mary Jones": (TermStatus.ACCEPTED, "the social worker")})
    client.force_login(alice)
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    sign_offs = _sign_offs(overview)
    assert sign_offs.count("Given for an earlier text (signed off by Signer on 1 August 2025, for the text with") == 3
    assert "Record again<span" in sign_offs
    page = _checks(client, review)
    assert "Every check passes" not in page
    url = reverse("publication:sign_off", args=[review.pk])
    assert (
        "The legal adviser signed off an earlier text (signed off on 1 August 2025): the anonymised text has changed "
        "since, so the sign-off must be given again for the text that will be published. "
        f'<a class="govuk-link" href="{url}?kind=legal">Record the sign-off again' in page
    )
    sign_all(alice, review, on=date(2025, 8, 2))
    assert service.publication_gate(review, publication_date=PUBLISH_ON).passed
    assert (
        "Given for an earlier text"
        not in client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    )


def test_a_sign_off_recorded_before_casereview_kept_its_text_is_given_again(alice, review):
    ready_for_publication(alice, review)
    ReportSignOff.objects.filter(review=review, kind="police").update(text_digest="")
    failures = service.publication_gate(review, publication_date=PUBLISH_ON).failures
    assert [f for f in failures if "signed off an earlier text" in f] == [
        "The police signed off an earlier text (signed off on 1 August 2025): the anonymised text has changed since, "
        "so the sign-off must be given again for the text that will be published"
    ]


def test_the_third_sign_off_says_the_review_is_now_at_partnership_sign_off(client, alice, review):
    uploaded(alice, review)
    decide_all(alice, review)
    client.force_login(alice)
    url = reverse("publication:sign_off", args=[review.pk])
    said = []
    for kind in ("panel", "police", "legal"):
        response = client.post(
            url,
            {"kind": kind, "signed_by": "Signer", "signed_on_0": 1, "signed_on_1": 8, "signed_on_2": 2025},
            follow=True,
        )
        said.append([str(m) for m in response.context["messages"]])
    assert said[0] == ["The sign-off of the review panel has been recorded."]
    assert said[2] == [
        "The sign-off of the legal adviser has been recorded. With all three sign-offs recorded, the review is now "
        "at “Partnership sign-off”."
    ]
    review.refresh_from_db()
    assert review.stage == Stage.PARTNERSHIP_SIGN_OFF
    # walkthrough 7, finding 12 and walkthrough 8: the kind is the legal adviser's, not "Legal"
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert '<dt class="govuk-summary-list__key">Legal adviser</dt>' in _sign_offs(overview)


# --- finding 2: a refused save keeps what the person chose -----------------------------------------------


def test_a_refused_save_keeps_every_choice_and_says_the_error_on_its_row(client, alice, review):
    uploaded(alice, review)
    terms = list(ReplacementTerm.objects.filter(review=review, status=TermStatus.PROPOSED))
    assert len(terms) >= 3
    emptied, allowed = terms[0], terms[1]
    posted = {}
    for term in terms:
        posted[f"status-{term.pk}"] = TermStatus.ALLOWED if term == allowed else TermStatus.ACCEPTED
        posted[f"replacement-{term.pk}"] = "" if term == emptied else f"{term.replacement} (changed)"
    client.force_login(alice)
    response = client.post(reverse("publication:anonymise", args=[review.pk]), posted)
    assert response.status_code == 200  # shown again, not redirected
    page = response.content.decode()
    field = f"replacement-{emptied.pk}"
    # the error summary links to the row's own field, and the row says the error beside it
    assert f'<a href="#{field}">Give a replacement for “{emptied.original}” or allow it</a>' in page
    assert f'<p class="govuk-error-message" id="{field}-error">' in page
    assert re.search(rf'<input class="[^"]*govuk-input--error" id="{field}" name="{field}" value=""', page)
    assert f'aria-describedby="{field}-error"' in page
    # every other choice and replacement is shown as the person left it
    for term in terms:
        select = re.search(rf'<select[^>]*id="status-{term.pk}".*?</select>', page, re.S).group(0)
        chosen = "allowed" if term == allowed else "accepted"
        assert f'<option value="{chosen}" selected>' in select, term.original
        if term != emptied:
            assert f'value="{term.replacement} (changed)"' in page
    # nothing was saved
    assert ReplacementTerm.objects.filter(review=review, status=TermStatus.PROPOSED).count() == len(terms)


# --- finding 3: the anonymised draft ------------------------------------------------------------------


def test_the_anonymised_draft_is_offered_once_every_detail_is_decided_marked_and_audited(client, alice, review):
    from docx import Document
    from pypdf import PdfReader

    uploaded(alice, review)
    client.force_login(alice)
    anonymise = reverse("publication:anonymise", args=[review.pk])
    overview = reverse("publication:overview", args=[review.pk])
    pdf, docx = (reverse(f"publication:draft_{f}", args=[review.pk]) for f in ("pdf", "docx"))
    assert pdf not in client.get(anonymise).content.decode()
    refused = client.get(pdf, follow=True)
    assert "Decide every detail in the replacement table first" in refused.content.decode()

    decide_all(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    compare = reverse("publication:diff", args=[review.pk])
    for page in (client.get(url).content.decode() for url in (anonymise, overview, compare)):
        assert f'href="{pdf}"' in page and f'href="{docx}"' in page and "Download the anonymised draft" in page
    response = client.get(pdf)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)
    assert "Draft — not for publication" in text and "Child R" in text
    assert "Mary Jones" not in text and "Rosie" not in text
    word = Document(BytesIO(client.get(docx).content))
    assert word.sections[0].header.paragraphs[0].text == "Draft — not for publication"
    assert "Mary Jones" not in " ".join(p.text for p in word.paragraphs)
    exports = AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=alice)
    assert sorted(exports.values_list("object_repr", flat=True)) == [
        "Anonymised draft of Child R's report (DOCX)",
        "Anonymised draft of Child R's report (PDF)",
    ]


def test_the_independent_reviewer_downloads_the_draft_too(client, alice, review, partnership_a):
    reviewer = member(partnership_a, Role.REVIEWER)
    reviewer_appoint(actor=alice, review=review, user=reviewer, appointed_on=date(2025, 1, 6), declaration="None")
    uploaded(alice, review)
    decide_all(alice, review)
    client.force_login(reviewer)
    assert client.get(reverse("publication:draft_pdf", args=[review.pk])).status_code == 200


# --- findings 8 and 9: lifting a hold --------------------------------------------------------------------


def test_lifting_a_hold_asks_why_and_records_it_on_the_hold_and_in_the_audit(client, alice, review):
    uploaded(alice, review)
    hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings: wait for the verdict.")
    client.force_login(alice)
    lift = reverse("publication:hold_lift", args=[hold.pk])
    form = client.get(lift).content.decode()
    assert "Has the reason for the hold ended?" in form and "Why is the hold lifted?" in form
    refused = client.post(lift, {"reason": ""}).content.decode()
    assert "Say why the hold is lifted" in refused
    hold.refresh_from_db()
    assert hold.lifted_on is None
    client.post(lift, {"reason": "The trial ended with a verdict on 2 December"})
    hold.refresh_from_db()
    assert hold.lifted_on and hold.lifted_reason == "The trial ended with a verdict on 2 December"
    page = client.get(reverse("publication:hold_detail", args=[hold.pk])).content.decode()
    assert re.search(r'id="lifted-reason">The trial ended with a verdict on 2 December<', page)
    event = AuditEvent.objects.filter(object_id=str(hold.pk), action=AuditAction.UPDATE).latest("at")
    assert event.reason == "The trial ended with a verdict on 2 December"
    with pytest.raises(ValidationError, match="already lifted"):
        service.hold_lift(actor=alice, hold=hold, reason="Again")


def test_once_a_hold_is_lifted_its_notice_no_longer_says_publication_is_on_hold(client, alice, review, partnership_a):
    from casereview.notifications.models import Notification

    reviewer = member(partnership_a, Role.REVIEWER)
    reviewer_appoint(actor=alice, review=review, user=reviewer, appointed_on=date(2025, 1, 6), declaration="None")
    hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    client.force_login(reviewer)
    assert "Publication of a review is on hold" in client.get("/").content.decode()
    service.hold_lift(actor=alice, hold=hold, reason="The trial ended")
    home = client.get("/").content.decode()
    assert "Publication of a review is on hold" not in home
    assert "The hold on publication was lifted — Child R" in home
    assert not Notification.objects.filter(what="Publication of a review is on hold").exists()


def test_a_hold_standing_is_said_once_and_not_offered_again(client, alice, review):
    """Walkthrough 8, finding 21: "…wait for the verdict.." and "Hold publication" beside the hold."""
    uploaded(alice, review)
    client.force_login(alice)
    overview = reverse("publication:overview", args=[review.pk])
    holding = reverse("publication:hold", args=[review.pk])
    assert f'href="{holding}">Hold publication</a>' in client.get(overview).content.decode()
    form = client.get(holding).content.decode()
    # said to the business manager putting the hold on: the others told, not "the business manager"
    assert "tells the review's independent reviewer (and any other business manager of the partnership)" in form
    service.hold_place(actor=alice, review=review, reason="Criminal proceedings: wait for the verdict.")
    page = client.get(overview).content.decode()
    assert "wait for the verdict." in page and "verdict.." not in page
    assert f'href="{holding}">Hold publication</a>' not in page
    assert "verdict.." not in client.get(holding).content.decode()


# --- finding 10: the table keeps its order --------------------------------------------------------------


def _row_order(client, review):
    page = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    return re.findall(r'<label class="govuk-visually-hidden" for="status-[^"]+">Decision for (.*?)</label>', page)


def test_the_replacement_table_keeps_its_order_after_a_save(client, alice, review):
    uploaded(alice, review)
    client.force_login(alice)
    before = _row_order(client, review)
    assert len(before) >= 3
    terms = list(ReplacementTerm.objects.filter(review=review, status=TermStatus.PROPOSED))
    # decide the first row only: sorted by status, it moved down below every row still to decide
    first = next(t for name in before for t in terms if t.original == name)
    assert first.original != before[-1]
    service.terms_decide(actor=alice, review=review, decisions={str(first.pk): (TermStatus.ALLOWED, "")})
    assert _row_order(client, review) == before


# --- finding 11: the table once published ---------------------------------------------------------------


def test_once_published_the_table_is_read_only_and_a_save_is_refused(client, alice, review):
    ready_for_publication(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    client.force_login(alice)
    url = reverse("publication:anonymise", args=[review.pk])
    page = client.get(url).content.decode()
    assert "The report was published on 1 September 2025" in page
    assert "a corrected version is put on the partnership's website outside casereview" in page
    assert "Save the table" not in page and "Add to the table" not in page and "<select" not in page
    term = ReplacementTerm.objects.filter(review=review).first()
    refused = client.post(url, {f"status-{term.pk}": "accepted", f"replacement-{term.pk}": "Changed"})
    assert "the replacement table can no longer be changed" in refused.content.decode()
    term.refresh_from_db()
    assert term.replacement != "Changed"
    with pytest.raises(ValidationError, match="can no longer be changed"):
        service.term_add(actor=alice, review=review, original="Blue Anchor", type="PLACE")
    with pytest.raises(ValidationError, match="cannot be uploaded"):
        service.report_upload(actor=alice, review=review, name="report.txt", data=b"A new text")


# --- finding 21: a draft's title in a report about to be published ---------------------------------------


def test_the_checks_stop_a_title_that_still_says_draft(client, alice, review):
    """Walkthrough 11, finding 3: a warning beside "Every check passes" let the draft be published."""
    report = service.report_upload(
        actor=alice,
        review=review,
        name="report.txt",
        data=("Child R (draft for the review panel)\n\n" + REPORT).encode(),
    )
    service.report_detect(report.pk)
    decide_all(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    sign_all(alice, review)
    from casereview.core.working_days import add_working_days

    service.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -7))
    gate = service.publication_gate(review, publication_date=PUBLISH_ON)
    assert gate.failures == [
        "The report's title still says it is a draft: “Child R (draft for the review panel)”. If this is the final "
        "report, correct the title and upload the final version"
    ]
    client.force_login(alice)
    page = _checks(client, review)
    assert "Every check passes" not in page and "still says it is a draft" in page
