# A probe script (probe16): the agency lead attaches a document (or adds to its information) while the business
# manager completes the rapid review. Nothing may arrive after the completion ("nothing more can be attached").
# Between rounds the completion is undone on this probe database (as the owner).
# ruff: noqa: E501
import os
import time
import uuid

from client import Client, load_logins
from races import both, db, describe

load_logins()
RID = os.environ["PROBE_INFOREQ"]
RR = db(f"select rapid_review_id from decisions_informationrequest where id='{RID}'")
m, p = Client("southwark.manager"), Client("southwark.police.lead")
m.sign_in(), p.sign_in()
edit, page, attach = (
    f"/rapid-reviews/{RR}/edit/",
    f"/information-requests/{RID}/",
    f"/information-requests/{RID}/documents/",
)
CRITERIA = ["improvements", "recurrent_themes", "agencies_working_together", "panel_suggested_local"]


def delayed(f, delay):
    def run():
        time.sleep(delay)
        return f()

    return run


def seq(where):
    return int(db(f"select coalesce(max(sequence), 0) from audit_auditevent where {where}") or 0)


for kind in ("attach", "add"):
    for delay in [0, 0.05, 0.1, 0.15, 0.2, 0.3]:
        db(f"update decisions_rapidreview set completed_on=null where id='{RR}'")
        tag = uuid.uuid4().hex[:8]
        he, hp = m.get(edit).text, p.get(page).text
        values = {"facts_gathered": "Probe facts", "complete": "on"}
        values.update({f"met_{c}": "no" for c in CRITERIA})
        values.update({f"evidence_{c}": "Probe evidence" for c in CRITERIA})
        data, _ = Client.form_fields(hp, match="/documents/")
        if kind == "attach":
            send = lambda: p.post(
                p.url(attach),
                data,
                files=[("files", (f"late-{tag}.txt", f"late {tag}\n".encode(), "text/plain"))],
                referer=p.url(page),
            )  # noqa: E731
        else:
            send = lambda: p.submit(page, {"response": f"late addition {tag}"}, html=hp)  # noqa: E731
        rs = both(lambda: m.submit(edit, values, html=he), delayed(send, delay))
        done = seq(f"object_id='{RR}' and changes::text like '%completed_on%'")
        if kind == "attach":
            arrived = seq(f"object_repr like '%late-{tag}%' and action='create'")
        else:
            arrived = seq(f"object_id='{RID}' and changes::text like '%late addition {tag}%'")
        late = bool(arrived) and bool(done) and arrived > done
        print(
            f"{'FAIL' if late else 'PASS'} {kind} {delay}s after the completion was sent: {[describe(r)[:110] for r in rs]}; completion event {done}, the {kind} {arrived or 'refused'}{' (after the completion)' if late else ''}",
            flush=True,
        )
db(f"update decisions_rapidreview set completed_on=null where id='{RR}'")
