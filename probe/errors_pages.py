# A probe script (probe15): every kind of error page, for a traceback or internal detail in its body.
# ruff: noqa: E501
import requests
from client import BASE, Client, load_logins

load_logins()
m = Client("southwark.manager")
m.sign_in()
v = Client("southwark.viewer")
v.sign_in()
checks = [
    ("404 unknown path", lambda: m.get("/no-such-page/")),
    ("404 unknown record", lambda: m.get("/incidents/00000000-0000-0000-0000-000000000000/")),
    ("404 malformed id", lambda: m.get("/incidents/not-a-uuid/")),
    ("403 viewer on audit export", lambda: v.get("/partnerships/southwark/audit/export.csv")),
    ("405 GET on a POST-only URL", lambda: m.get("/sign-out/")),
    ("403 CSRF missing", lambda: m.post("/partnerships/southwark/agencies/new/", {"name": "x"})),
    (
        "400 bad Host",
        lambda: requests.get(BASE + "/", headers={"Host": "evil.example", "X-Forwarded-Proto": "https"}, timeout=30),
    ),
    ("400 huge query string", lambda: m.get("/partnerships/southwark/library/", params={"q": "a" * 20000})),
    (
        "400 too many fields",
        lambda: m.post("/partnerships/southwark/agencies/new/", {f"f{i}": "x" for i in range(1200)}),
    ),
    ("bad page number", lambda: m.get("/partnerships/southwark/audit/?page=999999999999999999999")),
    ("bad keyset cursor", lambda: m.get("/partnerships/southwark/audit/?page=2&after=garbage_zz")),
    ("bad year", lambda: m.get("/partnerships/southwark/training/?year=99999999999")),
    ("bad format", lambda: m.get("/partnerships/southwark/national-picture/?year=abc&format=exe")),
    ("bad sign-off kind", lambda: m.get("/reviews/a0a18f14-0edb-432b-8c94-74ee8c718928/sign-offs/?kind=../../etc")),
    ("bad section", lambda: m.get("/annual-reports/9f67e49b-6ec0-45ee-8a5b-1af3e1befde8/section/?section=%00")),
    ("bad library entry", lambda: m.get("/library/entries/99999999999999999999/")),
    ("bad export id", lambda: m.get("/exports/00000000-0000-0000-0000-000000000000/download")),
    ("NUL in search", lambda: m.get("/partnerships/southwark/incidents/", params={"q": "\x00"})),
]
for label, f in checks:
    r = f()
    body = r.text or ""
    leaks = [w for w in ("Traceback", 'File "/', "django.", "psycopg", "SECRET", "settings.py") if w in body]
    print(
        f"{'FAIL' if r.status_code >= 500 or leaks else 'PASS'} {label}: {r.status_code} {r.headers.get('Content-Type', '')[:25]} body {len(body)} chars; leaks {leaks}",
        flush=True,
    )
