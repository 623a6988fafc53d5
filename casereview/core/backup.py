"""Backup and restore of the whole service: the database, by the database's own means, and every uploaded
file (evidence, reports, documents brought in), with a manifest of checksums. `casereview backup DEST` and
`casereview restore SRC` (core/management/commands).

A backup is a folder:

    manifest.json       what was backed up, when, from which database and migrations, with a SHA-256 and
                        size for every file below and the number of rows of every table
    database.sqlite3    SQLite: a consistent copy made with SQLite's online backup API, or
    database.pgdump     PostgreSQL: `pg_dump --format=custom`
    files/...           the uploaded files, under their storage names

The database is copied natively rather than through dumpdata: Django's JSON serialiser keeps only
milliseconds of a timestamp, which breaks the audit trail's hash chain (each event's hash covers its time),
and loaddata must fit every row through the models. A native copy is the database itself, to the
microsecond. The folder is written as DEST.partial and renamed when complete, so an interrupted backup is
never mistaken for one.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "casereview-backup"
VERSION = 1
MANIFEST = "manifest.json"
FILES = "files"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the sentence that says why."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _entry(path, name):
    return {"path": name, "sha256": sha256_of(path), "size": path.stat().st_size}


# --- what is there ---------------------------------------------------------------------------------


def stored_files(storage=None, folder=""):
    """Every file in the upload storage, by its storage name (evidence/…, documents/…, publications/…)."""
    storage = storage or default_storage
    try:
        folders, names = storage.listdir(folder)
    except FileNotFoundError:
        return []
    found = [f"{folder}/{name}" if folder else name for name in names]
    for sub in folders:
        found += stored_files(storage, f"{folder}/{sub}" if folder else sub)
    return sorted(found)


def _tables():
    return {
        model._meta.label_lower: model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def row_counts(cursor=None, only=None):
    """Rows of every table the project's models keep (or of the models labelled in `only`), to check a
    restore against; through `cursor`, a copy's or a snapshot's, when given."""
    counts = {}
    tables = _tables()
    if only is not None:
        tables = {label: table for label, table in tables.items() if label in only}
    with connection.cursor() if cursor is None else _nothing(cursor) as cursor:
        for label, table in tables.items():
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[label] = cursor.fetchone()[0]
    return counts


class _nothing:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


def applied_migrations():
    recorder = MigrationRecorder(connection)
    applied = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def people_count():
    """Accounts in the database now (none in one that was never migrated)."""
    model = get_user_model()
    if model._meta.db_table not in connection.introspection.table_names():
        return 0
    return model._base_manager.count()


def vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backup knows SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


# --- the database, natively ------------------------------------------------------------------------


def _pg_environment():
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run_postgres_tool(program, arguments):
    if shutil.which(program) is None:
        raise BackupError(
            f"{program} was not found: install the PostgreSQL client (apt-get install postgresql-client)."
        )
    result = subprocess.run([program, *arguments], env=_pg_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip() or result.stdout.strip()}")


def dump_database(target):
    """Copy the live database to `target` without stopping the service; return its rows per table, counted
    in the copy itself (SQLite) or in the snapshot pg_dump reads (PostgreSQL), so they match the copy even
    while people go on working."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)
            # A plain rollback journal, so reading the copy later writes no -wal file beside it (a backup
            # may sit on read-only media).
            copy.execute("PRAGMA journal_mode=DELETE")
            return row_counts(copy.cursor())
        finally:
            copy.close()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = row_counts(cursor)
        _run_postgres_tool("pg_dump", ["--format=custom", "--no-owner", f"--snapshot={snapshot}", f"--file={target}"])
    return counts


def load_database(source):
    """Replace the whole live database with the copy at `source`."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            copy.backup(connection.connection)
        finally:
            copy.close()
        connection.close()  # the next query reopens the restored file with Django's settings
    else:
        connection.close()
        # As the role that owns the tables (the one that runs migrate): drop and recreate them in one
        # transaction, so a failure leaves the database as it was.
        _run_postgres_tool(
            "pg_restore",
            [
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(source),
            ],
        )


# --- backup ----------------------------------------------------------------------------------------


def backup(destination):
    """Write a backup folder at `destination` (which must not exist) and return its manifest."""
    destination = Path(destination)
    if destination.exists():
        raise BackupError(f"{destination} already exists: choose a new folder for each backup.")
    partial = destination.with_name(destination.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    partial.mkdir(parents=True)
    partial.chmod(0o700)  # it holds children's identities: the service's account only
    try:
        kind = vendor()
        database_name = DATABASE_FILES[kind]
        counts = dump_database(partial / database_name)
        entries = []
        for name in stored_files():
            target = partial / FILES / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy, CHUNK)
            entries.append(_entry(target, name))
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": kind, **_entry(partial / database_name, database_name)},
            "migrations": applied_migrations(),
            "rows": counts,
            "files": entries,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
        partial.rename(destination)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


# --- restore ---------------------------------------------------------------------------------------


@dataclass
class RestorePlan:
    source: Path
    manifest: dict
    people_now: int

    @property
    def replaces_records(self):
        return self.people_now > 0


def read_backup(source):
    """Check a backup folder before anything is changed: its manifest, every checksum, the database kind
    and that this code knows every migration the backup's database had."""
    source = Path(source)
    manifest_path = source / MANIFEST
    if not manifest_path.is_file():
        raise BackupError(f"{source} is not a casereview backup: it has no {MANIFEST}.")
    try:
        manifest = json.loads(manifest_path.read_text())
    except ValueError:
        raise BackupError(f"{manifest_path} cannot be read: the backup is damaged.") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{source} is not a backup this version of casereview can restore.")
    kind = vendor()
    if manifest["database"]["vendor"] != kind:
        raise BackupError(
            f"This backup is of a {manifest['database']['vendor']} database and this casereview uses {kind}: "
            "restore it into the same kind of database."
        )
    damaged = []
    for entry in [manifest["database"], *(dict(f, path=f"{FILES}/{f['path']}") for f in manifest["files"])]:
        path = source / entry["path"]
        if not path.is_file():
            damaged.append(f"{entry['path']} is missing")
        elif path.stat().st_size != entry["size"] or sha256_of(path) != entry["sha256"]:
            damaged.append(f"{entry['path']} has changed since the backup was made")
    if damaged:
        raise BackupError("The backup is damaged: " + "; ".join(damaged) + ".")
    known = MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    unknown = [
        f"{app}.{name}" for app, names in manifest["migrations"].items() for name in names if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            "The backup comes from a newer casereview (its database has migrations this code does not have: "
            + ", ".join(unknown[:5])
            + "). Install that version first."
        )
    return RestorePlan(source=source, manifest=manifest, people_now=people_count())


def restore(plan):
    """Replace the database and put back every uploaded file; return the rows that differ from the
    manifest's counts (empty when the restore is whole)."""
    load_database(plan.source / plan.manifest["database"]["path"])
    for entry in plan.manifest["files"]:
        name = entry["path"]
        if default_storage.exists(name):
            default_storage.delete(name)
        with open(plan.source / FILES / name, "rb") as handle:
            saved = default_storage.save(name, File(handle, name=Path(name).name))
        if saved != name:
            raise BackupError(f"{name} was stored as {saved}: the upload storage would not take its own name back.")
    # Only the tables the backup had: newer code may have tables that `migrate` has yet to make.
    counts = row_counts(only=plan.manifest["rows"])
    return {
        label: (expected, counts.get(label))
        for label, expected in plan.manifest["rows"].items()
        if label in counts and counts[label] != expected
    }


def settings_note():
    """What a backup does not hold, for the command to say."""
    return (
        "Not included: the settings and secrets (SECRET_KEY, DATABASE_URL, e-mail) — keep them with your "
        f"deployment — and what can be rebuilt (static files in {settings.STATIC_ROOT or 'STATIC_ROOT'})."
    )
