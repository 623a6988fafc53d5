"""What an action answers (a review's learning point or recommendation), decided in RULES: an agency lead
reads those their agency's actions answer, never the review's other findings or a confidential review's;
whoever may see an action may see what it answers; the action's page follows RULES."""

import pytest
from django.urls import reverse

from casereview.accounts import permissions
from casereview.accounts.models import Role
from casereview.actionplans.models import Action
from casereview.reviews.models import LearningPoint, Recommendation
from casereview.testing import (
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    LearningPointFactory,
    RecommendationFactory,
    ReviewFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    AgencyContributionFactory(review=review, agency=police)  # the police were asked for a contribution
    ours = LearningPointFactory(review=review, text="Police and social care did not share the referral.")
    theirs = LearningPointFactory(review=review, text="Health visitors did not see the baby for six weeks.")
    not_acted_on = LearningPointFactory(review=review, text="The school's concerns were not escalated.")
    recommendation = RecommendationFactory(review=review, text="The police should share referrals within a day.")
    ActionFactory(review=review, owner_agency=police, learning_point=ours)
    ActionFactory(review=review, owner_agency=police, recommendation=recommendation)
    ActionFactory(review=review, owner_agency=health, learning_point=theirs)
    return {
        "review": review,
        "ours": ours,
        "theirs": theirs,
        "not_acted_on": not_acted_on,
        "recommendation": recommendation,
        "lead": member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead"),
    }


def test_an_agency_lead_reads_what_their_agencys_actions_answer_and_nothing_else(plan):
    lead = plan["lead"]
    assert set(LearningPoint.objects.visible_to(lead)) == {plan["ours"]}
    assert set(Recommendation.objects.visible_to(lead)) == {plan["recommendation"]}
    assert not permissions.can(lead, "view", plan["not_acted_on"])  # asked for a contribution, not for this
    assert not permissions.can(lead, "view", plan["theirs"])  # another agency's action
    assert not permissions.can(lead, "change", plan["ours"])


def test_nothing_of_a_confidential_review_reaches_an_agency_lead(plan):
    review = plan["review"]
    review.is_confidential = True
    review.save()
    lead = plan["lead"]
    assert not Action.objects.visible_to(lead).exists()
    assert not LearningPoint.objects.visible_to(lead).exists()
    assert not Recommendation.objects.visible_to(lead).exists()


ACTION_READERS = [Role.BUSINESS_MANAGER, Role.CHAIR, Role.EXECUTIVE, Role.PANEL_MEMBER, Role.AGENCY_LEAD]


@pytest.mark.parametrize("confidential", [False, True])
@pytest.mark.parametrize("role", ACTION_READERS)
def test_whoever_sees_an_action_sees_what_it_answers(plan, partnership_a, role, confidential):
    """So the action plan export, which writes each action's answer beside it, shows nobody more than RULES
    lets them read."""
    review = plan["review"]
    review.is_confidential = confidential
    review.save()
    police = plan["lead"].memberships.get().agency
    user = member(partnership_a, role, agency=police if role == Role.AGENCY_LEAD else None, username=f"u-{role}")
    for action in Action.objects.visible_to(user):
        answered = action.learning_point or action.recommendation
        assert permissions.can(user, "view", answered), f"{role} sees action {action.number} but not what it answers"


def test_the_action_page_shows_what_it_answers_when_rules_allow_it(client, plan, monkeypatch):
    action = Action.objects.unscoped().get(learning_point=plan["ours"])
    url = reverse("actionplans:action", args=[action.pk])
    client.force_login(plan["lead"])
    assert plan["ours"].text in client.get(url).content.decode()

    readers = permissions.RULES["reviews.learningpoint"]["view"] - {Role.AGENCY_LEAD}
    monkeypatch.setitem(permissions.RULES["reviews.learningpoint"], "view", readers)
    page = client.get(url).content.decode()
    assert plan["ours"].text not in page
    assert f"Learning point {plan['ours'].number}" in page
