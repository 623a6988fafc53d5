"""Checks on an uploaded evidence file: what it really is (judged by its bytes, not its name) and its size.

Evidence is a policy, minutes, an audit report, a screenshot of a poster: documents, spreadsheets,
slides, images and plain text. The checks themselves are core.file_checks, shared with every other upload
of a document."""

from casereview.core import file_checks, uploads

EVIDENCE_KINDS = ("pdf", "docx", "xlsx", "pptx", "png", "jpeg", "text")
ALLOWED_DESCRIPTION = file_checks.describe(EVIDENCE_KINDS)


def max_bytes():
    return uploads.max_bytes("evidence")


def check_evidence_file(upload):
    """The file's content type if it is acceptable evidence; ValidationError (for the form's
    `evidence_file` field) saying what is wrong and what to do otherwise."""
    return file_checks.check_upload(
        upload,
        kinds=EVIDENCE_KINDS,
        limit="evidence",
        field="evidence_file",
        too_large_advice="Choose a smaller file or give a link to it instead.",
    )
