# A probe script (probe15): other writes while the chair reads an identity page (an audited read), 6 rounds each.
# ruff: noqa: E501
import uuid

from client import Client, load_logins
from races import REVIEW, both, db, describe

load_logins()
m, c = Client("southwark.manager"), Client("southwark.chair")
m.sign_in(), c.sign_in()
inc = db(
    "select i.id from incidents_incident i join accounts_partnership p on p.id=i.partnership_id where p.slug='southwark' order by i.created limit 1"
)
sector = None
for label, path, values in [
    ("learning point", f"/reviews/{REVIEW}/learning-points/new/", lambda t: {"text": f"probe dl {t}"}),
    ("agency", "/partnerships/southwark/agencies/new/", lambda t: {"name": f"Probe dl agency {t}", "sector": "police"}),
    ("risk", "/partnerships/southwark/risks/add/", None),
]:
    if values is None:
        continue
    fives = 0
    for i in range(6):
        t = uuid.uuid4().hex[:8]
        html = m.get(path).text
        rs = both(lambda: m.submit(path, values(t), html=html), lambda: c.get(f"/incidents/{inc}/identity/"))
        fives += [r.status_code for r in rs].count(500)
        print(f"  {label} round {i}: {[describe(r)[:60] for r in rs]}", flush=True)
    print(
        f"{'FAIL' if fives else 'PASS'} {label} created while the identity page is read: 6 rounds, {fives} answers 500",
        flush=True,
    )
