"""Layouts of web pages and abstracts copied as text (set 8's kinds): dash lists under a heading with no
blank line, the next section's heading straight after a list, and others. Every text is written for the test
in the general form of its kind, not copied from a document."""

from casereview.documents.extraction import extract_file
from casereview.testing import make_pdf

from .kinds import extract, texts


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


def test_lines_under_a_messages_heading_keep_their_semicolon_and_drop_a_pull_quote():
    # a page copied as lines, no blank line anywhere: an abstract's long lines, then the messages
    abstract = [
        "This article argues that local reviews repeat the same findings because their recommendations are written"
        " as training and procedure rather than as changes to the systems that practitioners work in.",
        "It draws on interviews with twenty lead reviewers and the chairs of eight partnerships, and on a reading of"
        " every local review that the partnerships published between 2012 and 2016, to show how the same findings"
        " came back year after year in the same areas.",
        "Copyright © 2017 The Publisher, Ltd. All rights reserved by the publisher and its licensors in all countries"
        " of the world, including the right to reproduce the abstract in any form or medium whatever.",
    ]
    messages = [
        "Reviews should look at the systems around practitioners as well as at what practitioners did.",
        "Training alone rarely changes what happens when a family first asks a service for help.",
        "Protecting children is relational work done by people who know each other; so is learning from it.",
    ]
    pull_quote = "‘Training alone rarely changes what happens when a family first asks a service for help’"
    text = "\n".join(["Do reviews change practice?", "Abstract", *abstract, "Key Practitioner Messages", *messages])
    record = extract(text + "\n" + pull_quote + "\n")

    assert texts(record.learning_points) == messages


def test_message_titles_over_explanation_bullets_are_the_items():
    record = extract("""
        The national analysis of case reviews was published today. Below are some of the key messages from it:

        Babies are seen too rarely by their own health visitor

          • Most of the infants in the reviews had seen three or more different health visitors.
          • “Continuity was the exception rather than the rule,” the authors write.

        Fathers are left out of assessments

          • Assessments recorded the mother's history but seldom the father's.

        Children's social care

        Background

        The analysis covers reviews completed between 2017 and 2019.
        """)

    assert texts(record.learning_points) == [
        "Babies are seen too rarely by their own health visitor",
        "Fathers are left out of assessments",
    ]


def test_sub_headings_naming_agencies_under_a_lead_in_are_not_titles():
    record = extract("""
        The review identified these key findings:

        Health visitors

          • The health visitor did not see the baby after the family moved.

        Police

          • Two call-outs to the home were not shared with the school.
        """)

    assert "Health visitors" not in texts(record.learning_points)
    assert "Police" not in texts(record.learning_points)


def test_a_lead_in_waiting_for_the_rest_of_its_sentence_before_a_heading_lost_its_list():
    record = extract("""
        The learning from these reviews shows that practitioners in every agency need to:

        Why the reviews were carried out

        This briefing draws on reviews published in 2016 and 2017.
        """)

    assert record.learning_points == []


def test_a_review_sentence_with_one_semicolon_and_no_colon_is_prose():
    record = extract("""
        The session will look at a recent local review. The review highlighted important learning about how
        schools share concerns about neglect; and the need for managers to check that referrals are followed up.
        """)

    assert record.learning_points == []


def test_a_search_results_cut_title_over_a_bulleted_snippet_is_not_a_lead_in():
    record = extract("""
        Home > Library > Lessons from reviews of infant deaths in ... · • Most recommendations concerned ...

        Page 1: Lessons from reviews of infant deaths in ... · • Most recommendations concerned training
        """)

    assert record.recommendations == []
    assert record.learning_points == []


def test_the_panel_that_undertook_a_national_review_is_the_partnership_of_a_page_about_it():
    record = extract("""
        Council executive, 12 June

        The national review of the deaths of two children in 2021 was published last week. The review was
        undertaken by the national independent Child Safeguarding Practice Review Panel, which looks at cases
        of national importance.
        """)

    assert record.partnership == "Child Safeguarding Practice Review Panel"


def test_research_the_panel_published_does_not_make_it_the_partnership():
    opening = "Practitioners have long asked how reviews could be made more useful to them. " * 10
    record = extract(
        opening + "\n\nA new report published by the Child Safeguarding Practice Review Panel explores how local"
        " reviews are carried out across England.\n"
    )

    assert record.partnership is None


def test_a_study_of_what_serious_case_reviews_recommended_is_thematic():
    record = extract("""
        Research report

        A study of recommendations arising from serious case reviews 2011-2012, by a university team.
        """)

    assert record.review_type == "thematic"


def test_a_thematic_safeguarding_review_is_thematic():
    record = extract("""
        Learning briefing

        This briefing summarises key learning from a thematic safeguarding review of neglect in four families.
        """)

    assert record.review_type == "thematic"


def test_a_child_named_with_and_without_the_hyphen_in_her_surname_is_one_child():
    record = extract("""
        NATIONAL REVIEW INTO THE MURDERS OF MIA DALE-HART AND LEO BROWN

        An item relating to the national review into the deaths of Leo Brown and Mia Dale Hart is to be considered.

        Following the deaths of Mia Dale-Hart in 2020 and Leo Brown in 2021, a review was held. Mia Dale-Hart was two.
        """)

    assert sorted(record.child_pseudonyms) == ["Leo Brown", "Mia Dale-Hart"]


def test_a_markdown_table_of_themes_from_reviews_gives_one_item_a_row():
    record = extract("""
        What case reviews tell hospital staff
        Serious case reviews keep finding the same gaps on children's wards. The table sets out the key themes.
        Theme | What it looks like | What helps |
        ---|---|---|
        Missed bruising | Marks on a baby not questioned; no body map | Body maps on admission |
        Lost history | Past referrals not seen by the ward | One shared record |
        Next steps
        """)

    assert texts(record.learning_points) == [
        "Missed bruising | Marks on a baby not questioned; no body map | Body maps on admission",
        "Lost history | Past referrals not seen by the ward | One shared record",
    ]


def test_a_markdown_table_of_opening_hours_gives_nothing():
    record = extract("""
        Visiting the library
        Day | Opens | Closes |
        ---|---|---|
        Monday | 9am | 5pm |
        """)

    assert record.learning_points == []
    assert record.recommendations == []


def test_a_dash_list_straight_under_a_heading_is_read_from_a_pdf_too(tmp_path):
    lines = [
        "Briefing 12: what the pilot reviews taught us",
        "",
        "Main findings",
        "- Reviewers who met the staff early heard more about why decisions were taken.",
        "- The family's account changed what the panel thought had gone wrong.",
        "- Short reports were read by more practitioners than long ones.",
    ]
    expected = [line[2:] for line in lines[3:]]

    assert texts(extract_file(str(make_pdf(tmp_path / "briefing.pdf", [lines]))).learning_points) == expected


def test_a_lead_in_followed_by_the_next_sections_heading_lost_its_list():
    record = extract("""
        Among the main findings of the pilot reviews are:

        Policy context

        The minister has asked for a review of child protection.
        Among the questions is whether reviews could be quicker.
        The answer is expected next year from the review team.
        """)

    assert record.learning_points == []


def test_a_page_about_publishing_reviews_or_a_new_system_for_them_is_about_no_one_review():
    publishing = extract("""
        Ministers change course on review summaries

        The government has changed its position on the publication of serious case reviews, agreeing that every
        summary should now include the action plan. A serious case review summary is often all the public sees.
        """)
    pilots = extract("""
        Reviews: piloting a new model

        A charity has developed a new systems approach for conducting case reviews. This film follows the first
        pilots in three areas and the serious case review teams who took part.
        """)

    assert publishing.review_type == "none"
    assert pilots.review_type == "none"


def test_an_event_on_a_national_review_into_a_kind_of_harm_is_about_a_cspr():
    record = extract("""
        Webinar series - session 2

        Overview

        Partners should audit how they respond to concerns about neglect.

        National review into neglect of children under five (2025)

        This session helps partners act on the recommendations of the national review.
        """)

    assert record.review_type == "CSPR"


def test_a_child_named_in_a_news_headline_and_said_to_have_died_is_the_reviews_child():
    record = extract("""
        Ellen Marsh: agencies missed the signs, review finds

        A review has found that agencies missed chances to protect a girl who was neglected at home.

        Ellen, aged five, died in hospital in 2009 after months without proper food.
        """)

    assert record.child_pseudonyms == ["Ellen Marsh"]


def test_a_person_named_in_a_headline_who_was_not_harmed_is_not_a_child():
    record = extract("""
        Jane Holt: why reviews must change

        Jane Holt, who chairs a safeguarding partnership, writes about how reviews are done.
        """)

    assert "Jane Holt" not in record.child_pseudonyms


def test_what_a_partnership_sees_in_its_reviews_and_such_cases_show_are_findings():
    record = extract("""
        In the local case reviews of the last three years, we often see babies whose fathers were never
        assessed. Such cases are more likely to show:

          • Parents who did not attend antenatal care
          • Bruising that was explained away by a relative

        Audits planned for next year are:

          • Attendance at child protection conferences
        """)

    assert texts(record.learning_points) == [
        "Parents who did not attend antenatal care",
        "Bruising that was explained away by a relative",
    ]


def test_a_learning_page_on_what_a_partnership_sees_across_its_reviews_is_thematic():
    record = extract("""
        Learning hub

        In the serious case reviews of recent years, we often see families where neglect lasted for years.

        Our audits look at whether practice has improved.
        """)

    assert record.review_type == "thematic"


def test_a_news_item_about_what_executive_summaries_must_contain_is_not_one():
    news = extract("""
        Ministers agree review action plans should be public

        The government now says that the action plan should be included in every executive summary of a review.
        """)
    summary = extract("""
        Serious Case Review: Child T

        Executive Summary

        1.1 This summary sets out what the review found.
        """)

    assert news.doc_type == "other"
    assert summary.doc_type == "executive_summary"
