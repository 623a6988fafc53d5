# A probe script: long SQL and URL lines are kept whole.
# ruff: noqa: E501
"""(b) Hostile uploads over HTTP: what the page says, where the import ends, and what is left on disk."""

import io
import os
import struct
import subprocess
import time
import zipfile
import zlib

from client import Client, banner, errors, load_logins

load_logins()
MEDIA = "/tmp/reprobe16/var/media"
OUT = "/tmp/reprobe16/files"
os.makedirs(OUT, exist_ok=True)
REVIEW = "68bca4b3-5748-4910-b18b-e907397ed464"


def db(sql):
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "reprobe16", "-At", "-c", sql],
        capture_output=True,
        text=True,
    ).stdout.strip()


def media_files():
    found = set()
    for root, _, files in os.walk(MEDIA):
        for f in files:
            found.add(os.path.join(root, f))
    return found


def xlsx_with_dtd():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Chronology" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            '<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Date</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>&xxe;&c;</t></is></c></row></sheetData></worksheet>',
        )
    return buf.getvalue()


def csv_long_field():
    return (
        'date,time,date precision,event type,description,practitioner role,source reference\n01/01/2018,10:00,exact,Contact,"'
        + "x" * 140_000
        + '",GP,R1\n'
    ).encode()


def lying_docx(inflated=1 << 30):
    """A DOCX whose word/document.xml inflates to `inflated` bytes, while the zip directory says 100."""
    chunk = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = []
    block = b"\0" * (1 << 20)
    for _ in range(inflated // len(block)):
        parts.append(chunk.compress(block))
    parts.append(chunk.flush())
    data = b"".join(parts)
    crc = 0
    for _ in range(inflated // len(block)):
        crc = zlib.crc32(block, crc)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("word/document.xml", b"x" * 10)
    raw = bytearray(buf.getvalue())
    # rebuild by hand: replace the document.xml entry with the bomb, directory claiming 100 bytes
    out = io.BytesIO()
    name1, body1 = b"[Content_Types].xml", zlib.compress(b'<?xml version="1.0"?><Types/>')[2:-4]
    entries = [
        (name1, body1, zlib.crc32(b'<?xml version="1.0"?><Types/>'), 29, 29),
        (b"word/document.xml", data, crc, inflated, 100),
    ]
    central = []
    for name, body, c, real, claimed in entries:
        off = out.tell()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, c, len(body), claimed & 0xFFFFFFFF, len(name), 0)
            + name
            + body
        )
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                c,
                len(body),
                claimed & 0xFFFFFFFF,
                len(name),
                0,
                0,
                0,
                0,
                0,
                off,
            )
            + name
        )
    cd_off = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - cd_off, cd_off, 0))
    del raw
    return out.getvalue()


def pdf_openaction():
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Type /Action /S /JavaScript /JS (app.alert('probe14');) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x))
    return out.getvalue()


def big_text(mb=30):
    line = b"Child A lived with Mother and Stepfather at 12 Acacia Avenue, London SE1 4AB; Dr Jones saw her.\n"
    return line * (mb * (1 << 20) // len(line))


def post_file(c, path, field, name, data, extra=None, content_type="application/octet-stream"):
    page = c.get(path)
    before = media_files()
    t = time.time()
    r = c.submit(path, extra or {}, files={field: (name, data, content_type)}, html=page.text, follow=True)
    took = time.time() - t
    return r, took, before


def report(label, r, took, before, wait_import=None):
    msg = errors(r.text) or banner(r.text)
    line = (
        f"{label}: HTTP {r.status_code} at {r.url[len('http://127.0.0.1:8030') :]} in {took:.1f}s; page says {msg[:2]}"
    )
    if wait_import:
        line += "; " + wait_import()
    time.sleep(1)
    new = media_files() - before
    line += f"; new files on disk: {sorted(os.path.relpath(f, MEDIA) for f in new)[:3]} ({sum(os.path.getsize(f) for f in new)} bytes)"
    print(line, flush=True)
    return new


def import_state():
    def check():
        for _ in range(30):
            s = db(
                "select status||' | '||coalesce(left(problems::text,160),'') from reviews_chronologyimport "
                "order by created desc limit 1"
            )
            if s and not s.startswith(("pending", "checking", "queued", "running")):
                break
            time.sleep(1)
        return f"newest chronology import: {s!r}"

    return check


if __name__ == "__main__":
    import sys

    m = Client("southwark.manager")
    m.sign_in()
    con = db(f"select id from reviews_agencycontribution where review_id='{REVIEW}' limit 1") or db(
        "select id from reviews_agencycontribution limit 1"
    )
    act = db(
        f"select id from actionplans_action where review_id='{REVIEW}' and status<>'closed' order by number limit 1"
    )
    upl = f"/contributions/{con}/upload/"
    upd = f"/actions/{act}/update/"
    rep = f"/reviews/{REVIEW}/report/"
    cols = db("select column_name from information_schema.columns where table_name='reviews_chronologyimport'")
    print("chronology import columns:", cols.replace("\n", " "))
    ev = {"text": "probe evidence", "status": "on_track", "evidence_description": "probe"}
    cases = [
        ("XLSX with DTD entities (chronology)", upl, "file", "chronology.xlsx", xlsx_with_dtd(), {}, import_state()),
        (
            "CSV with a 140,000-character field (chronology)",
            upl,
            "file",
            "chronology.csv",
            csv_long_field(),
            {},
            import_state(),
        ),
        ("empty CSV (chronology)", upl, "file", "empty.csv", b"", {}, import_state()),
        (
            "PNG named .xlsx (chronology)",
            upl,
            "file",
            "chronology.xlsx",
            b"\x89PNG\r\n\x1a\n" + b"0" * 100,
            {},
            import_state(),
        ),
        (
            "DOCX zip bomb, directory says 100 bytes, inflates to 1 GiB (evidence)",
            upd,
            "evidence_file",
            "bomb.docx",
            lying_docx(),
            ev,
            None,
        ),
        ("PDF with /OpenAction JavaScript (evidence)", upd, "evidence_file", "plan.pdf", pdf_openaction(), ev, None),
        ("empty file (evidence)", upd, "evidence_file", "empty.pdf", b"", ev, None),
        ("Windows executable named .exe (evidence)", upd, "evidence_file", "tool.exe", b"MZ" + b"\0" * 500, ev, None),
        ("ZIP named .pdf (evidence)", upd, "evidence_file", "notes.pdf", b"PK\x03\x04" + b"\0" * 200, ev, None),
        ("11 MB text file (evidence, limit 10 MB)", upd, "evidence_file", "big.txt", big_text(11), ev, None),
        ("30 MB text report (final report)", rep, "file", "report.txt", big_text(30), {}, None),
    ]
    only = sys.argv[1:] or None
    for i, (label, path, field, name, data, extra, waiter) in enumerate(cases):
        if only and str(i) not in only:
            continue
        r, took, before = post_file(m, path, field, name, data, extra)
        report(f"[{i}] {label} ({len(data)} bytes)", r, took, before, waiter)
