# A probe script (probe15): after the application role deleted Tower Hamlets' chain head, an audited change there.
import uuid

from client import Client, load_logins
from races import db, describe

load_logins()
t = Client("tower-hamlets.manager")
t.sign_in()
tag = uuid.uuid4().hex[:8]
r = t.submit("/partnerships/tower-hamlets/agencies/new/", {"name": f"Probe chain agency {tag}", "sector": "police"})
print("add an agency in Tower Hamlets:", describe(r))
print(
    "Tower Hamlets events (sequence, object):",
    db(
        "select string_agg(sequence::text || ' ' || left(object_repr, 30), ' | ' order by at) from audit_auditevent where chain='1c728911-83ac-483a-add9-cfa06a6b5897' and at > now() - interval '5 minutes'"
    ),
)
print("chain row now:", db("select key, length from audit_auditchain where key='1c728911-83ac-483a-add9-cfa06a6b5897'"))
