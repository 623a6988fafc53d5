# A probe script (probe15): "Add to what you sent" sent twice at once, and twice one after the other.
import uuid

from client import Client, load_logins
from races import both, db, describe

load_logins()
rid = __import__("os").environ.get("PROBE_INFOREQ", "0cf6895e-b23d-4673-b3bc-1874e112a78f")
url = f"/information-requests/{rid}/"
p = Client("southwark.police.lead")
p.sign_in()
for rnd in range(3):
    tag = uuid.uuid4().hex[:8]
    html = p.get(url).text
    rs = both(
        lambda: p.submit(url, {"response": f"probe addition {tag}"}, html=html),
        lambda: p.submit(url, {"response": f"probe addition {tag}"}, html=html),
    )
    n = db(f"select response from decisions_informationrequest where id='{rid}'").count(f"probe addition {tag}")
    print(
        f"{'PASS' if n == 1 else 'FAIL'} addition sent twice at once: {[describe(r) for r in rs]}; the addition appears {n} time(s)",
        flush=True,
    )
    tag = uuid.uuid4().hex[:8]
    html = p.get(url).text
    r1 = p.submit(url, {"response": f"probe addition {tag}"}, html=html)
    r2 = p.submit(url, {"response": f"probe addition {tag}"}, html=html)
    n = db(f"select response from decisions_informationrequest where id='{rid}'").count(f"probe addition {tag}")
    print(
        f"{'PASS' if n == 1 else 'FAIL'} addition sent twice one after the other: {describe(r1)} | {describe(r2)}; appears {n} time(s)",
        flush=True,
    )
