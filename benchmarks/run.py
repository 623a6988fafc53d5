"""Speed targets, measured (not asserted in the test suite). Run: `make bench`.

Builds a throwaway test database the way the test runner does (SQLite in memory, or `test_<name>` on
DATABASE_URL's server — never the database itself), fills it with a partnership-sized load and times
what users wait for. Prints one line per measure with its target; exits 1 if a target is missed.
Sizes: BENCH_PARTNERSHIPS, BENCH_AUDIT_EVENTS, BENCH_REPEATS.
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASEREVIEW_VAR_DIR", tempfile.mkdtemp(prefix="casereview-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PARTNERSHIPS = int(os.environ.get("BENCH_PARTNERSHIPS", 20))
AUDIT_EVENTS = int(os.environ.get("BENCH_AUDIT_EVENTS", 50_000))
REPEATS = int(os.environ.get("BENCH_REPEATS", 30))


def timed(fn, repeats=REPEATS):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def report(name, median_ms, p95_ms, target_ms):
    verdict = "ok" if p95_ms <= target_ms else "SLOW"
    print(f"{name:55} median {median_ms:8.2f} ms  p95 {p95_ms:8.2f} ms  target p95 <= {target_ms} ms  {verdict}")
    return verdict == "ok"


def build():
    from casereview.accounts.models import Agency, Membership, Partnership, Role, User
    from casereview.audit.models import AuditAction, AuditEvent

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    manager = User.objects.get(username="southwark.manager")
    southwark = Partnership.objects.get(slug="southwark")
    for n in range(PARTNERSHIPS):
        p = Partnership.objects.create(name=f"Bench partnership {n}", slug=f"bench-{n}")
        Agency.objects.bulk_create(Agency(partnership=p, name=f"Agency {n}-{a}", sector="health") for a in range(15))
        users = User.objects.bulk_create(
            User(username=f"bench{n}-{u}", email=f"bench{n}-{u}@example.org") for u in range(40)
        )
        Membership.objects.bulk_create(Membership(user=u, partnership=p, role=Role.PANEL_MEMBER) for u in users)
    agency = Agency.objects.filter(partnership=southwark).first()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=manager,
            actor_name="Business Manager",
            action=AuditAction.UPDATE,
            partnership=southwark,
            object_id=str(agency.pk),
            object_repr=f"{agency} change {i}",
            changes={"name": ["a", "b"]},
        )
        for i in range(AUDIT_EVENTS)
    )
    if django.db.connection.vendor == "postgresql":
        # A live server's autovacuum keeps statistics current; after a bulk load we do it ourselves.
        with django.db.connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return manager


def main():
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 measure is expected
    setup_test_environment()
    old_name = django.db.connection.settings_dict["NAME"]
    django.db.connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return measure()
    finally:
        django.db.connection.creation.destroy_test_db(old_name, verbosity=0)


def measure():
    from casereview.core.working_days import add_working_days, working_days_between

    start = time.perf_counter()
    manager = build()
    print(
        f"database: {django.db.connection.vendor}; {PARTNERSHIPS} extra partnerships, {AUDIT_EVENTS} audit events "
        f"(built in {time.perf_counter() - start:.1f} s)"
    )
    client = Client()
    client.force_login(manager)
    ok = True
    ok &= report(
        "working days: 1,000 deadlines of 15 working days",
        *timed(lambda: [add_working_days(date(2025, 1, 1 + i % 28), 15) for i in range(1000)]),
        50,
    )
    ok &= report(
        "working days: count across a year",
        *timed(lambda: working_days_between(date(2025, 1, 1), date(2025, 12, 31))),
        5,
    )
    for name, url, target in [
        ("page: partnership home", "/partnerships/southwark/", 300),
        ("page: people (search)", "/partnerships/southwark/people/?q=manager", 300),
        (f"page: audit log, first page of {AUDIT_EVENTS:,}", "/partnerships/southwark/audit/", 500),
        ("page: audit log filtered by text", "/partnerships/southwark/audit/?text=change+4999", 500),
        ("page: another partnership's record (404)", "/partnerships/bench-3/", 300),
    ]:

        def get(url=url):
            response = client.get(url)
            assert response.status_code in (200, 404), (url, response.status_code)

        ok &= report(name, *timed(get), target)
    ok &= report(
        f"export: audit log CSV ({AUDIT_EVENTS:,} rows)",
        *timed(lambda: b"".join(client.get("/partnerships/southwark/audit/export.csv")), repeats=3),
        10_000,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
