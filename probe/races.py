"""Races over real HTTP against the production server on 127.0.0.1:8030 (gunicorn, 4 workers, PostgreSQL).

Each round starts two requests at a threading.Barrier from separate sessions (or the same session for a
double submission) and prints status codes, where a redirect went and any error the page shows.
"""

import json
import os
import re
import sys
import threading
import time
import uuid

from client import Client, banner, errors, load_logins

load_logins()
IDS = json.load(open("/tmp/reprobe16/var/ids.json"))
REVIEW = os.environ.get("PROBE_REVIEW", "68bca4b3-5748-4910-b18b-e907397ed464")  # Southwark, Child R
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 5
SUMMARY = []


def both(fa, fb):
    barrier = threading.Barrier(2)
    out = [None, None]

    def run(i, f):
        barrier.wait()
        try:
            out[i] = f()
        except Exception as exc:  # a connection error counts as a failure too
            out[i] = exc

    ts = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate((fa, fb))]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=300)
    return out


def describe(r):
    if isinstance(r, Exception):
        return f"EXC {r!r}"
    if r.status_code in (301, 302, 303):
        return f"{r.status_code} -> {r.headers.get('Location')}"
    if r.status_code == 200:
        return f"200 errors={errors(r.text)}"
    return f"{r.status_code} {r.text[:120]!r}"


def codes(rs):
    return [getattr(r, "status_code", "EXC") for r in rs]


def note(name, ok, detail):
    SUMMARY.append((name, ok, detail))
    print(("PASS " if ok else "FAIL ") + name + ": " + detail, flush=True)


def db(sql):
    import os
    import subprocess

    if os.environ.get("PROBE_SQLITE"):  # the development server's database
        import sqlite3

        sql = re.sub(r"string_agg\(([^,]+)::text, ','\)", r"group_concat(\1, ',')", sql)
        with sqlite3.connect(os.environ["PROBE_SQLITE"], timeout=30) as con:
            sql = re.sub(
                r"'([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})'", r"'\1\2\3\4\5'", sql
            )
            rows = con.execute(sql).fetchall()

        def dashed(v):
            v = "" if v is None else str(v)
            return str(uuid.UUID(v)) if re.fullmatch(r"[0-9a-f]{32}", v) else v

        return "\n".join("|".join(dashed(v) for v in r) for r in rows)

    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "reprobe16", "-At", "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def agency():
    return db(
        "select a.id from accounts_agency a join accounts_partnership p on p.id=a.partnership_id "
        "where p.slug='southwark' order by a.name limit 1"
    )


def action_values(desc, ag):
    return {
        "description": desc,
        "owner_agency": ag,
        "lead_role": "Probe lead",
        "start_date_0": "1",
        "start_date_1": "12",
        "start_date_2": "2026",
        "due_date_0": "1",
        "due_date_1": "6",
        "due_date_2": "2027",
        "success_measure": "Probe measure",
    }


# --- (a1) two people creating an action at once -------------------------------------------------------
def race_action_create():
    ag = agency()
    # only the business manager adds actions (RULES): the same person in two browsers, or two managers
    a, b = Client("southwark.manager"), Client("southwark.manager")
    a.sign_in(), b.sign_in()
    path = f"/reviews/{REVIEW}/action-plan/add/"
    bad = []
    for i in range(ROUNDS):
        pa, pb = a.get(path).text, b.get(path).text
        tag = uuid.uuid4().hex[:8]
        rs = both(
            lambda: a.submit(path, action_values(f"probe create A {tag}", ag), html=pa),
            lambda: b.submit(path, action_values(f"probe create B {tag}", ag), html=pb),
        )
        n = db(f"select count(*) from actionplans_action where description like 'probe create % {tag}'")
        nums = db(
            f"select string_agg(number::text, ',') from actionplans_action where description like "
            f"'probe create % {tag}'"
        )
        print(f"  round {i}: {[describe(r) for r in rs]} rows={n} numbers={nums}")
        if codes(rs) != [302, 302] or n != "2":
            bad.append(i)
    dup = db(
        f"select count(*) from (select number from actionplans_action where review_id='{REVIEW}' "
        "group by number having count(*)>1) x"
    )
    note(
        "two people create an action at once",
        not bad and dup == "0",
        f"{ROUNDS} rounds, bad rounds {bad}, duplicate numbers {dup}",
    )


# --- (a2) double submission of the same form ---------------------------------------------------------
def double(name, client, path, values, count_sql, files=None):
    page = client.get(path)
    if page.status_code != 200:
        note(f"double submission: {name}", False, f"GET {path} gave {page.status_code}")
        return
    html = page.text
    before = db(count_sql)
    rs = both(lambda: client.submit(path, values, html=html), lambda: client.submit(path, values, html=html))
    after = db(count_sql)
    d = [describe(r) for r in rs]
    ok = 500 not in codes(rs) and "EXC" not in codes(rs) and int(after) - int(before) == 1
    note(f"double submission: {name}", ok, f"{d}; rows {before} -> {after}")


def race_doubles():
    m = Client("southwark.manager")
    m.sign_in()
    for i in range(ROUNDS):
        tag = uuid.uuid4().hex[:8]
        page = m.get(f"/reviews/{REVIEW}/learning-points/new/")
        d, _ = Client.form_fields(page.text)
        values = {"text": f"Probe learning point {tag}"}
        for k in d:
            if k in ("theme", "themes") or k.startswith("theme"):
                pass
        double(
            "learning point",
            m,
            f"/reviews/{REVIEW}/learning-points/new/",
            values,
            f"select count(*) from reviews_learningpoint where text like '%{tag}%'",
        )
        tag = uuid.uuid4().hex[:8]
        double(
            "recommendation",
            m,
            f"/reviews/{REVIEW}/recommendations/new/",
            {"text": f"Probe recommendation {tag}", "addressee": "partnership"},
            f"select count(*) from reviews_recommendation where text like '%{tag}%'",
        )
        tag = uuid.uuid4().hex[:8]
        sector = [v for v, _ in Client.options(m.get("/partnerships/southwark/agencies/new/").text, "sector") if v][0]
        double(
            "agency",
            m,
            "/partnerships/southwark/agencies/new/",
            {"name": f"Probe agency {tag}", "sector": sector},
            f"select count(*) from accounts_agency where name like '%{tag}%'",
        )


def race_training_and_incident():
    m = Client("southwark.manager")
    m.sign_in()
    for i in range(ROUNDS):
        year = 2020 + i
        tag = uuid.uuid4().hex[:8]
        double(
            "training year",
            m,
            "/partnerships/southwark/training/add/",
            {
                "year_starting": str(year),
                "sessions": "3",
                "individuals": "4",
                "organisations": "2",
                "elearning_modules": "1",
                "reason": f"probe {tag}",
            },
            f"select count(*) from actionplans_trainingyear where year_starting={year} and withdrawn_at is null",
        )
        double(
            "incident",
            m,
            "/partnerships/southwark/incidents/new/",
            {
                "child_pseudonym": f"Child P{tag[:4]}",
                "summary": f"probe incident {tag}",
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
            },
            f"select count(*) from incidents_incident where summary like '%{tag}%'",
        )


def race_decision():
    """The chair's decision on an incident that has a subgroup recommendation but no decision."""
    chair = Client("southwark.chair")
    chair.sign_in()
    inc = db(
        "select i.id from incidents_incident i join accounts_partnership p on p.id=i.partnership_id "
        "where p.slug='southwark' and not exists (select 1 from decisions_chairdecision d where "
        "d.incident_id=i.id) order by i.id limit 1"
    )
    if not inc:
        note("double submission: chair's decision", False, "no Southwark incident without a decision")
        return
    page = chair.get(f"/incidents/{inc}/decision/")
    print("  decision page", page.status_code, page.url, errors(page.text)[:2], banner(page.text)[:1])
    return inc, page


# --- (a3) an action edit racing a progress update ----------------------------------------------------
def race_edit_vs_update():
    m, c = Client("southwark.manager"), Client("southwark.manager")  # post_update: BM or the agency's lead
    m.sign_in(), c.sign_in()
    act = db(
        f"select id from actionplans_action where review_id='{REVIEW}' and status<>'closed' order by number limit 1"
    )
    lost = []
    refusals = 0
    for i in range(ROUNDS * 2):
        tag = uuid.uuid4().hex[:8]
        edit_html = m.get(f"/actions/{act}/edit/").text
        upd_html = c.get(f"/actions/{act}/update/").text
        st = Client.radios(upd_html, "status")
        upd = {"text": f"probe update {tag}"}
        if st:
            upd["status"] = [s for s in st if s][0]
        rs = both(
            lambda: m.submit(
                f"/actions/{act}/edit/", {"description": f"probe edit {tag}", "reason": "probe"}, html=edit_html
            ),
            lambda: c.submit(f"/actions/{act}/update/", upd, html=upd_html),
        )
        desc = db(f"select description from actionplans_action where id='{act}'")
        upd_n = db(f"select count(*) from actionplans_progressupdate where text like '%{tag}%'")
        ok_edit = getattr(rs[0], "status_code", 0) == 302
        if ok_edit and tag not in desc:
            lost.append(i)
        if not ok_edit:
            refusals += 1
        print(
            f"  round {i}: edit {describe(rs[0])} | update {describe(rs[1])} | edit kept={tag in desc} "
            f"update rows={upd_n}"
        )
        if 500 in codes(rs):
            lost.append(f"500 in round {i}")
    # two edits opened at the same version: one saved, the other refused (optimistic lock)
    bad2 = []
    for i in range(ROUNDS):
        tag = uuid.uuid4().hex[:8]
        ha, hb = m.get(f"/actions/{act}/edit/").text, c.get(f"/actions/{act}/edit/").text
        rs = both(
            lambda: m.submit(f"/actions/{act}/edit/", {"description": f"probe A {tag}", "reason": "probe"}, html=ha),
            lambda: c.submit(f"/actions/{act}/edit/", {"description": f"probe B {tag}", "reason": "probe"}, html=hb),
        )
        desc = db(f"select description from actionplans_action where id='{act}'")
        print(f"  two edits {i}: {[describe(r) for r in rs]} saved={desc[:20]!r}")
        if sorted(codes(rs)) != [200, 302]:
            bad2.append(i)
    note("two edits of an action at once", not bad2, f"{ROUNDS} rounds, bad {bad2}")
    note(
        "action edit racing a progress update",
        not lost,
        f"{ROUNDS * 2} rounds, lost edits/500s {lost}, edits refused {refusals}",
    )


# --- (a4) two people closing the same action ---------------------------------------------------------
def race_close():
    m, c = Client("southwark.manager"), Client("southwark.chair")
    m.sign_in(), c.sign_in()
    bad = []
    ag = agency()
    for i in range(ROUNDS):
        tag = uuid.uuid4().hex[:8]
        m.submit(f"/reviews/{REVIEW}/action-plan/add/", action_values(f"probe close {tag}", ag))
        act = db(f"select id from actionplans_action where description='probe close {tag}'")
        u = m.submit(
            f"/actions/{act}/update/",
            {
                "text": "evidence",
                "status": "on_track",
                "evidence_url": "https://example.org/e",
                "evidence_description": "e",
            },
        )
        if u.status_code != 302:
            print("  update refused", errors(u.text))
        path = f"/actions/{act}/close/"
        pa, pb = m.get(path).text, c.get(path).text
        rs = both(
            lambda: m.submit(path, {"note": "closed by A"}, html=pa),
            lambda: c.submit(path, {"note": "closed by B"}, html=pb),
        )
        so = db(f"select count(*) from actionplans_signoff where action_id='{act}'")
        cs = sorted(codes(rs))
        print(f"  round {i}: {[describe(x) for x in rs]} sign-offs={so}")
        if cs != [200, 302] or so != "1":
            bad.append(i)
    note("two people close the same action", not bad, f"{ROUNDS} rounds, bad {bad}")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    for name, f in [
        ("create", race_action_create),
        ("doubles", race_doubles),
        ("edit", race_edit_vs_update),
        ("close", race_close),
        ("decision", race_decision),
        ("ti", race_training_and_incident),
    ]:
        if which in ("all", name):
            print(f"== {name}", flush=True)
            t = time.time()
            f()
            print(f"   ({time.time() - t:.1f}s)")
    print("\nSUMMARY")
    for n, ok, d in SUMMARY:
        print(("PASS" if ok else "FAIL"), n, "|", d)


def race_decision2():
    m, ch = Client("southwark.manager"), Client("southwark.chair")
    m.sign_in(), ch.sign_in()
    for i in range(ROUNDS):
        tag = uuid.uuid4().hex[:8]
        m.submit(
            "/partnerships/southwark/incidents/new/",
            {
                "child_pseudonym": f"Child D{tag[:4]}",
                "summary": f"probe decision {tag}",
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
            },
        )
        inc = db(f"select id from incidents_incident where summary='probe decision {tag}'")
        page = m.get(f"/incidents/{inc}/recommendation/")
        if i == 0:
            print(
                "  recommendation form",
                page.status_code,
                {k: v[:20] for k, v in Client.form_fields(page.text)[0].items()},
                Client.radios(page.text, "outcome"),
            )
        outcome = [v for v in Client.radios(page.text, "outcome") if v][0]
        double(
            "subgroup recommendation",
            m,
            f"/incidents/{inc}/recommendation/",
            {
                "outcome": outcome,
                "rationale": f"probe rationale {tag}",
                "made_on_0": "2",
                "made_on_1": "12",
                "made_on_2": "2026",
            },
            f"select count(*) from decisions_reviewrecommendation where incident_id='{inc}'",
        )
        page = ch.get(f"/incidents/{inc}/decision/")
        if i == 0:
            print(
                "  decision form",
                page.status_code,
                {k: v[:20] for k, v in Client.form_fields(page.text)[0].items()},
                Client.radios(page.text, "outcome"),
            )
        double(
            "chair's decision",
            ch,
            f"/incidents/{inc}/decision/",
            {
                "outcome": outcome,
                "rationale": f"probe decision {tag}",
                "decided_on_0": "2",
                "decided_on_1": "12",
                "decided_on_2": "2026",
            },
            f"select count(*) from decisions_chairdecision where incident_id='{inc}'",
        )
        n_rev = db(f"select count(*) from reviews_review where incident_id='{inc}'")
        print(f"  reviews created for the incident: {n_rev}")
    # two different decisions at once (the chair in two browsers, different outcomes): one taken, one refused
    ch2 = Client("southwark.chair")
    ch2.sign_in()
    bad = []
    for i in range(ROUNDS):
        tag = uuid.uuid4().hex[:8]
        m.submit(
            "/partnerships/southwark/incidents/new/",
            {
                "child_pseudonym": f"Child E{tag[:4]}",
                "summary": f"probe decision {tag}",
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
            },
        )
        inc = db(f"select id from incidents_incident where summary='probe decision {tag}'")
        m.submit(
            f"/incidents/{inc}/recommendation/",
            {"outcome": "local_review", "rationale": "r", "made_on_0": "2", "made_on_1": "12", "made_on_2": "2026"},
        )
        path = f"/incidents/{inc}/decision/"
        pa, pb = ch.get(path).text, ch2.get(path).text
        rs = both(
            lambda: ch.submit(
                path,
                {
                    "outcome": "local_review",
                    "rationale": "A",
                    "decided_on_0": "2",
                    "decided_on_1": "12",
                    "decided_on_2": "2026",
                },
                html=pa,
            ),
            lambda: ch2.submit(
                path,
                {
                    "outcome": "no_review",
                    "rationale": "B",
                    "decided_on_0": "2",
                    "decided_on_1": "12",
                    "decided_on_2": "2026",
                },
                html=pb,
            ),
        )
        n = db(f"select count(*) from decisions_chairdecision where incident_id='{inc}'")
        nr = db(f"select count(*) from reviews_review where incident_id='{inc}'")
        print(f"  round {i}: {[describe(r) for r in rs]} decisions={n} reviews={nr}")
        if sorted(codes(rs)) != [200, 302] or n != "1":
            bad.append(i)
    note("two different chair's decisions at once", not bad, f"{ROUNDS} rounds, bad {bad}")


if __name__ == "__main__" and sys.argv[1] == "decision2":
    race_decision2()
    for n, ok, d in SUMMARY:
        print(("PASS" if ok else "FAIL"), n, "|", d)
