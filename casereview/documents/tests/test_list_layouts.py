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
