# A probe script (probe15): publication holds: a hold sent twice, two lifts at once, and who may reach them.
# ruff: noqa: E501
import re
import uuid

from client import Client, load_logins
from races import REVIEW, both, db, describe

load_logins()
m, m2 = Client("southwark.manager"), Client("southwark.manager")
m.sign_in(), m2.sign_in()
holds = f"/reviews/{REVIEW}/holds/"
print(
    "hold columns:",
    db("select string_agg(column_name, ' ') from information_schema.columns where table_name like '%%hold%%'"),
)
tbl = db("select table_name from information_schema.tables where table_name like '%hold%' limit 1")
for hid in db(f"select id from {tbl} where lifted_on is null").split():
    h = m.get(f"/publication-holds/{hid}/lift/").text
    m.submit(f"/publication-holds/{hid}/lift/", {"reason": "probe: lifting the doubled holds"}, html=h)
print("open holds before the rounds:", db(f"select count(*) from {tbl} where lifted_on is null"))
for rnd in range(3):
    tag = uuid.uuid4().hex[:8]
    html = m.get(holds).text
    before = db(f"select count(*) from {tbl}")
    rs = both(
        lambda: m.submit(holds, {"reason": f"probe hold {tag}"}, html=html),
        lambda: m.submit(holds, {"reason": f"probe hold {tag}"}, html=html),
    )
    after = db(f"select count(*) from {tbl}")
    print(
        f"{'PASS' if int(after) - int(before) == 1 and 500 not in [r.status_code for r in rs] else 'FAIL'} hold sent twice at once: {[describe(r) for r in rs]} holds {before} -> {after}",
        flush=True,
    )
    pub = m.get(f"/reviews/{REVIEW}/publication/").text
    lifts = sorted(set(re.findall(r'href="(/publication-holds/[0-9a-f-]{36}/)"', pub)))
    print("  lift links:", lifts)
    if not lifts:
        break
    lift = lifts[-1] + "lift/"
    ha, hb = m.get(lift).text, m2.get(lift).text
    rs = both(
        lambda: m.submit(lift, {"reason": f"lift A {tag}"}, html=ha),
        lambda: m2.submit(lift, {"reason": f"lift B {tag}"}, html=hb),
    )
    hid = lift.split("/")[2]
    row = db(f"select reason, lifted_on, lifted_reason from {tbl} where id='{hid}'")
    print(f"  two lifts at once: {[describe(r) for r in rs]}; {row}", flush=True)
    if rnd == 0:
        # put another hold, then every other role and another partnership against the hold and lift pages
        html = m.get(holds).text
        m.submit(holds, {"reason": f"probe hold for roles {tag}"}, html=html)
        pub = m.get(f"/reviews/{REVIEW}/publication/").text
        lift = sorted(set(re.findall(r'href="(/publication-holds/[0-9a-f-]{36}/)"', pub)))[-1] + "lift/"
        for u in [
            "southwark.chair",
            "southwark.reviewer",
            "southwark.police.lead",
            "southwark.viewer",
            "southwark.executive",
            "southwark.panel",
            "worcestershire.manager",
            "tower-hamlets.manager",
        ]:
            c = Client(u)
            c.sign_in()
            g1 = c.get(holds, allow_redirects=False).status_code
            g2 = c.get(lift, allow_redirects=False).status_code
            tok = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', c.get("/").text)
            p1 = c.post(lift, {"csrfmiddlewaretoken": tok.group(1) if tok else "", "reason": "not mine"}).status_code
            p2 = c.post(holds, {"csrfmiddlewaretoken": tok.group(1) if tok else "", "reason": "not mine"}).status_code
            print(f"  {u}: GET holds {g1}, GET lift {g2}, POST lift {p1}, POST hold {p2}", flush=True)
        print(
            "  still held after the others tried:",
            db(f"select count(*) from {tbl} where lifted_on is null")
            if "lifted_on"
            in db(f"select string_agg(column_name,' ') from information_schema.columns where table_name='{tbl}'")
            else "?",
        )
        ha = m.get(lift).text
        m.submit(lift, {"reason": f"lift {tag}"}, html=ha)
