# A probe script (probe16): documents attached to an information request: hostile files, who may download
# them, a withdrawal raced, the same form sent twice at once, a cut-off body, and the download's headers.
# ruff: noqa: E501
import io
import os
import re
import sys
import time
import uuid

import docx
from client import Client, errors, load_logins
from races import db
from uploads import big_text, lying_docx, pdf_openaction

load_logins()
RID = os.environ["PROBE_INFOREQ"]
MEDIA = "/tmp/reprobe16/var/media"
page_url = f"/information-requests/{RID}/"
attach_url = f"/information-requests/{RID}/documents/"
p = Client("southwark.police.lead")
p.sign_in()


def media_count():
    return sum(len(f) for _, _, f in os.walk(MEDIA))


def rows():
    return int(db(f"select count(*) from decisions_informationattachment where info_request_id='{RID}'"))


def a_pdf(text="Probe document"):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.save()
    return buf.getvalue()


def a_docx(text="Probe document"):
    d = docx.Document()
    d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_with_macro():
    import zipfile

    src = io.BytesIO(a_docx("macro"))
    out = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    return out.getvalue()


def send(files, label):
    html = p.get(page_url).text
    before_rows, before_media = rows(), media_count()
    data, _ = Client.form_fields(html, match="/documents/")
    t = time.time()
    r = p.post(attach_url, data, files=[("files", f) for f in files], referer=p.url(page_url), allow_redirects=True)
    took = time.time() - t
    msgs = errors(r.text) or [m for m in re.findall(r'govuk-notification-banner__heading">\s*([^<]+)', r.text)]
    print(
        f"{label}: HTTP {r.status_code} in {took:.1f}s; rows {before_rows}->{rows()}, media files {before_media}->{media_count()}; says {[' '.join(m.split())[:160] for m in msgs][:3]}",
        flush=True,
    )
    return r


CASES = {
    "ok-pdf": [("referral.pdf", a_pdf("Probe referral"), "application/pdf")],
    "ok-docx": [("report.docx", a_docx("Probe report"), "application/octet-stream")],
    "ok-txt": [("notes.txt", b"Probe notes\n", "text/plain")],
    "exe-as-pdf": [("chronology.pdf", b"MZ" + b"\0" * 500, "application/pdf")],
    "png-as-docx": [("report.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "application/octet-stream")],
    "zip-as-pdf": [("notes.pdf", b"PK\x03\x04" + b"\0" * 200, "application/pdf")],
    "text-as-pdf": [("letter.pdf", b"just text\n", "application/pdf")],
    "docx-bomb": [("bomb.docx", lying_docx(), "application/octet-stream")],
    "docm-as-docx": [("macro.docx", docx_with_macro(), "application/octet-stream")],
    "pdf-openaction": [("plan.pdf", pdf_openaction(), "application/pdf")],
    "empty": [("empty.pdf", b"", "application/pdf")],
    "11mb": [("big.txt", big_text(11), "text/plain")],
    "eleven-files": [(f"f{i}.txt", f"file {i} {uuid.uuid4()}\n".encode(), "text/plain") for i in range(11)],
    "same-twice-in-one-form": [
        ("a.txt", b"same bytes\n" * 3, "text/plain"),
        ("b.txt", b"same bytes\n" * 3, "text/plain"),
    ],
    # names: what a person's computer does with the file it downloads depends on the name, not the Content-Type
    "bat": [("open-me.bat", b"@echo off\r\necho probe > %TEMP%\\probe16.txt\r\n", "text/plain")],
    "html": [("letter.html", b"<html><body><script>alert(document.domain)</script>probe</body></html>", "text/html")],
    "svg": [("map.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml")],
    "hta": [("form.hta", b"<html><script language=VBScript>MsgBox 1</script></html>", "application/hta")],
    "ps1": [("tidy.ps1", b"Write-Host probe\n", "text/plain")],
    "rtf": [("letter.rtf", b"{\\rtf1\\ansi{\\object\\objemb{\\*\\objdata 0105}}probe}", "application/rtf")],
    "no-extension": [("README", b"probe readme\n", "text/plain")],
    "traversal-name": [("../../../../etc/probe16.txt", b"traversal probe\n", "text/plain")],
    "markup-name": [('<img src=x onerror=alert(1)>".txt', b"markup name probe\n", "text/plain")],
    "long-name": [("x" * 300 + ".txt", b"long name probe\n", "text/plain")],
    "nul-name": [("nul\x00name.txt", b"nul name probe\n", "text/plain")],
    "rtl-name": [("report\u202etxt.exe", b"rtl name probe\n", "text/plain")],
}

if __name__ == "__main__":
    only = sys.argv[1:]
    for name, files in CASES.items():
        if only and name not in only:
            continue
        try:
            send(files, name)
        except Exception as exc:  # noqa: BLE001
            print(f"{name}: EXC {exc!r}", flush=True)
    print(
        "stored now:",
        db(
            f"select string_agg(left(file_name,60)||' ['||content_type||'] '||file, ' | ' order by created) from decisions_informationattachment where info_request_id='{RID}'"
        ),
    )
