# A probe script (probe15): documents brought in for extraction (hostile files), a 100 MB evidence upload,
# a multipart body that lies about its size, and hostile library search strings.
# ruff: noqa: E501
import os
import socket
import time

from client import Client, errors, load_logins
from races import REVIEW
from uploads import MEDIA, big_text, db, lying_docx, pdf_openaction, xlsx_with_dtd

load_logins()
m = Client("southwark.manager")
m.sign_in()
docs = "/partnerships/southwark/documents/"


def files_under(sub):
    out = []
    for root, _, fs in os.walk(os.path.join(MEDIA, sub)) if os.path.isdir(os.path.join(MEDIA, sub)) else []:
        out += [os.path.join(root, f) for f in fs]
    return out


cases = [
    ("DOCX bomb", "bomb.docx", lying_docx()),
    ("PDF with OpenAction JavaScript", "plan.pdf", pdf_openaction()),
    ("Windows program named .pdf", "review.pdf", b"MZ" + b"\0" * 500),
    ("XLSX with DTD named .docx", "review.docx", xlsx_with_dtd()),
    ("empty file", "empty.txt", b""),
    ("51 MB text", "big.txt", big_text(51)),
    ("text with a NUL and invalid UTF-8", "odd.txt", b"Learning point 1\x00\xff\xfe\xc3(\n" * 1000),
]
for label, name, data in cases:
    page = m.get(docs)
    t = time.time()
    r = m.submit(docs, {}, files={"files": (name, data, "application/octet-stream")}, html=page.text, follow=True)
    print(
        f"{label} ({len(data)} bytes): HTTP {r.status_code} in {time.time() - t:.1f}s {errors(r.text)[:2]}", flush=True
    )
deadline = time.time() + 240
while time.time() < deadline:
    states = db("select status, count(*) from documents_document group by status order by 1")
    if not any(s in states for s in ("queued", "reading", "pending", "running", "waiting", "new")):
        break
    time.sleep(5)
print("documents by state:", states.replace("\n", "; "))
print(
    "messages:",
    db(
        "select left(file_name, 20) || ': ' || status || ': ' || left(coalesce(problem, ''), 120) from documents_document order by created"
    ).replace("\n", "\n   "),
)
print("document files left on disk:", files_under("documents") or files_under("document"))

# 100 MB evidence (limit 10 MB): the answer's time
act = db(f"select id from actionplans_action where review_id='{REVIEW}' and status<>'closed' order by number limit 1")
upd = f"/actions/{act}/update/"
page = m.get(upd)
t = time.time()
r = m.submit(
    upd,
    {"text": "probe", "status": "on_track", "evidence_description": "probe"},
    files={"evidence_file": ("big.txt", big_text(100), "text/plain")},
    html=page.text,
    follow=True,
)
print(f"100 MB evidence: HTTP {r.status_code} in {time.time() - t:.1f}s {errors(r.text)[:1]}", flush=True)

# a body that says it is 5 MB but is cut off after 1 MB (lying Content-Length), over a raw socket, bounded
page = m.get(upd)
from client import Client as C  # noqa: E402

data, _ = C.form_fields(page.text)
cookie = "; ".join(f"{c.name}={c.value}" for c in m.s.cookies)
boundary = "probe15boundary"
head = "".join(
    f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
    for k, v in dict(data, text="probe lying", status="on_track", evidence_description="probe").items()
)
head += f'--{boundary}\r\nContent-Disposition: form-data; name="evidence_file"; filename="cut.txt"\r\nContent-Type: text/plain\r\n\r\n'
body = head.encode() + b"a" * (1 << 20)
for claimed, label in [
    (5 << 20, "Content-Length 5 MB, 1 MB sent, then closed"),
    (1000, "Content-Length 1,000 bytes, 1 MB sent"),
]:
    s = socket.create_connection(("127.0.0.1", 8030), timeout=30)
    req = (
        f"POST {upd} HTTP/1.1\r\nHost: 127.0.0.1:8030\r\nX-Forwarded-Proto: https\r\nReferer: https://127.0.0.1:8030{upd}\r\n"
        f"Cookie: {cookie}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {claimed}\r\nConnection: close\r\n\r\n"
    ).encode()
    t = time.time()
    try:
        s.sendall(req + body)
        s.shutdown(socket.SHUT_WR)
        ans = s.recv(200)
    except Exception as e:  # noqa: BLE001
        ans = repr(e).encode()
    s.close()
    print(f"{label}: {ans[:40]!r} in {time.time() - t:.1f}s", flush=True)
print("evidence rows named cut.txt:", db("select count(*) from actionplans_evidence where file like '%cut%'"))
print("files in /tmp left by uploads:", [f for f in os.listdir("/tmp") if f.endswith(".upload")])

# library search with hostile strings
for q in ['"' * 5000, "a" * 20000, "-" * 300, "' OR 1=1 --", "\x00", "%", "théme ü 🙂", "NOT AND OR ( ) : * ~"]:
    t = time.time()
    r = m.get("/partnerships/southwark/library/", params={"q": q})
    print(f"library search {q[:20]!r}... ({len(q)} chars): HTTP {r.status_code} in {time.time() - t:.1f}s", flush=True)
