"""(e) Password reset for a known and an unknown address, 50 tries each, interleaved; medians in ms."""

import statistics
import subprocess
import sys
import time

from client import Client

known = subprocess.run(
    [
        "psql",
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "-d",
        "reprobe16",
        "-At",
        "-c",
        "select email from accounts_user where username='southwark.viewer'",
    ],
    capture_output=True,
    text=True,
).stdout.strip()
unknown = "nobody.probe14@example.invalid"
N = int(sys.argv[1]) if len(sys.argv) > 1 else 50
c = Client()
times = {"known": [], "unknown": []}
statuses = {}
for i in range(N):
    for label, addr in (("known", known), ("unknown", unknown)) if i % 2 else (("unknown", unknown), ("known", known)):
        page = c.get("/password-reset/").text
        t = time.perf_counter()
        r = c.submit("/password-reset/", {"email": addr}, html=page)
        times[label].append((time.perf_counter() - t) * 1000)
        statuses.setdefault(label, {}).setdefault(r.status_code, 0)
        statuses[label][r.status_code] += 1
for k, v in times.items():
    v = sorted(v)
    print(
        f"{k:8s} ({'%s' % (known if k == 'known' else unknown)}): n={len(v)} median={statistics.median(v):.1f} ms "
        f"p10={v[len(v) // 10]:.1f} p90={v[len(v) * 9 // 10]:.1f} mean={statistics.mean(v):.1f}"
    )
print(f"difference of medians: {statistics.median(times['known']) - statistics.median(times['unknown']):+.1f} ms")
print("answers:", statuses)
