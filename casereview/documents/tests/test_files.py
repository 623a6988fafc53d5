"""PDFs and Word files made in the test: what PDF extraction breaks is repaired, Word numbering survives."""

from casereview.documents.extraction import extract_file, read_document
from casereview.documents.extraction.pdf_repair import repair_pages
from casereview.testing import make_pdf, make_two_column_pdf


def test_generated_pdf_list_across_a_page_break_with_running_header_and_page_numbers(tmp_path):
    pdf = make_pdf(
        tmp_path / "review.pdf",
        [
            [
                "Serious Case Review: Child K",
                "",
                "The review identified the following learning points:",
                "",
                "1. Professionals working with the family did not share what they knew",
                "about the father's history of violence.",
                "",
                "2. Supervision of the social worker was infrequent and did",
            ],
            [
                "not test the plan.",
                "",
                "3. The health visitor's concerns were not escalated.",
                "",
                "Recommendations",
                "",
                "1. The partnership should review its escalation policy.",
            ],
        ],
        header="Northshire Safeguarding Children Partnership - Child K",
    )

    extraction = extract_file(str(pdf))

    assert [item.text for item in extraction.learning_points] == [
        "Professionals working with the family did not share what they knew about the father's history of violence.",
        "Supervision of the social worker was infrequent and did not test the plan.",
        "The health visitor's concerns were not escalated.",
    ]
    assert [item.page for item in extraction.learning_points] == [1, 1, 2]
    assert [item.text for item in extraction.recommendations] == [
        "The partnership should review its escalation policy."
    ]
    assert "Page 1 of 2" not in read_document(str(pdf)).text
    assert extraction.child_pseudonyms == ["Child K"]


def test_repair_removes_running_lines_and_page_numbers_and_rejoins_words_and_sentences():
    pages = [
        "Annual Report 2019\n\nThe partnership identiﬁed that the assess\u2010\nment of risk was weak and that\n"
        "practitioners needed more\nsupport.\n\n3",
        "Annual Report 2019\n\nThe work on looked-\nafter children and the well-\nbeing board continued.\n\n4",
    ]
    text = "\n\n".join(repair_pages(pages))

    assert "Annual Report" not in text
    assert "identified that the assessment of risk was weak and that practitioners needed more support." in text
    assert "looked-after children" in text
    assert "\n3" not in text and "\n4" not in text


def test_a_plain_hyphen_at_a_line_end_goes_when_the_document_spells_the_word_unbroken():
    pages = ["The case was co-\nordinated by the panel, which coordinated well.", "Another page."]
    assert "was coordinated by" in repair_pages(pages)[0]


def test_word_document_numbered_and_bulleted_lists_and_tables(tmp_path):
    from docx import Document

    document = Document()
    document.add_heading("Executive summary: Baby L", 1)
    document.add_paragraph("The key learning from this review is:")
    document.add_paragraph("Unseen men in the household must be asked about.", style="List Number")
    document.add_paragraph("Pre-birth assessments must include the father.", style="List Number")
    document.add_heading("Recommendations", 1)
    document.add_paragraph("The partnership should publish a practice guide.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Agency", "Police"
    document.save(tmp_path / "summary.docx")

    doc = read_document(str(tmp_path / "summary.docx"))
    extraction = extract_file(str(tmp_path / "summary.docx"))

    assert "1. Unseen men" in doc.text and "2. Pre-birth" in doc.text and "Agency\tPolice" in doc.text
    assert [item.text for item in extraction.learning_points] == [
        "Unseen men in the household must be asked about.",
        "Pre-birth assessments must include the father.",
    ]
    assert [item.text for item in extraction.recommendations] == ["The partnership should publish a practice guide."]
    assert extraction.doc_type == "executive_summary"


def test_two_column_brief_is_read_column_by_column_and_its_footer_is_no_item(tmp_path):
    left = [
        "Key learning",
        "",
        "• Practitioners should ask who lives in the",
        "household at every contact.",
        "",
        "• Safer sleep advice needs repeating when",
        "a family's circumstances change.",
        "",
        "• Escalate when a plan is not working.",
    ]
    right = [
        "About the review",
        "",
        "The review was commissioned in 2021 after the",
        "death of a baby. The family had moved twice and",
        "were known to several agencies in other areas.",
        "",
        "Recommendations",
        "",
        "1. The partnership should audit the use of the",
        "safer sleep assessment tool.",
    ]
    pages = [("Learning brief: Baby T", left, right), ("Learning brief: Baby T (continued)", right, left)]
    pdf = make_two_column_pdf(tmp_path / "brief.pdf", pages)

    extraction = extract_file(str(pdf))
    text = read_document(str(pdf)).text

    learning = [item.text for item in extraction.learning_points]
    assert learning[:3] == [
        "Practitioners should ask who lives in the household at every contact.",
        "Safer sleep advice needs repeating when a family's circumstances change.",
        "Escalate when a plan is not working.",
    ]
    assert [item.text for item in extraction.recommendations][0] == (
        "The partnership should audit the use of the safer sleep assessment tool."
    )
    assert "the death of a baby" in " ".join(text.split())
    assert not any("Northshire" in item.text for item in extraction.learning_points + extraction.recommendations)
