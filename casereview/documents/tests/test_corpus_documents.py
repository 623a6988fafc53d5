"""Real council papers from the shared corpus, as text and as report-like PDFs, against their gold files."""

from rapidfuzz import fuzz

from casereview.documents.extraction import extract_file, read_document

from .conftest import gold


def assert_same_items(found, expected):
    assert len(found) == len(expected)
    for item, text in zip(found, expected, strict=True):
        assert fuzz.token_set_ratio(item.text, text) >= 90, (item.text, text)


def test_child_r_response_gives_the_twelve_listed_learning_points_and_notes_the_prose_says_eighteen(corpus):
    name = "003_southwark_response_child_r"
    extraction = extract_file(str(corpus / "docs" / f"{name}.txt"))

    assert_same_items(extraction.learning_points, gold(corpus, name)["learning_points"])
    assert extraction.recommendations == []
    assert any("eighteen" in note and "12" in note for note in extraction.notes)


def test_each_item_span_points_at_its_text_in_the_exposed_text(corpus):
    path = corpus / "pdf" / "003_southwark_response_child_r.pdf"
    doc = read_document(str(path))
    extraction = extract_file(str(path))

    for item in extraction.learning_points:
        source = " ".join(doc.text[item.start : item.end].split())
        assert source == item.text
        assert doc.page_of(item.start) == item.page
    assert {item.page for item in extraction.learning_points} == {2, 3}


def test_pdf_learning_point_broken_by_a_page_break_is_whole_and_headers_are_gone(corpus):
    name = "000_southwark_hwb_child_r"
    extraction = extract_file(str(corpus / "pdf" / f"{name}.pdf"))
    expected = gold(corpus, name)

    assert_same_items(extraction.learning_points, expected["learning_points"])
    assert_same_items(extraction.recommendations, expected["recommendations"])
    seventh = extraction.learning_points[6].text
    assert seventh.endswith("‘hard to place’ adolescents.")
    assert "Page" not in seventh and "Classification" not in seventh


def test_text_and_pdf_renderings_give_the_same_record(corpus):
    for name in ("001_worcestershire_cpb_2020", "002_tower_hamlets_gp_2007", "004_southwark_sscb_annual_2018_19"):
        from_text = extract_file(str(corpus / "docs" / f"{name}.txt"))
        from_pdf = extract_file(str(corpus / "pdf" / f"{name}.pdf"))
        expected = gold(corpus, name)
        for extraction in (from_text, from_pdf):
            assert extraction.doc_type == expected["doc_type"]
            assert extraction.review_type == expected["review_type"]
            assert set(extraction.child_pseudonyms) == set(expected["child_pseudonyms"])
            assert_same_items(extraction.learning_points, expected["learning_points"])
            assert_same_items(extraction.recommendations, expected["recommendations"])


def test_json_record_has_the_gold_files_keys(corpus):
    extraction = extract_file(str(corpus / "docs" / "000_southwark_hwb_child_r.txt"))
    record = extraction.as_gold_dict()

    assert set(record) == set(gold(corpus, "000_southwark_hwb_child_r")) | {"reviews"}
    assert record["reviews"] == []  # one review's paper, not a page listing many
    assert set(record["learning_points"][0]) == {"text", "page", "start", "end", "confidence"}
    assert record["counts"] == {"learning_points": 12, "recommendations": 2}


def test_a_repository_listing_gives_one_entry_per_review_with_its_own_items(corpus):
    extraction = extract_file(str(corpus / "docs" / "001_nspcc_case_reviews_2013_list.txt"))
    entries = extraction.as_gold_dict()["reviews"]

    assert [(e["year"], e["area"], e["pseudonym"]) for e in entries] == [
        ("2013", "Derbyshire", "BDS12"),
        ("2013", "East Sussex", "Child G"),
    ]
    first = entries[0]
    assert first["summary"] == "Death of a 2-year-old boy in March 2013 from cardiac arrest."
    assert first["learning_points"] == [item.text for item in extraction.learning_points]
    assert len(first["recommendations"]) == 2 and entries[1]["learning_points"] == []
    assert set(extraction.child_pseudonyms) == {"BDS12", "Child G"}
    assert extraction.doc_type == "other" and extraction.review_type == "SCR"
