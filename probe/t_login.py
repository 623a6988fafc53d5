from client import *
load_logins()
for u in ["southwark.manager", "southwark.chair", "southwark.police.lead", "worcestershire.manager", "southwark.executive"]:
    c = Client(u); r = c.sign_in()
    print(u, r.status_code, r.url, SECRETS.get(u))
