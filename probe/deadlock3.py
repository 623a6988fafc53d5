# A probe script (probe15): an audited read (the identity page) while the same partnership records an incident.
# ruff: noqa: E501
import sys
import uuid

from client import Client, load_logins
from races import REVIEW, both, db, describe

load_logins()


def incident_values(tag):
    return {
        "child_pseudonym": f"Child D{tag[:4]}",
        "summary": f"probe deadlock3 incident {tag}",
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


ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 6
m, c = Client("southwark.manager"), Client("southwark.chair")
m.sign_in(), c.sign_in()
inc = db(
    "select i.id from incidents_incident i join accounts_partnership p on p.id=i.partnership_id where p.slug='southwark' order by i.created limit 1"
)
path = "/partnerships/southwark/incidents/new/"
fives = 0
db(f"update reviews_review set is_confidential=true where id='{REVIEW}'")
for i in range(ROUNDS):
    tag = uuid.uuid4().hex[:8]
    html = m.get(path).text
    rs = both(lambda: m.submit(path, incident_values(tag), html=html), lambda: c.get(f"/reviews/{REVIEW}/"))
    codes = [r.status_code for r in rs]
    fives += codes.count(500)
    print(f"  round {i}: {[describe(r) for r in rs]}", flush=True)
db(f"update reviews_review set is_confidential=false where id='{REVIEW}'")
print(
    f"{'FAIL' if fives else 'PASS'} incident created while a confidential review's page is read: {ROUNDS} rounds, {fives} answers 500"
)
