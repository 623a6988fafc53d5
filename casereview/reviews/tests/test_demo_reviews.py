"""The demo's reviews carry what the seed papers give, and the live case is not buried under old ones."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from casereview.accounts.models import Membership, Partnership, Role, User
from casereview.reporting.selectors import deadlines_for
from casereview.reviews.models import Review, Stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=StringIO())


def test_tower_hamlets_reviews_have_terms_an_author_and_the_papers_dates(demo):
    for title in ["E", "M"]:
        review = Review.objects.get(partnership__slug="tower-hamlets", title=title)
        assert review.terms.lines_of_enquiry and "overview report" in review.terms.methodology_other
        assert review.reviewers.get().user.username == "tower-hamlets.reviewer"
        assert (review.stage, review.published_on) == (Stage.PUBLISHED, date(2007, 11, 15))
    assert Review.objects.get(partnership__slug="tower-hamlets", title="E").terms.agreed_on == date(2007, 2, 27)


def test_worcestershire_young_person_a_has_terms_and_an_author_due_july_2020(demo):
    review = Review.objects.get(partnership__slug="worcestershire", title="Young Person A")
    assert review.is_confidential and review.terms and review.reviewers.exists()
    assert review.target_completion == date(2020, 7, 31)


def test_one_account_per_role_and_a_lead_for_each_core_agency(demo):
    southwark = Partnership.objects.get(slug="southwark")
    roles = set(Membership.objects.filter(partnership=southwark).values_list("role", flat=True))
    assert roles == set(Role.values)
    lead_sectors = set(
        Membership.objects.filter(partnership=southwark, role=Role.AGENCY_LEAD).values_list("agency__sector", flat=True)
    )
    assert {"police", "health", "education", "childrens_social_care"} <= lead_sectors


def test_the_live_case_comes_before_child_rs_old_actions(demo):
    southwark = Partnership.objects.get(slug="southwark")
    due = deadlines_for(user=User.objects.get(username="southwark.manager"), partnership=southwark)
    assert due[0].child == "Child S"
    assert not any(d.is_overdue and d.key.startswith("action:") for d in due)
