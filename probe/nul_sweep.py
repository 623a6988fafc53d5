# A probe script (probe15): each GET parameter the crawl saw, and q/page on each page, given a NUL byte and a huge number.
# ruff: noqa: E501
import json
from urllib.parse import parse_qsl, urlparse

from client import Client, load_logins

load_logins()
m = Client("southwark.manager")
m.sign_in()
rows = json.load(open("out16/crawl-southwark.manager.json"))
targets = {}
for p in rows:
    u = urlparse(p)
    keys = {k for k, _ in parse_qsl(u.query)} | {"q", "page"}
    targets.setdefault(u.path, set()).update(keys)
fails, n = [], 0
for path, keys in sorted(targets.items()):
    if any(s in path for s in (".docx", ".pdf", ".xlsx", ".csv", "/evidence/")):
        continue
    for k in sorted(keys):
        for val in ("\x00", "99999999999999999999"):
            r = m.get(path, params={k: val}, allow_redirects=False)
            n += 1
            if r.status_code >= 500:
                fails.append(f"{path}?{k}={val!r} -> {r.status_code}")
print(f"{n} requests over {len(targets)} paths; 5xx: {len(fails)}")
for f in fails:
    print("  FAIL", f)
