# A probe script (probe15, probe16): after the application role changed Tower Hamlets' chain head, an audited change there.
import os
import uuid

from client import Client, load_logins
from races import db, describe

load_logins()
CHAIN = os.environ.get("PROBE_CHAIN") or db("select id from accounts_partnership where slug='tower-hamlets'")
t = Client("tower-hamlets.manager")
t.sign_in()
tag = uuid.uuid4().hex[:8]
r = t.submit("/partnerships/tower-hamlets/agencies/new/", {"name": f"Probe chain agency {tag}", "sector": "police"})
print("add an agency in Tower Hamlets:", describe(r))
print(
    "Tower Hamlets events (sequence, object):",
    db(
        "select string_agg(sequence::text || ' ' || left(object_repr, 40), ' | ' order by at) from audit_auditevent "
        f"where chain='{CHAIN}' and at > now() - interval '5 minutes'"
    ),
)
print("chain row now:", db(f"select key, length from audit_auditchain where key='{CHAIN}'"))
