"""Where a page's time goes, part by part: the per-request floor (issue 14).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB PYTHONPATH=$PWD \
        .venv/bin/python benchmarks/floor.py [--slug scale-N] [--page "risk register"] [--repeat 40] [--profile]

DB must hold `casereview seed-scale` (benchmarks/scale.py's databases will do). For the business manager of
the partnership (`--slug`, default the smallest), with the production settings and two-factor entered as
scale.py does, each page is requested --repeat times through Django's request handler and split into:

- middleware: everything outside the view (the handler, every middleware, the session and user reads);
- view: the view function's own Python (its queries excluded), the access decorators included;
- render: the template's rendering (context processors and the queries the template runs excluded);
- context processors: the navigation and the other processors, their queries excluded;
- SQL: time in the database driver, per part (middleware / view / render);

medians of wall clock and of this process's CPU time (steadier on a shared machine). `--profile` prints the
top of a cProfile over the repeats instead.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

STACK = []  # [part, started, time spent in inner parts]
OWN = defaultdict(float)
COUNT = defaultdict(int)


def _enter(part):
    STACK.append([part, time.perf_counter(), 0.0])


def _leave():
    part, started, inner = STACK.pop()
    elapsed = time.perf_counter() - started
    OWN[part] += elapsed - inner
    if STACK:
        STACK[-1][2] += elapsed


def _current():
    return STACK[-1][0] if STACK else "middleware"


def instrument():
    """Wraps the view, the template's render, the context processors and every query, keeping each part's
    own time (its inner parts' time excluded)."""
    from django.core.handlers.base import BaseHandler
    from django.db import connection
    from django.template import context as template_context
    from django.template.backends.django import Template

    original_atomic = BaseHandler.make_view_atomic

    def make_view_atomic(self, view):
        wrapped = original_atomic(self, view)

        def timed(*args, **kwargs):
            _enter("view")
            try:
                return wrapped(*args, **kwargs)
            finally:
                _leave()

        return timed

    BaseHandler.make_view_atomic = make_view_atomic

    original_render = Template.render

    def render(self, *args, **kwargs):
        if _current() == "render":
            return original_render(self, *args, **kwargs)
        _enter("render")
        try:
            return original_render(self, *args, **kwargs)
        finally:
            _leave()

    Template.render = render

    original_bind = template_context.RequestContext.bind_template

    def bind_template(self, template):
        # the processors run as the context manager is entered: time them as their own part
        _enter("processors")
        try:
            cm = original_bind(self, template)
            cm.__enter__()
        finally:
            _leave()
        return _Exit(cm)

    template_context.RequestContext.bind_template = bind_template

    def wrapper(execute, sql, params, many, context):
        part = _current()
        _enter("sql " + part)
        try:
            return execute(sql, params, many, context)
        finally:
            _leave()
            COUNT["sql"] += 1

    return connection.execute_wrapper(wrapper)


class _Exit:
    def __init__(self, cm):
        self.cm = cm

    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return self.cm.__exit__(*exc)


def run(client, url, repeat):
    client.get(url)
    client.get(url)
    rows = defaultdict(list)
    parts = ("middleware", "view", "render", "processors")
    for _ in range(repeat):
        OWN.clear()
        COUNT.clear()
        started_cpu = time.process_time()
        _enter("middleware")
        response = client.get(url)
        _leave()
        rows["cpu"].append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        for part in parts:
            rows[part].append(OWN[part] * 1000)
            rows["sql " + part].append(OWN["sql " + part] * 1000)
        rows["sql"].append(sum(OWN["sql " + p] for p in parts) * 1000)
        rows["total"].append(sum(OWN.values()) * 1000)
        rows["queries"].append(COUNT["sql"])
    return {k: statistics.median(v) for k, v in rows.items()}, len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--slug", help="the partnership (default the smallest; scale-1 is the largest)")
    parser.add_argument("--page", action="append", help="page names as scale.py names them")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--calls", action="store_true", help="Python function calls a request (cProfile's count): the same on any load"
    )
    args = parser.parse_args()

    import scale  # benchmarks/scale.py: the same settings as its in-process part

    for key, value in scale._env(os.environ["DATABASE_URL"]).items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    import logging

    logging.disable(logging.WARNING)
    from django.test import Client

    from casereview.accounts.models import Partnership, User

    slug = args.slug or f"scale-{Partnership.objects.unscoped().count()}"
    partnership = Partnership.objects.unscoped().get(slug=slug)
    pages = scale.main_pages(partnership)
    del pages["audit log page 40"]
    bm = User.objects.get(username=f"{slug}-bm")
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(bm)
    scale._two_factor_done(client, bm)
    names = args.page or ["risk register", "documents"]
    if args.calls:
        parts = ("middleware", "view", "render", "processors")
        print(f"{slug}: Python calls a request, by part (the database driver's inside the part that queried)")
        print(f"{'page':18} {'all':>8} " + " ".join(f"{p:>10}" for p in parts))
        with instrument():
            for name in names:
                client.get(pages[name])
                counts = defaultdict(int)

                def count(frame, event, arg):
                    if event in ("call", "c_call"):
                        counts[_current().removeprefix("sql ")] += 1

                for _ in range(5):
                    _enter("middleware")
                    sys.setprofile(count)
                    client.get(pages[name])
                    sys.setprofile(None)
                    _leave()
                cells = " ".join(f"{counts[p] / 5:10.0f}" for p in parts)
                print(f"{name:18} {sum(counts.values()) / 5:8.0f} {cells}")
        return
    if args.profile:
        for name in names:
            client.get(pages[name])
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                client.get(pages[name])
            profiler.disable()
            print(f"== {name} ({slug}), {args.repeat} requests")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    with instrument():
        cols = ["total", "cpu", "middleware", "view", "render", "processors", "sql", "sql middleware", "sql view"]
        cols += ["sql render", "sql processors", "queries"]
        print(f"{slug}; medians of {args.repeat} requests, ms (own time of each part; SQL apart)")
        print(f"{'page':18} " + " ".join(f"{c[:10]:>10}" for c in cols) + "       KB")
        for name in names:
            medians, size = run(client, pages[name], args.repeat)
            print(f"{name:18} " + " ".join(f"{medians[c]:10.1f}" for c in cols) + f" {size / 1024:8.0f}")


if __name__ == "__main__":
    main()
