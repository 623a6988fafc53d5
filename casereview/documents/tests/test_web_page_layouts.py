"""Layouts of web pages and abstracts copied as text (set 8's kinds): dash lists under a heading with no
blank line, the next section's heading straight after a list, and others. Every text is written for the test
in the general form of its kind, not copied from a document."""

import textwrap

from casereview.documents.extraction import SourceText, extract_structure


def extract(text):
    return extract_structure(SourceText(textwrap.dedent(text)))


def texts(items):
    return [item.text for item in items]


def test_dash_lines_under_a_heading_with_no_blank_line_are_the_headings_list():
    record = extract("""
        Briefing 12: what the pilot reviews taught us
        Issued: March 2019
        Main findings
        - Reviewers who met the staff early heard more about why decisions were taken.
        - The family's account changed what the panel thought had gone wrong.
        - Short reports were read by more practitioners than long ones.
        Introduction
        The pilots ran in four areas over two years and each produced a report for its board.
        """)

    assert texts(record.learning_points) == [
        "Reviewers who met the staff early heard more about why decisions were taken.",
        "The family's account changed what the panel thought had gone wrong.",
        "Short reports were read by more practitioners than long ones.",
    ]


def test_a_heading_after_a_dash_list_starts_the_next_section_and_its_lead_in():
    record = extract("""
        What happened
        Across the families, the same events recurred:
        - Missed health appointments
        - Homes that professionals were not allowed to enter
        Strengths identified
        The review identified examples of good practice, including:
        - A school nurse who kept asking to see the younger children
        - Quick strategy meetings once the police were involved
        """)

    assert texts(record.learning_points) == [
        "A school nurse who kept asking to see the younger children",
        "Quick strategy meetings once the police were involved",
    ]


def test_a_dash_wrapped_from_a_sentence_is_still_punctuation():
    record = extract("""
        Key findings
        The health visitor did not know that the father had returned to the home
        - a fact the police held - and so did not ask to see him.
        """)

    assert all("a fact the police held" in item.text for item in record.learning_points)


def test_a_sentence_saying_the_following_points_were_highlighted_leads_in_to_the_bullets():
    record = extract("""
        After a recent review of a baby's injury the following learning points were highlighted.

          • Fathers should be invited to every antenatal appointment.
          • A bruise on a baby who cannot crawl always needs a referral.

        What is a rapid review?

        A rapid review is held within fifteen working days of a serious incident.
        """)

    assert texts(record.learning_points) == [
        "Fathers should be invited to every antenatal appointment.",
        "A bruise on a baby who cannot crawl always needs a referral.",
    ]


def test_what_a_review_found_is_learning_though_an_earlier_clause_counts_its_recommendations():
    record = extract("""
        In a 90-page report with 11 recommendations, the serious case review panel found that:

        * The school did not ask why the boy had stopped attending.

        * Health visitors were not told that the family had moved.
        """)

    assert texts(record.learning_points) == [
        "The school did not ask why the boy had stopped attending.",
        "Health visitors were not told that the family had moved.",
    ]
    assert record.recommendations == []


def test_groups_that_emerged_from_an_analysis_of_reviews_are_its_findings():
    record = extract("""
        From our analysis of the case reviews, three patterns of missed contact emerged:

          • appointments cancelled by the family and never rebooked
          • visits made when the children were at school
          • calls answered by a relative who said the parents were out
        """)

    assert len(record.learning_points) == 3


def test_a_heading_run_into_an_abstract_with_no_line_breaks_leads_in_to_its_inline_bullets():
    record = extract(
        "Journal of Child Protection 12 (2019) This article re-reads forty reviews of deaths of infants and asks"
        " why the same warning signs recur across agencies and years. © 2019 The Authors. ‘Warnings were there’"
        " KEY MESSAGES FOR PRACTICE: • A parent's account of an injury should be checked against the baby's"
        " development. • Reviews repeat themselves when no one owns the action plan\n"
    )

    assert texts(record.learning_points) == [
        "A parent's account of an injury should be checked against the baby's development.",
        "Reviews repeat themselves when no one owns the action plan",
    ]


def test_a_finding_labelled_after_its_paragraph_number_is_one_item_without_the_page_after_it():
    record = extract("""
        A campaign group has written to the council about the review.

        6.14 Finding 4: The decision to search the pupil was taken without an appropriate adult present, and the
        pupil's wellbeing was not considered at any point.

        We marched to the town hall on Saturday and will keep writing to councillors.
        """)

    assert texts(record.learning_points) == [
        "The decision to search the pupil was taken without an appropriate adult present, and the pupil's"
        " wellbeing was not considered at any point."
    ]


def test_labelled_recommendations_end_before_a_closing_lead_in_and_the_pages_footer():
    record = extract("""
        The review makes recommendations to government:

        Recommendation 1: A national standard for child protection conferences.

        Recommendation 2: Better use of shared records across agencies.


        To read the report in full, please visit:

        © Copyright 2022. All rights reserved.
        """)

    assert texts(record.recommendations) == [
        "A national standard for child protection conferences.",
        "Better use of shared records across agencies.",
    ]
