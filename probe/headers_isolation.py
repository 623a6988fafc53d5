"""(d) Cache-Control on the identity page and every download, (f) two-factor in production,
(g) one partnership's user against another's record IDs, over HTTP on 127.0.0.1:8030."""

import re
import subprocess
import time

from client import LOGINS, Client, load_logins

load_logins()
RESULTS = []


def db(sql):
    return (
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "reprobe16", "-At", "-c", sql],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()
    )


def note(name, ok, detail):
    RESULTS.append((name, ok, detail))
    print(("PASS " if ok else "FAIL ") + name + ": " + detail, flush=True)


def wait_export(c, r):
    """A long export answers with a progress page: follow it until the download is ready (bounded)."""
    if (
        r.status_code == 200
        and "attachment" not in r.headers.get("Content-Disposition", "")
        and ("/exports/" not in r.url)
    ):
        start_cc = r.headers.get("Cache-Control", "")
        r = c.submit(r.url, {}, html=r.text, follow=True)  # "Prepare the export": queued, progress page
        print(f"   export start page CC={start_cc!r}; queued -> {r.url} CC={r.headers.get('Cache-Control')!r}")
    for _ in range(60):
        if r.status_code == 200 and "attachment" in r.headers.get("Content-Disposition", ""):
            return r
        m = re.search(r'href="(/exports/[0-9a-f-]{36}/download)"', r.text or "")
        if m:
            return c.get(m.group(1))
        prog = re.search(r"/exports/[0-9a-f-]{36}/", r.url) or re.search(r'"(/exports/[0-9a-f-]{36}/)"', r.text or "")
        time.sleep(1)
        r = c.get(prog.group(0).strip('"') if prog else r.url)
    return r


def cache_control():
    m = Client("southwark.manager")
    m.sign_in()
    inc = db(
        "select i.id from incidents_incident i join accounts_partnership p on p.id=i.partnership_id "
        "where p.slug='southwark' limit 1"
    )[0]
    review = "68bca4b3-5748-4910-b18b-e907397ed464"
    ev = db("select id from actionplans_evidence where kind='file' and file<>'' limit 1")
    ann = db("select id from reporting_annualreport limit 1")
    brief = db("select id from library_briefing limit 1")
    urls = {
        "identity page": f"/incidents/{inc}/identity/",
        "identity edit page": f"/incidents/{inc}/identity/edit/",
        "actions XLSX": "/partnerships/southwark/actions/export.xlsx",
        "actions DOCX": "/partnerships/southwark/actions/export.docx",
        "audit CSV": "/partnerships/southwark/audit/export.csv",
        "chronology XLSX": f"/reviews/{review}/chronology.xlsx",
        "chronology DOCX": f"/reviews/{review}/chronology.docx",
        "executive report DOCX": "/partnerships/southwark/executive-report.docx",
        "chronology template XLSX": "/chronology-template.xlsx",
        "chronology template CSV": "/chronology-template.csv",
    }
    if ev:
        urls["evidence file"] = f"/evidence/{ev[0]}/"
    if ann:
        urls["annual report DOCX"] = f"/annual-reports/{ann[0]}/report.docx"
        urls["annual report PDF"] = f"/annual-reports/{ann[0]}/report.pdf"
    if brief:
        urls["briefing DOCX"] = f"/briefings/{brief[0]}/briefing.docx"
        urls["briefing PDF"] = f"/briefings/{brief[0]}/briefing.pdf"
    ch = Client("southwark.chair")
    ch.sign_in()
    for name, url in urls.items():
        r = (ch if "identity" in name else m).get(url)
        first_cc = r.history[0].headers.get("Cache-Control") if r.history else None
        if "identity" not in name and "template" not in name:
            r = wait_export(m, r)
        cc = r.headers.get("Cache-Control", "")
        disp = r.headers.get("Content-Disposition", "")
        ok = r.status_code == 200 and "no-store" in cc
        note(
            f"Cache-Control {name}",
            ok,
            f"GET {url} -> {r.status_code} {r.url[len('http://127.0.0.1:8030') :]} "
            f"Cache-Control={cc!r} disposition={disp[:50]!r} first-response-CC={first_cc!r}",
        )
        if r.url.endswith("/download") or "/exports/" in r.url:
            pass


def two_factor():
    # the password alone: is any page beyond the code page reachable for a manager / chair?
    inc = db(
        "select i.id from incidents_incident i join accounts_partnership p on p.id=i.partnership_id "
        "where p.slug='southwark' limit 1"
    )[0]
    for user in ["southwark.manager", "southwark.chair", "southwark.police.lead", "southwark.executive"]:
        c = Client(user)
        r = c.submit("/sign-in/", {"username": user, "password": LOGINS[user]}, follow=True)
        landed = r.url[len("http://127.0.0.1:8030") :]
        probes = {}
        for url in [
            "/",
            f"/incidents/{inc}/identity/",
            "/partnerships/southwark/incidents/",
            "/partnerships/southwark/audit/export.csv",
        ]:
            p = c.get(url, allow_redirects=False)
            probes[url] = f"{p.status_code}{' -> ' + p.headers.get('Location', '')[:40] if p.is_redirect else ''}"
        needs = user in ("southwark.manager", "southwark.chair")
        asked = "/sign-in/two-factor" in landed
        blocked = all(
            "two-factor" in v or v.startswith("403") or v.startswith("302 -> /sign-in") for v in probes.values()
        )
        ok = (asked and blocked) if needs else (not asked)
        note(f"two-factor for {user}", ok, f"after password landed on {landed}; password-only requests: {probes}")


def isolation():
    w = Client("worcestershire.manager")
    w.sign_in()
    sw = {}
    for table, route in [
        (
            "incidents_incident i join accounts_partnership p on p.id=i.partnership_id",
            ["/incidents/{}/", "/incidents/{}/identity/", "/incidents/{}/edit/", "/incidents/{}/decision/"],
        ),
        (
            "reviews_review i join accounts_partnership p on p.id=i.partnership_id",
            [
                "/reviews/{}/",
                "/reviews/{}/chronology/",
                "/reviews/{}/chronology.xlsx",
                "/reviews/{}/chronology.docx",
                "/reviews/{}/findings/",
                "/reviews/{}/action-plan/",
                "/reviews/{}/publication/",
                "/reviews/{}/anonymise/",
            ],
        ),
    ]:
        ids = db(f"select i.id from {table} where p.slug='southwark'")
        for i in ids:
            for rt in route:
                sw[rt.format(i)] = None
    for table, route in [
        ("actionplans_action", ["/actions/{}/", "/actions/{}/edit/", "/actions/{}/close/"]),
        ("reviews_learningpoint", ["/learning-points/{}/", "/learning-points/{}/history/"]),
        ("reviews_recommendation", ["/recommendations/{}/", "/recommendations/{}/history/"]),
        ("actionplans_evidence", ["/evidence/{}/"]),
        ("decisions_informationattachment", ["/information-documents/{}/"]),
        ("reviews_agencycontribution", ["/contributions/{}/"]),
        ("decisions_chairdecision", ["/chair-decisions/{}/"]),
        ("decisions_rapidreview", ["/rapid-reviews/{}/"]),
        ("actionplans_risk", ["/risks/{}/edit/"]),
        ("reporting_annualreport", ["/annual-reports/{}/", "/annual-reports/{}/report.docx"]),
        ("library_briefing", ["/briefings/{}/", "/briefings/{}/briefing.docx"]),
        ("accounts_agency", ["/agencies/{}/"]),
        ("accounts_membership", ["/roles/{}/"]),
        ("core_exportjob", ["/exports/{}/", "/exports/{}/download"]),
    ]:
        for i in db(f"select id from {table}")[:40]:
            for rt in route:
                sw[rt.format(i)] = None
    # keep only Southwark's (the tables without a partnership column were filtered by the checks below)
    sw_slugs = [
        "/partnerships/southwark/" + p
        for p in [
            "incidents/",
            "reviews/",
            "actions/",
            "actions/export.xlsx",
            "audit/",
            "audit/export.csv",
            "people/",
            "deadlines/",
            "documents/",
            "risks/",
            "training/",
            "dashboard/",
            "executive-report.docx",
            "annual-reports/",
        ]
    ]
    own = set(
        db(
            "select i.id::text from actionplans_action i join reviews_review r on r.id=i.review_id join "
            "accounts_partnership p on p.id=r.partnership_id where p.slug='worcestershire'"
        )
    )
    w_id = "(select id from accounts_partnership where slug='worcestershire')"
    for sql in [
        f"select id from accounts_agency where partnership_id={w_id}",
        f"select id from accounts_membership where partnership_id={w_id}",
        f"select d.id from decisions_chairdecision d join incidents_incident i on i.id=d.incident_id "
        f"where i.partnership_id={w_id}",
        f"select d.id from decisions_rapidreview d join incidents_incident i on i.id=d.incident_id "
        f"where i.partnership_id={w_id}",
        f"select id from core_exportjob where partnership_id={w_id}",
    ]:
        try:
            own |= set(db(sql))
        except Exception as exc:
            print("  (own ids)", sql[:60], exc)
    leaks = []
    codes = {}
    for url in list(sw) + sw_slugs:
        if any(o in url for o in own):
            continue
        r = w.get(url, allow_redirects=False)
        codes[r.status_code] = codes.get(r.status_code, 0) + 1
        if r.status_code == 200 or r.status_code >= 500:
            leaks.append(f"{url} {r.status_code} {r.headers.get('Content-Type', '')[:20]}")
    note(
        "worcestershire.manager against Southwark's IDs",
        not leaks,
        f"{len(sw) + len(sw_slugs)} URLs, status counts {codes}, 200/5xx: {leaks[:15]}",
    )
    return leaks


if __name__ == "__main__":
    import sys

    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    if which in ("all", "cache"):
        cache_control()
    if which in ("all", "2fa"):
        two_factor()
    if which in ("all", "iso"):
        isolation()
    print("\nSUMMARY")
    for n, ok, d in RESULTS:
        print("PASS" if ok else "FAIL", n, "|", d[:300])
