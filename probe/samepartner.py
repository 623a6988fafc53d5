# A probe script: long SQL and URL lines are kept whole.
# ruff: noqa: E501
"""Same partnership, narrower role: an agency lead against the manager's export jobs and learning points."""

import subprocess

from client import Client, load_logins

load_logins()


def db(sql):
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "reprobe16", "-At", "-c", sql],
        capture_output=True,
        text=True,
    ).stdout.split()


lead = Client("southwark.police.lead")
lead.sign_in()
viewer = Client("southwark.viewer")
viewer.sign_in()
for j in db("select id from core_exportjob")[:6]:
    for who, c in (("police lead", lead), ("viewer", viewer)):
        r = c.get(f"/exports/{j}/download", allow_redirects=False)
        print(f"{who} GET /exports/{j}/download -> {r.status_code} {r.headers.get('Content-Disposition', '')[:40]}")
police = db(
    "select a.id from accounts_agency a join accounts_partnership p on p.id=a.partnership_id where p.slug='southwark' and a.sector='police'"
)
print("police agencies", police)
lps = db("select id from reviews_learningpoint")
own = set(
    db(
        "select learning_point_id from actionplans_action where learning_point_id is not null and owner_agency_id in (select a.id from accounts_agency a join accounts_partnership p on p.id=a.partnership_id where p.slug='southwark' and a.sector='police')"
    )
)
seen = {}
for lp in lps:
    r = lead.get(f"/learning-points/{lp}/history/", allow_redirects=False)
    seen.setdefault((lp in own, r.status_code), 0)
    seen[(lp in own, r.status_code)] += 1
print("police lead reading learning points' history, (answered by own agency's action, status): count", seen)
for name in ["identity"]:
    for i in db("select id from incidents_incident limit 3"):
        r = lead.get(f"/incidents/{i}/identity/", allow_redirects=False)
        print("police lead identity", r.status_code)
