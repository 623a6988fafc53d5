# A probe script (probe16): the attachments form sent twice at once; a withdrawal sent from two browsers at
# once; a download after the withdrawal; the attachments form's body cut off mid-file.
# ruff: noqa: E501
import os
import socket
import time
import uuid

from client import Client, load_logins
from races import both, db, describe

load_logins()
RID = os.environ["PROBE_INFOREQ"]
page_url = f"/information-requests/{RID}/"
attach_url = f"/information-requests/{RID}/documents/"
p, p2 = Client("southwark.police.lead"), Client("southwark.police.lead")
p.sign_in(), p2.sign_in()


def rows(extra=""):
    return int(db(f"select count(*) from decisions_informationattachment where info_request_id='{RID}' {extra}"))


for rnd in range(3):
    tag = uuid.uuid4().hex[:8]
    body = f"race document {tag}\n".encode()
    html = p.get(page_url).text
    data, _ = Client.form_fields(html, match="/documents/")
    before = rows()
    rs = both(
        lambda: p.post(
            attach_url, data, files=[("files", (f"race-{tag}.txt", body, "text/plain"))], referer=p.url(page_url)
        ),
        lambda: p.post(
            attach_url, data, files=[("files", (f"race-{tag}.txt", body, "text/plain"))], referer=p.url(page_url)
        ),
    )
    n = rows() - before
    print(
        f"{'PASS' if n == 1 and 500 not in [getattr(r, 'status_code', 0) for r in rs] else 'FAIL'} attached twice at once: {[describe(r) for r in rs]}; {n} row(s) added",
        flush=True,
    )
    aid = db(
        f"select id from decisions_informationattachment where info_request_id='{RID}' and file_name='race-{tag}.txt'"
    )
    w = f"/information-documents/{aid}/withdraw/"
    ha, hb = p.get(w).text, p2.get(w).text
    rs = both(
        lambda: p.submit(w, {"reason": f"probe withdraw A {tag}"}, html=ha),
        lambda: p2.submit(w, {"reason": f"probe withdraw B {tag}"}, html=hb),
    )
    events = db(f"select count(*) from audit_auditevent where object_id='{aid}' and action='withdraw'")
    row = db(f"select withdrawal_reason from decisions_informationattachment where id='{aid}'")
    print(
        f"{'PASS' if events == '1' and 500 not in [getattr(r, 'status_code', 0) for r in rs] else 'FAIL'} two withdrawals at once: {[describe(r) for r in rs]}; withdraw events {events}; reason kept {row!r}",
        flush=True,
    )
    d = p.get(f"/information-documents/{aid}/", allow_redirects=False)
    print(f"  download after the withdrawal: {d.status_code} {d.headers.get('Content-Type')}", flush=True)
    # the same bytes again after the withdrawal: attached again?
    r = p.post(attach_url, data, files=[("files", (f"race-{tag}.txt", body, "text/plain"))], referer=p.url(page_url))
    current = rows(f"and file_name='race-{tag}.txt' and withdrawn_at is null")
    print(f"  the same file sent again after its withdrawal: {describe(r)}; current rows with it {current}", flush=True)

# a body cut off mid-file, over a raw socket
html = p.get(page_url).text
data, _ = Client.form_fields(html, match="/documents/")
cookie = "; ".join(f"{c.name}={c.value}" for c in p.s.cookies)
boundary = "probe16boundary"
head = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n' for k, v in data.items())
head += f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n'
body = head.encode() + b"a" * (1 << 20)
before = rows()
for claimed, label in [
    (5 << 20, "Content-Length 5 MB, 1 MB sent, then closed"),
    (1000, "Content-Length 1,000 bytes, 1 MB sent"),
]:
    s = socket.create_connection(("127.0.0.1", 8030), timeout=60)
    req = (
        f"POST {attach_url} HTTP/1.1\r\nHost: 127.0.0.1:8030\r\nX-Forwarded-Proto: https\r\nReferer: https://127.0.0.1:8030{page_url}\r\n"
        f"Cookie: {cookie}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {claimed}\r\nConnection: close\r\n\r\n"
    ).encode()
    t = time.time()
    try:
        s.sendall(req + body)
        s.shutdown(socket.SHUT_WR)
        ans = b""
        while len(ans) < 4000:
            chunk = s.recv(4000)
            if not chunk:
                break
            ans += chunk
    except Exception as e:  # noqa: BLE001
        ans = repr(e).encode()
    s.close()
    import re

    h1 = re.search(rb"<h1[^>]*>(.*?)</h1>", ans, re.S)
    print(
        f"cut off ({label}): {ans[:15]!r} {h1.group(1).strip()[:80] if h1 else b''!r} in {time.time() - t:.1f}s",
        flush=True,
    )
print(
    "rows named cut.txt added:",
    rows() - before,
    "| files in /tmp left by uploads:",
    [f for f in os.listdir("/tmp") if f.endswith(".upload")],
)
