"""How long the yearly report takes for the largest partnership of a national-scale dataset (issue 13).

Run: `make bench-annual` (or `.venv/bin/python benchmarks/annual_report.py`; DATABASE_URL selects
PostgreSQL). Builds a throwaway test database the way the test runner does (SQLite in memory, or
`test_<name>` on DATABASE_URL's server — never the database itself), loads the demo, adds BENCH_PARTNERSHIPS
partnerships (default 150) holding BENCH_ACTIONS actions (default 30,000) between them, the largest with a
tenth of everything, and a year of incidents, notifications, decisions, reviews, learning points and themes.
Then prints, for the demo's small partnership and for the largest, the query count of each report page and
download and the time to build the DOCX and the PDF. Targets: each download under 10 s, and the largest
partnership's query counts no more than the small one's. Exits 1 if a target is missed.
"""

import os
import random
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

PARTNERSHIPS = int(os.environ.get("BENCH_PARTNERSHIPS", 150))
ACTIONS = int(os.environ.get("BENCH_ACTIONS", 30_000))
YEAR = 2018
TARGET_SECONDS = 10


def build():
    from casereview.accounts.models import Agency, Membership, Partnership, Role, User
    from casereview.actionplans.models import Action
    from casereview.core.models import Theme
    from casereview.decisions.models import ChairDecision
    from casereview.incidents.models import Incident, NotificationDuty
    from casereview.reporting.models import AnnualFigure, AnnualReport, Contribution, FigureKind
    from casereview.reviews.models import LearningPoint, Review

    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    rng = random.Random(13)
    themes = list(Theme.objects.all()) or [Theme.objects.create(name=f"Theme {n}") for n in range(12)]
    partnerships = Partnership.objects.bulk_create(
        Partnership(name=f"Bench partnership {n:03d}", slug=f"bench-{n:03d}") for n in range(PARTNERSHIPS)
    )
    largest = partnerships[0]
    share = {
        p.pk: (ACTIONS // 10 if p is largest else (ACTIONS - ACTIONS // 10) // (PARTNERSHIPS - 1)) for p in partnerships
    }
    agencies = Agency.objects.bulk_create(
        Agency(partnership=p, name=f"Agency {n} of {p.slug}", sector="health") for p in partnerships for n in range(12)
    )
    by_partnership = {}
    for agency in agencies:
        by_partnership.setdefault(agency.partnership_id, []).append(agency)
    manager = User.objects.create_user("bench.manager", email="bench@example.org", password="x")
    Membership.objects.create(user=manager, partnership=largest, role=Role.BUSINESS_MANAGER)
    start = date(YEAR, 4, 1)

    incidents, reviews = [], []
    for p in partnerships:
        scale = 10 if p is largest else 1
        for n in range(8 * scale):
            aware = start + timedelta(days=rng.randint(0, 364))
            incidents.append(
                Incident(
                    partnership=p,
                    reference=f"{p.slug}-{n}",
                    child_pseudonym=f"Child {n}",
                    harm=rng.choice(["death", "serious_harm"]),
                    incident_date=aware - timedelta(days=3),
                    aware_date=aware,
                    abuse_or_neglect="known",
                    location="in_area",
                    age_years=rng.randint(0, 17),
                )
            )
        for n in range(6 * scale):
            reviews.append(
                Review(
                    partnership=p,
                    title=f"Child {p.slug} {n}",
                    review_type="local_cspr",
                    stage=rng.choice(["drafting", "action_plan", "published", "agency_information"]),
                    decided_on=start + timedelta(days=rng.randint(-300, 300)),
                    target_completion=start + timedelta(days=rng.randint(0, 500)),
                )
            )
    Incident.objects.bulk_create(incidents, batch_size=2000)
    Review.objects.bulk_create(reviews, batch_size=2000)
    duties, decisions = [], []
    for incident in incidents:
        duties.append(
            NotificationDuty(
                incident=incident,
                kind="panel",
                reason="Serious harm",
                due_date=incident.aware_date + timedelta(days=5),
                sent_on=incident.aware_date + timedelta(days=rng.randint(0, 5)),
            )
        )
        if rng.random() < 0.7:
            decisions.append(
                ChairDecision(
                    incident=incident,
                    outcome=rng.choice(["local_review", "learning_review", "no_review"]),
                    rationale="The criteria are met: the case may highlight improvements needed.",
                    decided_on=incident.aware_date + timedelta(days=20),
                    decided_by=manager,
                )
            )
    NotificationDuty.objects.bulk_create(duties, batch_size=2000)
    ChairDecision.objects.bulk_create(decisions, batch_size=2000)
    points = LearningPoint.objects.bulk_create(
        (
            LearningPoint(review=review, number=n, text=f"Learning point {n}: information sharing across agencies")
            for review in reviews
            for n in range(1, 9)
        ),
        batch_size=2000,
    )
    Through = LearningPoint.themes.through
    Through.objects.bulk_create(
        (Through(learningpoint_id=point.pk, theme_id=rng.choice(themes).pk) for point in points), batch_size=5000
    )
    reviews_of = {}
    for review in reviews:
        reviews_of.setdefault(review.partnership_id, []).append(review)
    actions = []
    for p in partnerships:
        own = reviews_of[p.pk]
        for n in range(share[p.pk]):
            begun = start + timedelta(days=rng.randint(-200, 300))
            actions.append(
                Action(
                    review=own[n % len(own)],
                    partnership=p,  # bulk_create calls no save()
                    number=n // len(own) + 1,
                    description="Audit and report to the subgroup",
                    owner_agency=rng.choice(by_partnership[p.pk]),
                    lead_role="Head of Service",
                    start_date=begun,
                    due_date=begun + timedelta(days=rng.randint(30, 400)),
                    success_measure="Audit shows the change embedded",
                    status=rng.choice(["not_started", "on_track", "at_risk", "completed", "closed"]),
                )
            )
    Action.objects.bulk_create(actions, batch_size=2000)
    for p in (largest,):
        report = AnnualReport.objects.create(partnership=p, year_starting=YEAR, created_by=manager)
        for kind in FigureKind:
            AnnualFigure.objects.create(report=report, kind=kind, value=rng.randint(10, 900), source="Case records")
        for n in range(8):
            Contribution.objects.create(report=report, contributor=f"Partner {n}", amount=rng.randint(500, 60000))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return manager, AnnualReport.objects.get(partnership=largest), len(actions)


def measure_url(client, url):
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - began
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), seconds, len(response.content)


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
    from casereview.accounts.models import User
    from casereview.actionplans.models import Action
    from casereview.reporting import charts
    from casereview.reporting.models import AnnualReport
    from casereview.reviews.models import Review

    began = time.perf_counter()
    manager, largest, made = build()
    print(
        f"database: {connection.vendor}; {PARTNERSHIPS + 3} partnerships, {Action.objects.count():,} actions, "
        f"{Review.objects.count():,} reviews (built in {time.perf_counter() - began:.1f} s)"
    )
    small = AnnualReport.objects.get(partnership__slug="southwark", year_starting=YEAR)
    small_client, large_client = Client(), Client()
    small_client.force_login(User.objects.get(username="southwark.manager"))
    large_client.force_login(manager)
    ok = True
    counts = {}
    for who, client, report in [("small (demo)", small_client, small), ("largest", large_client, largest)]:
        actions = Action.objects.filter(review__partnership=report.partnership).count()
        print(f"{who}: {report.partnership.name}, {actions:,} actions")
        for name, suffix, target in [
            ("report page", "", None),
            ("preview page", "preview/", None),
            ("download DOCX", "report.docx", TARGET_SECONDS),
            ("download PDF", "report.pdf", TARGET_SECONDS),
        ]:
            charts._DRAWN.clear()  # each figure cold: the charts drawn afresh, not taken from the preview's
            queries, seconds, size = measure_url(client, f"/annual-reports/{report.pk}/{suffix}")
            counts.setdefault(name, []).append(queries)
            verdict = "" if target is None else ("ok" if seconds < target else "SLOW")
            ok &= verdict != "SLOW"
            limit = f"target < {target} s" if target else ""
            print(f"  {name:16} {queries:3d} queries  {seconds:6.2f} s  {size / 1024:8.0f} KiB  {limit} {verdict}")
    for name, (small_count, large_count) in counts.items():
        grows = large_count > small_count
        ok &= not grows
        print(f"queries of {name}: {small_count} (small) vs {large_count} (largest): {'GROWS' if grows else 'ok'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
