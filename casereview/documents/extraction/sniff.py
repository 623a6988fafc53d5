"""What a file really is, judged by its bytes rather than its name, and whether it is too big to open."""

import os
import zipfile

from .errors import ExtractionError

EXECUTABLE_SIGNATURES = {
    b"MZ": "a Windows program",
    b"\x7fELF": "a Linux program",
    b"\xcf\xfa\xed\xfe": "a macOS program",
    b"\xca\xfe\xba\xbe": "a macOS or Java program",
    b"#!": "a script",
}
DOCUMENT_KINDS = ("pdf", "docx", "txt")


def check_size(path, limits):
    size = os.path.getsize(path)
    if size == 0:
        raise ExtractionError(
            "The file is empty (0 bytes).",
            "Check that the upload or copy finished, then try again with the complete file.",
        )
    if size > limits.max_bytes:
        raise ExtractionError(
            f"The file is {size / 1024 / 1024:.0f} MB; the limit is {limits.max_bytes / 1024 / 1024:.0f} MB.",
            "Save a smaller copy (for a PDF, without embedded images) or split the document, then try again.",
        )
    return size


def sniff_kind(path):
    """'pdf', 'docx' or 'txt'; raises ExtractionError for anything else."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    for signature, what in EXECUTABLE_SIGNATURES.items():
        if head.startswith(signature):
            raise ExtractionError(
                f"The file is {what}, not a document{_named_as(extension)}.",
                "Do not open it; ask the sender for the report as a PDF, Word (.docx) or text file.",
            )
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_document_kind(path, extension)
    if _looks_like_text(head):
        return "txt"
    raise ExtractionError(
        f"The file is not a PDF, Word (.docx) or text document{_named_as(extension)}.",
        "Save or export it as PDF, .docx or plain text and try again.",
    )


def _named_as(extension):
    return f" although its name ends in .{extension}" if extension in DOCUMENT_KINDS else ""


def _zip_document_kind(path, extension):
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise ExtractionError(
            "The Word file is damaged (its zip structure cannot be read).",
            "Open it in Word and save a new copy, or export it as PDF, then try again.",
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    raise ExtractionError(
        f"The file is a zip archive but not a Word document{_named_as(extension)}.",
        "Unzip it and upload the reports inside one by one, as PDF, .docx or text.",
    )


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return _is_mostly_printable(head.decode("cp1252", errors="replace"))
    return True


def _is_mostly_printable(text):
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return printable >= 0.95 * max(len(text), 1)
