"""The embedded database under a worker, as `make run` uses it: a throwaway SQLite file, the task worker
(`manage.py db_worker`) running on it in its own process, and this process committing audited writes that
each queue a task, for BENCH_SECONDS (default 20). Prints the writes, the tasks the worker finished and every
error; exits 1 if either side met `database is locked` (or any other database error).

Run: `make bench-sqlite-worker` (or `.venv/bin/python benchmarks/sqlite_worker.py`).
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECONDS = float(os.environ.get("BENCH_SECONDS", 20))
folder = tempfile.mkdtemp(prefix="casereview-sqlite-")
os.environ.pop("DJANGO_SETTINGS_MODULE", None)
os.environ.update(
    DATABASE_URL=f"sqlite:///{folder}/casereview.sqlite3",
    CASEREVIEW_VAR_DIR=folder,
    CASEREVIEW_TASK_BACKEND="database",
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
sys.path.insert(0, str(ROOT))
manage = [sys.executable, str(ROOT / "manage.py")]
subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, cwd=ROOT)

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from casereview.accounts.models import Partnership  # noqa: E402
from casereview.audit.models import AuditAction  # noqa: E402
from casereview.audit.services import record_event  # noqa: E402
from casereview.core.tasks import send_email  # noqa: E402

partnership = Partnership.objects.create(name="Benchmark partnership", slug="benchmark")
worker = subprocess.Popen(
    [*manage, "db_worker", "--queue-name", "default", "--interval", "0.05"],
    cwd=ROOT,
    stdout=subprocess.PIPE,
    stderr=subprocess.STDOUT,
    text=True,
)
time.sleep(2)
writes, errors = 0, []
start = time.time()
while time.time() - start < SECONDS:
    try:
        with transaction.atomic():  # read, then write: the shape of every service
            Partnership.objects.filter(pk=partnership.pk).exists()
            record_event(actor=None, action=AuditAction.UPDATE, partnership=partnership, object_repr="benchmark")
            send_email.enqueue(subject="benchmark", body="-", to=["nobody@example.org"])
        writes += 1
    except Exception as exc:  # every failure is the figure this measures
        errors.append(f"{type(exc).__name__}: {exc}")
deadline = time.time() + 120  # let the worker drain the queue (it keeps writing while this process reads)
while DBTaskResult.objects.filter(status="READY").exists() and time.time() < deadline and worker.poll() is None:
    time.sleep(0.5)
worker.terminate()
worker_output, _ = worker.communicate(timeout=30)
finished = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
locked = [line for line in worker_output.splitlines() if "locked" in line]
print(f"{writes} audited writes queueing a task in {SECONDS:.0f} s; the worker finished {finished} tasks")
print(f"errors in this process: {len(errors)}; 'database is locked' in the worker: {len(locked)}")
for line in errors[:5] + locked[:5]:
    print("  ", line)
sys.exit(1 if errors or locked else 0)
