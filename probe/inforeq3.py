# A probe script (probe16): "Add to what you sent" by the agency lead and the business manager at once, with
# different words: both kept (no lost update), each signed by its writer.
import os
import uuid

from client import Client, load_logins
from races import both, db, describe

load_logins()
rid = os.environ["PROBE_INFOREQ"]
url = f"/information-requests/{rid}/"
p, m = Client("southwark.police.lead"), Client("southwark.manager")
p.sign_in(), m.sign_in()
for rnd in range(3):
    tag = uuid.uuid4().hex[:8]
    hp, hm = p.get(url).text, m.get(url).text
    rs = both(
        lambda: p.submit(url, {"response": f"lead adds {tag}"}, html=hp),
        lambda: m.submit(url, {"response": f"manager adds {tag}"}, html=hm),
    )
    text = db(f"select response from decisions_informationrequest where id='{rid}'")
    kept = [w for w in (f"lead adds {tag}", f"manager adds {tag}") if text.count(w) == 1]
    ok = len(kept) == 2 and 500 not in [getattr(r, "status_code", 0) for r in rs]
    print(f"{'PASS' if ok else 'FAIL'} two people add at once: {[describe(r) for r in rs]}; kept {kept}", flush=True)
print(
    "the last lines:",
    " / ".join(db(f"select response from decisions_informationrequest where id='{rid}'").splitlines()[-4:]),
)
