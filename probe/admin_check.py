# A probe script (probe15): save a user unchanged in the admin; does date_joined keep its microseconds?
from client import Client, load_logins
from races import db

load_logins()
a = Client("probe15.admin")
a.sign_in()
uid = db("select id from accounts_user where username='southwark.viewer'")
before = db(f"select date_joined, last_login from accounts_user where id={uid}")
path = f"/admin/accounts/user/{uid}/change/"
r = a.get(path)
print("admin user page", r.status_code)
d, f = Client.form_fields(r.text)
d["_save"] = "Save"
r2 = a.post(path, d)
after = db(f"select date_joined, last_login from accounts_user where id={uid}")
print("save unchanged:", r2.status_code, r2.headers.get("Location"))
print("before:", before)
print("after: ", after)
print("PASS" if before == after else "FAIL", "an unchanged admin save keeps date_joined and last_login")
print(
    "newest audit event:",
    db("select action, object_repr, changes from audit_auditevent order by at desc limit 1")[:300],
)
import re  # noqa: E402

print(
    "form errors:",
    [re.sub(r"<[^>]+>", "", e)[:150] for e in re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', r2.text, re.S)][
        :5
    ],
)
print("readonly date_joined on the page:", "id_date_joined" not in r.text)
