# A probe script (probe15): every export job's progress page and download as every other user.
from client import Client, load_logins
from races import db

load_logins()
jobs = db(
    "select j.id || ' ' || coalesce(u.username, '') from core_exportjob j left join accounts_user u on u.id=j.requested_by_id"
).split("\n")
print("jobs:", len(jobs), jobs[:6])
users = [
    "southwark.chair",
    "southwark.executive",
    "southwark.panel",
    "southwark.reviewer",
    "southwark.health.lead",
    "southwark.police.lead",
    "southwark.viewer",
    "worcestershire.manager",
    "tower-hamlets.manager",
    "southwark.manager",
]
for u in users:
    c = Client(u)
    c.sign_in()
    res = {}
    for j in jobs:
        jid, owner = (j.split(" ") + [""])[:2]
        for suffix in ("", "download"):
            code = c.get(f"/exports/{jid}/{suffix}", allow_redirects=False).status_code
            key = ("own" if owner == u else "other's", suffix or "page", code)
            res[key] = res.get(key, 0) + 1
    print(u, dict(sorted(res.items())), flush=True)
