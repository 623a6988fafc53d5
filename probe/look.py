# A probe script (probe15): print a page's links and forms, as a given user.  look.py USER PATH...
import re
import sys

import lxml.html
from client import Client, load_logins

load_logins()
c = Client(sys.argv[1])
c.sign_in()
for path in sys.argv[2:]:
    r = c.get(path)
    print("==", path, r.status_code, r.url[21:], r.headers.get("Content-Type"), r.headers.get("Cache-Control"))
    if "html" not in r.headers.get("Content-Type", ""):
        continue
    doc = lxml.html.fromstring(r.text)
    main = doc.xpath("//main") or [doc]
    print("  text:", re.sub(r"\s+", " ", main[0].text_content())[:600])
    for a in main[0].xpath(".//a[@href]"):
        print("  link", a.get("href"), "|", re.sub(r"\s+", " ", a.text_content()).strip()[:60])
    for f in doc.forms:
        if f.method.upper() == "POST":
            print("  form", f.action, [i.name for i in f.inputs if i.name])
