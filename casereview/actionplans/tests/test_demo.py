from io import StringIO

import pytest
from django.core.management import call_command

from casereview.accounts.models import Partnership, User
from casereview.actionplans import selectors
from casereview.actionplans.models import Action, DisseminationEvent, TrainingYear

pytestmark = pytest.mark.django_db


def test_demo_gives_child_r_an_action_plan_from_the_seeds_and_loads_once(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=StringIO())
    actions = Action.objects.filter(review__title="Child R", review__partnership__slug="southwark")
    assert set(actions.values_list("learning_point__number", flat=True)) == set(range(1, 13)), (
        "every learning point has an action"
    )
    closed = actions.filter(status="closed")
    assert sorted(a.description.split()[0] for a in closed) == ["Commission", "Commission", "Increase", "Review"]
    assert all(a.evidence.exists() and a.closure_note for a in closed)
    # Ten-year-old due dates would bury the live case: nothing of Child R is overdue, one is at risk.
    assert not any(a.is_overdue for a in actions) and actions.filter(status="at_risk").exists()
    assert [e.held_on.strftime("%B %Y") for e in DisseminationEvent.objects.all()] == [
        "September 2015",
        "September 2015",
    ]
    training = TrainingYear.objects.get(year_starting=2018)
    assert (training.sessions, training.individuals, training.organisations, training.elearning_modules) == (
        45,
        340,
        81,
        368,
    )
    southwark = Partnership.objects.get(slug="southwark")
    assert selectors.escalated_actions(
        user=User.objects.get(username="southwark.executive"), partnership=southwark
    ).exists()
    counts = (Action.objects.count(), DisseminationEvent.objects.count())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert (
        "nothing changed" in out.getvalue() and (Action.objects.count(), DisseminationEvent.objects.count()) == counts
    )
