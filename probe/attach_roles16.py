# A probe script (probe16): every attachment of the information request downloaded by every role and other
# partnerships; the headers of the download; how the hostile names read on the pages.
# ruff: noqa: E501
import html as htmlmod
import os
import re
from collections import Counter

from client import Client, load_logins
from races import db

load_logins()
RID = os.environ["PROBE_INFOREQ"]
RR = db(f"select rapid_review_id from decisions_informationrequest where id='{RID}'")
atts = [
    r.split("|", 1)
    for r in db(
        f"select id, file_name from decisions_informationattachment where info_request_id='{RID}' order by created"
    ).splitlines()
]
users = [
    "southwark.police.lead",
    "southwark.manager",
    "southwark.chair",
    "southwark.executive",
    "southwark.panel",
    "southwark.health.lead",
    "southwark.reviewer",
    "southwark.viewer",
    "worcestershire.manager",
    "worcestershire.police.lead",
    "tower-hamlets.manager",
]
for u in users:
    c = Client(u)
    c.sign_in()
    codes = Counter()
    for aid, _ in atts:
        r = c.get(f"/information-documents/{aid}/", allow_redirects=False)
        codes[r.status_code] += 1
    rr = c.get(f"/rapid-reviews/{RR}/", allow_redirects=False)
    links = len(set(re.findall(r'href="/information-documents/([0-9a-f-]{36})/"', rr.text)))
    print(f"{u}: downloads {dict(codes)}; rapid review page {rr.status_code}, links to {links} documents", flush=True)

p = Client("southwark.police.lead")
p.sign_in()
print("\nheaders of each download (as the agency lead):")
for aid, name in atts:
    r = p.get(f"/information-documents/{aid}/", allow_redirects=False)
    print(
        f"  {name[:40]!r}: {r.status_code} type={r.headers.get('Content-Type')!r} disposition={r.headers.get('Content-Disposition', '')[:120]!r} "
        f"cache={r.headers.get('Cache-Control')!r} nosniff={r.headers.get('X-Content-Type-Options')!r} csp={r.headers.get('Content-Security-Policy', '')[:60]!r}",
        flush=True,
    )
page = p.get(f"/information-requests/{RID}/").text
print(
    "\nthe markup name on the request page is escaped:",
    "<img src=x onerror" not in page,
    "| raw text present:",
    htmlmod.escape("<img src=x onerror") in page,
)
print(
    "events for the downloads:",
    db("select count(*) from audit_auditevent where object_repr like 'Document downloaded:%'"),
)
