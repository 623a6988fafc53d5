# A probe script (probe15): crawl the running site as one user, then fetch every URL found as every role.
# ruff: noqa: E501
"""Usage: crawl.py USER [MAX]  -> out16/crawl-USER.json (url -> status, content type, Cache-Control, traceback?)
crawl.py replay FILE USER...  -> every URL of FILE as each USER: status counts and any 200 to an outsider."""

import json
import re
import sys
from urllib.parse import urldefrag, urljoin, urlparse

import lxml.html
from client import BASE, Client, load_logins

load_logins()
SKIP = ("/sign-out", "/sign-in", "logout", "/static/", "/admin/logout", "mailto:", "/calendar/", "/password")


def links(base_url, html):
    try:
        doc = lxml.html.fromstring(html)
    except Exception:
        return []
    out = []
    for a in doc.xpath("//a[@href]"):
        u = urldefrag(urljoin(base_url, a.get("href")))[0]
        p = urlparse(u)
        if p.netloc not in ("127.0.0.1:8030", "") or any(s in u for s in SKIP):
            continue
        out.append(p.path + (("?" + p.query) if p.query else ""))
    return out


def crawl(user, limit):
    c = Client(user)
    c.sign_in()
    seen, queue, rows = set(), ["/"], {}
    pattern_count = {}
    while queue and len(rows) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        # bound each URL shape (ids and page numbers replaced) to a few instances
        base, _, query = path.partition("?")
        shape = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "<id>", base)
        shape = re.sub(r"\d+", "<n>", shape)
        if query:
            shape += "?" + "&".join(sorted({kv.split("=")[0] for kv in query.split("&")}))
        pattern_count[shape] = pattern_count.get(shape, 0) + 1
        if pattern_count[shape] > (3 if "?" not in shape else 1):
            continue
        r = c.get(path, allow_redirects=False)
        ctype = r.headers.get("Content-Type", "")
        rows[path] = {
            "status": r.status_code,
            "ctype": ctype.split(";")[0],
            "cc": r.headers.get("Cache-Control", ""),
            "cd": r.headers.get("Content-Disposition", ""),
            "loc": r.headers.get("Location", ""),
            "tb": "Traceback" in (r.text[:200000] if "text" in ctype else ""),
            "shape": shape,
        }
        if r.status_code == 200 and "html" in ctype:
            queue.extend(links(BASE + path, r.text))
        elif (
            r.status_code in (301, 302)
            and r.headers.get("Location", "").startswith("/")
            and "/sign-in" not in r.headers["Location"]
        ):
            queue.append(r.headers["Location"])
    json.dump(rows, open(f"out16/crawl-{user}.json", "w"), indent=0)
    from collections import Counter

    print(user, len(rows), "URLs", Counter(v["status"] for v in rows.values()))
    for p, v in rows.items():
        if v["status"] >= 500 or v["tb"]:
            print("  5xx/traceback", p, v["status"])


def replay(fn, users):
    rows = json.load(open(fn))
    for user in users:
        c = Client(user)
        c.sign_in()
        from collections import Counter

        cnt = Counter()
        res = {}
        for p in rows:
            r = c.get(p, allow_redirects=False)
            cnt[r.status_code] += 1
            res[p] = r.status_code
            if r.status_code >= 500:
                print("  5xx", user, p, r.status_code)
        json.dump(res, open(f"out16/replay-{user}-{fn.split('crawl-')[-1]}", "w"), indent=0)
        print(user, "against", fn, dict(cnt), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "replay":
        replay(sys.argv[2], sys.argv[3:])
    else:
        crawl(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 600)
