# A probe script: long SQL and URL lines are kept whole.
# ruff: noqa: E501
"""Item 4: reads of records inside a confidential review are audited. Child R is marked confidential in SQL
for this test and set back afterwards. Also: a finding saved without its version (item 5)."""

import subprocess

from client import Client, errors, load_logins
from races import REVIEW, db

load_logins()


def audit_views():
    return int(db("select count(*) from audit_auditevent where action='view'"))


db(f"update reviews_review set is_confidential=true where id='{REVIEW}'") if False else None
subprocess.run(
    [
        "psql",
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "-d",
        "reprobe16",
        "-Atc",
        f"update reviews_review set is_confidential=true where id='{REVIEW}'",
    ],
    check=True,
)
try:
    m = Client("southwark.manager")
    m.sign_in()
    lp = db(f"select id from reviews_learningpoint where review_id='{REVIEW}' order by number limit 1")
    rec = db(f"select id from reviews_recommendation where review_id='{REVIEW}' limit 1")
    act = db(f"select id from actionplans_action where review_id='{REVIEW}' order by number limit 1")
    con = db(f"select id from reviews_agencycontribution where review_id='{REVIEW}' limit 1")
    imp = db(
        f"select i.id from reviews_chronologyimport i join reviews_agencycontribution c on c.id=i.contribution_id where c.review_id='{REVIEW}' limit 1"
    )
    pages = {
        "review page": f"/reviews/{REVIEW}/",
        "learning point": f"/learning-points/{lp}/",
        "learning point history": f"/learning-points/{lp}/history/",
        "recommendation": f"/recommendations/{rec}/",
        "recommendation history": f"/recommendations/{rec}/history/",
        "findings": f"/reviews/{REVIEW}/findings/",
        "contribution": f"/contributions/{con}/",
        "chronology import": f"/chronology-imports/{imp}/",
        "action": f"/actions/{act}/",
        "action plan": f"/reviews/{REVIEW}/action-plan/",
        "merged chronology": f"/reviews/{REVIEW}/chronology/",
    }
    for name, url in pages.items():
        before = audit_views()
        r = m.get(url)
        after = audit_views()
        last = db("select object_repr from audit_auditevent where action='view' order by at desc limit 1")
        print(
            f"{'PASS' if after > before else 'FAIL'} confidential read audited: {name} GET {url} -> {r.status_code}; "
            f"view events {before} -> {after}; newest: {last[:70]!r}"
        )
finally:
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-d",
            "reprobe16",
            "-Atc",
            f"update reviews_review set is_confidential=false where id='{REVIEW}'",
        ],
        check=True,
    )
# a finding saved without its version
lp = db(f"select id from reviews_learningpoint where review_id='{REVIEW}' order by number limit 1")
html = m.get(f"/learning-points/{lp}/").text
data, form = Client.form_fields(html)
data.pop("version", None)
data["text"] = "probe14 without a version"
r = m.post(f"/learning-points/{lp}/", data)
kept = db(f"select text from reviews_learningpoint where id='{lp}'")
print(
    f"{'PASS' if r.status_code == 200 and 'probe14' not in kept else 'FAIL'} finding saved without its version: "
    f"{r.status_code} {errors(r.text)[:1] if r.status_code == 200 else r.headers.get('Location')}; saved text now {kept[:40]!r}"
)
