"""Evidence files judged by what they really hold: a zip by what it inflates to, a PDF by its actions."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from casereview.actionplans.evidence import check_evidence_file

from .conftest import docx_bytes

GIB = 1024 * 1024 * 1024


def refusal(name, data):
    with pytest.raises(ValidationError) as refused:
        check_evidence_file(SimpleUploadedFile(name, data))
    return refused.value.message_dict["evidence_file"][0]


def _deflated_zeros(size):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1024 * 1024)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush(), zlib.crc32(b"")  # crc left wrong on purpose: never checked first


def lying_docx(real_size, declared_size):
    """A DOCX whose directory says word/media/image1.png holds `declared_size` bytes while its deflated
    data inflates to `real_size`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    head = buffer.getvalue()
    directory_at = head.index(b"PK\x01\x02")
    local, directory = head[:directory_at], head[directory_at : head.index(b"PK\x05\x06")]
    body, crc = _deflated_zeros(real_size)
    name = b"word/media/image1.png"
    offset = len(local)
    local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), declared_size, len(name), 0)
    local += name + body
    directory += (
        struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            8,
            0,
            0,
            crc,
            len(body),
            declared_size,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + name
    )
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, len(directory), len(local), 0)
    return local + directory + end


def test_a_genuine_word_document_is_accepted():
    data = docx_bytes()
    assert check_evidence_file(SimpleUploadedFile("policy.docx", data)).endswith("wordprocessingml.document")


def test_a_zip_whose_directory_lies_about_its_size_is_refused():
    message = refusal("policy.docx", lying_docx(real_size=4 * 1024 * 1024, declared_size=1000))
    assert "cannot be stored safely" in message and "does not match" in message


def test_a_docx_that_inflates_to_a_gibibyte_is_refused_before_it_is_unpacked():
    data = lying_docx(real_size=GIB, declared_size=2048)
    assert len(data) < 2 * 1024 * 1024
    message = refusal("policy.docx", data)
    assert "would unpack to more than 200 MB" in message


PLAIN_PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>\nendobj\n%%EOF\n"


def test_a_pdf_that_opens_at_a_page_is_accepted():
    assert check_evidence_file(SimpleUploadedFile("minutes.pdf", PLAIN_PDF)) == "application/pdf"


@pytest.mark.parametrize(
    "body, what",
    [
        (b"<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", "a script"),
        (b"<< /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>", "a script"),
        (b"<< /Type /Action /S /Launch /F (cmd.exe) >>", "an action that starts a program"),
    ],
)
def test_a_pdf_with_an_action_that_runs_is_refused(body, what):
    data = b"%PDF-1.7\n1 0 obj\n" + body + b"\nendobj\n%%EOF\n"
    message = refusal("minutes.pdf", data)
    assert what in message and "Print it to a new PDF" in message


def test_a_script_hidden_in_a_compressed_object_stream_is_found():
    hidden = zlib.compress(b"4 0 << /S /JavaScript /JS (app.launchURL('x')) >>")
    data = (
        b"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(hidden)).encode()
        + b" >>\nstream\n"
        + hidden
        + b"\nendstream\nendobj\n%%EOF\n"
    )
    assert "a script" in refusal("minutes.pdf", data)


def test_image_bytes_that_happen_to_spell_a_name_are_not_mistaken_for_a_script():
    data = b"%PDF-1.7\n1 0 obj\n<< /Length 20 >>\nstream\n\x00\x01/JS \x02/Launch \nendstream\nendobj\n%%EOF\n"
    assert check_evidence_file(SimpleUploadedFile("scan.pdf", data)) == "application/pdf"
