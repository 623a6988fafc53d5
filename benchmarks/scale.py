"""National scale: the main pages served by gunicorn on PostgreSQL, at a small and a full dataset.

    make bench-scale                          # scale 1 against scale 0.02
    .venv/bin/python benchmarks/scale.py --scale 0.1 --small 0.02 --single 15 --clients 16 --per-client 4

For each scale it makes (or reuses) a database `casereview_scale_<scale>` on the PostgreSQL at BENCH_PG
(default postgres://postgres@127.0.0.1:5432), migrates and seeds it (`casereview seed-scale`), then:
(`--db-prefix` names the databases otherwise, so two people on one server do not share them; `--fresh` drops
and reseeds them, which the morning commands' first run needs: a reused database has sent its reminders.)

- in process, for the business manager of the largest partnership (and of the smallest): each page's query
  count, and the raw time of its slowest query run again with a plain cursor (its "main query");
- over HTTP, gunicorn with 4 workers and the production settings (behind a pretend TLS proxy): each page
  fetched by one client (median, p95) and by 16 clients at once (p50, p95, p99, errors);
- the two morning commands, send_deadline_reminders and send_escalations, timed twice (the second run
  has nothing new to send).

Prints one table; the targets (issue 14): median <= 50 ms and <= 3x the raw SQL at full scale, the same
query count at both scales, 0 errors, each command <= 5 s. Only loopback addresses are contacted; every
loop is bounded.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def _env(url):
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CASEREVIEW_ENV": "production",
        "SECRET_KEY": "benchmark-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "CASEREVIEW_TASK_BACKEND": "database",
        "PYTHONPATH": str(ROOT),
    }


def _psql(sql, db="postgres"):
    host = PG.split("@")[-1].split(":")[0]
    port = PG.rsplit(":", 1)[-1]
    user = PG.split("//")[1].split("@")[0]
    return subprocess.run(
        ["psql", "-h", host, "-p", port, "-U", user, "-d", db, "-tAc", sql], capture_output=True, text=True
    )


def ensure_database(scale, prefix="casereview_scale", fresh=False):
    name = f"{prefix}_{str(scale).replace('.', '_')}"
    url = f"{PG}/{name}"
    exists = _psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").stdout.strip() == "1"
    seeded = exists and _psql("SELECT 1 FROM accounts_partnership WHERE slug = 'scale-1'", name).stdout.strip() == "1"
    if seeded and not fresh:  # a database seeded by an older checkout: brought up to this one's migrations
        subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=_env(url), check=True)
        return url
    if exists:
        _psql(f"DROP DATABASE {name}")
    _psql(f"CREATE DATABASE {name}")
    env = _env(url)
    print(f"Migrating and seeding {name} (scale {scale})...", flush=True)
    subprocess.run([PY, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([PY, "manage.py", "seed_scale", "--scale", str(scale)], cwd=ROOT, env=env, check=True)
    return url


# --- in process ----------------------------------------------------------------------------------------


def _two_factor_done(client, user):
    """Production settings ask a business manager for their code after the password: the session is given
    a confirmed device as if the code had been entered, so every page is measured as that person sees it."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="benchmark", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def largest_review(partnership):
    """The partnership's open review with the longest chronology: the page every measure is taken on."""
    from django.db.models import Count

    from casereview.reviews.models import Review

    return (
        Review.objects.unscoped()
        .filter(partnership=partnership, is_confidential=False)
        .annotate(n=Count("chronology"))
        .order_by("-n")
        .first()
    )


def main_pages(partnership):
    """The main pages of a partnership's business manager, by name: the addresses both benchmarks time."""
    from django.urls import reverse

    from casereview.actionplans.models import Action
    from casereview.incidents.models import Incident

    slug = partnership.slug
    review = largest_review(partnership)
    incident = Incident.objects.unscoped().filter(partnership=partnership).order_by("-aware_date").first()
    action = Action.objects.unscoped().filter(review=review).order_by("number").first()
    return {
        "home": reverse("accounts:partnership_detail", args=[slug]),
        "incidents": reverse("incidents:list", args=[slug]),
        "incident": reverse("incidents:detail", args=[incident.pk]),
        "reviews": reverse("reviews:list", args=[slug]),
        "review": reverse("reviews:detail", args=[review.pk]),
        "chronology": reverse("reviews:chronology", args=[review.pk]),
        "action monitoring": reverse("actionplans:monitoring", args=[slug]),
        "action": reverse("actionplans:action", args=[action.pk]) if action else None,
        "due and overdue": reverse("reporting:deadlines", args=[slug]),
        "audit log": reverse("audit:event_list", args=[slug]),
        "audit log page 40": reverse("audit:event_list", args=[slug]) + "?page=40",
        "risk register": reverse("actionplans:risk_register", args=[slug]),
        "documents": reverse("documents:list", args=[slug]),
    }


def inprocess(scale_label):
    """Runs inside a subprocess with DATABASE_URL set: prints the pages, their query counts and raw SQL."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from casereview.accounts.models import Partnership, User

    partnerships = Partnership.objects.unscoped()
    count = partnerships.count()
    result = {"pages": [], "sessions": {}}
    for label, slug in (("largest", "scale-1"), ("smallest", f"scale-{count}")):
        partnership = partnerships.get(slug=slug)
        bm = User.objects.get(username=f"{slug}-bm")
        pages = main_pages(partnership)
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        client.force_login(bm)
        _two_factor_done(client, bm)
        # Page 40 as a reader reaches it, by the Next links (which carry where each page ends); the
        # plain ?page=40 above is an old link's address, found by skipping.
        pages["audit log page 40 (next links)"] = _by_next_links(client, pages["audit log"], 39)
        result["sessions"][label] = client.cookies["sessionid"].value
        for name, url in pages.items():
            if url is None:
                continue
            client.get(url)  # warm
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            if status != 200:
                raise SystemExit(f"{name} ({url}) answered {status} in process")
            slowest = max(queries.captured_queries, key=lambda q: float(q["time"]), default=None)
            raw = []
            if slowest and slowest["sql"].lstrip("( \n").upper().startswith("SELECT"):  # a UNION opens with "("
                with connection.cursor() as cursor:
                    for _ in range(5):
                        started = time.perf_counter()
                        cursor.execute(slowest["sql"])
                        cursor.fetchall()
                        raw.append((time.perf_counter() - started) * 1000)
            result["pages"].append(
                {
                    "who": label,
                    "page": name,
                    "url": url,
                    "status": status,
                    "queries": len(queries.captured_queries),
                    "raw_ms": statistics.median(raw) if raw else None,
                }
            )
    result["commands"] = _commands()
    print("JSON" + json.dumps(result))


def _by_next_links(client, url, times):
    import html
    import re

    path = url
    for _ in range(times):
        found = re.search(r'href="([^"]*)" rel="next"', client.get(path).content.decode())
        if not found:
            break
        path = url + html.unescape(found.group(1))
    return path


def _commands():
    from casereview.actionplans.escalations import send_escalations
    from casereview.reporting.reminders import send_deadline_reminders

    timings = {}
    for name, command in (("send_deadline_reminders", send_deadline_reminders), ("send_escalations", send_escalations)):
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            command(site_url="https://casereview.example.org")
            runs.append(time.perf_counter() - started)
        timings[name] = runs
    return timings


# --- over HTTP ------------------------------------------------------------------------------------------


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url):
    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(PY).parent)) or "gunicorn"
    process = subprocess.Popen(
        [gunicorn, "config.wsgi", "-w", "4", "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT,
        env=_env(url),
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def _fetch(session, url):
    started = time.perf_counter()
    try:
        response = session.get(url, timeout=60, allow_redirects=False)
        ok = response.status_code == 200
    except Exception:  # noqa: BLE001 - a failed request is counted, not raised
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def _session(cookie):
    import requests

    session = requests.Session()
    session.headers["X-Forwarded-Proto"] = "https"
    session.cookies.set("sessionid", cookie)
    return session


def _pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def measure(base, page, cookie, single, clients, per_client):
    session = _session(cookie)
    _fetch(session, base + page["url"])
    one = [_fetch(session, base + page["url"]) for _ in range(single)]
    many, lock = [], threading.Lock()

    def client():
        mine = _session(cookie)
        for _ in range(per_client):
            result = _fetch(mine, base + page["url"])
            with lock:
                many.append(result)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    times = [t for t, _ in one]
    load = [t for t, _ in many]
    return {
        "median": statistics.median(times),
        "p95": _pct(times, 95),
        "p50_16": _pct(load, 50),
        "p95_16": _pct(load, 95),
        "p99_16": _pct(load, 99),
        "errors": sum(1 for _, ok in one + many if not ok),
    }


def run_scale(scale, args):
    url = ensure_database(scale, args.db_prefix, args.fresh)
    out = subprocess.run(
        [PY, __file__, "--inprocess", str(scale)], cwd=ROOT, env=_env(url), capture_output=True, text=True
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("JSON")), None)
    if line is None:
        raise SystemExit(out.stdout[-3000:] + out.stderr[-3000:])
    info = json.loads(line[4:])
    if not args.http:
        return info
    process, base = serve(url)
    try:
        for page in info["pages"]:
            page.update(measure(base, page, info["sessions"][page["who"]], args.single, args.clients, args.per_client))
    finally:
        process.terminate()
        process.wait(30)
    return info


def report(small, full, small_scale, full_scale):
    small_counts = {(p["who"], p["page"]): p["queries"] for p in small["pages"]}
    print()
    print(f"Pages for the business manager of the largest and of the smallest partnership; scale {full_scale}")
    print(f"(queries also at scale {small_scale}). Times in ms; ratio = single-client median / raw SQL of the")
    print("page's slowest query.")
    header = (
        f"{'who':9} {'page':30} {'q small':>7} {'q full':>6} {'med':>7} {'p95':>7} "
        f"{'16:p50':>7} {'16:p95':>7} {'16:p99':>7} {'err':>4} {'raw SQL':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for p in full["pages"]:
        raw = p.get("raw_ms")
        med = p.get("median")
        ratio = f"{med / raw:6.1f}" if raw and med else "     -"
        cells = [f"{p.get(k, float('nan')):7.1f}" for k in ("median", "p95", "p50_16", "p95_16", "p99_16")]
        raw_cell = "-" if raw is None else f"{raw:.1f}"
        print(
            f"{p['who']:9} {p['page']:30} {small_counts.get((p['who'], p['page']), '-'):>7} {p['queries']:>6} "
            f"{' '.join(cells)} {p.get('errors', '-'):>4} {raw_cell:>8} {ratio}"
        )
    print()
    for name, runs in full["commands"].items():
        print(f"{name}: first run {runs[0]:.2f} s, second run {runs[1]:.2f} s (scale {full_scale})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--small", type=float, default=0.02)
    parser.add_argument("--single", type=int, default=20, help="requests per page by one client")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--per-client", type=int, default=5, help="requests per page by each of the clients")
    parser.add_argument("--no-http", dest="http", action="store_false", help="query counts and SQL only")
    parser.add_argument("--db-prefix", default="casereview_scale", help="databases are named PREFIX_<scale>")
    parser.add_argument("--fresh", action="store_true", help="drop and reseed the databases first")
    parser.add_argument("--inprocess", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inprocess:
        sys.path.insert(0, str(ROOT))
        inprocess(args.inprocess)
        return
    small = run_scale(args.small, argparse.Namespace(**{**vars(args), "http": False}))
    full = run_scale(args.scale, args)
    (ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "bench-scale.json").write_text(json.dumps({"small": small, "full": full}, indent=1))
    report(small, full, args.small, args.scale)


if __name__ == "__main__":
    main()
