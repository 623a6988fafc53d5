# A probe script (probe15): pages added since probe14 inside a confidential review: are their reads audited?
import re

from client import Client, load_logins
from races import REVIEW, db

load_logins()
db(f"update reviews_review set is_confidential=true where id='{REVIEW}'")
try:
    m = Client("southwark.manager")
    m.sign_in()
    pub = m.get(f"/reviews/{REVIEW}/publication/").text
    hold = (re.findall(r'href="(/publication-holds/[0-9a-f-]{36}/)"', pub) or [None])[0]
    paths = [
        f"/reviews/{REVIEW}/publication/",
        f"/reviews/{REVIEW}/holds/",
        hold,
        f"/reviews/{REVIEW}/anonymise/",
        f"/reviews/{REVIEW}/anonymise/compare/",
        f"/reviews/{REVIEW}/report/",
        f"/reviews/{REVIEW}/chronology.xlsx",
        f"/reviews/{REVIEW}/terms/",
        f"/reviews/{REVIEW}/family/",
        f"/reviews/{REVIEW}/stage/",
    ]
    ev = db(
        f"select e.id from actionplans_evidence e join actionplans_action a on a.id=e.action_id where a.review_id='{REVIEW}' and e.file<>'' limit 1"
    )
    if ev:
        paths.append(f"/evidence/{ev}/")
    for p in [x for x in paths if x]:
        before = int(db("select count(*) from audit_auditevent where action='view'"))
        r = m.get(p)
        after = int(db("select count(*) from audit_auditevent where action='view'"))
        print(
            f"{'PASS' if after - before >= 1 else 'FAIL'} confidential read audited: {p} -> {r.status_code}; view events {before} -> {after}",
            flush=True,
        )
finally:
    db(f"update reviews_review set is_confidential=false where id='{REVIEW}'")
