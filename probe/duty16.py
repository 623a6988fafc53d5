# A probe script (probe16): "Record as sent" on a notification: the same form twice at once, two browsers
# with different dates at once ("already recorded as sent"), the same form twice one after the other.
# ruff: noqa: E501
import re

from client import Client, load_logins
from races import both, db, describe

load_logins()
m, m2 = Client("southwark.manager"), Client("southwark.manager")
m.sign_in(), m2.sign_in()
duties = db(
    "select d.id from incidents_notificationduty d join incidents_incident i on i.id=d.incident_id "
    "where i.child_pseudonym like 'Child D%' and d.sent_on is null and d.withdrawn_on is null order by i.created limit 9"
).split()
assert len(duties) >= 9, duties


def values(day, ref):
    return {"sent_on_0": str(day), "sent_on_1": "11", "sent_on_2": "2026", "reference": ref}


def state(d):
    row = db(f"select sent_on, sent_reference from incidents_notificationduty where id='{d}'")
    ev = db(f"select count(*) from audit_auditevent where object_id='{d}' and action='update'")
    return row, ev


def heading(r):
    if getattr(r, "status_code", 0) != 200:
        return ""
    h = re.search(r"<h1[^>]*>(.*?)</h1>", r.text, re.S)
    return " h1=" + " ".join(h.group(1).split())[:80] if h else ""


for i in range(3):
    d = duties[i]
    url = f"/notification-duties/{d}/sent/"
    html = m.get(url).text
    rs = both(
        lambda: m.submit(url, values(3, "REF-A"), html=html), lambda: m.submit(url, values(3, "REF-A"), html=html)
    )
    row, ev = state(d)
    ok = all(getattr(r, "status_code", 0) == 302 for r in rs) and ev == "1"
    print(
        f"{'PASS' if ok else 'FAIL'} same form twice at once: {[describe(r) for r in rs]}; {row}; update events {ev}",
        flush=True,
    )
for i in range(3, 6):
    d = duties[i]
    url = f"/notification-duties/{d}/sent/"
    ha, hb = m.get(url).text, m2.get(url).text
    rs = both(lambda: m.submit(url, values(3, "REF-A"), html=ha), lambda: m2.submit(url, values(4, "REF-B"), html=hb))
    row, ev = state(d)
    ok = (
        500 not in [getattr(r, "status_code", 0) for r in rs]
        and ev == "1"
        and sorted(getattr(r, "status_code", 0) for r in rs)[0] == 200
    )
    print(
        f"{'PASS' if ok else 'FAIL'} two browsers, different dates, at once: {[describe(r) + heading(r) for r in rs]}; {row}; update events {ev}",
        flush=True,
    )
for i in range(6, 9):
    d = duties[i]
    url = f"/notification-duties/{d}/sent/"
    html = m.get(url).text
    r1 = m.submit(url, values(3, "REF-A"), html=html)
    r2 = m.submit(url, values(3, "REF-A"), html=html)
    r3 = m.submit(url, values(5, "REF-C"), html=html)
    row, ev = state(d)
    print(
        f"{'PASS' if ev == '1' and r2.status_code == 302 else 'FAIL'} same form twice in sequence, then another date: {describe(r1)} | {describe(r2)} | {describe(r3)}{heading(r3)}; {row}; update events {ev}",
        flush=True,
    )
