"""Every unreadable file gets a message saying what is wrong and what to do, and nothing crashes."""

import sys
import time
import zipfile

import pytest

from casereview.documents.extraction import ExtractionError, Limits, SourceText, extract_file, extract_structure
from casereview.documents.extraction.limits import LimitExceeded, run_limited
from casereview.testing import make_image_only_pdf, make_pdf

MB = 1024 * 1024


def problem_with(path, **limits):
    with pytest.raises(ExtractionError) as caught:
        extract_file(str(path), Limits(**limits) if limits else Limits())
    return caught.value


def small_pdf(tmp_path, name="paper.pdf"):
    return make_pdf(tmp_path / name, [["Recommendations", "", "1. The board is asked to note the report."]])


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(small_pdf(tmp_path)))
    writer.encrypt(user_password="secret", owner_password="owner")
    writer.write(tmp_path / "locked.pdf")

    error = problem_with(tmp_path / "locked.pdf")
    assert "password" in error.problem
    assert "unprotected copy" in error.remedy


def test_corrupt_pdf(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage\xff" * 500)

    error = problem_with(tmp_path / "broken.pdf")
    assert "damaged" in error.problem
    assert "new PDF" in error.remedy


def test_truncated_pdf_is_damaged_not_silently_empty(tmp_path):
    data = small_pdf(tmp_path).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 3])

    error = problem_with(tmp_path / "cut.pdf")
    assert "damaged" in error.problem or "no text layer" in error.problem


def test_zip_bomb_named_docx(tmp_path):
    bomb = tmp_path / "report.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * MB))

    error = problem_with(bomb)
    assert "zip bomb" in error.problem
    assert "PDF" in error.remedy


def test_executable_renamed_pdf(tmp_path):
    program = tmp_path / "minutes.pdf"
    program.write_bytes(b"MZ\x90\x00\x03" + b"\x00" * 200 + b"This program cannot be run in DOS mode")

    error = problem_with(program)
    assert error.problem == "The file is a Windows program, not a document although its name ends in .pdf."
    assert "Do not open it" in error.remedy


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")

    error = problem_with(tmp_path / "empty.txt")
    assert "empty" in error.problem and "upload" in error.remedy


def test_200_mb_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as handle:
        handle.truncate(200 * MB)  # sparse: no disk used, and the size check must not read it

    error = problem_with(huge)
    assert error.problem == "The file is 200 MB; the limit is 50 MB."
    assert "smaller copy" in error.remedy


def test_scanned_pdf_without_a_text_layer(tmp_path):
    error = problem_with(make_image_only_pdf(tmp_path / "scan.pdf"))
    assert "no text layer" in error.problem and "OCR" in error.remedy


def test_pdf_with_more_pages_than_the_limit(tmp_path):
    pdf = make_pdf(tmp_path / "long.pdf", [["A page of the annual report with enough words to count."]] * 3)

    error = problem_with(pdf, max_pages=2)
    assert "more than 2 pages" in error.problem and "Split" in error.remedy


def test_zip_that_is_not_a_word_document(tmp_path):
    archive_path = tmp_path / "reports.docx"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("a.txt", "hello")

    error = problem_with(archive_path)
    assert "not a Word document" in error.problem


def test_binary_file_that_is_no_document(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 40)

    error = problem_with(tmp_path / "photo.txt")
    assert "not a PDF, Word (.docx) or text document" in error.problem


def test_document_with_no_list_gets_a_note_not_an_error(tmp_path):
    (tmp_path / "letter.txt").write_text("Dear colleagues,\n\nThank you for attending the learning event.\n")

    extraction = extract_file(str(tmp_path / "letter.txt"))
    assert extraction.learning_points == [] and extraction.recommendations == []
    assert any("enter them by hand" in note for note in extraction.notes)


def test_a_parser_that_hangs_is_stopped_by_the_time_limit():
    with pytest.raises(LimitExceeded, match="longer than 1 s"):
        run_limited([sys.executable, "-c", "import time; time.sleep(30)"], Limits(seconds=1))


def test_a_parser_that_eats_memory_is_stopped_by_the_memory_limit():
    hog = [sys.executable, "-c", "x = bytearray(1024 * 1024 * 1024)"]
    completed = run_limited(hog, Limits(memory_bytes=256 * MB))
    assert completed.returncode != 0 and b"MemoryError" in completed.stderr


def test_pdfs_are_read_without_poppler(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdftotext (nor anything else) to be found

    extraction = extract_file(str(small_pdf(tmp_path)))
    assert [item.text for item in extraction.recommendations] == ["The board is asked to note the report."]


ENTRY = (
    "December 2013 - Derbyshire - Child {code}\nDeath of a 2-year-old boy in March 2013.\n"
    "Learning: overreliance on specialist services; and lack of recognition of thresholds.\n"
    "Recommendations include: exploring drug testing; and prescribing services consider parenting capacity.\n\n"
)


def structure(text):
    return extract_structure(SourceText(text))


def test_a_listing_of_sixty_reviews_gives_sixty_entries_each_with_its_own_items():
    codes = [a + b for a in "ABC" for b in "ABCDEFGHIJKLMNOPQRST"]
    extraction = structure("Case reviews published in 2013\n\n" + "".join(ENTRY.format(code=c) for c in codes))

    assert len(extraction.reviews) == 60
    assert all(len(e.learning_points) == 2 and len(e.recommendations) == 2 for e in extraction.reviews)
    assert len(extraction.learning_points) == 120


def test_two_megabytes_on_one_line_and_text_without_punctuation_give_a_result(tmp_path):
    (tmp_path / "line.txt").write_text(("Learning: " + "word " * 20 + "; ") * 16_000)
    extraction = extract_file(str(tmp_path / "line.txt"))
    assert len(extraction.learning_points) == 16_000

    words = "learning review child the findings recommendations agency".split()
    extraction = structure(" ".join(words[n * 7 % 6] for n in range(100_000)))
    assert extraction.learning_points == [] and extraction.recommendations == []


def test_five_hundred_items_a_lead_in_at_the_very_end_and_a_page_of_colons():
    extraction = structure("Key learning\n\n" + "\n".join(f"{n}. Share information, item {n}." for n in range(1, 501)))
    assert len(extraction.learning_points) == 500

    assert structure("Summary.\n\nThe review identified the following learning points:").learning_points == []
    assert structure("Learning:").learning_points == []
    assert structure(":" * 100_000 + ";" * 100_000).learning_points == []


def test_private_use_bullets_and_right_to_left_text_are_items_like_any_other():
    bullets = structure(
        "Key learning:\n\n\uf0b7 Supervision was rare.\n\uf0b7 Plans were not tested.\n\nFindings \uf0a7 a \uf0a7 b"
    )
    assert [i.text for i in bullets.learning_points] == ["Supervision was rare.", "Plans were not tested.", "a", "b"]

    arabic = "\u0627\u0644\u062a\u0639\u0644\u0645 \u0645\u0646 \u0627\u0644\u0645\u0631\u0627\u062c\u0639\u0629"
    rtl = structure(f"Key learning:\n\n\u2022 {arabic}\n\u2022 \u202e{arabic}\u202c\n")
    assert [i.text for i in rtl.learning_points] == [arabic, f"\u202e{arabic}\u202c"]


def test_the_newer_rules_give_a_result_on_a_two_megabyte_line_of_names_clauses_and_dashes():
    chunk = "Amber, Poppy and Reuben - a clause, then key issues including: one; two – three (four) Case  TR2  "
    extraction = structure(chunk * (2 * MB // len(chunk)))
    assert extraction.learning_points  # each "including:" introduces its parts; nothing hangs or crashes


def test_five_hundred_plain_lines_of_themes_a_table_of_sixty_reviews_and_right_to_left_lines():
    themes = "\n".join(f"Theme number {n} about practice" for n in range(1, 501))
    extraction = structure(f"The reviews we received this year.\n\nKey themes\n{themes}\n")
    assert len(extraction.learning_points) == 500

    rows = "\n".join(f"Child {a}{b}  Published 2017" for a in "ABC" for b in "ABCDEFGHIJKLMNOPQRST")
    table = structure(f"Serious case reviews\n\nCase  Published\n{rows}\n")
    assert len(table.child_pseudonyms) == 60 and table.doc_type == "other"

    arabic = "\u0627\u0644\u062a\u0639\u0644\u0645 \u0645\u0646 \u0627\u0644\u0645\u0631\u0627\u062c\u0639\u0629"
    rtl = structure(f"Key learning:\n\n\uf0b7 {arabic}\n- \u202e{arabic}\u202c\n\uf0b7 {arabic}\n")
    assert [i.text for i in rtl.learning_points] == [f"{arabic} - \u202e{arabic}\u202c", arabic]


def test_two_megabytes_of_what_the_review_found_on_one_line_take_linear_time():
    # Each sentence is a lead-in with its own ';' list; finding where each list ends used to search the rest
    # of the line again, so a quarter of this took over ten minutes.
    # (three parts: "found that a; b" with no colon is one sentence with a semicolon, not a list)
    sentence = "The review found that the plan was late; the school was not told; the GP was not asked. "
    started = time.process_time()
    extraction = structure(sentence * (2 * MB // len(sentence)))
    assert len(extraction.learning_points) == 3 * (2 * MB // len(sentence))
    assert time.process_time() - started < 60  # the child process's CPU limit (Limits.seconds)


def test_a_paragraph_of_many_lead_ins_each_ending_its_line_takes_linear_time():
    # Each "Key findings:" ends its line with lines after it in the same paragraph (text with no blank lines);
    # reading the whole paragraph before each of them again was quadratic.
    chunk = "The review found these lessons. Key findings:\n" + "agencies did not share information\n" * 3
    started = time.process_time()
    extraction = structure(chunk * (MB // len(chunk)))
    assert len(extraction.learning_points) == 3 * (MB // len(chunk))
    assert time.process_time() - started < 60  # the child process's CPU limit (Limits.seconds)


def test_a_megabyte_of_lead_ins_each_before_an_unpunctuated_run_on_takes_linear_time():
    # Each lead-in ends its line and the clauses after it have no punctuation, so each is cut at its subjects
    # (runon.py): every modal verb looks back a few words only.
    chunk = (
        "The key recommendations are:\nthe council should audit plans each school should name a lead the police"
        " should share reports with health visitors every week and the agency should report to the board on"
        " what it has done with each of them in full every year\n\n"
    )
    started = time.process_time()
    extraction = structure(chunk * (MB // len(chunk)))
    assert len(extraction.recommendations) == 3 * (MB // len(chunk))
    assert time.process_time() - started < 60  # the child process's CPU limit (Limits.seconds)
