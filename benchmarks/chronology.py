"""Chronology import and merge at the scale the reviews issue sets: 20 agencies × 2,000 rows.

Run: `make bench-chronology` (or `.venv/bin/python benchmarks/chronology.py`; AGENCIES and ROWS override).
Builds a throwaway test database (never touches a real one), uploads one CSV per agency through the same
service and background-task code the pages use, then times the merged view and duplicate detection.
Prints rows/s and the ratio of the merge to a plain Python sorted() of the same rows.
"""

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASEREVIEW_VAR_DIR", tempfile.mkdtemp(prefix="casereview-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

AGENCIES = int(os.environ.get("AGENCIES", 20))
ROWS = int(os.environ.get("ROWS", 2000))
EVENTS = [
    "Home visit",
    "Meeting",
    "Police incident",
    "Health appointment",
    "Missing",
    "School move",
    "Social worker allocated",
]
WHO = [
    "social worker",
    "health visitor",
    "school nurse",
    "police officer",
    "GP",
    "family support worker",
    "teacher",
    "carer",
]
WHAT = [
    "visited the family home",
    "spoke with the child alone",
    "attended the strategy meeting",
    "reviewed the care plan",
    "recorded concerns about neglect",
    "shared information with the school",
    "noted missed appointments",
    "completed an assessment",
    "received a referral",
    "observed the child's room",
    "met the foster carers",
    "discussed the safety plan",
    "followed up a missing episode",
    "updated the chronology",
]


def csv_for(agency_number, rng):
    lines = ["date,time,date precision,event type,description,practitioner role,source reference"]
    start = date(2010, 1, 1)
    for row in range(ROWS):
        day = start + timedelta(days=rng.randrange(0, 365 * 5))
        precision = "month" if row % 25 == 0 else "exact"
        when = day.strftime("%m/%Y") if precision == "month" else day.strftime("%d/%m/%Y")
        text = f"{rng.choice(WHO).capitalize()} {rng.choice(WHAT)}; {rng.choice(WHAT)} ({rng.randrange(1000, 9999)})"
        lines.append(f'{when},,{precision},{rng.choice(EVENTS)},"{text}",Practitioner,REF{row}')
    return ("\n".join(lines) + "\n").encode()


def main():
    import logging

    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return measure(CaptureQueriesContext)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure(CaptureQueriesContext):
    from django.db import connection, transaction

    from casereview.accounts.models import Role
    from casereview.reviews import selectors, services
    from casereview.reviews.models import ChronologyEntry
    from casereview.testing import AgencyContributionFactory, AgencyFactory, PartnershipFactory, ReviewFactory, member

    rng = random.Random(7)
    partnership = PartnershipFactory(slug="bench")
    manager = member(partnership, Role.BUSINESS_MANAGER)
    review = ReviewFactory(partnership=partnership)
    files = [csv_for(n, rng) for n in range(AGENCIES)]
    contributions = [
        AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership)) for _ in range(AGENCIES)
    ]

    started = time.perf_counter()
    for contribution, data in zip(contributions, files):
        with transaction.atomic():
            job = services.chronology_upload(actor=manager, contribution=contribution, name="c.csv", data=data)
        job.refresh_from_db()
        assert job.status == "done", job.problems[:3]
    import_seconds = time.perf_counter() - started
    total = ChronologyEntry.objects.filter(review=review).count()
    print(f"database: {connection.vendor}; {AGENCIES} agencies × {ROWS} rows = {total:,} events")
    print(
        f"import (check every row, insert, refresh duplicates), all files: {import_seconds:8.2f} s  "
        f"{total / import_seconds:10,.0f} rows/s"
    )

    started = time.perf_counter()
    services.duplicates_refresh(review=review)
    duplicates_seconds = time.perf_counter() - started
    print(
        f"duplicate detection over the whole review:                 {duplicates_seconds:8.2f} s  "
        f"({review.duplicate_pairs.count():,} likely pairs)"
    )

    started = time.perf_counter()
    merged = list(
        selectors.merged_chronology(user=manager, review=review).values_list(
            "sort_date", "event_time", "agency__name", "row_number"
        )
    )
    merge_seconds = time.perf_counter() - started
    rows = [tuple(r) for r in merged]
    rng.shuffle(rows)
    started = time.perf_counter()
    sorted(rows, key=lambda r: (r[0], r[1] or 0, r[2], r[3]))
    sort_seconds = time.perf_counter() - started
    print(
        f"merge: all {len(merged):,} events in order from the database:   {merge_seconds:8.3f} s  "
        f"({merge_seconds / sort_seconds:.1f}× a plain sorted() of the same rows, {sort_seconds:.3f} s)"
    )

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        from django.test import Client

        client = Client()
        client.force_login(manager)
        response = client.get(f"/reviews/{review.pk}/chronology/")
        page_seconds = time.perf_counter() - started
    assert response.status_code == 200
    print(
        f"merged chronology page (first 100 of {total:,}, facts, chart):   {page_seconds:8.3f} s  "
        f"{len(queries)} queries"
    )
    docx_export(manager, review, total)
    return 0


def _status_mb(field):
    """VmRSS (now) or VmHWM (the peak) of this process, from the kernel."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def docx_export(manager, review, total):
    """The merged chronology as Word through the background export (core/exports.py), as the worker runs
    it: in a forked child, so its peak memory is the export's own (the child starts as a copy of this
    process: its size at the start and its peak are both printed). The test settings keep files in memory,
    so the peak includes the finished file, which a worker writing to disk would not hold.
    Target (issue 14): 40,000 events in ≤ 30 s and ≤ 300 MB."""
    from django.core.files.storage import default_storage
    from django.db import connections

    from casereview.core import exports
    from casereview.core.models import ExportStatus

    # queued but not run: the test settings' immediate task backend would otherwise run it here and now
    with mock.patch("casereview.core.exports.transaction.on_commit"):
        job = exports.export_request(
            actor=manager, kind_name="chronology_docx", target=review, action="export", params={}, title="bench"
        )
    started = time.perf_counter()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(reader)
            before = _status_mb("VmRSS")
            if connections["default"].vendor != "sqlite":  # an in-memory SQLite database is copied by fork
                for connection in connections.all():
                    connection.connection = None  # the parent's socket stays the parent's
            done = exports.export_run(str(job.pk))
            size = default_storage.size(done.stored_as)
            os.write(writer, f"{size} {before} {_status_mb('VmHWM')}".encode())
            code = 0 if done.status == ExportStatus.DONE else 2
        finally:
            os._exit(code)
    os.close(writer)
    size, before, peak = (float(n) for n in os.read(reader, 200).decode().split())
    size /= 1024 * 1024
    _pid, status = os.waitpid(pid, 0)
    seconds = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, "the export failed"
    print(
        f"chronology DOCX export, {total:,} events (background job):     {seconds:8.2f} s  "
        f"worker peak {peak:,.0f} MB ({before:,.0f} MB at the start, {peak - before:,.0f} MB for the export); "
        f"file {size:.1f} MB   target ≤ 30 s, ≤ 300 MB"
    )


if __name__ == "__main__":
    sys.exit(main())
