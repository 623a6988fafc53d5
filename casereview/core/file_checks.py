"""What an uploaded document really is (judged by its bytes, not its name), and whether it may be stored:
the one check shared by every upload of a document a person reads later (an action's evidence, what an
agency sends a rapid review). Each caller names the kinds it takes, its size limit (core/uploads.py) and
the form field its messages belong to.

Anything but the kinds named — a program, a macro-enabled Office file, an archive — is refused before it
is stored; so is an Office file that would unpack past a bound (a zip bomb) and a PDF that could act when
opened."""

import re
import unicodedata
import zlib

from django.core.exceptions import ValidationError

from . import uploads

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# kind -> (content type, its name in "The selected file must be a … file")
KINDS = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (DOCX, "Word (.docx)"),
    "xlsx": (XLSX, "Excel (.xlsx)"),
    "pptx": (PPTX, "PowerPoint (.pptx)"),
    "png": ("image/png", "PNG"),
    "jpeg": ("image/jpeg", "JPEG"),
    "text": ("text/plain", "plain text"),
}
# Office files are zips: refuse one that would unpack to more than this (a zip bomb).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
_OFFICE_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
_OFFICE_PROGRAMS = {"docx": "Word", "xlsx": "Excel", "pptx": "PowerPoint"}
_EXECUTABLES = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")


def _joined(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def describe(kinds):
    """The kinds as a person reads them: "PDF, Word (.docx) or plain text"."""
    return _joined([KINDS[kind][1] for kind in kinds])


def check_upload(upload, *, kinds, limit, field, too_large_advice=""):
    """The file's content type if it is one of `kinds` and within the `limit` kind's size; otherwise
    ValidationError, for the form's `field`, saying what is wrong and what to do. The size is checked
    before a byte is read."""
    described = describe(kinds)
    size = upload.size
    if not size:
        raise ValidationError({field: "The selected file is empty"})
    problem = uploads.too_large(limit, size, too_large_advice)
    if problem:
        raise ValidationError({field: problem})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    content_type = _sniff(head, upload, kinds=kinds, field=field)
    named = _named_kind(getattr(upload, "name", "") or "")
    if head.startswith(_EXECUTABLES) and named is not None:
        # the person chose a ".pdf": "must be a PDF" did not say what is wrong with it (walkthrough 10, 14)
        raise ValidationError(
            {
                field: f"The selected file is a program, not {_a_kind(named[0])} file, although its name ends "
                f".{named[0]}. Do not open it: upload the document itself, as a {described} file"
            }
        )
    if content_type is None or content_type not in {KINDS[kind][0] for kind in kinds}:
        raise ValidationError({field: f"The selected file must be a {described} file"})
    name = getattr(upload, "name", "") or ""
    unlisted = _extension(name) if named is None else ""
    if unlisted:
        # The name, not the bytes, decides what the reader's computer does with the file it downloads: plain
        # text called .bat or .ps1 runs, called .html, .hta or .svg renders with its scripts (probe 16).
        # Not "save it with a name ending .txt": that told a person holding a program to rename it, and named
        # the endings of plain text on forms that take Word and PDF too (walkthrough 11, finding 8).
        base = _display_name(name)
        raise ValidationError({field: f"{base} is a .{unlisted} file: attach a {described} file instead"})
    if named is not None and content_type not in named[1]:
        # what the name promises is what whoever opens it expects: a text file called .pdf is not a PDF
        raise ValidationError(
            {
                field: f"The selected file is called .{named[0]} but it is not {_a_kind(named[0])} file. "
                f"Upload the file as it was saved, as a {described} file"
            }
        )
    if content_type == "application/pdf":
        upload.seek(0)
        actions = pdf_actions(upload.read())
        upload.seek(0)
        if actions:
            raise ValidationError(
                {
                    field: "The selected PDF contains "
                    + " and ".join(sorted(actions))
                    + ", which could run when it is opened. Print it to a new PDF (or save it as PDF/A) and "
                    "upload that copy instead"
                }
            )
    return content_type


_TEXT = {"text/plain"}
_CSV = {"text/plain", "text/csv"}  # what uploads store as text/plain, an export makes as text/csv
# a file's extension -> the content types its bytes may have
_EXTENSIONS = {
    "pdf": {"application/pdf"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "docx": {DOCX},
    "xlsx": {XLSX},
    "pptx": {PPTX},
    "txt": _TEXT,
    "csv": _CSV,
}
_KIND_NAMES = {
    "pdf": "PDF",
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "docx": "Word",
    "xlsx": "Excel",
    "pptx": "PowerPoint",
    "txt": "plain text",
    "csv": "CSV",
}


def chosen_name(name, default="document"):
    """The file's name as the person chose it: without folders, and with the double quote a browser writes
    as %22 in the upload's name (the HTML standard's form encoding) put back: "Chronology %22final%22.txt"
    was listed so (walkthrough 11, finding 18). Line breaks, written %0A and %0D, become spaces."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = name.replace("%22", '"').replace("%0D%0A", " ").replace("%0A", " ").replace("%0D", " ")
    return name[:255] or default


def _display_name(name):
    """The chosen file's own name, without the folders some browsers send."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    # a right-to-left mark would show "report\u202etxt.exe" as "reportexe.txt"
    name = "".join(c for c in name if unicodedata.category(c) != "Cf").strip()
    return name or "The selected file"


def _a_kind(extension):
    """ "a PDF", "an Excel": the kind's name with its article."""
    name = _KIND_NAMES[extension]
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


# Windows drops a name's trailing full stops and spaces when it saves a file: "notes.bat." and "notes.bat "
# are saved, and run, as notes.bat. The extension is read as the reader's computer will read it.
_TRAILING = re.compile(r"[\s.]+$")


def _named_kind(name):
    """(extension, the content types it allows) when the name ends in a kind we know; None otherwise (a
    name with no extension is judged by its bytes alone; check_upload refuses one we do not list)."""
    name = _TRAILING.sub("", name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return (extension, _EXTENSIONS[extension]) if extension in _EXTENSIONS else None


# the ending a download is given for its stored content type when its own name does not end in it
_ENDING_OF_TYPE = {
    "application/pdf": "pdf",
    "image/png": "png",
    "image/jpeg": "jpg",
    DOCX: "docx",
    XLSX: "xlsx",
    PPTX: "pptx",
    "text/plain": "txt",
    "text/csv": "csv",
}
# a file name a reader's computer sees: Windows allows 255 characters, and the ending may be added
_DOWNLOAD_NAME_LENGTH = 240


def download_name(name, content_type):
    """The name a stored file is downloaded under: the sender's name without control or bidirectional
    characters (a right-to-left mark shows "report<RLO>txt.exe" as "reportexe.txt"), path separators, or the
    leading and trailing dots and spaces Windows drops, ending in the extension of its stored content type
    unless it already ends in one that type may have. Files stored before check_upload refused names like
    "open-me.bat" still download safely ("open-me.bat.txt"): the name, not the bytes, decides what the
    reader's computer runs (probe 16). A content type no allowed kind has downloads as ".bin"."""
    kept = "".join(
        "-" if character in "/\\" else character
        for character in unicodedata.normalize("NFC", name or "")
        if unicodedata.category(character)[0] != "C" and unicodedata.category(character) not in ("Zl", "Zp")
    )
    kept = kept[:_DOWNLOAD_NAME_LENGTH].strip(" .") or "document"
    stored = (content_type or "").split(";", 1)[0].strip().lower()
    extension = kept.rsplit(".", 1)[-1].lower() if "." in kept else ""
    if stored in _EXTENSIONS.get(extension, ()):
        return kept
    return f"{kept}.{_ENDING_OF_TYPE.get(stored, 'bin')}"


# Endings a reader's computer runs, renders with its scripts, mounts or opens in a program that acts on what
# it reads, whatever the bytes: Microsoft's list of file types Outlook blocks, with markup a browser renders
# from disk (.html, .svg, .hta), Office files that carry macros, Excel's web queries and text formats it
# evaluates (.iqy, .slk), and the scripts of other systems. A name that ends in one of these is refused
# (probe 16). Any other dot in a name ("Notes from Dr.Khan", "Meeting 12.Jan", "notes.md") is not taken for
# an extension: the file is judged by its bytes, and download_name ends the name in its stored kind's
# extension, so it still opens as what it is (fixsmall11).
ACTIVE_EXTENSIONS = frozenset(
    """
    ade adp app application appref-ms appx appxbundle asp aspx asx bas bat bgi cab cer chm cmd cnt com cpl crt
    csh der diagcab dll exe fxp gadget grp hlp hpj hta htc inf ins isp its jar jnlp js jse ksh lnk mad maf mag
    mam maq mar mas mat mau mav maw mcf mda mdb mde mdt mdw mdz msc msh msh1 msh2 mshxml msh1xml msh2xml msi
    msix msixbundle msp mst msu ocx ops osd pcd pif pl plg prf prg printerexport ps1 ps1xml ps2 ps2xml psc1 psc2
    psd1 psdm1 psm1 pst py pyc pyo pyw pyz pyzw reg scf scr sct shb shs sys theme themepack tmp url vb vbe vbp
    vbs vhd vhdx vsmacros vsw webpnp website ws wsb wsc wsf wsh xbap xll xnk
    accda accdb accde accdr accdt library-ms search-ms searchconnector-ms settingcontent-ms iso img udf
    htm html xhtml shtml shtm mht mhtml svg svgz xht xml xsl xslt xaml swf eml
    rtf doc dot docm dotm xls xlt xla xlsm xltm xlam xlsb ppt pot pps pptm potm ppsm ppam sldm one
    iqy oqy rqy slk sylk dif dqy
    sh bash zsh fish command tool desktop rb php phtml pm cgi lua tcl applescript scpt
    """.split()
)


def _extension(name):
    """The name's extension (lower case) when it ends in one the reader's computer acts on (ACTIVE_EXTENSIONS:
    "notes.bat" and "notes.bat." have .bat); "" otherwise ("Minutes v2.1", "Notes from Dr.Khan")."""
    name = _TRAILING.sub("", name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return extension if extension in ACTIVE_EXTENSIONS else ""


def _sniff(head, upload, *, kinds, field):
    if head.startswith(_EXECUTABLES):
        return None
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload, kinds=kinds, field=field)
    if _is_text(head):
        return "text/plain"
    return None


def _office_type(upload, *, kinds, field):
    try:
        contents = uploads.inspect_zip(upload, max_inflated=MAX_UNZIPPED_BYTES)
    except uploads.UnsafeZip as exc:
        if str(exc) == "damaged":
            return None
        programs = _joined([program for kind, program in _OFFICE_PROGRAMS.items() if kind in kinds] or ["Word"])
        raise ValidationError(
            {
                field: f"The selected file cannot be stored safely: {exc}. Save a new copy from "
                f"{programs} (or as PDF) and upload that instead"
            }
        ) from None
    finally:
        upload.seek(0)
    names = contents.names
    # Macros run code when the file is opened: a .docm renamed .docx is still refused.
    if any(name.lower().endswith("vbaproject.bin") for name in names) or "[Content_Types].xml" not in names:
        return None
    for part, kind in _OFFICE_PARTS.items():
        if part in names:
            return KINDS[kind][0]
    return None


# --- scripts in PDFs ----------------------------------------------------------------------------------
# A plain scan of the PDF's objects, not a parser: a name such as /JavaScript or /Launch is a token the
# file cannot hide except by #-escaping its letters (undone here) or by putting the dictionary inside a
# compressed object stream (/ObjStm, inflated here within a bound). Reading the same bytes through
# pdfium would answer only some of the question (its API lists document-level JavaScript, not open or
# launch actions on pages and annotations) and would parse hostile input in the web process.
# A refused genuine file loses nothing: printing it to PDF drops every action.
_DANGEROUS_NAMES = {
    b"JavaScript": "a script",
    b"JS": "a script",
    b"Launch": "an action that starts a program",
    b"SubmitForm": "an action that sends data",
    b"ImportData": "an action that fetches data",
    b"RichMedia": "embedded media that can run code",
}
_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_OBJECT_STREAM = re.compile(rb"\bobj\b(.{0,4096}?)\bstream(?:\r\n|\n|\r)", re.DOTALL)
_STREAM_BODY = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r).*?endstream", re.DOTALL)
_MAX_PDF_INFLATED = 64 * 1024 * 1024


def _names(data):
    for match in _NAME.finditer(data):
        name = match.group(1)
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        yield name


def pdf_actions(data):
    """What in this PDF could act when it is opened (a set of plain phrases; empty when nothing)."""
    # Stream bodies (images, page content) are left out: their bytes are data, not dictionaries.
    objects = _STREAM_BODY.sub(b"stream endstream", data)
    found = {_DANGEROUS_NAMES[name] for name in _names(objects) if name in _DANGEROUS_NAMES}
    budget = _MAX_PDF_INFLATED
    for match in _OBJECT_STREAM.finditer(data):
        if b"ObjStm" not in set(_names(match.group(1))):
            continue
        end = data.find(b"endstream", match.end())
        inflater = zlib.decompressobj()
        try:
            inflated = inflater.decompress(data[match.end() : end if end > 0 else None], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        found |= {_DANGEROUS_NAMES[name] for name in _names(inflated) if name in _DANGEROUS_NAMES}
        if budget <= 0:
            found.add("more compressed content than a document of this size should hold")
            break
    return found


def _is_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A character cut at the end of the sample is still text.
        return exc.start >= len(head) - 4
    return True
