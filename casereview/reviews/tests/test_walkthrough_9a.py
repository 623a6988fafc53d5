"""Walkthrough 9's findings on a review's dates and timeline (docs/walkthrough-9.md), helper uifix9a."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casereview.audit.models import AuditEvent
from casereview.reviews import services
from casereview.reviews.models import StageChange
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a, decided_on=date(2025, 5, 20))


def _terms(alice, review, **changes):
    fields = {
        "scope_start": date(2024, 1, 1),
        "scope_end": date(2025, 4, 17),
        "lines_of_enquiry": "How the school's concerns were shared.",
        "methodology": "systems",
        "agreed_on": date(2025, 6, 2),
    }
    return services.terms_save(actor=alice, review=review, **{**fields, **changes})


def test_terms_cannot_be_agreed_before_the_review_was_commissioned_nor_scoped_past_today(alice, review):
    with pytest.raises(ValidationError) as refused:
        _terms(alice, review, agreed_on=date(2020, 1, 1))
    assert refused.value.message_dict["agreed_on"] == [
        "The date agreed cannot be before the review was commissioned (20 May 2025)"
    ]
    with pytest.raises(ValidationError) as refused:
        _terms(alice, review, scope_end=timezone.localdate() + timedelta(days=1))
    assert refused.value.message_dict["scope_end"] == ["The end of the scope period must be today or in the past"]


def test_the_timeline_follows_terms_agreed_again_with_another_date_and_keeps_the_correction(client, alice, review):
    _terms(alice, review, agreed_on=date(2025, 6, 2))
    _terms(alice, review, agreed_on=date(2025, 6, 9))
    line = StageChange.objects.get(review=review, stage="terms_agreed")
    assert line.changed_on == date(2025, 6, 9)
    assert "first recorded as 2 June 2025" in line.note
    assert AuditEvent.objects.filter(object_id=str(review.pk), changes__has_key="Timeline: Terms of reference agreed")
    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "<strong>9 June 2025</strong>: Terms of reference agreed" in page
    assert "<strong>2 June 2025</strong>" not in page


def test_the_reviewers_declaration_is_dated_on_appointment(alice, review, partnership_a):
    from casereview.testing import member

    reviewer = member(partnership_a, "reviewer", username="rev")
    appointment = services.reviewer_appoint(
        actor=alice, review=review, user=reviewer, appointed_on=date(2025, 6, 1), declaration="No involvement."
    )
    assert appointment.declared_on == date(2025, 6, 1)


# --- finding 12: asking agencies ------------------------------------------------------------------------

from casereview.accounts.models import Role  # noqa: E402
from casereview.reviews.models import AgencyContribution  # noqa: E402
from casereview.testing import AgencyFactory, member  # noqa: E402


@pytest.fixture
def agencies(partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service")
    member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead")
    cafcass = AgencyFactory(partnership=partnership_a, name="CAFCASS")  # nobody there uses casereview
    return police, cafcass


def _ask(client, review, agencies, due, **extra):
    day = {"due_date_0": due.day, "due_date_1": due.month, "due_date_2": due.year}
    data = {"agencies": [a.pk for a in agencies], "kinds": ["chronology"], **day, **extra}
    return client.post(reverse("reviews:contributions_request", args=[review.pk]), data, follow=True)


def test_an_agency_nobody_uses_is_named_on_the_form_and_the_review_page(client, alice, agencies):
    police, cafcass = agencies
    review = ReviewFactory(partnership=police.partnership, target_completion=timezone.localdate() + timedelta(days=90))
    client.force_login(alice)
    form = client.get(reverse("reviews:contributions_request", args=[review.pk])).content.decode()
    assert "CAFCASS (nobody there uses casereview)" in form
    assert "Metropolitan Police Service (nobody" not in form
    page = _ask(client, review, [police, cafcass], timezone.localdate() + timedelta(days=10)).content.decode()
    assert page.count("uses casereview, so nobody there was told: send the request yourself") == 1
    assert "Nobody at CAFCASS uses casereview, so nobody there was told" in page


def test_asking_again_says_so_and_offers_the_new_due_date(client, alice, agencies):
    police, cafcass = agencies
    review = ReviewFactory(partnership=police.partnership, target_completion=timezone.localdate() + timedelta(days=90))
    client.force_login(alice)
    first, second = timezone.localdate() + timedelta(days=30), timezone.localdate() + timedelta(days=10)
    _ask(client, review, [cafcass], first)
    refused = _ask(client, review, [cafcass, police], second).content.decode()
    assert "Already asked: CAFCASS for a chronology (due" in refused
    assert "Also move requests already made to this due date" in refused
    assert not AgencyContribution.objects.filter(review=review, agency=police).exists()  # nothing half-done
    _ask(client, review, [cafcass, police], second, move_due_dates="on")
    assert AgencyContribution.objects.get(review=review, agency=cafcass).due_date == second
    assert AgencyContribution.objects.get(review=review, agency=police).due_date == second


def test_a_due_date_after_the_target_completion_is_warned_of(client, alice, agencies):
    police, _ = agencies
    review = ReviewFactory(partnership=police.partnership, target_completion=timezone.localdate() + timedelta(days=30))
    client.force_login(alice)
    page = _ask(client, review, [police], timezone.localdate() + timedelta(days=60)).content.decode()
    assert "after the review&#x27;s target completion" in page
    assert AgencyContribution.objects.filter(review=review, agency=police).exists()


# --- finding 21: smaller wording --------------------------------------------------------------------------


def test_the_target_completion_counts_working_days_after_a_separator(client, alice, partnership_a):
    from casereview.core.working_days import working_days_between

    target = timezone.localdate() + timedelta(days=62)
    review = ReviewFactory(partnership=partnership_a, target_completion=target)
    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    left = working_days_between(timezone.localdate(), target)
    assert f"{target.day} {target:%B %Y} — <strong" in page
    assert f"{left} working days left</strong>" in page
    assert "62 days left" not in page


def test_the_executive_report_keeps_the_stages_capitals(client, alice, partnership_a):
    ReviewFactory(partnership=partnership_a, title="Child T", stage="sent_to_panel", decided_on=timezone.localdate())
    client.force_login(alice)
    page = client.get(reverse("reporting:executive_report", args=[partnership_a.slug])).content.decode()
    assert "at “Sent to the national panel and Secretary of State”" in page


def test_the_business_manager_sees_a_contribution_in_their_own_words(client, alice, agencies):
    from casereview.testing import AgencyContributionFactory

    police, _ = agencies
    contribution = AgencyContributionFactory(review=ReviewFactory(partnership=police.partnership), agency=police)
    client.force_login(alice)
    page = client.get(reverse("reviews:contribution", args=[contribution.pk])).content.decode()
    assert "Send your chronology" not in page
    assert "Record Metropolitan Police Service's chronology" in page
    from casereview.accounts.models import User

    client.force_login(User.objects.get(username="police_lead"))
    assert (
        "Send your chronology" in client.get(reverse("reviews:contribution", args=[contribution.pk])).content.decode()
    )
