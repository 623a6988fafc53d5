"""Checks on an uploaded evidence file: what it really is (judged by its bytes, not its name) and its size.

Evidence is a policy, minutes, an audit report, a screenshot of a poster: documents, spreadsheets,
slides, images and plain text. Anything else — a program, a macro-enabled Office file, an archive — is
refused before it is stored."""

import zipfile

from django.core.exceptions import ValidationError

from casereview.core import uploads

ALLOWED_DESCRIPTION = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG or plain text"
# Office files are zips: refuse one that would unpack to more than this (a zip bomb).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
_OFFICE_KINDS = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/presentation.xml": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
_EXECUTABLES = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")


def max_bytes():
    return uploads.max_bytes("evidence")


def check_evidence_file(upload):
    """The file's content type if it is acceptable evidence; ValidationError (for the form's
    `evidence_file` field) saying what is wrong and what to do otherwise."""
    size = upload.size
    if not size:
        raise ValidationError({"evidence_file": "The selected file is empty"})
    problem = uploads.too_large("evidence", size, "Choose a smaller file or give a link to it instead.")
    if problem:
        raise ValidationError({"evidence_file": problem})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    content_type = _sniff(head, upload)
    if content_type is None:
        raise ValidationError({"evidence_file": f"The selected file must be a {ALLOWED_DESCRIPTION} file"})
    return content_type


def _sniff(head, upload):
    if head.startswith(_EXECUTABLES):
        return None
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    if _is_text(head):
        return "text/plain"
    return None


def _office_type(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        return None
    finally:
        upload.seek(0)
    names = {entry.filename for entry in entries}
    if sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        return None
    # Macros run code when the file is opened: a .docm renamed .docx is still refused.
    if any(name.lower().endswith("vbaproject.bin") for name in names) or "[Content_Types].xml" not in names:
        return None
    for part, (_kind, content_type) in _OFFICE_KINDS.items():
        if part in names:
            return content_type
    return None


def _is_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A character cut at the end of the sample is still text.
        return exc.start >= len(head) - 4
    return True
