"""Each main page's queries and Python function calls a request, in process: a measure of a page's work that
a loaded machine does not change (wall and CPU times on a shared machine vary by a third from one run to the
next; the calls vary by a few in 50,000).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB PYTHONPATH=$PWD \
        .venv/bin/python benchmarks/page_calls.py [--page review --page chronology]

DB must hold `casereview seed-scale` (benchmarks/scale.py makes one). Run it in two checkouts against the
same database to compare them (`git archive main | tar -x -C DIR`, the .venv linked). The calls are
cProfile's count (every Python function and builtin called, recursive calls included) over five requests
after two to warm, for the business manager of the largest and of the smallest partnership.
"""

import argparse
import cProfile
import os
import pstats
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402 - benchmarks/scale.py: the same pages, users and settings


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", action="append", help="only these pages (benchmarks/scale.py's names)")
    parser.add_argument("--requests", type=int, default=5)
    args = parser.parse_args()
    for name, value in scale._env(os.environ["DATABASE_URL"]).items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from casereview.accounts.models import Partnership, User

    count = Partnership.objects.unscoped().count()
    print(f"{'who':9} {'page':30} {'queries':>7} {'calls a request':>15}")
    for who, slug in (("largest", "scale-1"), ("smallest", f"scale-{count}")):
        partnership = Partnership.objects.unscoped().get(slug=slug)
        user = User.objects.get(username=f"{slug}-bm")
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        client.force_login(user)
        scale._two_factor_done(client, user)
        for name, url in scale.main_pages(partnership).items():
            if url is None or (args.page and name not in args.page):
                continue
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                client.get(url)
            queries = len(captured.captured_queries)  # now: each request empties the log the context reads
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.requests):
                client.get(url)
            profile.disable()
            calls = pstats.Stats(profile).total_calls / args.requests
            print(f"{who:9} {name:30} {queries:7} {calls:15.0f}", flush=True)


if __name__ == "__main__":
    main()
