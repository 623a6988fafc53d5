"""The demo has a draft report to anonymise: the publication page shows work to do, not only "upload"."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from casereview.accounts.models import User
from casereview.audit.models import AuditAction, AuditEvent
from casereview.publication.models import ReplacementTerm, Report, ReportStatus, TermStatus
from casereview.reviews.models import Review, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=StringIO())


def test_a_southwark_review_has_a_checked_draft_report_with_details_to_decide(demo, client):
    review = Review.objects.unscoped().get(partnership__slug="southwark", title="Child T")
    report = Report.objects.unscoped().get(review=review)
    assert report.status == ReportStatus.READY
    proposed = ReplacementTerm.objects.unscoped().filter(review=review, status=TermStatus.PROPOSED)
    found = set(proposed.values_list("original", flat=True))
    assert {"Tara Wilson", "Kelly Wilson", "Larkfield Primary School"} <= found
    assert review.stage == Stage.DRAFTING

    client.force_login(User.objects.get(username="southwark.manager"))
    page = client.get(f"/reviews/{review.pk}/publication/").content.decode()
    total = ReplacementTerm.objects.unscoped().filter(review=review).count()  # ages kept as written need none
    kept = total - proposed.count()
    assert kept  # the ages kept as written are decided already, and not counted among those to decide
    assert f"{proposed.count()} details to decide; {kept} age{'s' if kept > 1 else ''} kept as written." in page
    assert "Upload the final report" not in page
    anonymise = client.get(f"/reviews/{review.pk}/anonymise/").content.decode()
    assert "app-mark--person" in anonymise and "Tara Wilson" in anonymise
    # the draft's dates follow the incident's, which is dated from the day the demo is loaded
    aware = review.incident.aware_date
    assert f"admitted to hospital on {aware.day} {aware:%B}" in report.text and "{" not in report.text


def test_the_draft_report_is_audited_as_the_reviewers_upload(demo):
    review = Review.objects.unscoped().get(partnership__slug="southwark", title="Child T")
    report = Report.objects.unscoped().get(review=review)
    created = AuditEvent.objects.get(
        object_type=ContentType.objects.get_for_model(Report), object_id=str(report.pk), action=AuditAction.CREATE
    )
    assert created.actor.username == "southwark.reviewer" == report.uploaded_by.username
    assert review.stage_changes.filter(stage=Stage.DRAFTING, note="Final report uploaded").exists()


def test_loading_the_demo_again_adds_no_second_report(demo):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert Report.objects.unscoped().filter(review__title="Child T").count() == 1


def test_the_reviewer_finds_the_draft_from_the_review_and_is_led_back_to_it(demo, client):
    """The independent reviewer may anonymise but not open publication: the review page had no link to the
    report, and the report's pages led back to a page that answered "You cannot do this"."""
    review = Review.objects.unscoped().get(partnership__slug="southwark", title="Child T")
    client.force_login(User.objects.get(username="southwark.reviewer"))
    detail = client.get(f"/reviews/{review.pk}/").content.decode()
    assert f'href="/reviews/{review.pk}/anonymise/">Anonymise the report</a>' in detail
    assert f"/reviews/{review.pk}/publication/" not in detail
    for page in ("anonymise/", "anonymise/compare/", "report/"):
        text = client.get(f"/reviews/{review.pk}/{page}").content.decode()
        assert f"/reviews/{review.pk}/publication/" not in text, page
        assert f'href="/reviews/{review.pk}/"' in text, page
    assert client.get(f"/reviews/{review.pk}/publication/").status_code == 403


def test_the_demo_report_once_decided_can_be_signed_off_and_passes_every_check(demo):
    """Walkthrough 8, finding 1: the sign-offs are of the anonymised text, so they come after the table is
    decided; the demo still reaches a publishable state that way (its title's "draft" is a warning only)."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days
    from casereview.publication import services

    review = Review.objects.unscoped().get(partnership__slug="southwark", title="Child T")
    manager = User.objects.get(username="southwark.manager")
    terms = ReplacementTerm.objects.unscoped().filter(review=review)
    services.terms_decide(
        actor=manager, review=review, decisions={str(t.pk): (TermStatus.ACCEPTED, t.replacement) for t in terms}
    )
    today = timezone.localdate()
    for kind in ("panel", "police", "legal"):
        services.sign_off_record(actor=manager, review=review, kind=kind, signed_on=today, signed_by="Signer")
    # Sent today, the day its text was made (it cannot be sent before: walkthrough 11, finding 2), and
    # published 7 working days later.
    sent_on = today
    publish_on = add_working_days(sent_on, 7)
    services.report_sent_record(actor=manager, review=review, sent_on=sent_on)
    gate = services.publication_gate(review, publication_date=publish_on)
    assert gate.passed, gate.failures
    assert not any("still says it is a draft" in f for f in gate.failures)  # the demo's is the final report
