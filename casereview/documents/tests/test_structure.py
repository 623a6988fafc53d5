"""Lists as reviews write them: numbering styles, wrapped items, interruptions, prose counts."""

import textwrap

from casereview.documents.extraction import SourceText, extract_structure


def extract(text):
    return extract_structure(SourceText(textwrap.dedent(text)))


def texts(items):
    return [item.text for item in items]


def test_learning_point_keyword_numbering_with_items_wrapped_over_lines():
    record = extract("""
        Findings

        Learning point 1: Practitioners did not ask who else lived in the household, so the
        risk posed by the mother's new partner was never assessed.

        Learning point 2: Health visitors and the nursery held pieces of information that
        nobody put together.
        """)

    assert texts(record.learning_points) == [
        "Practitioners did not ask who else lived in the household, so the risk posed by the mother's new "
        "partner was never assessed.",
        "Health visitors and the nursery held pieces of information that nobody put together.",
    ]


def test_finding_and_recommendation_keywords_each_make_their_own_list():
    record = extract("""
        Finding 1 Agencies worked in isolation.
        Finding 2 The voice of the child was not heard.

        Recommendation 1 The partnership should publish a multi-agency escalation policy.
        Recommendation 2 Schools should record every missing episode.
        """)

    assert texts(record.learning_points) == ["Agencies worked in isolation.", "The voice of the child was not heard."]
    assert len(record.recommendations) == 2
    assert record.recommendations[1].text == "Schools should record every missing episode."


def test_lettered_recommendations_after_a_lead_in_and_bracketed_numbers():
    record = extract("""
        The panel makes the following recommendations:
        (a) The board should seek assurance on supervision.
        (b) Children's social care should audit case transfer.

        Lessons learned:
        1) Plans must name who does what.
        2) Escalation works only if it is used.
        """)

    assert texts(record.recommendations) == [
        "The board should seek assurance on supervision.",
        "Children's social care should audit case transfer.",
    ]
    assert texts(record.learning_points) == ["Plans must name who does what.", "Escalation works only if it is used."]


def test_list_interrupted_by_a_page_break_mid_sentence_and_blank_lines_keeps_going():
    doc = SourceText.from_pages(
        [
            "The key learning is set out below:\n\n1. Assessment must draw on the family's history.\n\n"
            "2. When a child moves school the records must follow the",
            "child within five days.\n\n\n3. Managers should check that plans are reviewed.\n\nOther business",
        ]
    )
    record = extract_structure(doc)

    assert texts(record.learning_points) == [
        "Assessment must draw on the family's history.",
        "When a child moves school the records must follow the child within five days.",
        "Managers should check that plans are reviewed.",
    ]
    assert [item.page for item in record.learning_points] == [1, 1, 2]


def test_a_list_that_is_not_introduced_as_learning_or_recommendations_is_left_out():
    record = extract("""
        The criteria for a local review are whether the case:
        - highlights improvements needed to safeguard children;
        - highlights recurrent themes.

        Key themes identified were:
        - Training
        - Resourcing
        """)

    assert record.learning_points == [] and record.recommendations == []
    assert any("No list of learning points" in note for note in record.notes)


def test_a_count_in_prose_that_matches_the_list_raises_no_note_and_one_that_differs_does():
    matching = extract("""
        The review made 2 recommendations:
        1. Audit supervision.
        2. Publish the report.
        """)
    differing = extract("""
        The review made three recommendations:
        1. Audit supervision.
        2. Publish the report.
        """)

    assert matching.notes == []
    assert len(differing.notes) == 1 and '"three recommendations" (3)' in differing.notes[0]


def test_sub_items_under_a_recommendation_ending_in_a_colon_stand_for_it():
    record = extract("""
        RECOMMENDATIONS

        1. The committee is asked to:
           a) note the report;
           b) agree the action plan.

        BACKGROUND

        2. The review began in 2019.
        """)

    assert texts(record.recommendations) == ["note the report;", "agree the action plan."]


def test_document_level_fields():
    record = extract("""
        Overview report
        Serious Case Review: Child T
        Northshire Safeguarding Children Partnership

        The review was commissioned in March 2019 and published in June 2020.
        Child T was known to the police and to health visitors. The Northshire Safeguarding Children
        Partnership thanks the family.
        """)

    assert record.doc_type == "overview_report"
    assert record.review_type == "SCR"
    assert record.child_pseudonyms == ["Child T"]
    assert record.partnership == "Northshire Safeguarding Children Partnership"
    assert record.dates["review_start"] == "March 2019" and record.dates["published"] == "June 2020"
    assert {"police", "health"} <= set(record.agencies_involved)


def test_a_finding_written_as_a_title_and_paragraphs_is_taken_whole():
    record = extract("""
        Findings

        Finding 1: Nobody held the whole picture

        Each agency saw part of the family's life. The school knew of the absences, the GP of the injuries.

        Nobody brought them together until it was too late.

        Finding 2: Fathers were invisible

        The father was not seen by any professional during the year before the incident.

        Recommendations

        1. The partnership should publish guidance on engaging fathers.
        """)

    assert texts(record.learning_points) == [
        "Nobody held the whole picture Each agency saw part of the family's life. The school knew of the absences, "
        "the GP of the injuries. Nobody brought them together until it was too late.",
        "Fathers were invisible The father was not seen by any professional during the year before the incident.",
    ]
    assert texts(record.recommendations) == ["The partnership should publish guidance on engaging fathers."]


def test_lessons_numbered_in_prose_and_unbulleted_lines_under_a_findings_heading():
    record = extract("""
        The review identified three lessons. Firstly, plans must be tested against what happens. Secondly,
        fathers must be seen. Finally, escalation must be used when a plan drifts.

        Key findings

        Professionals relied on what the mother told them
        Health and education did not share their concerns
        The plan was not reviewed when the family moved,
        which left the child without a lead professional
        """)

    assert texts(record.learning_points) == [
        "plans must be tested against what happens.",
        "fathers must be seen.",
        "escalation must be used when a plan drifts.",
        "Professionals relied on what the mother told them",
        "Health and education did not share their concerns",
        "The plan was not reviewed when the family moved, which left the child without a lead professional",
    ]
