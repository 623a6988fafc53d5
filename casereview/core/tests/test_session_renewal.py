import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casereview.core import middleware

pytestmark = pytest.mark.django_db


def _session_writes(client, monkeypatch, now):
    monkeypatch.setattr(middleware.time, "time", lambda: now)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/partnerships/southwark/").status_code == 200
    return [q["sql"] for q in queries if "django_session" in q["sql"] and not q["sql"].startswith("SELECT")]


def test_a_page_writes_the_session_only_when_its_idle_expiry_is_due(client, alice, monkeypatch):
    client.force_login(alice)
    assert _session_writes(client, monkeypatch, 1_000_000)  # the first request stamps the renewal
    assert not _session_writes(client, monkeypatch, 1_000_030)  # within the minute: read, not written
    assert _session_writes(client, monkeypatch, 1_000_061)  # a minute on: the expiry is renewed
