# A probe script (probe16): the new URLs since probe 15 (attach, download, withdraw) as every role, GET and
# POST, on a document of the Met Police's request; nothing may change for anyone but the lead and the manager.
# ruff: noqa: E501
import os
import re

from client import Client, load_logins
from races import db

load_logins()
RID = os.environ["PROBE_INFOREQ"]
aid = db(
    f"select id from decisions_informationattachment where info_request_id='{RID}' and withdrawn_at is null and file_name='notes.txt'"
)
urls = {
    "attach": f"/information-requests/{RID}/documents/",
    "download": f"/information-documents/{aid}/",
    "withdraw": f"/information-documents/{aid}/withdraw/",
}
before = db(
    f"select count(*)||' rows, '||count(withdrawn_at)||' withdrawn' from decisions_informationattachment where info_request_id='{RID}'"
)
for u in [
    "southwark.chair",
    "southwark.executive",
    "southwark.panel",
    "southwark.health.lead",
    "southwark.reviewer",
    "southwark.viewer",
    "worcestershire.manager",
    "worcestershire.police.lead",
    "tower-hamlets.manager",
]:
    c = Client(u)
    c.sign_in()
    tok = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', c.get("/").text)
    tok = tok.group(1) if tok else ""
    res = []
    for name, url in urls.items():
        g = c.get(url, allow_redirects=False).status_code
        files = [("files", ("theirs.txt", f"not theirs {u}\n".encode(), "text/plain"))] if name == "attach" else None
        q = c.post(url, {"csrfmiddlewaretoken": tok, "reason": f"not theirs {u}"}, files=files).status_code
        res.append(f"{name}: GET {g} POST {q}")
    print(f"{u}: {'; '.join(res)}", flush=True)
print(
    "before:",
    before,
    "| after:",
    db(
        f"select count(*)||' rows, '||count(withdrawn_at)||' withdrawn' from decisions_informationattachment where info_request_id='{RID}'"
    ),
)
