"""Shared fixtures. The three people of every view test (as healthchecks' Alice, Bob and Charlie):

- alice: business manager of partnership A — may edit;
- bob: viewer in partnership A — may only read what viewers read (published learning);
- charlie: business manager of partnership B — an outsider to A's records;
- dora: panel member of partnership A — reads A's cases and reviews but may change none of them.
"""

import pytest

from casereview.accounts.models import Role
from casereview.testing import AgencyFactory, PartnershipFactory, SubgroupFactory, member


@pytest.fixture(autouse=True)
def demo_sign_ins_stay_out_of_var(settings, tmp_path):
    """load_demo appends the demo users' passwords to VAR_DIR/demo-logins.txt, which `make run` prints: a
    test's throw-away users must never land in the developer's copy."""
    settings.VAR_DIR = tmp_path


@pytest.fixture
def partnership_a(db):
    return PartnershipFactory(name="Southwark Safeguarding Children Board", slug="southwark")


@pytest.fixture
def partnership_b(db):
    return PartnershipFactory(name="Worcestershire Safeguarding Children Partnership", slug="worcestershire")


@pytest.fixture
def agency_a(partnership_a):
    return AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")


@pytest.fixture
def subgroup_a(partnership_a):
    return SubgroupFactory(partnership=partnership_a, name="Serious Case Review (SCR) Subgroup")


@pytest.fixture
def alice(partnership_a):
    return member(partnership_a, Role.BUSINESS_MANAGER, username="alice", first_name="Alice", last_name="Adams")


@pytest.fixture
def bob(partnership_a):
    return member(partnership_a, Role.VIEWER, username="bob", first_name="Bob", last_name="Brown")


@pytest.fixture
def charlie(partnership_b):
    return member(partnership_b, Role.BUSINESS_MANAGER, username="charlie", first_name="Charlie", last_name="Clark")


@pytest.fixture
def dora(partnership_a):
    return member(partnership_a, Role.PANEL_MEMBER, username="dora", first_name="Dora", last_name="Davies")


@pytest.fixture
def people(alice, bob, charlie):
    return {"alice": alice, "bob": bob, "charlie": charlie}
