# A probe script (probe15): an information request answered twice at once, "Add to what you sent" twice at once,
# and every other role and partnership against the request's pages.
# ruff: noqa: E501
import re
import uuid

from client import Client, load_logins
from races import both, db, describe

load_logins()
rid = __import__("os").environ.get(
    "PROBE_INFOREQ", "0cf6895e-b23d-4673-b3bc-1874e112a78f"
)  # Metropolitan Police Service, Child S rapid review
p = Client("southwark.police.lead")
p.sign_in()
url = f"/information-requests/{rid}/"
cols = db(
    "select string_agg(column_name,' ') from information_schema.columns where table_name='decisions_informationrequest'"
)
print("columns:", cols)
tag = uuid.uuid4().hex[:8]
html = p.get(url).text
rs = both(
    lambda: p.submit(url, {"response": f"probe response {tag}"}, html=html),
    lambda: p.submit(url, {"response": f"probe response {tag}"}, html=html),
)
print("send twice at once:", [describe(r) for r in rs])
print("  row:", db(f"select response from decisions_informationrequest where id='{rid}'")[:300])
page = p.get(url).text
adds = sorted(set(re.findall(r'href="(/information-requests/[0-9a-f-]{36}/[^"]+)"', page)))
print("  links on the page after sending:", adds, re.findall(r"Add to what you sent[^<]*", page))
for add in adds:
    h = p.get(add)
    print("  ", add, h.status_code, [i for i in re.findall(r'name="([a-z_]+)"', h.text)])
    if h.status_code == 200 and "response" in h.text or "addition" in h.text:
        d, _ = Client.form_fields(h.text)
        field = [k for k in d if k != "csrfmiddlewaretoken"]
        print("   fields", field)
        vals = {k: f"probe addition {tag}" for k in field if not k.endswith(("_0", "_1", "_2"))}
        rs = both(lambda: p.submit(add, vals, html=h.text), lambda: p.submit(add, vals, html=h.text))
        print("   add twice at once:", [describe(r) for r in rs])
        after = db(f"select response from decisions_informationrequest where id='{rid}'")
        print(
            "   response now holds the addition",
            after.count(f"probe addition {tag}"),
            "time(s):",
            after[-300:].replace("\n", " / "),
        )
urls = [url] + adds
for u in [
    "southwark.health.lead",
    "southwark.viewer",
    "southwark.reviewer",
    "southwark.panel",
    "southwark.executive",
    "southwark.chair",
    "southwark.manager",
    "worcestershire.manager",
    "worcestershire.police.lead",
    "tower-hamlets.manager",
]:
    c = Client(u)
    c.sign_in()
    tok = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', c.get("/").text)
    res = []
    for x in urls:
        g = c.get(x, allow_redirects=False).status_code
        q = c.post(
            x,
            {
                "csrfmiddlewaretoken": tok.group(1) if tok else "",
                "response": f"not theirs {u}",
                "text": f"not theirs {u}",
            },
        ).status_code
        res.append(f"{x.split('/')[-2] or 'page'}: GET {g} POST {q}")
    print(f"  {u}: {res}", flush=True)
print(
    "foreign text written:", db("select count(*) from decisions_informationrequest where response like '%not theirs%'")
)
