"""The embedded SQLite database is written by two processes at once (the web server and the task worker under
`make run`); neither may ever fail with "database is locked", and no write may be lost."""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from config.settings.base import sqlite_database

ROOT = Path(__file__).resolve().parent.parent

# Each process reads the counter and then writes it back, inside one transaction: the pattern of a service
# that validates against what is stored and then saves (and the one SQLite's deferred transactions refuse
# at once, without waiting, when another process wrote in between).
WRITER = """
import os, sys, time
import django
from django.conf import settings
from config.settings.base import sqlite_database

settings.configure(DATABASES={"default": sqlite_database(sys.argv[1])}, INSTALLED_APPS=[], USE_TZ=True)
django.setup()
from django.db import connection, transaction

while not os.path.exists(sys.argv[3]):
    time.sleep(0.005)
for _ in range(int(sys.argv[2])):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM counter WHERE id = 1")
            (value,) = cursor.fetchone()
            cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
"""


def test_the_embedded_database_is_set_up_for_two_processes(tmp_path):
    options = sqlite_database(tmp_path / "db.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]


def test_two_processes_writing_at_once_neither_is_refused_nor_loses_a_write(tmp_path):
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as db:
        # as `make run` leaves it: migrated, so already in WAL (a setting the file keeps) before the server and
        # the worker open it; two first connections racing to switch the journal is not what the test is about
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        db.execute("INSERT INTO counter VALUES (1, 0)")
    go = tmp_path / "go"
    writes_each = 150
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(writes_each), str(go)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(0.5)  # both have imported Django and are waiting
    go.touch()
    results = [writer.communicate(timeout=120) for writer in writers]

    for writer, (_, stderr) in zip(writers, results):
        assert "database is locked" not in stderr
        assert writer.returncode == 0, stderr
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM counter").fetchone()[0] == 2 * writes_each
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
