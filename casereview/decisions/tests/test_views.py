from datetime import date

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.decisions import services
from casereview.decisions.models import ChairDecision
from casereview.reviews.models import Review
from casereview.testing import AgencyFactory, IncidentFactory, date_fields, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police, health], opened_on=date(2025, 4, 22)
    )
    police_lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead")
    health_lead = member(partnership_a, Role.AGENCY_LEAD, agency=health, username="health_lead")
    requests = {r.agency.sector: r for r in rapid_review.requests.all()}
    return dict(
        incident=incident,
        rapid_review=rapid_review,
        police_lead=police_lead,
        health_lead=health_lead,
        requests=requests,
    )


def test_agency_lead_answers_their_own_request_and_sees_no_other_agencys(client, case):
    client.force_login(case["police_lead"])
    police_url = reverse("decisions:request_answer", args=[case["requests"]["police"].pk])
    health_url = reverse("decisions:request_answer", args=[case["requests"]["health"].pk])
    response = client.post(police_url, {"response": "Two domestic abuse call-outs in March."}, follow=True)
    assert "Metropolitan Police Service&#x27;s information has been sent" in response.content.decode()
    # The health request is someone else's: not even its existence shows.
    assert client.get(health_url).status_code == 404
    assert client.post(health_url, {"response": "Sneaky"}).status_code == 404
    rapid_review_page = client.get(reverse("decisions:rapid_review", args=[case["rapid_review"].pk])).content.decode()
    assert "Guy&#x27;s and St Thomas&#x27;" not in rapid_review_page
    case["requests"]["health"].refresh_from_db()
    assert case["requests"]["health"].response == ""


def test_health_lead_does_not_see_the_police_answer(client, case, alice):
    services.information_request_answer(
        actor=case["police_lead"], info_request=case["requests"]["police"], response="Police draft text"
    )
    client.force_login(case["health_lead"])
    page = client.get(reverse("decisions:rapid_review", args=[case["rapid_review"].pk])).content.decode()
    assert "Police draft text" not in page
    client.force_login(alice)
    assert (
        "Police draft text"
        in client.get(reverse("decisions:rapid_review", args=[case["rapid_review"].pk])).content.decode()
    )


def test_agency_lead_cannot_see_incidents_that_do_not_involve_their_agency(client, case, partnership_a):
    other = IncidentFactory(partnership=partnership_a, child_pseudonym="Child Z")
    client.force_login(case["police_lead"])
    assert client.get(reverse("incidents:detail", args=[case["incident"].pk])).status_code == 200
    assert client.get(reverse("incidents:detail", args=[other.pk])).status_code == 404


def test_rapid_review_form_reports_missing_evidence_and_keeps_the_text(client, alice, case):
    client.force_login(alice)
    url = reverse("decisions:rapid_review_edit", args=[case["rapid_review"].pk])
    page = client.post(
        url,
        {"facts_gathered": "Facts so far", "met_improvements": "yes", "evidence_improvements": "", "complete": "on"},
    ).content.decode()
    assert "Give the evidence for your judgement on improvements needed" in page
    assert "Judge the criterion on recurrent themes before completing the rapid review" in page
    assert "Facts so far" in page


def test_chair_decides_with_the_recommendation_beside_them_and_the_review_is_created(
    client, alice, case, partnership_a
):
    chair = member(partnership_a, Role.CHAIR)
    incident = case["incident"]
    client.force_login(alice)
    client.post(
        reverse("decisions:recommend", args=[incident.pk]),
        {"outcome": "local_review", "rationale": "Three criteria met", **date_fields("made_on", date(2025, 5, 13))},
    )
    # The business manager cannot make the chair's decision.
    assert client.get(reverse("decisions:decide", args=[incident.pk])).status_code == 403
    client.force_login(chair)
    decide = reverse("decisions:decide", args=[incident.pk])
    assert "Three criteria met" in client.get(decide).content.decode()
    page = client.post(
        decide, {"outcome": "local_review", "rationale": "", **date_fields("decided_on", date(2025, 5, 20))}
    ).content.decode()
    assert "Give the rationale" in page
    response = client.post(
        decide,
        {"outcome": "local_review", "rationale": "Agreed", **date_fields("decided_on", date(2025, 5, 20))},
        follow=True,
    )
    assert "Open the review of Child R" in response.content.decode()
    assert ChairDecision.objects.get().decided_by == chair
    assert Review.objects.get().review_type == "local_cspr"


def test_chair_decision_before_a_recommendation_is_refused_on_the_page(client, case, partnership_a):
    chair = member(partnership_a, Role.CHAIR)
    client.force_login(chair)
    page = client.post(
        reverse("decisions:decide", args=[case["incident"].pk]),
        {"outcome": "no_review", "rationale": "No", **date_fields("decided_on", date(2025, 5, 20))},
    ).content.decode()
    assert "record the subgroup&#x27;s recommendation first" in page
    assert not ChairDecision.objects.exists()


def test_confidential_review_is_hidden_from_the_executive_and_panel(client, alice, partnership_a):
    from casereview.testing import ReviewFactory

    review = ReviewFactory(partnership=partnership_a, is_confidential=True)
    for role in (Role.EXECUTIVE, Role.PANEL_MEMBER):
        client.force_login(member(partnership_a, role))
        assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 404
    client.force_login(alice)
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 200


def test_a_request_on_a_completed_rapid_review_says_it_is_closed_instead_of_offering_a_form(client, alice, case):
    case["rapid_review"].completed_on = date(2025, 5, 1)
    case["rapid_review"].save()
    client.force_login(case["police_lead"])
    page = client.get(reverse("decisions:request_answer", args=[case["requests"]["police"].pk])).content.decode()
    assert "The rapid review was completed on 1 May 2025 before your agency's information arrived" in page
    assert 'name="response"' not in page


def test_the_rapid_review_form_warns_which_agencies_are_still_awaited(client, alice, case):
    services.information_request_answer(
        actor=case["police_lead"], info_request=case["requests"]["police"], response="Two call-outs."
    )
    client.force_login(alice)
    page = client.get(reverse("decisions:rapid_review_edit", args=[case["rapid_review"].pk])).content.decode()
    assert "Still awaited from Guy&#x27;s and St Thomas&#x27;." in page
    assert "Metropolitan Police Service" not in page.split("Still awaited from")[1].split("</strong>")[0]


@pytest.mark.parametrize(
    "happened, offered, not_offered",
    [
        (date(2025, 3, 1), "Local child safeguarding practice review", "serious case review"),
        (date(2015, 3, 1), "Serious case review", "child safeguarding practice review"),
    ],
)
def test_the_review_offered_is_named_by_the_rules_that_judge_the_case(
    client, alice, partnership_a, happened, offered, not_offered
):
    incident = IncidentFactory(partnership=partnership_a, incident_date=happened, aware_date=happened)
    client.force_login(alice)
    page = client.get(reverse("decisions:recommend", args=[incident.pk])).content.decode()
    assert offered in page and not_offered not in page.lower()
    client.force_login(member(partnership_a, Role.CHAIR))
    page = client.get(reverse("decisions:decide", args=[incident.pk])).content.decode()
    assert offered in page and not_offered not in page.lower()
