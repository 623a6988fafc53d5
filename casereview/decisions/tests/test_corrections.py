"""A decision or recommendation recorded wrongly is corrected from its own page, with a reason, by whoever
may make it; the earlier one stays in its history."""

from datetime import date

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.audit.models import AuditEvent
from casereview.decisions import services
from casereview.decisions.models import ChairDecision
from casereview.reviews.models import Review, Stage
from casereview.testing import IncidentFactory, date_fields, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(partnership_a):
    return member(partnership_a, Role.CHAIR, username="chair", first_name="Clare", last_name="Chair")


@pytest.fixture
def decided(alice, chair, partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    services.recommendation_make(
        actor=alice,
        incident=incident,
        outcome="local_review",
        rationale="Three criteria met",
        made_on=date(2025, 5, 13),
    )
    return services.chair_decide(
        actor=chair, incident=incident, outcome="local_review", rationale="Agreed", decided_on=date(2025, 5, 20)
    )


def correction(outcome="learning_review", reason="I chose the wrong outcome", day=date(2025, 5, 20)):
    return {"outcome": outcome, "rationale": "Below the criteria", "reason": reason, **date_fields("decided_on", day)}


def test_the_chair_corrects_a_decision_from_its_page_and_sees_the_history(client, chair, decided):
    client.force_login(chair)
    incident_page = client.get(reverse("incidents:detail", args=[decided.incident_id])).content.decode()
    decision_url = reverse("decisions:decision", args=[decided.pk])
    assert decision_url in incident_page
    page = client.get(decision_url).content.decode()
    assert "Correct this decision" in page
    response = client.post(reverse("decisions:decision_correct", args=[decided.pk]), correction(), follow=True)
    page = response.content.decode()
    assert "Your decision has been corrected" in page
    assert "Multi-agency learning review" in page
    assert "Corrected" in page and "Reason: I chose the wrong outcome" in page
    assert "Rationale changed from Agreed to Below the criteria" in page
    # The review the decision made follows it.
    assert Review.objects.get(incident=decided.incident).review_type == "learning_review"
    assert ChairDecision.objects.count() == 1


def test_a_correction_without_a_reason_is_refused_and_changes_nothing(client, chair, decided):
    client.force_login(chair)
    page = client.post(reverse("decisions:decision_correct", args=[decided.pk]), correction(reason="")).content.decode()
    assert "Say why you are correcting it" in page
    assert "Below the criteria" in page  # what was typed is kept
    decided.refresh_from_db()
    assert decided.outcome == "local_review"


def test_only_the_chair_may_correct_the_chairs_decision(client, alice, dora, decided):
    url = reverse("decisions:decision_correct", args=[decided.pk])
    for person in (alice, dora):
        client.force_login(person)
        assert (
            "Correct this decision" not in client.get(reverse("decisions:decision", args=[decided.pk])).content.decode()
        )
        events = AuditEvent.objects.count()
        assert client.get(url).status_code == 403
        assert client.post(url, correction()).status_code == 403
        assert AuditEvent.objects.count() == events
    decided.refresh_from_db()
    assert decided.outcome == "local_review"


def test_a_decision_corrected_to_no_review_closes_a_review_not_yet_started(client, chair, decided):
    client.force_login(chair)
    client.post(reverse("decisions:decision_correct", args=[decided.pk]), correction(outcome="no_review"))
    review = Review.objects.get(incident=decided.incident)
    assert review.stage == Stage.CLOSED
    assert "The chair's decision was corrected: I chose the wrong outcome" in review.stage_changes.last().note
    # Corrected back, the same review opens again rather than a second one being made.
    client.post(reverse("decisions:decision_correct", args=[decided.pk]), correction(outcome="local_review"))
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING and Review.objects.count() == 1


def test_a_decision_whose_review_has_started_is_not_corrected_to_no_review(client, chair, decided):
    review = Review.objects.get(incident=decided.incident)
    review.stage = Stage.AGENCY_INFORMATION
    review.save()
    client.force_login(chair)
    page = client.post(
        reverse("decisions:decision_correct", args=[decided.pk]), correction(outcome="no_review")
    ).content.decode()
    assert "review is under way (it has reached “Agency information”)" in page
    assert "close it on the review&#x27;s page" in page
    decided.refresh_from_db()
    assert decided.outcome == "local_review"


def test_a_started_review_keeps_its_kind_when_the_decision_is_corrected(client, chair, decided):
    review = Review.objects.get(incident=decided.incident)
    kind = review.review_type
    review.stage = Stage.PUBLISHED
    review.save()
    client.force_login(chair)
    url = reverse("decisions:decision_correct", args=[decided.pk])
    page = client.post(url, correction(outcome="learning_review")).content.decode()
    assert "cannot change what kind of review it is" in page
    review.refresh_from_db()
    decided.refresh_from_db()
    assert (review.review_type, decided.outcome) == (kind, "local_review")
    # The date or the rationale of the same decision may still be put right.
    client.post(url, correction(outcome="local_review", day=date(2025, 5, 21)))
    decided.refresh_from_db()
    assert decided.decided_on == date(2025, 5, 21)


def test_the_business_manager_corrects_the_recommendation_and_the_chair_may_not(client, alice, chair, decided):
    recommendation = decided.incident.recommendation
    url = reverse("decisions:recommendation_correct", args=[recommendation.pk])
    client.force_login(chair)
    assert client.get(url).status_code == 403
    client.force_login(alice)
    assert (
        "Correct this recommendation"
        in client.get(reverse("decisions:recommendation", args=[recommendation.pk])).content.decode()
    )
    page = client.post(
        url,
        {
            "outcome": "local_review",
            "rationale": "Three criteria met",
            "reason": "The date was mistyped",
            **date_fields("made_on", date(2025, 5, 14)),
        },
        follow=True,
    ).content.decode()
    assert "The recommendation has been corrected" in page
    assert "The chair&#x27;s decision rests on it: tell the independent chair" in page
    assert "Date of the recommendation changed from 13 May 2025 to 14 May 2025" in page
    # Dated after the chair's decision it answers: refused.
    page = client.post(
        url,
        {"outcome": "local_review", "rationale": "x", "reason": "y", **date_fields("made_on", date(2025, 5, 21))},
    ).content.decode()
    assert "cannot be dated after the chair&#x27;s decision" in page


def test_the_history_uses_the_pages_words_and_says_recorded(client, chair, decided):
    # Walkthrough 5: the history said "Outcome", "Decided on" and "Created" where the page says "Decision",
    # "Date of the decision" and the record was typed in (not decided) then.
    client.force_login(chair)
    client.post(
        reverse("decisions:decision_correct", args=[decided.pk]), correction(day=date(2025, 5, 21)), follow=True
    )
    page = client.get(reverse("decisions:decision", args=[decided.pk])).content.decode()
    # in the words of the rules that judge the case (walkthrough 8): no bracket naming the old regime's review
    assert "Decision changed from Local child safeguarding practice review to Multi-agency" in page
    assert "Date of the decision changed from 20 May 2025 to 21 May 2025" in page
    assert "Outcome:" not in page and "Decided on:" not in page
    assert "<strong>Recorded</strong> by" in page and "<strong>Created</strong>" not in page


def test_the_recommendations_history_says_made_by_not_subgroup(client, alice, decided, partnership_a):
    from casereview.accounts.models import Subgroup

    subgroup = Subgroup.objects.create(partnership=partnership_a, name="Practice Review Subgroup")
    recommendation = decided.incident.recommendation
    client.force_login(alice)
    client.post(
        reverse("decisions:recommendation_correct", args=[recommendation.pk]),
        {
            "outcome": "local_review",
            "rationale": "Three criteria met",
            "subgroup": subgroup.pk,
            "reason": "The subgroup was left out",
            **date_fields("made_on", date(2025, 5, 13)),
        },
    )
    page = client.get(reverse("decisions:recommendation", args=[recommendation.pk])).content.decode()
    assert "Made by changed from nothing to Practice Review Subgroup" in page
    assert "Subgroup:" not in page


def test_a_refused_outcome_or_date_is_linked_from_the_error_summary(client, chair, decided):
    # Walkthrough 5: the summary's links for the radios and the date went to "#".
    client.force_login(chair)
    page = client.post(
        reverse("decisions:decision_correct", args=[decided.pk]), correction(day=date(2999, 1, 1))
    ).content.decode()
    summary = page.split('class="govuk-error-summary"')[1].split("</ul>")[0]
    assert 'href="#id_decided_on_0"' in summary
    assert 'href="#"' not in summary
    assert 'id="id_decided_on_0"' in page


def test_the_correction_forms_ask_to_check_the_carried_over_rationale(client, alice, chair, decided):
    # Walkthrough 5: a decision corrected to "below the criteria" kept a rationale saying the criteria were met.
    client.force_login(chair)
    page = client.get(reverse("decisions:decision_correct", args=[decided.pk])).content.decode()
    assert "If you change the outcome, check the rationale still explains it" in page
    client.force_login(alice)
    recommendation = decided.incident.recommendation
    page = client.get(reverse("decisions:recommendation_correct", args=[recommendation.pk])).content.decode()
    assert "With reference to the criteria. If you change the outcome, check the rationale still explains it" in page


def test_a_panel_member_refused_the_chairs_correction_is_told_to_ask_the_chair(client, partnership_a, decided):
    from casereview.accounts.models import Role
    from casereview.testing import member

    panel = member(partnership_a, Role.PANEL_MEMBER, username="panel-member")
    client.force_login(panel)
    response = client.get(reverse("decisions:decision_correct", args=[decided.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Only the independent chair can do this. If it needs doing, ask the independent chair." in page


def test_after_a_correction_the_back_link_comes_before_the_success_banner(client, chair, decided):
    # GOV.UK order: the back link first, then the banner at the top of the content (walkthrough 5, finding 13).
    client.force_login(chair)
    response = client.post(reverse("decisions:decision_correct", args=[decided.pk]), correction(), follow=True)
    page = response.content.decode()
    assert page.index("govuk-back-link") < page.index("govuk-notification-banner")
    assert page.index("govuk-back-link") < page.index('id="main-content"')
