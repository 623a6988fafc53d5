"""Long exports at national scale: time and peak memory of each background export (issue 14, item 3).

    .venv/bin/python benchmarks/exports.py                         # on the database scale.py seeded
    .venv/bin/python benchmarks/exports.py --db casereview_scale_1_0 --entries 40000

Runs on a database seeded by `benchmarks/scale.py` (`casereview seed-scale`), on the PostgreSQL at BENCH_PG
(default postgres://postgres@127.0.0.1:5432). The largest review's chronology is first topped up to
`--entries` events by copying its own rows (only in that benchmark database), so the Word file is measured
at the size the issue sets. Then each export runs in a child process of its own, exactly as the task worker
runs it (`core.exports.export_run`, as the largest partnership's business manager), and the child reports
its wall time, the Python process's memory before the export and its peak (ru_maxrss) after.

Targets (issue 14): a 40,000-event chronology as Word in <= 30 s and <= 300 MB; the partnership's actions as
Word and as a spreadsheet, and its whole audit trail as CSV, alike.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
KINDS = ("chronology_docx", "actions_docx", "actions_xlsx", "audit_csv")


def _env(db):
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{db}",
        "CASEREVIEW_ENV": "production",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "CASEREVIEW_TASK_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "PYTHONPATH": str(ROOT),
    }


def _setup():
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))  # scale.py's choice of the largest review
    import django

    django.setup()


def _largest():
    from scale import largest_review

    from casereview.accounts.models import Partnership, User

    partnership = Partnership.objects.unscoped().get(slug="scale-1")
    manager = User.objects.get(username="scale-1-bm")
    return partnership, manager, largest_review(partnership)


def top_up(entries):
    """Copies the largest review's own chronology rows until it holds `entries` events."""
    from django.db import connection

    from casereview.reviews.models import ChronologyEntry

    _, _, review = _largest()
    have = ChronologyEntry.objects.unscoped().filter(review=review).count()
    columns = [f.column for f in ChronologyEntry._meta.concrete_fields if not f.primary_key]
    names = ", ".join(f'"{c}"' for c in columns)
    while have < entries:
        with connection.cursor() as cursor:
            cursor.execute(
                f'INSERT INTO "{ChronologyEntry._meta.db_table}" ({names}) SELECT {names} FROM '
                f'"{ChronologyEntry._meta.db_table}" WHERE review_id = %s ORDER BY id LIMIT %s',
                [review.pk, entries - have],
            )
        have = ChronologyEntry.objects.unscoped().filter(review=review).count()
    return have


def one(kind_name):
    """In the child: run one export as the worker would and print what it cost."""
    import resource

    from django.db import transaction

    from casereview.core import exports
    from casereview.core.models import ExportJob

    partnership, manager, review = _largest()
    target, action = (review, "view") if kind_name == "chronology_docx" else (partnership, None)
    action = action or {"audit_csv": "view_audit"}.get(kind_name, "view_action_plans")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with transaction.atomic():  # the job is made as the page makes it; the worker half is run here
        job = exports.export_request(
            actor=manager, kind_name=kind_name, target=target, action=action, params={}, title="benchmark"
        )
    started = time.perf_counter()
    exports.export_run(job.pk)
    seconds = time.perf_counter() - started
    job = ExportJob.objects.unscoped().get(pk=job.pk)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = job.stored_as and os.path.getsize(exports.default_storage.path(job.stored_as))
    print(
        "JSON"
        + json.dumps(
            {
                "kind": kind_name,
                "status": job.status,
                "rows": job.rows_done,
                "seconds": seconds,
                "before_mb": before,
                "peak_mb": peak,
                "file_mb": (size or 0) / 1e6,
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="casereview_scale_1_0", help="a database seeded by benchmarks/scale.py")
    parser.add_argument("--entries", type=int, default=40_000, help="events in the largest review's chronology")
    parser.add_argument("--one", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--top-up", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one or args.top_up:  # in a child process, with the benchmark database's settings
        _setup()
        if args.one:
            one(args.one)
        else:
            print(f"The largest review's chronology holds {top_up(args.entries):,} events")
        return
    env = _env(args.db)
    subprocess.run(
        [sys.executable, __file__, "--db", args.db, "--entries", str(args.entries), "--top-up"], env=env, check=True
    )
    print(f"{'export':18} {'status':7} {'rows':>8} {'seconds':>8} {'MB before':>10} {'MB peak':>8} {'file MB':>8}")
    for kind_name in KINDS:
        done = subprocess.run(
            [sys.executable, __file__, "--db", args.db, "--one", kind_name], env=env, capture_output=True, text=True
        )
        line = next((line for line in done.stdout.splitlines() if line.startswith("JSON")), None)
        if line is None:
            print(f"{kind_name:18} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(line[4:])
        print(
            f"{r['kind']:18} {r['status']:7} {r['rows']:>8,} {r['seconds']:>8.1f} {r['before_mb']:>10.0f} "
            f"{r['peak_mb']:>8.0f} {r['file_mb']:>8.1f}"
        )
    print("targets: chronology_docx of 40,000 events <= 30 s and <= 300 MB peak; the others alike")


if __name__ == "__main__":
    main()
