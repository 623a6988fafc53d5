"""Two copies of the code serving the same pages over HTTP, measured in turn: before and after a change.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB PYTHONPATH=$PWD \
        .venv/bin/python benchmarks/ab_pages.py --before /tmp/main-copy [--rounds 6] [--requests 10]

DB must hold `casereview seed-scale`. Each copy (--before: another checkout, e.g. `git archive main | tar -x
-C DIR` with the .venv linked; the after copy is this one) is served by gunicorn with 2 workers and the
production settings, as benchmarks/scale.py serves it. In each round, each page is fetched --requests times
from one copy and then from the other (the order changes each round), by one client, for the business
manager of the largest and of the smallest partnership. Printed per page: the median wall time of all the
requests to each copy, and the workers' CPU time a request (the sum of the workers' user and system time
over the requests, from /proc), which other work on a shared machine disturbs less than wall time.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402 - benchmarks/scale.py: the same settings and gunicorn as its HTTP part

PAGES_CODE = r"""
import json, os, sys
sys.path.insert(0, "benchmarks")
import scale
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
import django
django.setup()
from django.test import Client
from django.urls import reverse
from casereview.accounts.models import Partnership, User
from casereview.actionplans.models import Action
count = Partnership.objects.unscoped().count()
out = {}
for who, slug in (("largest", "scale-1"), ("smallest", f"scale-{count}")):
    partnership = Partnership.objects.unscoped().get(slug=slug)
    review = scale.largest_review(partnership)
    user = User.objects.get(username=f"{slug}-bm")
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    scale._two_factor_done(client, user)
    action = Action.objects.unscoped().filter(review=review).order_by("number").first()
    out[who] = {
        "cookie": client.cookies["sessionid"].value,
        "pages": {
            "home": reverse("accounts:partnership_detail", args=[slug]),
            "reviews": reverse("reviews:list", args=[slug]),
            "review": reverse("reviews:detail", args=[review.pk]),
            "chronology": reverse("reviews:chronology", args=[review.pk]),
            "action monitoring": reverse("actionplans:monitoring", args=[slug]),
            "action": reverse("actionplans:action", args=[action.pk]),
            "due and overdue": reverse("reporting:deadlines", args=[slug]),
            "audit log": reverse("audit:event_list", args=[slug]),
            "risk register": reverse("actionplans:risk_register", args=[slug]),
            "documents": reverse("documents:list", args=[slug]),
        },
    }
print("JSON" + json.dumps(out))
"""


def _cpu_seconds(pids):
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def _workers(process):
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def serve(root, url):
    port = scale._free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    env = {**scale._env(url), "PYTHONPATH": str(root)}
    process = subprocess.Popen(
        [gunicorn, "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=root,
        env=env,
    )
    import socket

    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.2)
    for _ in range(50):  # both workers up
        if len(_workers(process)) >= 2:
            break
        time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, help="the other copy's directory")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--page", action="append", help="only these pages")
    parser.add_argument("--who", action="append", choices=["largest", "smallest"])
    args = parser.parse_args()
    url = os.environ["DATABASE_URL"]
    out = subprocess.run(
        [sys.executable, "-c", PAGES_CODE], cwd=ROOT, env=scale._env(url), capture_output=True, text=True
    )
    line = next((x for x in out.stdout.splitlines() if x.startswith("JSON")), None)
    if line is None:
        raise SystemExit(out.stderr[-3000:])
    info = json.loads(line[4:])
    copies = {"before": Path(args.before).resolve(), "after": ROOT}
    servers = {name: serve(root, url) for name, root in copies.items()}
    wall = {}
    cpu = {}
    try:
        for who in args.who or ["largest", "smallest"]:
            session = scale._session(info[who]["cookie"])
            pages = {k: v for k, v in info[who]["pages"].items() if not args.page or k in args.page}
            for name, (process, base) in servers.items():  # warm every worker on every page
                for path in pages.values():
                    for _ in range(4):
                        scale._fetch(session, base + path)
            for round_number in range(args.rounds):
                order = list(servers) if round_number % 2 == 0 else list(reversed(servers))
                for page, path in pages.items():
                    for name in order:
                        process, base = servers[name]
                        pids = _workers(process)
                        started = _cpu_seconds(pids)
                        for _ in range(args.requests):
                            took, ok = scale._fetch(session, base + path)
                            if not ok:
                                raise SystemExit(f"{name} {page} failed")
                            wall.setdefault((who, page, name), []).append(took)
                        cpu.setdefault((who, page, name), []).append(
                            (_cpu_seconds(pids) - started) * 1000 / args.requests
                        )
    finally:
        for process, _ in servers.values():
            process.terminate()
            process.wait(30)
    print(f"{'who':9} {'page':18} {'wall ms before':>14} {'after':>7} {'CPU ms before':>14} {'after':>7}")
    for who in args.who or ["largest", "smallest"]:
        for page in info[who]["pages"]:
            if (who, page, "before") not in wall:
                continue
            cells = [statistics.median(wall[(who, page, n)]) for n in ("before", "after")]
            cells += [statistics.mean(cpu[(who, page, n)]) for n in ("before", "after")]
            print(f"{who:9} {page:18} {cells[0]:14.1f} {cells[1]:7.1f} {cells[2]:14.1f} {cells[3]:7.1f}")


if __name__ == "__main__":
    main()
