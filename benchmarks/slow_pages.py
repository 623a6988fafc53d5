"""The pages still slowest at national scale, timed in process (no gunicorn), and the reminders' run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB PYTHONPATH=$PWD \
        .venv/bin/python benchmarks/slow_pages.py [--repeat 15] [--profile chronology] [--reminders]

DB must hold `casereview seed-scale` (benchmarks/scale.py's databases will do). For the business manager of
the largest partnership (scale-1), with the production settings and two-factor entered as scale.py does:
each page's query count and median time over --repeat requests through Django's test client (wall clock,
and this process's CPU time, which other work on a shared machine disturbs less), and the time
spent in SQL (as the database driver reports it) and in rendering the template (queries a template runs
included). `--profile PAGE` prints the top of a cProfile of one more request. `--reminders` times
send_deadline_reminders as a first run (inside a transaction rolled back afterwards, so it can be run again
on the same database) and as a second run (the first one's records kept within that transaction).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PAGES = ("review", "chronology", "action monitoring", "action", "due and overdue")


def setup():
    import scale  # benchmarks/scale.py: the same settings as its in-process part

    for key, value in scale._env(os.environ["DATABASE_URL"]).items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    return scale


def pages_of(scale, slug):
    from django.urls import reverse

    from casereview.accounts.models import Partnership
    from casereview.actionplans.models import Action

    partnership = Partnership.objects.unscoped().get(slug=slug)
    review = scale.largest_review(partnership)
    action = Action.objects.unscoped().filter(review=review).order_by("number").first()  # as scale.py picks it
    return {
        "review": reverse("reviews:detail", args=[review.pk]),
        "chronology": reverse("reviews:chronology", args=[review.pk]),
        "action monitoring": reverse("actionplans:monitoring", args=[slug]),
        "action": reverse("actionplans:action", args=[action.pk]),
        "due and overdue": reverse("reporting:deadlines", args=[slug]),
    }


def client_for(scale, slug):
    from django.test import Client

    from casereview.accounts.models import User

    user = User.objects.get(username=f"{slug}-bm")
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    scale._two_factor_done(client, user)
    return client


RENDERING = [0.0]


def _time_rendering():
    """Adds each template's rendering time (the page's own template, its includes inside it) to RENDERING."""
    from django.template.backends.django import Template

    original = Template.render

    def render(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            RENDERING[0] += time.perf_counter() - started

    Template.render = render


def time_page(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, cpu, sql, rendering = [], [], [], []
    for _ in range(repeat):
        RENDERING[0] = 0.0
        with CaptureQueriesContext(connection) as queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        sql.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        rendering.append(RENDERING[0] * 1000)
    medians = statistics.median(times), statistics.median(cpu), statistics.median(sql), statistics.median(rendering)
    return len(queries.captured_queries), *medians, len(response.content)


def list_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    for query in queries.captured_queries:
        print(f"{float(query['time']) * 1000:6.1f} ms  {query['sql'][:400]}")


def profile_page(client, url, top=35):
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(top)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def time_reminders():
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from casereview.reporting.reminders import send_deadline_reminders

    runs = []
    with transaction.atomic():
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                outcome = send_deadline_reminders(site_url="https://casereview.example.org")
                runs.append((time.perf_counter() - started, len(queries.captured_queries), outcome))
        transaction.set_rollback(True)
    for label, (seconds, count, outcome) in zip(("first", "second"), runs, strict=True):
        print(f"send_deadline_reminders {label} run: {seconds:.2f} s, {count} queries, {outcome}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--slug", default="scale-1", help="the partnership (scale-1 is the largest)")
    parser.add_argument("--page", action="append", choices=PAGES, help="only these pages")
    parser.add_argument("--profile", choices=PAGES)
    parser.add_argument("--queries", choices=PAGES, help="list the page's queries and their times")
    parser.add_argument("--reminders", action="store_true")
    args = parser.parse_args()
    scale = setup()
    urls = pages_of(scale, args.slug)
    client = client_for(scale, args.slug)
    if args.profile:
        profile_page(client, urls[args.profile])
        return
    if args.queries:
        list_queries(client, urls[args.queries])
        return
    _time_rendering()
    print(f"{'page':20} {'queries':>7} {'median ms':>9} {'CPU ms':>7} {'SQL ms':>7} {'render ms':>9} {'KB':>6}")
    for name in args.page or PAGES:
        count, median, cpu, sql, rendering, size = time_page(client, urls[name], args.repeat)
        print(f"{name:20} {count:7} {median:9.1f} {cpu:7.1f} {sql:7.1f} {rendering:9.1f} {size / 1024:6.0f}")
    if args.reminders:
        time_reminders()


if __name__ == "__main__":
    main()
