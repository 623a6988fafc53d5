"""How the action plan monitoring pages behave with 30,000 actions.

Run: `.venv/bin/python benchmarks/actionplans.py` (DATABASE_URL selects PostgreSQL). Builds a throwaway
test database the way the test runner does (SQLite in memory, or `test_<name>` on DATABASE_URL's server —
never the database itself), loads the demo, adds BENCH_ACTIONS actions (default 30,000) to Southwark
across BENCH_REVIEWS reviews with progress updates and evidence, then prints each page's query count and
its median and 95th-percentile time. Exits 1 if a target is missed.
"""

import math
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASEREVIEW_VAR_DIR", tempfile.mkdtemp(prefix="casereview-bench-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ACTIONS = int(os.environ.get("BENCH_ACTIONS", 30_000))
REVIEWS = int(os.environ.get("BENCH_REVIEWS", 300))
REPEATS = int(os.environ.get("BENCH_REPEATS", 20))


def build():
    from django.db.models import DateTimeField
    from django.db.models.functions import Cast

    from casereview.accounts.models import Agency, Partnership, User
    from casereview.actionplans.models import Action, Evidence, ProgressUpdate
    from casereview.reviews.models import Review

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    southwark = Partnership.objects.get(slug="southwark")
    manager = User.objects.get(username="southwark.manager")
    agencies = list(Agency.objects.filter(partnership=southwark))
    police = Agency.objects.get(partnership=southwark, name="Metropolitan Police Service")
    lead = User.objects.get(username="southwark.police.lead")
    rng = random.Random(5)
    reviews = Review.objects.bulk_create(
        Review(
            partnership=southwark,
            title=f"Child {n:03d}",
            review_type="local_cspr",
            decided_on=date(2015, 1, 1) + timedelta(days=12 * n),
            target_completion=date(2015, 7, 1) + timedelta(days=12 * n),
            stage="action_plan",
        )
        for n in range(REVIEWS)
    )
    per_review = ACTIONS // REVIEWS
    statuses = ["not_started", "on_track", "at_risk", "completed", "closed"]
    today = date.today()
    actions = []
    for review in reviews:
        for number in range(1, per_review + 1):
            start = today - timedelta(days=rng.randint(30, 2000))
            actions.append(
                Action(
                    review=review,
                    partnership_id=review.partnership_id,  # bulk_create calls no save()
                    number=number,
                    description=f"Action {number} of {review.title}: audit and report to the subgroup",
                    owner_agency=rng.choice(agencies),
                    lead_role="Head of Service",
                    start_date=start,
                    due_date=start + timedelta(days=rng.randint(30, 720)),
                    success_measure="Audit shows the change embedded",
                    status=rng.choice(statuses),
                    at_risk_streak=rng.choice([0, 0, 0, 1, 2]),
                )
            )
    Action.objects.bulk_create(actions, batch_size=2000)
    # As if each action had been entered when it started, not all today.
    Action.objects.filter(review__in=reviews).update(created=Cast("start_date", DateTimeField()))
    updates, evidence = [], []
    for action in actions:
        for n in range(rng.randint(0, 3)):
            updates.append(
                ProgressUpdate(
                    action=action,
                    posted_on=action.start_date + timedelta(days=30 * (n + 1)),
                    text=f"Update {n + 1}: progress reported to the SCR subgroup",
                    status=action.status if action.status != "closed" else "completed",
                    posted_by=manager,
                )
            )
        if action.status in ("completed", "closed"):
            evidence.append(
                Evidence(
                    action=action,
                    kind="link",
                    description="Audit report",
                    url="https://intranet.example.org/audit",
                    added_by=manager,
                )
            )
    ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
    Evidence.objects.bulk_create(evidence, batch_size=2000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return manager, lead, police, len(updates), len(evidence)


def measure_page(client, url, repeats=REPEATS):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, (url, response.status_code)
    query_count = len(queries)  # read now: the next request clears the connection's log the slice points into
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return query_count, statistics.median(samples), samples[math.ceil(len(samples) * 0.95) - 1], len(body)


def main():
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        return measure()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def measure():
    from casereview.actionplans.models import Action

    start = time.perf_counter()
    manager, lead, police, updates, evidence = build()
    total = Action.objects.count()
    print(
        f"database: {connection.vendor}; {total:,} actions in {REVIEWS + 1} reviews, {updates:,} updates, "
        f"{evidence:,} evidence "
        f"(built in {time.perf_counter() - start:.1f} s)"
    )
    ok = True
    manager_client, lead_client = Client(), Client()
    manager_client.force_login(manager)
    lead_client.force_login(lead)
    base = "/partnerships/southwark/actions/"
    for name, client, url, target, repeats in [
        ("monitoring page, all actions (business manager)", manager_client, base, 1000, REPEATS),
        ("monitoring page, page 40", manager_client, base + "?page=40", 1000, REPEATS),
        ("monitoring page, overdue only", manager_client, base + "?status=overdue", 1000, REPEATS),
        (
            "monitoring page, one agency, one month",
            manager_client,
            base + f"?agency={police.pk}&due={date.today():%Y-%m}",
            1000,
            REPEATS,
        ),
        ("monitoring page, agency lead (own agency only)", lead_client, base, 1000, REPEATS),
        ("escalated actions (executive view)", manager_client, base + "escalated/", 3000, 5),
        (
            "what changed since 90 days ago",
            manager_client,
            base
            + "changes/?"
            + "&".join(
                f"since_{i}={v}" for i, v in enumerate((date.today() - timedelta(days=90)).strftime("%d %m %Y").split())
            ),
            3000,
            5,
        ),
        (f"export XLSX ({total:,} rows)", manager_client, base + "export.xlsx", 60_000, 1),
        (f"export DOCX ({total:,} rows)", manager_client, base + "export.docx", 120_000, 1),
    ]:
        queries, median, p95, size = measure_page(client, url, repeats)
        verdict = "ok" if p95 <= target else "SLOW"
        ok &= verdict == "ok"
        print(
            f"{name:52} {queries:3d} queries  median {median:9.1f} ms  p95 {p95:9.1f} ms  target p95 <= "
            f"{target} ms  {verdict}"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
