"""List layouts and lead-ins the extractor missed on set 7 (issue 15): bullet glyphs on lines of their own, a
heading that names themes between a lead-in and its list, what a report is said to highlight, and a lead-in
that points back to a sentence about services. Every text is written for the test in the general form of
its kind."""

from casereview.documents.extraction.markers import join_lone_bullets

from .kinds import extract, texts


def test_bullet_glyphs_on_lines_of_their_own_mark_the_lines_after_them():
    record = extract("""
        Working together on neglect
        The points below were drawn from four local reviews of neglect and the briefings written on them.
        Common themes
        -
        Drift: plans were repeated without anyone checking whether the child's life had changed.
        -
        Voice of the child: the child was rarely seen alone, so her view was not known.
        -
        Escalation: staff who disagreed with a decision did not know whom to tell.
        -
        What the partnership will do
        The partnership will audit plans for neglect in the spring.
        """)

    assert texts(record.learning_points) == [
        "Drift: plans were repeated without anyone checking whether the child's life had changed.",
        "Voice of the child: the child was rarely seen alone, so her view was not known.",
        "Escalation: staff who disagreed with a decision did not know whom to tell.",
    ]


def test_joining_a_lone_glyph_keeps_the_texts_length_and_leaves_a_single_dash_alone():
    text = "Notes\n-\nFirst point made here.\n-\nSecond point made here.\n"
    joined = join_lone_bullets(text)
    assert len(joined) == len(text)
    assert joined == "Notes\n- First point made here.\n- Second point made here.\n"
    # one glyph on a line by itself (a separator) is not a list
    assert join_lone_bullets("Title\n-\nA paragraph of text.\n") == "Title\n-\nA paragraph of text.\n"


def test_a_theme_heading_after_a_paragraph_that_leads_in_to_findings_is_a_learning_section():
    record = extract("""
        The following findings have been drawn from the partnership's recent briefings.

        Key themes

        - Records were not shared when families moved between areas.
        - Fathers were not asked about their own needs.
        """)

    assert texts(record.learning_points) == [
        "Records were not shared when families moved between areas.",
        "Fathers were not asked about their own needs.",
    ]
    # a theme heading after a paragraph about something else is not learning
    record = extract("""
        The conference takes place in the town hall on 3 May.

        Key themes

        - Housing and health.
        - Schools and early years.
        """)
    assert record.learning_points == []


def test_what_a_report_highlights_and_challenges_said_to_be_its_recommendations():
    record = extract("""
        The report of the national review of services was published in 2010.

        The following areas are highlighted in the report as needing attention:

          • planning of services across the region
          • the time families wait for an assessment

        The recommendations of the review cover statutory and voluntary services and are set out as a number
        of challenges. These challenges include:

          • to put children at the centre of planning
          • to keep experienced staff
        """)

    assert texts(record.learning_points) == [
        "planning of services across the region",
        "the time families wait for an assessment",
    ]
    assert texts(record.recommendations) == ["to put children at the centre of planning", "to keep experienced staff"]


def test_statutory_rules_and_bodies_still_do_not_lead_in_to_learning():
    record = extract("""
        The review's findings were shared with the three statutory partners:

          • the local authority
          • the integrated care board
          • the police
        """)

    assert record.learning_points == []


def test_clauses_after_a_lead_in_on_lines_of_their_own_are_items_though_they_end_on_commas():
    # a page copied as lines: no blank line, no bullets, each clause on its own line
    record = extract("""
        The national Panel has published a review of cases where toddlers were harmed at home.
        Findings include:
        professionals rarely asked who else lived in the household,
        health and housing records were not brought together before decisions,
        many services offered to parents were only open during working hours.
        Recommendations include:
        the government should pay for pilots of evening services for parents
        every area should check that its records follow a family when it moves.
        Read the full report: Safeguarding toddlers at home
        """)

    assert texts(record.learning_points) == [
        "professionals rarely asked who else lived in the household,",
        "health and housing records were not brought together before decisions,",
        "many services offered to parents were only open during working hours.",
    ]
    assert texts(record.recommendations) == [
        "the government should pay for pilots of evening services for parents",
        "every area should check that its records follow a family when it moves.",
    ]


def test_a_clause_wrapped_over_a_comma_still_runs_on_when_its_next_line_is_short():
    record = extract("""
        Key findings:
        in too many cases the school, the nursery and the GP each held a part of the picture,
        and nobody
        brought it together before the child was harmed.
        the plan for the family was not reviewed when the father returned to the home.
        staff did not always know how to raise a concern about a decision made by another agency.
        """)

    assert texts(record.learning_points)[0] == (
        "in too many cases the school, the nursery and the GP each held a part of the picture, and nobody"
    )


def test_labelled_paragraphs_under_a_lead_in_in_a_page_copied_as_lines_are_one_item_each():
    record = extract("""
        Baby safety week – 1 to 5 July
        Some key learning which local and national reviews have highlighted includes the following:
        Asking about stress at home:
        Asking parents what worries them, and offering help early, lets professionals see risks to the baby.
        Thinking about the whole family:
        Talking to everyone who lives in the home gives a truer picture of the strengths and the risks.
        """)

    assert texts(record.learning_points) == [
        "Asking about stress at home: Asking parents what worries them, and offering help early, lets "
        "professionals see risks to the baby.",
        "Thinking about the whole family: Talking to everyone who lives in the home gives a truer picture of the "
        "strengths and the risks.",
    ]


def test_what_a_future_review_will_cover_is_its_scope_not_its_findings():
    record = extract("""
        The Panel will hold a national review after the death of a baby.
        The findings of the review will cover areas which may include but are not limited to:
        - Working with parents who conceal a pregnancy
        - Working across different areas
        """)

    assert record.learning_points == []


def test_findings_summarised_under_areas_are_the_headings_of_the_findings():
    record = extract("""
        The report was published last month.
        Its key findings are summarised under the following areas:
        - Hearing what children say
        - Understanding the needs of parents
        """)

    assert record.learning_points == []


def test_a_capitalised_lead_in_after_an_unfinished_bullet_starts_a_paragraph_of_its_own():
    record = extract("""
        The review found:
        - Records were not shared between the two hospitals
        - Nobody asked the father about his own history
        In a statement on the day of publication, the chair of the partnership said:
        "We accept every one of the findings and have already begun work on them."
        """)

    assert texts(record.learning_points) == [
        "Records were not shared between the two hospitals",
        "Nobody asked the father about his own history",
    ]


def test_paragraphs_numbered_from_one_under_a_recommendations_heading_are_its_recommendations():
    record = extract("""
        Eight recommendations

        The study recommended changes to how reviews are shared.

        1: To publish every review's summary in one national place.

        2: To write summaries in plain language that practitioners can use.

        3: Train managers to use the summaries in supervision.

        Poor language and a fear of blame are holding back learning, the study found.
        """)

    assert texts(record.recommendations) == [
        "To publish every review's summary in one national place.",
        "To write summaries in plain language that practitioners can use.",
        "Train managers to use the summaries in supervision.",
    ]


def test_a_page_titled_as_a_learning_report_describes_the_report_not_its_learning():
    record = extract("""
        Learning from Reviews Report

        The safeguarding team regularly contributes to child and adult practice reviews across the region.

        The team has written a report to highlight themes from reviews published in the year to March 2019.
        """)

    assert record.learning_points == []
    # a learning heading over paragraphs of findings still gives them
    record = extract("""
        Lessons learned

        Practitioners did not always see the baby when they visited the home during the day.

        The plan for the family was not changed when the father came back to live at the address.
        """)
    assert len(record.learning_points) == 2


def test_a_stray_bullet_on_the_next_sections_heading_is_a_heading_and_its_section_is_read():
    record = extract("""
        Key findings

        - Drift: plans were repeated without anyone checking whether anything had changed.

        - Escalation: staff who disagreed with a decision did not know whom to tell.

        - Learning from NSCP Reviews

        The partnership has published three reviews this year and a briefing on each.

        1. Seeing the baby
        """)

    assert texts(record.learning_points) == [
        "Drift: plans were repeated without anyone checking whether anything had changed.",
        "Escalation: staff who disagreed with a decision did not know whom to tell.",
        "Seeing the baby",
    ]
