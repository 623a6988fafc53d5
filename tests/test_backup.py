"""`casereview backup` and `casereview restore`: the database (natively, to the microsecond) and the uploaded
files travel together; after a wipe, the restored evidence downloads with the same bytes and the audit
trail's chain still verifies. Runs on SQLite and, with DATABASE_URL, on PostgreSQL (pg_dump)."""

import json
import shutil
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role, User
from casereview.actionplans.models import Evidence
from casereview.actionplans.tests.conftest import pdf_upload
from casereview.audit.models import AuditEvent
from casereview.testing import ActionFactory, AgencyFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def postgres_client_tools():
    """On PostgreSQL the backup is pg_dump's: without the PostgreSQL client on this machine the tests say so
    and skip, rather than fail on a package make test must not need."""
    from django.db import connection

    if connection.vendor == "postgresql" and not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("the PostgreSQL client (pg_dump, pg_restore) is not installed")


EVIDENCE = b"%PDF-1.4\n% minutes of the LAC health steering group\n"


@pytest.fixture
def on_disk(settings, tmp_path):
    """Uploads in a real folder (the test settings keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return settings.MEDIA_ROOT


def download(client, evidence):
    response = client.get(reverse("actionplans:evidence", args=[evidence.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def evidence_uploaded(client, partnership_a, alice, on_disk):
    """An agency lead posts an update with a file, through the page, as people do."""
    agency = AgencyFactory(partnership=partnership_a, name="Southwark Children's Services")
    action = ActionFactory(review=ReviewFactory(partnership=partnership_a), owner_agency=agency)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=agency, username="lead")
    client.force_login(lead)
    today = timezone.localdate()
    response = client.post(
        reverse("actionplans:action_update", args=[action.pk]),
        {
            "posted_on_0": today.day,
            "posted_on_1": today.month,
            "posted_on_2": today.year,
            "status": "completed",
            "text": "Service running since May",
            "evidence_file": pdf_upload("contract.pdf"),
            "evidence_description": "Signed contract",
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.unscoped().get()
    client.force_login(alice)
    assert download(client, evidence) == EVIDENCE
    return evidence


def test_a_backup_survives_a_wipe_and_the_evidence_downloads_the_same(client, evidence_uploaded, on_disk, tmp_path):
    events = {e.pk: e.at for e in AuditEvent.objects.unscoped().all()}
    assert any(at.microsecond for at in events.values()), "the check needs times with microseconds"

    call_command("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    stored = [f["path"] for f in manifest["files"]]
    assert stored == [evidence_uploaded.file.name]

    # the wipe: every row and every uploaded file gone
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(on_disk)
    assert not User.objects.exists()

    call_command("restore", str(tmp_path / "backup"), verbosity=0)

    assert {e.pk: e.at for e in AuditEvent.objects.unscoped().all()} == events  # to the microsecond
    call_command("verify_audit")  # raises CommandError when the chain is broken
    client.force_login(User.objects.get(username="alice"))
    assert download(client, Evidence.objects.unscoped().get()) == EVIDENCE


def test_restore_refuses_a_database_in_use_unless_forced_and_confirmed(evidence_uploaded, tmp_path, monkeypatch):
    call_command("backup", str(tmp_path / "backup"))
    Evidence.objects.unscoped().update(description="Changed after the backup")

    with pytest.raises(CommandError, match="This database is in use.*--force"):
        call_command("restore", str(tmp_path / "backup"))
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Restore cancelled: nothing was changed"):
        call_command("restore", str(tmp_path / "backup"), force=True)
    assert Evidence.objects.unscoped().get().description == "Changed after the backup"

    monkeypatch.setattr("builtins.input", lambda prompt: "yes")
    call_command("restore", str(tmp_path / "backup"), force=True, verbosity=0)
    assert Evidence.objects.unscoped().get().description == "Signed contract"


def test_a_damaged_backup_is_refused_before_anything_changes(evidence_uploaded, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    stored = tmp_path / "backup" / "files" / evidence_uploaded.file.name
    stored.write_bytes(stored.read_bytes() + b"tampered")
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match=f"damaged: files/{evidence_uploaded.file.name} has changed"):
        call_command("restore", str(tmp_path / "backup"))
    assert not User.objects.exists()


def test_a_backup_never_overwrites_another(evidence_uploaded, tmp_path):
    (tmp_path / "backup").mkdir()
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(tmp_path / "backup"))


def test_a_backup_that_is_not_one_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="not a casereview backup"):
        call_command("restore", str(tmp_path))


def test_the_backup_records_the_time_it_was_made(evidence_uploaded, tmp_path):
    call_command("backup", str(tmp_path / "backup"))
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    made = timezone.datetime.fromisoformat(manifest["created_at"])
    assert abs(timezone.now() - made) < timedelta(minutes=5)
    assert manifest["rows"]["actionplans.evidence"] == 1
