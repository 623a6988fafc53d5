# A probe script (probe16): probe 15's five 500 URLs again, with the status and the page's heading.
import re

from client import Client, load_logins

load_logins()
m = Client("southwark.manager")
m.sign_in()
for path, params in [
    ("/partnerships/southwark/incidents/", {"q": "\x00"}),
    ("/partnerships/southwark/reviews/", {"q": "\x00"}),
    ("/partnerships/southwark/people/", {"q": "\x00"}),
    ("/partnerships/southwark/briefings/new/", {"review": "\x00"}),
    ("/partnerships/southwark/audit/", {"page": "99999999999999999999"}),
    ("/partnerships/southwark/audit/", {"page": "-5"}),
    ("/partnerships/southwark/audit/", {"\x00": "1"}),
]:
    r = m.get(path, params=params, allow_redirects=False)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", r.text, re.S)
    title = re.sub(r"\s+", " ", h1.group(1)).strip() if h1 else ""
    print(f"{path} {params!r} -> {r.status_code} {title!r} traceback={'Traceback' in r.text}")
