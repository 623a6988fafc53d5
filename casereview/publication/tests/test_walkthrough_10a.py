"""Walkthrough 10, findings 2 and 3 (helper uifix10a): a change to the replacement table is said in words on
the manager's home page (never "ReplacementTerm object (…)"), and it no longer voids a recorded sign-off
silently: the table's page warns before, the saved page says so after, the review's stage goes back, each
sign-off shows the fingerprint of the text it was for, and one dated before that text existed is refused."""

import html
import re
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction
from casereview.audit.services import record_event
from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm, TermStatus
from casereview.reviews.models import Review, ReviewType, Stage, StageChange
from casereview.testing import IncidentFactory, ReviewFactory, member

from .test_publication import decide_all, report_uploaded_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


@pytest.fixture
def reviewer(partnership_a):
    return member(partnership_a, Role.BUSINESS_MANAGER, username="ir", first_name="Independent", last_name="Reviewer")


def panel_signed(alice, review, kinds=("panel",)):
    from .test_publication import REPORT

    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    decide_all(alice, review)
    for kind in kinds:
        service.sign_off_record(actor=alice, review=review, kind=kind, signed_on=date(2025, 8, 1), signed_by="J")
    return report


def page_of(client, name, review):
    return html.unescape(client.get(reverse(name, args=[review.pk])).content.decode())


def change_a_row(client, review, replacement="the social worker"):
    term = ReplacementTerm.objects.filter(review=review, original="Mary Jones").first()
    data = {
        f"status-{term.pk}": TermStatus.ACCEPTED,
        f"replacement-{term.pk}": replacement,
        f"was-status-{term.pk}": term.status,
        f"was-replacement-{term.pk}": term.replacement,
    }
    return client.post(reverse("publication:anonymise", args=[review.pk]), data, follow=True)


def test_the_tables_page_warns_before_a_change_and_says_after_it_which_sign_offs_must_be_given_again(
    client, alice, review
):
    panel_signed(alice, review, kinds=("panel", "police", "legal"))
    client.force_login(alice)
    page = page_of(client, "publication:anonymise", review)
    assert (
        "The review panel's, the police's and the legal adviser's sign-offs were given for the anonymised text as "
        "it is now. Changing the table will mean they must be recorded again." in page
    )
    saved = html.unescape(change_a_row(client, review).content.decode())
    assert (
        "The replacement table has been saved. The anonymised text has changed, so the review panel's, the "
        "police's and the legal adviser's sign-offs must be recorded again for the text as it is now." in saved
    )
    assert "Changing the table will mean" not in saved, "no sign-off is given for the text as it is now"


def test_the_table_page_says_nothing_of_sign_offs_when_none_is_recorded(client, alice, review):
    panel_signed(alice, review, kinds=())
    client.force_login(alice)
    assert "Changing the table will mean" not in page_of(client, "publication:anonymise", review)
    saved = html.unescape(change_a_row(client, review).content.decode())
    assert "The replacement table has been saved." in saved and "recorded again" not in saved


def test_the_stage_goes_back_when_the_panels_sign_off_is_for_an_earlier_text(client, alice, review):
    panel_signed(alice, review)
    review.refresh_from_db()
    assert review.stage == Stage.PANEL_SIGN_OFF
    client.force_login(alice)
    change_a_row(client, review)
    review.refresh_from_db()
    assert review.stage == Stage.DRAFTING
    line = StageChange.objects.filter(review=review).order_by("-recorded_at").first()
    assert line.stage == Stage.DRAFTING and line.changed_on == timezone.localdate()
    assert line.note == "The anonymised text changed: the review panel's sign-off must be recorded again"
    assert "Drafting" in page_of(client, "reviews:detail", review)
    # given again for the text as it is now, the review is at panel sign-off again
    service.sign_off_record(actor=alice, review=review, kind="panel", signed_on=timezone.localdate(), signed_by="J")
    assert Review.objects.get(pk=review.pk).stage == Stage.PANEL_SIGN_OFF


def test_a_change_that_leaves_the_text_as_it_was_voids_nothing(client, alice, review):
    panel_signed(alice, review)
    term = ReplacementTerm.objects.filter(review=review, original="Mary Jones").first()
    client.force_login(alice)
    saved = html.unescape(change_a_row(client, review, replacement=term.replacement).content.decode())
    assert "The anonymised text has changed" not in saved
    assert "Changing the table will mean it must be recorded again" in saved, "still given for this text"
    assert Review.objects.get(pk=review.pk).stage == Stage.PANEL_SIGN_OFF


def test_each_sign_off_shows_the_fingerprint_of_the_text_it_was_given_for(client, alice, review):
    panel_signed(alice, review)
    signed_for = service.text_digest(service.current_text(review))[:8]
    client.force_login(alice)
    page = page_of(client, "publication:overview", review)
    assert f"Signed off by J on 1 August 2025, for the text with fingerprint {signed_for}" in page
    form = html.unescape(client.get(reverse("publication:sign_off", args=[review.pk]) + "?kind=panel").content.decode())
    assert f"The text as it is now has the fingerprint {signed_for}" in form
    change_a_row(client, review)
    now = service.text_digest(service.current_text(review))[:8]
    page = page_of(client, "publication:overview", review)
    assert (
        f"Given for an earlier text (signed off by J on 1 August 2025, for the text with fingerprint {signed_for}): "
        f"the anonymised text has changed since (its fingerprint is now {now})" in page
    )


def test_a_sign_off_dated_before_the_text_it_signs_existed_is_refused(client, alice, review):
    panel_signed(alice, review, kinds=())
    client.force_login(alice)
    change_a_row(client, review)  # the text as it is now was made today
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        service.sign_off_record(
            actor=alice, review=review, kind="panel", signed_on=today - timedelta(days=2), signed_by="J"
        )
    assert refused.value.message_dict["signed_on"][0].startswith(
        f"The date of sign-off cannot be before {today.day} {today:%B %Y}: the anonymised text it is for was made "
        "that day"
    )
    service.sign_off_record(actor=alice, review=review, kind="panel", signed_on=today, signed_by="J")


def _changes(client):
    page = html.unescape(client.get(reverse("home")).content.decode())
    return re.search(r'id="changes">(.*?)</ul>', page, re.S).group(1)


def test_the_managers_home_says_the_table_changed_and_what_it_means_in_words(client, alice, reviewer, review):
    panel_signed(alice, review)
    client.force_login(alice)
    client.get(reverse("home"))
    client.logout()
    client.force_login(reviewer)
    change_a_row(client, review)
    client.logout()
    client.force_login(alice)
    changes = _changes(client)
    assert "object (" not in changes
    table = reverse("publication:anonymise", args=[review.pk])
    assert f'<a class="govuk-link" href="{table}">Independent Reviewer changed the replacement table of Child R' in (
        changes.replace("&#x27;", "'")
    )
    overview = reverse("publication:overview", args=[review.pk])
    assert (
        f'<a class="govuk-link" href="{overview}">Independent Reviewer changed the anonymised text of Child R\'s '
        "report: the review panel's sign-off must be recorded again</a>" in changes
    )


def test_a_change_recorded_before_replacements_had_a_description_is_said_in_words_too(client, alice, reviewer, review):
    panel_signed(alice, review, kinds=())
    client.force_login(alice)
    client.get(reverse("home"))
    term = ReplacementTerm.objects.filter(review=review).first()
    record_event(
        actor=reviewer,
        action=AuditAction.UPDATE,
        obj=term,
        changes={"replacement": ["a", "b"]},
        object_repr=f"ReplacementTerm object ({term.pk})",
    )
    client.logout()
    client.force_login(alice)
    changes = _changes(client).replace("&#x27;", "'")
    assert "object (" not in changes
    assert "Independent Reviewer changed the replacement table of Child R's report" in changes


def test_every_kind_of_record_in_a_partnerships_audit_log_has_a_description_a_reader_understands():
    """The home page and the audit log name a record by its description: every model that belongs to a
    partnership (the ones whose changes are listed there) has its own, never Django's "<Model> object (id)"."""
    undescribed = [
        model._meta.label
        for model in apps.get_models()
        if model.__module__.startswith("casereview.")
        and getattr(model, "partnership_field", None)
        and model.__str__ is Model.__str__
    ]
    assert undescribed == []
