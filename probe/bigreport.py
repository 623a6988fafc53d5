"""An 8 MB text report (under the 10,000,000-character limit): upload time, task end, anonymise page size/time."""

import time

from client import Client, banner, errors, load_logins
from uploads import REVIEW, big_text, db

load_logins()
m = Client("southwark.manager")
m.sign_in()
page = m.get(f"/reviews/{REVIEW}/report/")
t = time.time()
r = m.submit(
    f"/reviews/{REVIEW}/report/",
    {},
    files={"file": ("report.txt", big_text(8), "text/plain")},
    html=page.text,
    follow=True,
)
print(f"upload: HTTP {r.status_code} {r.url[22:]} in {time.time() - t:.1f}s; {errors(r.text)[:2]} {banner(r.text)[:1]}")
cols = db("select column_name from information_schema.columns where table_name='publication_report'").split()
print("report columns:", cols)
for i in range(120):
    st = (
        db("select status from publication_report where review_id='%s' order by created desc limit 1" % REVIEW)
        if "status" in cols
        else ""
    )
    if st and st not in ("pending", "queued", "running", "detecting", "checking"):
        break
    time.sleep(2)
print(f"report status after {i * 2}s: {st!r}; detections: {db('select count(*) from publication_reportdetection')}")
t = time.time()
a = m.get(f"/reviews/{REVIEW}/anonymise/")
print(f"anonymise page: HTTP {a.status_code} {len(a.content) / 1e6:.2f} MB in {time.time() - t:.1f}s")
t = time.time()
a = m.get(f"/reviews/{REVIEW}/publication/")
print(f"publication page: HTTP {a.status_code} {len(a.content) / 1e6:.2f} MB in {time.time() - t:.1f}s")
