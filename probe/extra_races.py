# A probe script (probe15): more double submissions than races.py had.
# ruff: noqa: E501
import sys
import uuid

from client import Client, load_logins
from races import SUMMARY, both, db, describe, double, note

load_logins()
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3


def incident_values(tag):
    return {
        "child_pseudonym": f"Child S{tag[:4]}",
        "summary": f"probe seq incident {tag}",
        "incident_date_0": "1",
        "incident_date_1": "11",
        "incident_date_2": "2026",
        "aware_date_0": "2",
        "aware_date_1": "11",
        "aware_date_2": "2026",
        "full_name": f"Probe {tag}",
        "abuse_or_neglect": "known",
        "harm": "serious_harm",
        "location": "in_area",
    }


m = Client("southwark.manager")
m.sign_in()
path = "/partnerships/southwark/incidents/new/"
for i in range(ROUNDS):
    tag = uuid.uuid4().hex[:8]
    html = m.get(path).text
    r1 = m.submit(path, incident_values(tag), html=html)
    r2 = m.submit(path, incident_values(tag), html=html)
    n = db(f"select count(*) from incidents_incident where summary like '%{tag}%'")
    duties = (
        db(
            f"select count(*) from incidents_notificationduty d join incidents_incident i on i.id=d.incident_id where i.summary like '%{tag}%'"
        )
        if db("select to_regclass('incidents_notificationduty')")
        else "?"
    )
    note(
        "incident form sent twice one after the other",
        n == "1" and r1.headers.get("Location") == r2.headers.get("Location"),
        f"{describe(r1)} | {describe(r2)}; incidents {n}, duties {duties}",
    )
# two browsers of the same person, each served its own form, the same child at once
b = Client("southwark.manager")
b.sign_in()
for i in range(ROUNDS):
    tag = uuid.uuid4().hex[:8]
    ha, hb = m.get(path).text, b.get(path).text
    rs = both(
        lambda: m.submit(path, incident_values(tag), html=ha), lambda: b.submit(path, incident_values(tag), html=hb)
    )
    n = db(f"select count(*) from incidents_incident where summary like '%{tag}%'")
    print(f"  two browsers, same incident, round {i}: {[describe(r) for r in rs]} incidents {n}", flush=True)
# agency in a close race, more rounds than races.py
for i in range(ROUNDS * 3):
    tag = uuid.uuid4().hex[:8]
    sector = [v for v, _ in Client.options(m.get("/partnerships/southwark/agencies/new/").text, "sector") if v][0]
    double(
        "agency (close race)",
        m,
        "/partnerships/southwark/agencies/new/",
        {"name": f"Probe agency {tag}", "sector": sector},
        f"select count(*) from accounts_agency where name like '%{tag}%'",
    )
bad = [d for n, ok, d in SUMMARY if not ok]
print("SUMMARY", len(SUMMARY), "checks,", len(bad), "failed")
for n, ok, d in SUMMARY:
    print(("PASS" if ok else "FAIL"), n, "|", d)
