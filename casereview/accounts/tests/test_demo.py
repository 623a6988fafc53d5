import copy
import os

import pytest
from django.core.management import CommandError, call_command

from casereview.accounts import demo
from casereview.accounts.models import Agency, Membership, Partnership, Subgroup, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_demo_builds_the_three_seed_partnerships(var_dir):
    output = run()
    southwark = Partnership.objects.get(slug="southwark")
    assert southwark.name == "Southwark Safeguarding Children Board"
    sectors = set(Agency.objects.filter(partnership=southwark).values_list("sector", flat=True))
    assert {
        "childrens_social_care",
        "health",
        "police",
        "education",
        "fire",
        "probation",
        "cafcass",
        "voluntary",
    } <= sectors
    assert Subgroup.objects.filter(partnership=southwark).count() == 8
    assert Partnership.objects.filter(slug__in=["tower-hamlets", "worcestershire"]).count() == 2
    roles = set(Membership.objects.filter(partnership=southwark).values_list("role", flat=True))
    assert roles == {"business_manager", "chair", "executive", "panel_member", "agency_lead", "reviewer", "viewer"}
    assert "southwark.manager" in output


def test_demo_passwords_are_random_work_and_are_kept_for_make_run(var_dir):
    output = run()
    line = next(l for l in output.splitlines() if "southwark.manager" in l)
    password = line.split()[1]
    assert User.objects.get(username="southwark.manager").check_password(password)
    logins = (var_dir / "demo-logins.txt").read_text()
    assert password in logins
    assert oct(os.stat(var_dir / "demo-logins.txt").st_mode & 0o777) == "0o600"


def test_second_load_changes_nothing_and_prints_no_passwords(var_dir):
    run()
    manager = User.objects.get(username="southwark.manager")
    counts = (Partnership.objects.count(), Agency.objects.count(), User.objects.count(), Membership.objects.count())
    output = run()
    assert "already loaded: nothing changed" in output
    assert (
        Partnership.objects.count(),
        Agency.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
    ) == counts
    assert User.objects.get(username="southwark.manager").password == manager.password


def test_unknown_partnership_is_refused_and_loads_nothing(var_dir):
    with pytest.raises(CommandError, match="Unknown demo partnership 'narnia'. Choose from: southwark"):
        run("--partnership", "narnia")
    assert not Partnership.objects.exists()


def test_one_partnership_can_be_loaded_alone(var_dir):
    run("--partnership", "worcestershire")
    assert list(Partnership.objects.values_list("slug", flat=True)) == ["worcestershire"]


def test_demo_data_with_an_unknown_role_loads_nothing(var_dir):
    broken = copy.deepcopy(demo.PARTNERSHIPS)
    broken[2]["people"].append(("wizard", "A", "Wizard", "wizard", None, ""))
    with pytest.raises(demo.DemoDataError, match="'worcestershire.*unknown role 'wizard'|unknown role 'wizard'"):
        demo.load(broken)
    assert not Partnership.objects.exists()


def test_demo_is_refused_in_production(var_dir, monkeypatch):
    monkeypatch.setenv("CASEREVIEW_ENV", "production")
    with pytest.raises(CommandError, match="refusing"):
        run()
    assert not Partnership.objects.exists()


def test_every_demo_reviewer_opens_on_a_review_of_their_own(var_dir, client):
    from django.urls import reverse

    from casereview.reviews.models import ReviewerAppointment

    run()
    reviewers = Membership.objects.filter(role="reviewer").select_related("user", "partnership")
    assert reviewers.count() == 3
    for membership in reviewers:
        appointment = ReviewerAppointment.objects.filter(user=membership.user).select_related("review").first()
        assert appointment is not None, membership.partnership.slug
        client.force_login(membership.user)
        assert appointment.review.title in client.get(reverse("home")).content.decode()
