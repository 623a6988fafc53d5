"""Bad input for `casereview extract` and `casereview anonymise` (issues 15 and 16), as a hostile user.

    PYTHONPATH=$PWD .venv/bin/python probe/badinput16.py [CASE ...]

Writes its inputs to /tmp/badinput16/ (never committed), runs each through the command line under
/usr/bin/time -v and prints one markdown row per case: exit code, what came out, wall time, peak memory and
the first line of any message. Limits: 60 s and 1 GB (casereview.documents.extraction.limits)."""

import io
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = "/tmp/badinput16"
PY = os.path.join(ROOT, ".venv/bin/python")
MB = 1024 * 1024
TIMEOUT = int(os.environ.get("BADINPUT16_TIMEOUT", 600))

ARABIC = "\u0627\u0644\u062a\u0639\u0644\u0645 \u0645\u0646 \u0627\u0644\u0645\u0631\u0627\u062c\u0639\u0629"
HEBREW = "\u05dc\u05de\u05d9\u05d3\u05d4 \u05de\u05d4\u05d1\u05d3\u05d9\u05e7\u05d4"


def write(name, data):
    path = os.path.join(OUT, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as handle:
        handle.write(data)
    return path


# Extraction inputs ----------------------------------------------------------------------------------------


def listing60():
    entry = (
        "\n{year} - {area} - Child {code}\n"
        "Summary: a serious case review about a child of {n} who was neglected.\n"
        "Learning: agencies did not share information; supervision was rare.\n"
        "Recommendations: the board should audit plans; schools should name a lead.\n"
        "Keywords: neglect, information sharing\n"
    )
    codes = [a + b for a in "ABC" for b in "ABCDEFGHIJKLMNOPQRST"]
    areas = ["Leeds", "Kent", "Devon", "Bristol", "Camden"]
    body = "".join(
        entry.format(year=2010 + n % 10, area=areas[n % 5], code=c, n=n % 17 + 1) for n, c in enumerate(codes)
    )
    return write("listing60.txt", "Case reviews published this month\n" + body)


def oneline2mb():
    chunk = "The review found that agencies did not share information; the school was not told and "
    return write("oneline2mb.txt", (chunk * (2 * MB // len(chunk) + 1))[: 2 * MB])


def nopunct():
    words = "learning review child the findings recommendations agency should share key issues include".split()
    random.seed(16)
    return write("nopunct.txt", " ".join(random.choice(words) for _ in range(200_000)))


def list500():
    return write(
        "list500.txt",
        "Recommendations\n\n" + "\n".join(f"{n}. The board should audit plan {n}." for n in range(1, 501)) + "\n",
    )


def leadin_end():
    body = "This review looked at the care of Child Q.\n\n" * 50
    return write("leadin_end.txt", body + "The review identified the following learning:")


def pua_bullets():
    lines = [f"{b} Practitioners should record item {n}." for n, b in enumerate("\uf0b7\uf0a7\uf076\uf0d8\ue000" * 20)]
    return write("pua_bullets.txt", "Key learning:\n\n" + "\n".join(lines) + "\n")


def rtl():
    text = (
        f"Key learning:\n\n\u2022 {ARABIC}\n\u2022 \u202e{HEBREW}\u202c\n\u2022 {HEBREW} and {ARABIC}\n\n"
        f"Recommendations\n1. {ARABIC}.\n2. \u200f{HEBREW}\u200f.\n"
    )
    return write("rtl.txt", text)


def empty():
    return write("empty.txt", b"")


def binary_txt():
    random.seed(7)
    return write("binary.txt", bytes(random.randrange(256) for _ in range(200_000)))


def junk_docx():
    buffer = io.BytesIO()
    random.seed(8)
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("junk.bin", bytes(random.randrange(256) for _ in range(50_000)))
        archive.writestr("word/document.xml", b"<not xml" + bytes(range(256)))
    return write("junk.docx", buffer.getvalue())


def pages300_pdf():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = os.path.join(OUT, "pages300.pdf")
    pdf = canvas.Canvas(path, pagesize=A4)
    for page in range(1, 301):
        y = 800
        pdf.drawString(50, y, f"Serious case review Child P - page {page}")
        for n in range(45):
            y -= 16
            pdf.drawString(50, y, f"Paragraph {page}.{n}: Jane Smith met Dr Okoro at 12 Albion Street on 3 May 2019.")
        if page == 300:
            pdf.drawString(50, 40, "Recommendations: the board should audit plans; schools should name a lead.")
        pdf.showPage()
    pdf.save()
    return path


def notext_pdf():
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = os.path.join(OUT, "notext.pdf")
    pdf = canvas.Canvas(path, pagesize=A4)
    for _ in range(3):
        for n in range(40):
            pdf.rect(50, 100 + n * 15, 400, 8, fill=1)  # bars where text would be: a scan has no text layer
        pdf.showPage()
    pdf.save()
    return path


# Anonymisation inputs -------------------------------------------------------------------------------------

PARA = (
    "Jane Smith, the mother, took Child P to Dr Okoro at St Mary's Hospital on 3 May 2019. "
    "Her partner Darren Cole lived at 12 Albion Street, Walworth, London SE17 1AA. "
)


def noentities():
    return write("noentities.txt", "The review looked at how agencies shared information and what they learnt.\n" * 40)


def report300():
    # about 500 words a page
    page = (PARA * 14) + "\n\f"
    return write("report300.txt", page * 300)


def other_language():
    text = (
        "Je m'appelle Marie Dupont et j'habite 3 rue de la Paix, 75002 Paris. Mon fils Lucas est né le 4 mars 2015.\n"
        "Nazywam się Katarzyna Nowak, mieszkam przy ulicy Długiej 5 w Gdańsku.\n"
        f"{ARABIC} محمد عبد الله {HEBREW}\n"
    )
    return write("other_language.txt", text)


def zero_width():
    text = (
        "Ja\u200bne Sm\u200bith, the mother, met the social worker. "
        "J\u0430ne Sm\u0456th (Cyrillic a and i) was seen again. "
        "Darr\u200den C\u043ele visited. D\u200carren Cole\u2060 left.\n"
    )
    return write("zero_width.txt", text)


def split_line():
    return write(
        "split_line.txt", "The health visitor, Kerry-Ann\nAdams, saw the baby. The mother, Jane\nSmith, was out.\n"
    )


def table2000():
    rows = [
        f"{i % 28 + 1:02d}/03/2021\tPC Danny Whitlock\tKwabena Adjei\t07700 900{i % 1000:03d}\tAdvice given"
        for i in range(2000)
    ]
    return write("table2000.txt", "Date\tOfficer\tContact\tPhone\tOutcome\n" + "\n".join(rows) + "\n")


def capitals():
    return write("capitals.txt", PARA.upper() * 5)


def chelsea_hope():
    text = (
        "Chelsea told her teacher there was no hope. Hope Okafor, her aunt, lives in Chelsea. "
        "Chelsea and Hope went to the Chelsea and Westminster Hospital. We hope that Chelsea is safe.\n"
    )
    return write("chelsea_hope.txt", text)


FIVE_WAYS = (
    "Kerry-Ann Adams, the mother, was seen. Ms Adams said Kerry-Ann was tired. K. Adams signed the plan. "
    "KERRY-ANN ADAMS was listed. Kerry-Ann\u200b Adams was present. Adams, Kerry-Ann (mother) attended.\n"
)


def five_ways():
    return write("five_ways.txt", FIVE_WAYS)


# Running --------------------------------------------------------------------------------------------------

EXTRACT = {
    "listing of 60 reviews": listing60,
    "2 MB on one line": oneline2mb,
    "no sentence punctuation (200,000 words)": nopunct,
    "list of 500 items": list500,
    "lead-in at the very end": leadin_end,
    "private-use bullets": pua_bullets,
    "right-to-left text": rtl,
    "empty file": empty,
    "binary file named .txt": binary_txt,
    "DOCX that is a zip of junk": junk_docx,
    "PDF of 300 pages": pages300_pdf,
    "PDF with no text layer": notext_pdf,
}
ANONYMISE = {
    "no entities": noentities,
    "300-page report (text)": report300,
    "300-page report (PDF)": pages300_pdf,
    "another language": other_language,
    "zero-width and homoglyphs in names": zero_width,
    "name split over a line break": split_line,
    "table of 2,000 rows": table2000,
    "all capitals": capitals,
    "Chelsea, Hope": chelsea_hope,
    "same person five ways": five_ways,
    "empty file": empty,
    "binary file named .txt": binary_txt,
    "DOCX that is a zip of junk": junk_docx,
    "PDF with no text layer": notext_pdf,
}
LEFT_IN = {
    "zero-width and homoglyphs in names": ["Kerry", "Jane", "Smith", "Darren", "Cole"],
    "name split over a line break": ["Adams", "Kerry", "Smith"],
    "table of 2,000 rows": ["Whitlock", "Adjei", "07700"],
    "all capitals": ["JANE", "SMITH", "OKORO", "DARREN", "ALBION", "SE17"],
    "300-page report (text)": ["Jane Smith", "Okoro", "Albion", "SE17"],
    "300-page report (PDF)": ["Jane Smith", "Okoro", "Albion"],
    "Chelsea, Hope": ["Okafor"],
    "same person five ways": ["Adams", "Kerry", "ADAMS"],
    "another language": ["Dupont", "Nowak", "Paix"],
}


def run(command):
    started = time.monotonic()
    process = subprocess.Popen(
        ["/usr/bin/time", "-v", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": ROOT},
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the command and its own children, not only /usr/bin/time
        stdout, stderr = process.communicate()
        stderr = f"TIMED OUT after {TIMEOUT} s\n" + stderr
    completed = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    wall = time.monotonic() - started
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", completed.stderr)
    message = completed.stderr.split("\tCommand being timed")[0]
    message = re.sub(r"Command exited with non-zero status \d+\s*$", "", message.strip()).strip()
    return completed, wall, int(peak.group(1)) // 1024 if peak else None, message


def summary_extract(stdout):
    try:
        data = json.loads(stdout)
    except ValueError:
        return "no JSON"
    if "error" in data:
        return "error"
    return f"{len(data.get('learning_points', []))} LP, {len(data.get('recommendations', []))} rec, " + (
        f"{len(data.get('reviews') or [])} reviews"
    )


def summary_anonymise(name, stdout):
    try:
        data = json.loads(stdout)
    except ValueError:
        return "no JSON"
    left = [w for w in LEFT_IN.get(name, []) if w in data["text"]]
    out = f"{len(data['entities'])} replaced, {len(data['table'])} in table"
    if name == "same person five ways":
        from casereview.publication.anonymisation.final_scan import KnownDetails, final_scan

        hits = final_scan(data["text"], KnownDetails(names=("Kerry-Ann Adams",)))
        out += f"; final scan finds {len(hits)} in output"
        raw = final_scan(FIVE_WAYS, KnownDetails(names=("Kerry-Ann Adams",)))
        outer = {(h.start, h.end) for h in raw}
        outer = {a for a in outer if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in outer)}
        out += f" (in the input: {len(outer)} spans covering the 7 mentions)"
    return out + (f"; LEFT IN: {', '.join(left)}" if left else "; none of the probe's names left")


def main(only):
    os.makedirs(OUT, exist_ok=True)
    sys.path.insert(0, ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    rows = []
    for tool, cases in (("extract", EXTRACT), ("anonymise", ANONYMISE)):
        for name, make in cases.items():
            if only and not any(o.lower() in f"{tool}: {name}".lower() for o in only):
                continue
            path = make()
            args = ["--format", "json"] if tool == "extract" else []
            completed, wall, peak, message = run([PY, "-m", "casereview.cli", tool, path, *args])
            if tool == "extract":
                result = summary_extract(completed.stdout)
            else:
                result = summary_anonymise(name, completed.stdout)
            first = message.splitlines()[-1][:200] if message else ""
            row = f"| {tool} | {name} | {completed.returncode} | {result} | {wall:.1f} s | {peak} MB | {first} |"
            print(row, flush=True)
            rows.append(row)
    return rows


if __name__ == "__main__":
    main(sys.argv[1:])
