# A probe script (probe15): decide every detail of Child T's report, find the anonymised draft's download, check its
# headers as every role and from another partnership, and save the replacement table twice at once.
# ruff: noqa: E501
import re

from client import Client, load_logins
from races import both, describe

load_logins()
REV = __import__("os").environ.get(
    "PROBE_DRAFT_REVIEW", "a0a18f14-0edb-432b-8c94-74ee8c718928"
)  # Child T, whose demo report is uploaded
m, m2 = Client("southwark.manager"), Client("southwark.manager")
m.sign_in(), m2.sign_in()
page = f"/reviews/{REV}/anonymise/"
t = m.get(page).text
d, _ = Client.form_fields(t)
vals = {k: "accepted" for k in d if k.startswith("status-")}
t2 = m2.get(page).text
rs = both(
    lambda: m.post(m.url(page), dict(d, **vals), referer=m.url(page)),
    lambda: m2.post(
        m2.url(page),
        dict(Client.form_fields(t2)[0], **{k: "kept" if False else "accepted" for k in vals}),
        referer=m2.url(page),
    ),
)
print("replacement table saved twice at once:", [describe(r) for r in rs])
links = set()
for p in [
    page,
    f"/reviews/{REV}/anonymise/compare/",
    f"/reviews/{REV}/publication/",
    f"/reviews/{REV}/report/",
    f"/reviews/{REV}/report-sent/",
]:
    h = m.get(p).text
    links |= set(re.findall(r'href="(/reviews/[^"]*(?:draft|download|\.docx|\.txt|\.pdf)[^"]*)"', h))
print("draft/download links:", sorted(links))
for link in sorted(links):
    r = m.get(link, allow_redirects=False)
    print(
        f"  manager {link}: {r.status_code} CC={r.headers.get('Cache-Control')!r} CD={r.headers.get('Content-Disposition', '')[:80]!r}"
    )
    for u in [
        "southwark.chair",
        "southwark.reviewer",
        "southwark.panel",
        "southwark.executive",
        "southwark.police.lead",
        "southwark.viewer",
        "worcestershire.manager",
        "tower-hamlets.manager",
    ]:
        c = Client(u)
        c.sign_in()
        r = c.get(link, allow_redirects=False)
        print(
            f"  {u}: {r.status_code} CC={r.headers.get('Cache-Control')!r} {'attachment' if 'attachment' in r.headers.get('Content-Disposition', '') else ''}",
            flush=True,
        )
