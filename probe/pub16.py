# A probe script (probe16): make Child T publishable (three sign-offs, the report sent), then race a hold
# against publishing, and publishing against itself (on a copy of the state: run `pub16.py prepare` once).
# ruff: noqa: E501
import os
import re
import sys
import time

from client import Client, errors, load_logins
from races import both, db, describe

load_logins()
REV = os.environ["PROBE_DRAFT_REVIEW"]
m, m2 = Client("southwark.manager"), Client("southwark.manager")
m.sign_in(), m2.sign_in()
pub = f"/reviews/{REV}/publication/"
today = time.localtime()
date = {
    "publication_date_0": str(today.tm_mday),
    "publication_date_1": str(today.tm_mon),
    "publication_date_2": str(today.tm_year),
}


def gate():
    r = m.submit(pub, dict(date, check="1"))
    if r.status_code == 302:
        r = m.get(r.headers["Location"])
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", r.text))
    return r, errors(r.text), text


if sys.argv[1:] == ["prepare"]:
    for kind, who in [("panel", "Review panel chair"), ("police", "DI Probe"), ("legal", "Probe Legal")]:
        r = m.submit(
            f"/reviews/{REV}/sign-offs/?kind={kind}",
            {
                "signed_by": who,
                "signed_on_0": str(today.tm_mday),
                "signed_on_1": str(today.tm_mon),
                "signed_on_2": str(today.tm_year),
            },
        )
        print("sign-off", kind, describe(r))
    r = m.submit(
        f"/reviews/{REV}/report-sent/",
        {"sent_on_0": str(today.tm_mday), "sent_on_1": str(today.tm_mon), "sent_on_2": str(today.tm_year)},
    )
    print("report sent", describe(r))
    r, errs, text = gate()
    print("gate errors:", errs, "| publish button:", 'name="publish"' in r.text)
    sys.exit()

# a hold placed while the manager publishes (two browsers); the hold sent `delay` seconds after the publish
TBL = "documents_publication"


def reset():
    """Undo a publication on this probe database (as the owner) and lift open holds through the site."""
    stage = db(f"select stage from reviews_review where id='{REV}'")
    db(f"delete from {TBL} where review_id='{REV}'")
    db(f"update reviews_review set stage='sent_to_panel', published_on=null where id='{REV}'")
    for hid in db(f"select id from documents_publicationhold where review_id='{REV}' and lifted_on is null").split():
        h = m.get(f"/publication-holds/{hid}/lift/").text
        m.submit(f"/publication-holds/{hid}/lift/", {"reason": "probe: reset between rounds"}, html=h)
    return stage


def delayed(f, delay):
    def run():
        time.sleep(delay)
        return f()

    return run


delays = [float(x) for x in os.environ.get("PROBE_DELAYS", "0 0.3 0.6 1.0 1.5 2.5").split()]
for delay in delays:
    reset()
    html = m.get(pub).text
    data, _ = Client.form_fields(html)
    data.update(date)
    data.update({"publish": "1", "confirmed": "1"})
    hh = m2.get(f"/reviews/{REV}/holds/").text
    t0 = time.time()
    rs = both(
        lambda: m.post(m.url(pub), data, referer=m.url(pub)),
        delayed(
            lambda: m2.submit(
                f"/reviews/{REV}/holds/", {"reason": f"Police: criminal trial starts next week ({delay}s)"}, html=hh
            ),
            delay,
        ),
    )
    took = time.time() - t0
    published = db(f"select published_on from {TBL} where review_id='{REV}'")
    held = db(f"select count(*) from documents_publicationhold where review_id='{REV}' and lifted_on is null")
    # which came first in the partnership's audit chain: the hold, or the publication's stage change
    hold_seq = db(
        f"select max(e.sequence) from audit_auditevent e join documents_publicationhold h on e.object_id=h.id::text where h.review_id='{REV}' and e.action='create'"
    )
    pub_seq = db(
        f"select max(sequence) from audit_auditevent where object_id='{REV}' and changes::text like '%Published%'"
    )
    after = bool(published) and hold_seq and pub_seq and int(hold_seq) > int(pub_seq)
    bad = bool(published) and held != "0" and not after
    print(
        f"{'FAIL' if bad else 'PASS'} publish, and a hold {delay}s later: {[describe(r) for r in rs]} in {took:.1f}s; published {published or 'no'}; open holds {held}{' (the hold came after the publication, in the chain)' if after else ''}",
        flush=True,
    )
print("stage at the end:", reset())

# publishing sent twice at once (two browsers), after a reset
if os.environ.get("PROBE_TWICE"):
    for rnd in range(int(os.environ["PROBE_TWICE"])):
        reset()
        ha, hb = m.get(pub).text, m2.get(pub).text
        da, db_ = Client.form_fields(ha)[0], Client.form_fields(hb)[0]
        for d in (da, db_):
            d.update(date)
            d.update({"publish": "1", "confirmed": "1"})
        rs = both(
            lambda: m.post(m.url(pub), da, referer=m.url(pub)), lambda: m2.post(m2.url(pub), db_, referer=m2.url(pub))
        )
        files = sorted(os.listdir(f"/tmp/reprobe16/var/media/publications/{REV}"))
        n = db(f"select count(*) from {TBL} where review_id='{REV}'")
        print(
            f"{'FAIL' if 500 in [getattr(r, 'status_code', 0) for r in rs] else 'PASS'} published twice at once: {[describe(r)[:160] for r in rs]}; publications {n}; files in its folder {len(files)}",
            flush=True,
        )
    print("stage at the end:", reset())
