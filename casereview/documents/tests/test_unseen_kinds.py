"""Kinds of document the extractor had not been developed on: learning briefs' good-practice and practice
sections, national summaries with a lead-in mid-sentence or learning as plain lines, dash sub-bullets, and
the kind of review where a document does not say it. Every text is written for the test in the general
form of its kind."""

from casereview.documents.extraction import extract_file
from casereview.testing import make_pdf

from .kinds import extract, review_type, texts


def test_a_learning_briefs_good_practice_and_messages_for_practitioners_are_its_learning():
    record = extract("""
        Learning Briefing: Infant Q

        Background
        Infant Q was admitted to hospital with a head injury at eight weeks old.

        Good Practice
        • The midwife saw the family at every antenatal appointment.
        • The nursery told children's social care on the day it saw a bruise.

        Messages for Practitioners
        • Ask who else looks after the baby, and write it down.
        • A bruise on a baby who is not yet mobile needs a referral.
        """)

    assert texts(record.learning_points) == [
        "The midwife saw the family at every antenatal appointment.",
        "The nursery told children's social care on the day it saw a bruise.",
        "Ask who else looks after the baby, and write it down.",
        "A bruise on a baby who is not yet mobile needs a referral.",
    ]
    assert record.recommendations == []


def test_what_this_means_for_practice_and_examples_of_good_practice_are_learning_sections():
    record = extract("""
        Examples of good practice

        - Health visitors used an interpreter at every visit.

        What this means for practice

        - Check that a parent has understood advice given in a second language.
        """)

    assert texts(record.learning_points) == [
        "Health visitors used an interpreter at every visit.",
        "Check that a parent has understood advice given in a second language.",
    ]


def test_a_briefs_sections_on_strengths_and_on_what_must_change_are_learning_but_its_questions_are_not():
    record = extract("""
        Strengths

        • The school nurse saw the child every week.

        What needs to change?

        • Fathers must be invited to every meeting.

        Questions to consider

        • Would you know who lives in the home?
        """)

    assert texts(record.learning_points) == [
        "The school nurse saw the child every week.",
        "Fathers must be invited to every meeting.",
    ]


def test_a_bullet_straight_under_a_heading_is_an_item_not_the_headings_last_word():
    record = extract("""
        Key learning
        • Supervision was rare.
        • Plans were not tested against what happened.
        """)

    assert texts(record.learning_points) == ["Supervision was rare.", "Plans were not tested against what happened."]


def test_a_lead_in_in_the_last_clause_of_a_long_sentence_introduces_its_list():
    record = extract("""
        The national report looked at every review notified in the year, highlighting common practice issues
        including: weak sharing of information between agencies; little attention to men in the household;
        and assessments that were not updated.
        """)

    assert texts(record.learning_points) == [
        "weak sharing of information between agencies",
        "little attention to men in the household",
        "and assessments that were not updated.",
    ]


def test_a_long_sentence_about_a_boards_priorities_introduces_no_learning_whatever_its_last_clause():
    record = extract("""
        The board agreed its priorities for the coming year at its annual development day, covering key issues
        including: neglect; exploitation; and early help.
        """)

    assert record.learning_points == []


def test_dash_sub_bullets_belong_to_the_item_above_them():
    record = extract("""
        Key learning themes:
        • Neglect
        - cumulative harm was not recognised
        – chronologies were not kept
        • Working with fathers
        - the father was not invited to meetings
        """)

    assert texts(record.learning_points) == [
        "Neglect - cumulative harm was not recognised – chronologies were not kept",
        "Working with fathers - the father was not invited to meetings",
    ]


def test_dash_sub_bullets_under_an_item_that_introduces_them_are_the_items(tmp_path):
    lines = [
        "Findings",
        "",
        "1. The review found three gaps in practice:",
        "- no chronology was kept",
        "- the school was not invited",
        "2. Escalation was not used.",
    ]
    expected = ["no chronology was kept", "the school was not invited", "Escalation was not used."]

    assert texts(extract("\n".join(lines)).learning_points) == expected
    assert texts(extract_file(str(make_pdf(tmp_path / "brief.pdf", [lines]))).learning_points) == expected


def test_a_national_summarys_themes_as_plain_lines_each_line_with_its_wrap_one_item():
    record = extract("""
        The national panel has published its annual report, drawing on the local reviews it received.

        Key themes

        Sharing information between agencies
        The response to domestic abuse and its effect on the children
        Knowing what daily life was like for the child and the risks posed by
        adults in the household
        Working with fathers and male carers
        """)

    assert texts(record.learning_points) == [
        "Sharing information between agencies",
        "The response to domestic abuse and its effect on the children",
        "Knowing what daily life was like for the child and the risks posed by adults in the household",
        "Working with fathers and male carers",
    ]


def test_themes_as_lines_each_its_own_paragraph_stop_at_the_pages_links():
    record = extract("""
        This page summarises the themes found across the serious case reviews published last year.

        Key themes

        Neglect of older children

        Children missing from education

        Transfer of records between schools

        Download the full report
        """)

    assert texts(record.learning_points) == [
        "Neglect of older children",
        "Children missing from education",
        "Transfer of records between schools",
    ]


def test_a_workshops_themes_are_not_a_reviews_learning():
    record = extract("""
        Practitioners from every agency came to the workshop on case reviews in the spring.

        Key themes

        Parking at the venue
        Timing of the sessions
        Length of the breaks
        """)

    assert record.learning_points == []


def test_a_findings_lead_in_followed_by_one_paragraph_gives_that_paragraph_as_one_item():
    record = extract("""
        Summary of main findings:

        "Reviews describe what happened more often than why it happened, and their recommendations are too
        many to be put into practice."

        > Read the report
        """)

    assert texts(record.learning_points) == [
        '"Reviews describe what happened more often than why it happened, and their recommendations are too many '
        'to be put into practice."'
    ]


def test_a_lead_in_followed_only_by_a_link_gives_nothing():
    record = extract("""
        Several themes emerged from the analysis of the reviews, including:

        > Have a look at our summary of the annual review

        Other news
        """)

    assert record.learning_points == []


def test_a_domestic_homicide_or_adult_review_is_no_childs_case_review():
    assert (
        review_type("""
        Domestic Homicide Review: Ms V

        The review panel met six times. The DHR found that agencies did not share what they knew.
        """)
        == "none"
    )
    assert (
        review_type("""
        Safeguarding Adults Review: Mr W

        The SAR found that the care provider did not escalate its concerns.
        """)
        == "none"
    )


def test_a_joint_homicide_and_child_review_is_the_childs_kind():
    assert (
        review_type("""
        The partnership commissioned a domestic homicide review and a local child safeguarding practice review
        after the deaths of Ms Y and Child T. The DHR and the LCSPR shared one panel.
        """)
        == "CSPR"
    )


def test_a_rapid_review_belongs_to_the_2018_arrangements():
    assert (
        review_type("""
        Learning from a rapid review

        The partners held a rapid review after Child W was injured. The rapid review found that the GP had not
        been told of the earlier injury.
        """)
        == "CSPR"
    )


def test_a_former_name_in_brackets_does_not_count_as_the_review():
    assert (
        review_type("""
        Child safeguarding practice reviews (formerly serious case reviews) look at how agencies worked together.
        This child safeguarding practice review looked at the care of Child N.
        """)
        == "CSPR"
    )


def test_where_the_text_does_not_name_the_kind_its_dates_decide_against_working_together_2018():
    assert (
        review_type("""
        Learning brief: Child P

        Child P died in May 2015 after a period of neglect. The brief was published in 2016.
        """)
        == "SCR"
    )
    assert (
        review_type("""
        Learning brief: Child P

        Child P was injured in March 2021. Agencies had been involved with the family since 2016.
        """)
        == "CSPR"
    )
    assert (
        review_type("""
        Learning brief: Child P

        Agencies had been involved with the family since 2016. The brief was published in 2021.
        """)
        == "unknown"
    )
    died_in_2017 = "Learning brief: Child P\n\nChild P died in 2017 after a period of neglect. Published in 2019."
    assert review_type(died_in_2017) == "SCR"
    # 2018: before or after the arrangements changed in June, the text cannot say
    assert review_type("Learning brief: Child P\n\nChild P was injured in 2018. Published in 2020.") == "unknown"


def test_an_evaluation_or_a_sample_of_many_reviews_is_thematic():
    assert review_type("Inspectors' evaluations of serious case reviews found that too many were late.") == "thematic"
    assert review_type("A review of forty local child safeguarding practice reviews found neglect in most.") == (
        "thematic"
    )


def test_a_page_listing_reviews_under_one_kind_in_its_title_is_of_that_kind():
    assert (
        review_type("""
        Serious Case Reviews (SCRs)

        The board publishes its serious case reviews here for twelve months.

        Child D    Published 3 May 2016
        Child E    Published 9 June 2017
        """)
        == "SCR"
    )
    assert (
        review_type("""
        Learning from case reviews

        The board publishes its serious case reviews and child safeguarding practice reviews here.
        """)
        == "none"
    )


def test_a_table_of_reviews_gives_the_first_cell_of_each_row_as_a_pseudonym_and_is_no_report(tmp_path):
    rows = [
        f"Child {letter}  Published {day} June 2017  Published {day} May 2016" for day, letter in enumerate("DEFGHJ", 1)
    ]
    lines = [
        "Serious case reviews",
        "",
        "Case  Overview Report  Learning Brief",
        *rows,
        "",
        "Case  Learning Brief",
        "TR2  Published 2018",
    ]
    for record in (extract("\n".join(lines)), extract_file(str(make_pdf(tmp_path / "table.pdf", [lines])))):
        assert record.child_pseudonyms == [*(f"Child {letter}" for letter in "DEFGHJ"), "TR2"]
        assert record.doc_type == "other"


def test_a_line_of_names_beside_a_known_childs_names_the_other_children_and_a_baby_named_once_counts():
    record = extract("""
        Amber and Poppy

        Poppy was 10 months old when she was taken to hospital. Poppy had a fractured arm.

        In May 2019 a mother found that her six week old baby, Reuben, was not breathing.
        """)

    assert sorted(record.child_pseudonyms) == ["Amber", "Poppy", "Reuben"]


def test_a_page_of_one_reviews_learning_under_its_own_heading_is_a_learning_brief_and_a_response_is_not():
    page = """
        Child K was four months old when she was found to have a broken arm.

        The serious case review concluded that the injury could not have been predicted.

        Learning from the review

        • Health visitors should ask who else cares for a baby.
        • A bruise on a baby who is not mobile needs a referral.
        """
    assert extract(page).doc_type == "learning_brief"
    assert extract(page.replace("The serious case review concluded", "This response to the review says")).doc_type == (
        "other"
    )
    assert extract(page.replace("Child K was", "Several reviews found babies")).doc_type == "other"


def test_themes_as_lines_straight_under_their_heading_and_in_a_pdf(tmp_path):
    lines = [
        "The national panel's report draws on the local reviews it received this year.",
        "",
        "Key themes",
        "Risks from men in the household",
        "Domestic abuse and its effect on the children",
        "Children with disabilities and complex health needs",
        "",
        "Read the full report",
    ]
    expected = [
        "Risks from men in the household",
        "Domestic abuse and its effect on the children",
        "Children with disabilities and complex health needs",
    ]

    assert texts(extract("\n".join(lines)).learning_points) == expected
    assert texts(extract_file(str(make_pdf(tmp_path / "summary.pdf", [lines]))).learning_points) == expected


def test_a_pages_long_title_about_learning_and_its_posted_and_source_lines_are_not_items():
    record = extract("""
        A summary of the key learning from the national panel's annual review of local reviews

        Posted: 4th July 2024

        Source: a professional network

        Another line of the page
        """)

    assert record.learning_points == []


def test_a_briefings_numbered_sections_are_headings_over_their_text_in_text_and_pdf(tmp_path):
    lines = [
        "Seven minute briefing: Child H",
        "",
        "1. Background",
        "Child H was fifteen and had been missing from home many times.",
        "",
        "2. What did the review find?",
        "• Return interviews were not always held.",
        "• The school's concerns did not reach the police.",
        "",
        "3. Questions to consider",
        "• Who would you tell?",
        "",
        "4. Recommendations",
        "The partnership should review its protocol for children missing from home.",
    ]
    for record in (extract("\n".join(lines)), extract_file(str(make_pdf(tmp_path / "briefing.pdf", [lines])))):
        assert texts(record.learning_points) == [
            "Return interviews were not always held.",
            "The school's concerns did not reach the police.",
        ]
        assert texts(record.recommendations) == [
            "The partnership should review its protocol for children missing from home."
        ]


def test_short_numbered_items_one_a_line_stay_items():
    record = extract("""
        Key learning

        1. Information sharing
        2. Professional curiosity
        3. Supervision
        """)

    assert texts(record.learning_points) == ["Information sharing", "Professional curiosity", "Supervision"]


def test_a_list_whose_own_lead_in_is_about_priorities_is_not_its_sections_learning():
    record = extract("""
        Learning from reviews

        The themes from the reviews this year were:
        • the impact of domestic abuse on babies;
        • sharing information between health and social care.

        Our priorities for next year are:
        1. Neglect
        2. Exploitation
        """)

    assert texts(record.learning_points) == [
        "the impact of domestic abuse on babies;",
        "sharing information between health and social care.",
    ]


def test_two_plain_sentences_under_a_learning_heading_are_two_items_but_a_wrapped_sentence_is_one():
    record = extract("""
        What this means for practice
        Ask about every adult in the household.
        Share a worry with other agencies even when unsure.
        """)
    assert texts(record.learning_points) == [
        "Ask about every adult in the household.",
        "Share a worry with other agencies even when unsure.",
    ]

    wrapped = extract("""
        Key learning
        The review found that practitioners across several agencies did not
        share what they knew.
        """)
    assert texts(wrapped.learning_points) == [
        "The review found that practitioners across several agencies did not share what they knew."
    ]


def test_a_packed_paragraph_under_a_lead_in_of_its_own_gives_each_part():
    record = extract("""
        Learning:

        fathers were not seen; agencies did not challenge each other; and bruising was not referred.

        Keywords: neglect
        """)

    assert texts(record.learning_points) == [
        "fathers were not seen",
        "agencies did not challenge each other",
        "and bruising was not referred.",
    ]


def test_unbulleted_paragraphs_under_a_learning_heading_are_one_item_each_and_sub_headings_are_not_items():
    record = extract("""
        About the review

        The review looked at the help given to a family over two years.

        Key Findings

        Working with fathers

        Fathers were rarely seen by any agency, and their history was not asked about at any assessment.

        Assessments

        Assessments were repeated by each agency but none of them drew on what the others already knew.

        Next steps

        The partnership will hold workshops on these findings in the spring of next year.
        """)
    assert texts(record.learning_points) == [
        "Fathers were rarely seen by any agency, and their history was not asked about at any assessment.",
        "Assessments were repeated by each agency but none of them drew on what the others already knew.",
    ]


def test_a_page_written_a_paragraph_a_line_gives_each_paragraph_under_its_learning_heading():
    line = (
        "The review found that the plan was not changed when the family moved to a new area in the spring, and"
        " that nobody in the new area was told about the worries the school had written down in the autumn."
    )
    last = "There was not enough focus on the risk from the adults who came and went from the household. Risk is more"
    record = extract(
        "Learning brief\nChild Q was a baby who was injured at home when she was four months old; the adults who"
        " looked after her were known to several agencies, none of which had seen her for some weeks.\n"
        f"Lessons learnt\n{line}\n{last}"
    )
    assert texts(record.learning_points) == [line, last]


def test_paragraphs_under_a_learning_heading_that_also_has_a_list_give_only_the_list():
    record = extract("""
        Key themes and practice implications

        Each review was different, with learning points of its own arising from each report.

        The reviews reflect the challenges practitioners face in relation to:

        - Working with large families
        - Recognising neglect over time
        """)
    assert texts(record.learning_points) == ["Working with large families", "Recognising neglect over time"]


def test_messages_numbered_in_prose_paragraph_by_paragraph_are_one_item_each():
    record = extract("""
        The chair said:

        This report has three important messages.

        Firstly, children's voices must be heard in every assessment and written down as they said it.

        Our second message concerns the old problems of information sharing between agencies.

        Our final message is ab
        """)
    assert texts(record.learning_points) == [
        "Firstly, children's voices must be heard in every assessment and written down as they said it.",
        "Our second message concerns the old problems of information sharing between agencies.",
        "Our final message is ab",
    ]


def test_ordinal_paragraphs_with_no_cue_before_them_are_not_learning():
    record = extract("""
        The meeting opened at ten.

        Firstly, the chair welcomed members and thanked the hosts for the room today.

        Secondly, apologies were received from the police and from the clinical commissioning group.
        """)
    assert record.learning_points == []


def test_practice_issues_found_by_an_analysis_of_reviews_are_its_learning_under_a_title_and_subtitle():
    record = extract("""
        We analysed forty reviews published last year.

        Practice issues from case reviews: working across agencies and making decisions

        To see the full map, go to the downloads section.

        1. Referrals not made after bruising to babies
        2. Strategy discussions not held
        """)
    assert texts(record.learning_points) == [
        "Referrals not made after bruising to babies",
        "Strategy discussions not held",
    ]


def test_an_index_of_titles_one_of_which_mentions_learning_gives_no_items():
    titles = "\n\n".join(["Domestic Abuse", "Hidden Males", "Missing from Home", "Neglect: Learning from Case Reviews"])
    more = "\n\n".join(["Parental Drinking", "Professional Curiosity", "Safer Sleep", "Voice of the Child"])
    record = extract(f"Briefings\n\nOur briefings on key topics.\n\n{titles}\n\n{more}\n")
    assert record.learning_points == []


def test_a_title_pages_author_role_and_date_are_not_learning_and_nor_are_a_trainings_outcomes():
    record = extract("""
        Learning From Case
        Reviews
        A. Trainer BA (Hons)
        Independent Consultant
        September 2011

        Learning Outcomes

        - To understand the purpose of a case review
        - To receive the findings of two local reviews
        """)
    assert record.learning_points == []


def test_contents_run_together_on_one_line_are_not_items_and_a_lead_in_left_empty_gives_nothing():
    record = extract("""
        4. LEARNING

        4.1 Good practice example 4.2 Lessons to be learnt 4.3 Putting the learning into practice

        Key issues: include
        """)
    assert record.learning_points == []


def test_a_page_about_an_annual_report_or_listing_annual_reports_is_not_one():
    news = extract("""
        Annual Reports

        Every partnership must publish an annual report on the effectiveness of its arrangements.

        The report does the following: sets out progress.
        """)
    report = extract("""
        NORTHSHIRE SAFEGUARDING CHILDREN PARTNERSHIP

        ANNUAL REPORT 2022-2023

        Contents

        Foreword
        """)
    assert news.doc_type == "other" and news.review_type == "none"
    assert report.doc_type == "annual_report"


def test_a_page_listing_several_childrens_overview_reports_is_no_overview_report():
    record = extract("""
        Published case reviews

        Child K Overview Report

        Overview Report Child L

        Overview Report Family A
        """)
    assert record.doc_type == "other"


def test_a_briefing_on_one_reviews_lessons_is_a_learning_brief_though_it_mentions_reviews_in_general():
    record = extract("""
        These processes should be transparent, with findings of reviews shared publicly.

        Child Q

        This SCR is about a baby who was injured at home.

        Lessons Learnt

        - The professionals did not ask about the adults in the household.
        """)
    assert record.doc_type == "learning_brief"


def test_a_guide_to_rapid_reviews_in_general_is_about_no_review_and_board_codes_are_not_children():
    guide = extract("""
        No. 12 Rapid Reviews

        A rapid review is convened for serious incidents notified by the local authority.
        """)
    table = extract("""
        Case   Published

        Child K   2015

        LSCB   2015
        """)
    assert guide.review_type == "none"
    assert "LSCB" not in table.child_pseudonyms


def test_a_kind_of_review_where_a_listing_puts_the_pseudonym_is_no_child():
    record = extract("""
        2024 - Anytown - DHR

        A domestic homicide review about a mother killed by her partner.

        Learning: agencies did not share information.
        """)
    assert record.child_pseudonyms == []


def test_a_title_behind_the_pages_furniture_still_names_the_kind_of_reviews_it_lists():
    record = extract("""
        Skip to main content

        Serious case reviews

        Key themes

        Each case reviewed was unique.
        """)
    assert record.review_type == "SCR"


def test_children_listed_after_one_childs_name_are_kept_as_the_text_writes_them():
    record = extract("""
        Today we publish four reviews: Child AB; CD; EF; and G. The brief for Child G came out last year.

        We also publish the briefs for Child HJ and KL, and the briefing on Child M1/M2.
        """)
    assert set(record.child_pseudonyms) == {"Child AB", "CD", "EF", "G", "Child HJ", "KL", "Child M1", "M2"}


def test_a_child_listed_after_another_but_with_a_heading_of_its_own_keeps_its_full_name():
    record = extract("""
        Briefs for Child PQ and RS

        Child RS:

        - Nobody asked who lived at the house.
        """)
    assert set(record.child_pseudonyms) == {"Child PQ", "Child RS"}


def test_a_case_code_is_a_pseudonym_but_a_broken_serious_case_review_is_not():
    record = extract("""
        The findings of two local reviews (Baby Q and Child Z) and one case audit (Case W).

        This summarises the Serious Case R review of Baby Q.
        """)
    assert set(record.child_pseudonyms) == {"Baby Q", "Child Z", "Case W"}


def test_a_people_partnership_and_a_place_before_the_generic_board_abbreviation_are_partnerships():
    people = extract("Anytown Safeguarding People Partnership shares learning from reviews each month.")
    abbreviated = extract("Serious Case Review - Anytown & Otherby LSCB\n\nLearning from reviews.")
    generic = extract("An Independent LSCB chair leads the board.\n\nLearning from reviews.")
    assert people.partnership == "Anytown Safeguarding People Partnership"
    assert abbreviated.partnership == "Anytown & Otherby LSCB"
    assert generic.partnership is None


def test_a_committee_paper_on_an_annual_report_is_about_no_one_review():
    record = extract("""
        Agenda item

        Children's Safeguarding Partnership Annual Report

        The report set out the work of the partnership, including its child safeguarding practice review.
        """)
    assert record.doc_type == "committee_report"
    assert record.review_type == "none"


def test_reviews_named_with_their_abbreviation_in_brackets_are_reviews_in_general_and_a_briefing_on_many_is_thematic():
    general = extract("""
        Thematic learning

        Recent Child Safeguarding Practice Reviews (CSPRs) and Serious Case Reviews (SCR’s) found that babies
        under one were often bruised before a serious injury.
        """)
    briefing = extract("""
        Disabled children: learning from case reviews

        This briefing is based on case reviews published since 2010 which have highlighted lessons.
        """)
    assert general.review_type == "none"
    assert briefing.review_type == "thematic"


def test_what_the_reviews_are_said_to_have_found_leads_in_to_the_list_after_it():
    record = extract("""
        Neglect: learning from case reviews

        This briefing draws on local reviews published since 2019.

        The case reviews highlighted that practitioners sometimes struggled with:

        • seeing the cumulative effect of many small concerns
        • hearing from fathers and other men in the household.

        The learning emphasises the importance of:

        • chronologies that every agency adds to.
        """)

    assert texts(record.learning_points) == [
        "seeing the cumulative effect of many small concerns",
        "hearing from fathers and other men in the household.",
        "chronologies that every agency adds to.",
    ]


def test_a_sentence_that_announces_the_list_below_it_is_a_lead_in_without_a_colon():
    record = extract("""
        The partnership has shared the findings of its review of sudden infant deaths. Examples of the
        findings are set out below.

        • Safer sleep advice was given once, at birth, and not repeated when the family moved.
        • Professionals did not ask where the baby slept on the nights the parents had been drinking.

        The themes of next year's conference are listed below.

        • Hearing the voice of the child.
        """)

    assert texts(record.learning_points) == [
        "Safer sleep advice was given once, at birth, and not repeated when the family moved.",
        "Professionals did not ask where the baby slept on the nights the parents had been drinking.",
    ]


def test_a_long_heading_that_starts_with_the_learning_names_a_section_but_the_pages_title_does_not():
    record = extract("""
        Key issues from case reviews for staff working in early years settings

        This page introduces the briefing and who it is for. It was written by the partnership's learning group.

        Key issues for early years practitioners found in these case reviews

        Bruises on babies who could not yet crawl were explained away by the family and accepted by staff.

        Nurseries did not always know which other professionals were working with the family at the time.
        """)

    assert texts(record.learning_points) == [
        "Bruises on babies who could not yet crawl were explained away by the family and accepted by staff.",
        "Nurseries did not always know which other professionals were working with the family at the time.",
    ]


def test_a_lead_in_that_runs_on_into_its_bullets_without_a_colon():
    record = extract("""
        The learning from these reviews shows that health visitors may need more time to

        • see the baby at home as well as in clinic
        • ask who else cares for the baby.

        Download the briefing
        """)

    assert texts(record.learning_points) == [
        "see the baby at home as well as in clinic",
        "ask who else cares for the baby.",
    ]


def test_themes_are_learning_after_text_about_reviews_but_not_the_themes_a_study_examined():
    record = extract("""
        The board commissioned an analysis of twelve local child practice reviews.

        The 3 main cross cutting themes are:

        1. Fathers were rarely seen or assessed.
        2. Information held by schools did not reach the conference.
        3. The child's own account was not recorded.

        A second study examined the reviews across two key themes:

        • timeliness
        • quality.
        """)

    assert texts(record.learning_points) == [
        "Fathers were rarely seen or assessed.",
        "Information held by schools did not reach the conference.",
        "The child's own account was not recorded.",
    ]


def test_what_the_reviewers_concluded_and_a_summarys_key_points_are_learning():
    record = extract("""
        The review was published in May. They concluded that:

        • the school nurse had not been told of the earlier referral
        • the family's move across the county border lost the health records.

        In the Panel's briefing we would summarise the key points as:

        1. A bruise on a baby who is not mobile always needs a health assessment.
        """)

    assert texts(record.learning_points) == [
        "the school nurse had not been told of the earlier referral",
        "the family's move across the county border lost the health records.",
        "A bruise on a baby who is not mobile always needs a health assessment.",
    ]


def test_a_lead_in_that_points_back_takes_the_kind_of_the_sentence_before():
    record = extract("""
        The chair said the review has made a number of recommendations for the partnership.

        These include:

        • a single referral form for every agency;
        • training for reception staff at GP surgeries.

        Our priorities for the year are set out in the plan.

        Some of these were:

        • a new website.
        """)

    assert texts(record.recommendations) == [
        "a single referral form for every agency;",
        "training for reception staff at GP surgeries.",
    ]
    assert record.learning_points == []


def test_a_lead_in_that_counts_its_paragraphs_takes_that_many_and_no_more_and_fewer_less_surely():
    record = extract("""
        The national review was published today after two years of work with partnerships across England.

        The report makes two recommendations:

        Every partnership should check that fathers and other men in the household are seen and assessed.

        The government should fund research into why men who harm babies are so rarely known to services.

        The report makes for hard reading, and we commend it to every practitioner in our area.

        The board makes three recommendations:

        Training should be offered to all staff.
        """)

    assert texts(record.recommendations) == [
        "Every partnership should check that fathers and other men in the household are seen and assessed.",
        "The government should fund research into why men who harm babies are so rarely known to services.",
        "Training should be offered to all staff.",
    ]
    counted, _, short = record.recommendations
    assert short.confidence < counted.confidence


def test_risk_factors_and_a_briefings_audience_are_not_learning_though_the_page_is_about_learning():
    record = extract("""
        Self-harm: learning from case reviews
        Summary of risk factors and learning for improved practice, drawing on the emerging themes of reviews.
        Practitioners who should read this learning include:
        - school nurses
        - youth workers
        Risk factors can include:
        - bullying
        - social isolation.
        """)

    assert record.learning_points == []


def test_a_briefs_question_headings_start_its_sections():
    record = extract("""
        Injuries to babies: a learning brief

        What happened?

        Two babies were brought to hospital with injuries that did not match the explanations their parents gave.

        What did the reviews tell us?

        Agencies knew the father had children from earlier relationships but did not ask about his role as a parent.

        Practitioners did not consider how the parents' own experiences in care might affect their care of a baby.

        How can I find out more?

        The full reports are on the partnership's website, with a recording of the learning event for practitioners.
        """)

    assert texts(record.learning_points) == [
        "Agencies knew the father had children from earlier relationships but did not ask about his role as a parent.",
        "Practitioners did not consider how the parents' own experiences in care might affect their care of a baby.",
    ]


def test_what_a_report_found_and_what_was_identified_in_reviews_lead_in_to_lists():
    record = extract("""
        The national report found that:

        • fathers were often invisible to the services working with the family;
        • information about risk was not shared between adult and children's services.

        The issues identified in the local case reviews were:

        • drift in child in need plans;
        • over-optimism about parents' capacity to change.

        The points raised in the discussion were:

        • the date of the next meeting.
        """)

    assert texts(record.learning_points) == [
        "fathers were often invisible to the services working with the family;",
        "information about risk was not shared between adult and children's services.",
        "drift in child in need plans;",
        "over-optimism about parents' capacity to change.",
    ]


def test_learning_drawn_from_many_reviews_is_a_thematic_briefing_unless_one_child_is_named():
    briefing = extract("""
        Neglect: learning from case reviews

        Summary of risk factors and learning for improved practice around neglect

        Published case reviews highlight that professionals face a big challenge in identifying neglect.

        Learning includes:

        • practitioners should look at the history of the family, not only the latest incident;
        • the lived experience of the child must be recorded.
        """)
    one_child = extract("""
        Lessons from recent serious case reviews

        Child I was nine months old when she was admitted to hospital in 2012. Case reviews highlight that
        bruising in a baby who is not yet mobile must be referred.
        """)

    assert briefing.doc_type == "learning_brief"
    assert briefing.review_type == "thematic"
    assert one_child.review_type != "thematic"


def test_a_page_on_one_of_the_panels_national_reviews_is_about_that_review():
    national = extract("""
        Review recommends new child protection units

        A report into the deaths of two children has found a need for sharper specialist skills. The review
        was carried out by the Child Safeguarding Practice Review Panel.
        """)
    across = extract("""
        Bruising in non-mobile infants

        The Child Safeguarding Practice Review Panel published a briefing paper on the guidance for bruising
        in babies who are not yet mobile.
        """)

    assert national.review_type == "CSPR"
    assert across.review_type == "thematic"


def test_a_report_of_in_a_sentence_is_not_a_committee_papers_cover():
    article = extract("""
        Ages of concern

        The report is a thematic report of Ofsted's evaluation of serious case reviews from 2007 to 2011.
        """)
    paper = extract("""
        Report of: Director of Children's Services

        Serious case review: progress on the action plan
        """)

    assert article.doc_type != "committee_report"
    assert paper.doc_type == "committee_report"


def test_children_named_in_full_in_news_of_their_deaths_are_the_reviews_subjects_but_adults_are_not():
    news = extract("""
        Review published

        The Panel published its national review into the murders of Arthur Labinjo-Hughes and Star Hobson.
        Magdelena Lucas, 27, and her partner were convicted. Jamal Reid, four, was also seen by the team.
        """)
    brief = extract("""
        Two rapid reviews followed injuries to two children (Annie and Beth) under the age of five years.
        Annie’s case showed the same gaps as Beth’s.
        """)
    acronyms = extract("""
        ICON: babies cry, you can cope. ICON is for every parent. SUDI is a sudden unexpected death. SUDI again.
        """)

    assert news.child_pseudonyms == ["Arthur Labinjo-Hughes", "Star Hobson", "Jamal Reid"]
    assert brief.child_pseudonyms == ["Annie", "Beth"]
    assert acronyms.child_pseudonyms == []


def test_a_bullet_that_leads_in_to_the_bullets_after_it_starts_a_list_of_its_own():
    record = extract("""
        The Panel had three major areas of concern:
        - Weakness in information sharing
        - The need for leaders to enable better child protection practice
        - The Panel is making recommendations to Government as follows:
        - A new expert-led, multi-agency model for child protection investigation.
        - Establishing national multi-agency practice standards for child protection
        """)

    assert texts(record.learning_points) == [
        "Weakness in information sharing",
        "The need for leaders to enable better child protection practice",
    ]
    assert texts(record.recommendations) == [
        "A new expert-led, multi-agency model for child protection investigation.",
        "Establishing national multi-agency practice standards for child protection",
    ]


def test_a_lead_in_that_points_back_within_its_paragraph_takes_the_kind_of_the_sentence_before():
    record = extract("""
        The report has identified recurring messages from the reviews that concerned babies. In too many cases:

        there were shortcomings in the quality of pre-birth assessments
        the role of the fathers had been marginalised
        practitioners underestimated the fragility of the baby.

        The partnership's plans for next year are ambitious. In particular:

        a new website
        a conference for practitioners
        a newsletter every month.
        """)

    assert texts(record.learning_points) == [
        "there were shortcomings in the quality of pre-birth assessments",
        "the role of the fathers had been marginalised",
        "practitioners underestimated the fragility of the baby.",
    ]


def test_a_label_glued_to_the_sentence_before_starts_a_list_and_a_label_with_nothing_to_list_gives_nothing():
    record = extract(
        "Significant harm of a sibling group. All children were taken into care.Learning: five priority findings"
        " emerged including: loss of clarity about the lead professional; assumption that giving information is"
        " communicating; some adult services take no account of children.Recommendations: There are no"
        " recommendations but the review raises questions.Keywords: voice of the child"
    )

    assert texts(record.learning_points) == [
        "loss of clarity about the lead professional",
        "assumption that giving information is communicating",
        "some adult services take no account of children.",
    ]
    assert record.recommendations == []


def test_a_child_named_child_and_a_first_name_and_a_thematic_review_of_a_kind():
    record = extract("""
        Executive Summary of a Thematic Child Safeguarding Practice Review

        The partnership decided to conduct a review following the death of Child Jody (pseudonym). The review
        looked at what happened to Child Jody and two other children. Child Sexual Exploitation was not a factor;
        Child Death Overview Panel processes ran alongside, as the Child Death Overview Panel expects.
        """)

    assert record.child_pseudonyms == ["Child Jody"]
    assert record.review_type == "thematic"


def test_a_repository_entry_that_makes_recommendations_gives_them_but_a_governments_plans_are_not_learning():
    record = extract("""
        2012 Ceredigion – Child J
        Serious injury of a baby in 2007.
        Makes recommendations that photographs are taken as part of initial clinical assessments.
        Non-accidental injuries, physical abuse.

        To summarise the key points, the Government plans to:

        • place a new requirement on three key partners;
        • remove the requirement for local areas to have boards.
        """)

    assert texts(record.recommendations) == ["that photographs are taken as part of initial clinical assessments."]
    assert record.learning_points == []


def test_scottish_significant_case_reviews_and_a_ten_minute_brief():
    single = extract("""
        Significant case review: sibling group

        A significant case review was held after significant harm of a sibling group in the care of their
        parents. The significant case review found that the lead professional was not clear.
        """)
    across = extract("""
        Learning from significant case reviews published 2015 to 2018

        The Care Inspectorate looked at what agencies had learned.
        """)
    brief = extract("""
        10 minute brief: the Wood review

        The review found that boards were not working as they should.

        Key findings
        • Boards should be replaced by local arrangements of three partners.
        • A national panel should commission reviews of national importance.
        """)

    assert single.review_type == "SCR"
    assert across.review_type == "thematic"
    assert brief.doc_type == "learning_brief"


def test_a_lead_in_followed_at_once_by_the_references_gives_nothing():
    record = extract(
        "Our briefing summarises the findings from the report, including: References Child Safeguarding Practice"
        " Review Panel (2024) I wanted them all to notice. London: the Panel."
    )

    assert record.learning_points == []


def test_lines_after_a_lead_in_that_ends_its_line_in_text_with_no_blank_lines_are_items_and_sub_headings_are_not():
    record = extract("""
        Report into failings around a child's death released
        Today's report has analysed in greater detail some of the issues raised in the initial review.
        Key findings:
        School
        Lack of effective leadership to develop safe child protection systems.
        Poor recording systems, especially in respect of recurrent injuries.
        Health visitors
        Were not proactive
        Relied on police assessments instead of visiting the family themselves.
        The council said in a statement that this report was a snapshot of what services were like when the boy died, and that a great deal has changed since then in every agency involved.
        The report makes two recommendations:
        Every partnership should check that fathers are seen and assessed by the services working with the family.
        The government should fund research into why men who harm babies are so rarely known to services.
        """)  # noqa: E501

    assert texts(record.learning_points) == [
        "Lack of effective leadership to develop safe child protection systems.",
        "Poor recording systems, especially in respect of recurrent injuries.",
        "Were not proactive",
        "Relied on police assessments instead of visiting the family themselves.",
    ]
    assert texts(record.recommendations) == [
        "Every partnership should check that fathers are seen and assessed by the services working with the family.",
        "The government should fund research into why men who harm babies are so rarely known to services.",
    ]


def test_how_the_children_in_the_reviews_died_is_not_the_sections_recommendations():
    record = extract("""
        Recommendations around working with the family

        Parental substance misuse puts children at risk. In these case reviews, children died, or were seriously
        injured in a number of different ways:

        • sudden infant death associated with co-sleeping
        • accidental ingestion of drugs
        """)

    assert record.recommendations == []
    assert record.learning_points == []


def test_lines_under_sub_headings_below_a_lead_in_are_its_items():
    record = extract("""
        The report analysed the issues raised in the initial review. Key findings:

        School

        Lack of effective leadership to develop safe child protection systems.
        Poor recording systems, especially in respect of recurrent injuries.
        Did not bring fragmented information together.

        Children's social care

        Lack of effective management oversight.
        Core assessments were of poor quality and lacking detail.
        Assessments were not of the required standard.
        """)

    assert texts(record.learning_points) == [
        "Lack of effective leadership to develop safe child protection systems.",
        "Poor recording systems, especially in respect of recurrent injuries.",
        "Did not bring fragmented information together.",
        "Lack of effective management oversight.",
        "Core assessments were of poor quality and lacking detail.",
        "Assessments were not of the required standard.",
    ]


def test_a_page_that_explains_what_a_review_is_is_about_no_review():
    guide = extract("""
        What is a Practice Review?

        A practice review is held when a child has died or been seriously harmed and abuse is suspected. The
        board commissions a child practice review and publishes what it learns.
        """)
    one = extract("""
        Child practice review: Child D

        A child practice review is held when a child has died. This review looked at what happened to Child D
        in 2021.
        """)

    assert guide.review_type == "none"
    assert one.review_type != "none"


def test_a_review_of_a_child_named_by_first_name_is_not_learning_across_reviews():
    record = extract("""
        Child Safeguarding Practice Review: Child Jody

        The partnership decided to conduct a review following the death of Child Jody. The learning from these
        reviews was set out in a thematic report last year; this review asks what happened to Child Jody.
        """)

    assert record.review_type == "CSPR"


def test_minutes_about_recommendations_and_the_resolution_to_note_them_are_not_recommendations():
    record = extract("""
        Recommendations to Cabinet

        A verbal update will be given on any recommendations to be made to Cabinet on referrals.

        The Committee considered draft recommendations to be reported to Cabinet.

        Recommendations would include:

        · That a review be made of GP attendance at safeguarding training.

        · Improving the transition from children to adult social services.

        · That the draft recommendations to be reported to Cabinet be noted.
        """)

    assert texts(record.recommendations) == [
        "That a review be made of GP attendance at safeguarding training.",
        "Improving the transition from children to adult social services.",
    ]


def test_learning_from_good_practice_in_a_partnerships_statement_of_its_culture_is_not_a_lead_in():
    culture = extract("""
        Learning from multiagency practice seeks to reduce harm. The focus is on learning from good practice,
        and it promotes a culture that:

          • is open and honest
          • is proportionate and avoids hindsight bias
        """)
    review = extract("""
        Learning from the review of Child D:

          • the school did not share its concerns
          • the GP was not invited to the meeting
        """)

    assert culture.learning_points == []
    assert texts(review.learning_points) == [
        "the school did not share its concerns",
        "the GP was not invited to the meeting",
    ]


def test_a_question_of_what_could_have_been_done_heads_the_learning_even_opening_with_so():
    record = extract("""
        So what more could have been done to protect him?

        • Limited contact with the family due to the pandemic

        How can I find out more?

        • Read the full report on the board's website
        """)

    assert texts(record.learning_points) == ["Limited contact with the family due to the pandemic"]


def test_a_welsh_child_practice_review_is_none_of_the_english_kinds():
    concise = extract("""
        Publication of a Concise Child Practice Review

        The regional safeguarding children board commissioned a Concise Child Practice Review in May 2016
        after a toddler was admitted to hospital with burns. The CPR report was published in March 2017.
        """)
    compared = extract("""
        An Extended Child Practice Review was published last week by the regional safeguarding board. Such a
        review is held when a child dies and abuse is suspected, similar to a Serious Case Review in England.
        """)
    english = extract("""
        The partnership has published a Child Safeguarding Practice Review about a baby who was injured in
        2021. The practice review found that fathers were not seen.
        """)

    assert concise.review_type == "unknown" and compared.review_type == "unknown"
    resuscitated = extract("""
        Baby died after being found unresponsive

        Paramedics gave CPR at the scene and CPR went on in the ambulance. A serious case review found that
        the family had moved often.
        """)

    assert english.review_type == "CSPR", "an English practice review taken for a Welsh one"
    assert resuscitated.review_type == "SCR", "resuscitation (CPR) taken for a Welsh child practice review"


def test_parts_labelled_by_number_in_an_analysis_of_reviews_are_its_learning():
    analysis = extract("""
        Neglect of older children: what the reviews tell us

        This paper is an analysis of 40 serious case reviews published between 2014 and 2017. It is set out
        in three parts, each drawn from a different sample.

        Theme 1:  Older children who were neglected were seen as able to look after themselves, and
        referrals about them were often closed without a visit.

        Theme 2:  Schools held much of what was known about the children, but were seldom invited to
        strategy discussions.

        Theme 3:  Where a parent misused alcohol, workers tended to judge the home by the parent's
        account.
        """)
    course = extract("""
        Safeguarding course for new staff

        The course runs over two mornings and is open to every member of staff.

        Theme 1:  Recognising the signs of abuse and what to do about them on the day.

        Theme 2:  Recording what you see and hear, and who to tell.
        """)

    assert len(analysis.learning_points) == 3
    assert analysis.learning_points[1].text.startswith("Schools held much of what was known")
    assert analysis.learning_points[0].text.endswith("closed without a visit.")
    assert course.learning_points == [], "a course's themes are not a review's learning"


def test_a_page_about_how_reviews_are_done_is_about_no_review():
    reform = extract("""
        Why local reviews need to change

        A think tank argues that the process of commissioning serious case reviews is too slow, and that the
        money spent on SCRs would do more for children if it went on front-line training.
        """)
    purpose = extract("""
        Learning from reviews

        The purpose of these reviews is to learn how agencies work together, not to blame anyone. The
        partnership publishes each report on this page for a year.
        """)
    one_review = extract("""
        Child H: serious case review

        The process of the serious case review into the death of Child H in 2016 began in January 2017. The
        report was published in March 2018.
        """)
    analysis = extract("""
        Barriers and opportunities: an analysis of 60 serious case reviews

        The effectiveness of the process of serious case reviews depends on what the analysis found.
        """)

    assert reform.review_type == "none" and purpose.review_type == "none"
    assert one_review.review_type == "SCR", "one child's review taken for a page about the system"
    topic = extract("""
        Neglect: learning from case reviews

        The reviews highlight that effective work between agencies and partnerships depends on sharing what
        each knows about the child's daily life.
        """)

    assert analysis.review_type == "thematic", "an analysis of many reviews taken for a page about the system"
    assert topic.review_type == "thematic", "a topic's learning from reviews taken for a page about the system"


def test_learning_drawn_from_a_number_of_reviews_or_from_reviews_on_a_topic_is_across_reviews():
    counted = extract("""
        What we learned from eleven reviews

        This report sets out key learning from 11 child safeguarding practice reviews completed in the region
        between 2019 and 2022.
        """)
    topic = extract("""
        Charity publishes learning from cannabis-related local case reviews

        The charity's new briefing says professionals did not always ask who else lived in the home.
        """)
    northern_ireland = extract("""
        The report brings together learning from case management reviews completed in Northern Ireland.
        """)

    assert [counted.review_type, topic.review_type, northern_ireland.review_type] == ["thematic"] * 3


def test_a_reports_numbered_opening_that_says_the_review_was_decided_on_is_the_report_itself():
    report = extract("""
        1. Introduction
        1.1 The Northshire Safeguarding Children Partnership agreed to undertake a local child safeguarding
        practice review after Baby K was admitted to hospital with a fractured skull in 2021.
        1.2 The review looked at the six months before the injury.
        """)
    news = extract("""
        The Northshire Safeguarding Children Partnership agreed to undertake a local child safeguarding
        practice review after Baby K was admitted to hospital. Its report will be published next year.
        """)

    assert report.doc_type == "overview_report"
    assert news.doc_type != "overview_report", "a page that says a review will be held taken for its report"


def test_a_briefings_own_title_outweighs_the_sites_newsletter_link_further_down():
    opening = """
        Neglect: learning from case reviews briefing

        Case reviews published since 2018 highlight that practitioners did not always see the daily lives of
        children who were neglected over many years, and that chronologies were started late or not at all.
        Learning from these case reviews emphasises that:
        • practitioners need to see the child's room and the food in the home
        • managers should ask for a chronology when concerns last more than a year
        """
    briefing = extract(opening + "\n        Sign up to our newsletter\n")
    newsletter = extract("        Our autumn newsletter\n" + opening)

    assert briefing.doc_type == "learning_brief"
    assert newsletter.doc_type == "other", "a newsletter carrying a briefing taken for the briefing"


def test_a_page_that_calls_itself_a_briefing_is_one_though_its_opening_stops_before_the_learning():
    cut_off = extract("""
        Published 3 May 2024

        This practice review briefing focuses on a baby of six weeks who was shaken by his father in 2022,
        after the family had moved between three areas. It sets out what happened and why.
        """)
    report = extract("""
        Report: Learning from case reviews in the north – 2016 to 2019

        This report presents what an inspectorate found when it read 30 reviews completed over three years.
        """)

    assert cut_off.doc_type == "learning_brief"
    assert report.doc_type != "learning_brief", "'Report:' before the title names the kind, not a topic"


def test_paragraphs_under_a_learning_heading_count_in_a_page_written_a_paragraph_a_line_after_an_inline_list():
    long_line = (
        "This article reports an analysis of 15 serious case reviews from the north of England, read by two"
        " researchers. The themes identified across the reviews were: the loss of the father from the record;"
        " drift in plans; and the child's voice lost in meetings."
    )
    record = extract(
        long_line + "\nKey Messages for Practice\n"
        "Practitioners should record who the men in a child's life are, even when they do not live at home.\n"
        "Plans that have not changed in six months should be brought to a manager, whatever the family says.\n"
        "Each meeting about a child should say in its minutes what the child said or showed about home.\n"
    )

    assert texts(record.learning_points) == [
        "the loss of the father from the record",
        "drift in plans",
        "and the child's voice lost in meetings.",
        "Practitioners should record who the men in a child's life are, even when they do not live at home.",
        "Plans that have not changed in six months should be brought to a manager, whatever the family says.",
        "Each meeting about a child should say in its minutes what the child said or showed about home.",
    ]


def test_themes_listed_in_a_sentence_after_text_about_reviews_are_learning():
    record = extract("""
        Researchers read 12 serious case reviews from one region. The talk sets out the recurring themes:
        fathers who were not seen; plans that drifted; and chronologies that were never started.
        """)
    conference = extract("""
        The board published two serious case reviews this year. Its conference in May has these key themes:
        working with fathers; writing plans; and keeping chronologies.
        """)

    assert texts(record.learning_points) == [
        "fathers who were not seen",
        "plans that drifted",
        "and chronologies that were never started.",
    ]
    assert conference.learning_points == [], "a conference's themes taken for what reviews found"


def test_a_list_whose_numbers_all_render_as_one_is_one_list():
    record = extract("""
        The review's key findings were:

          1. Health visitors did not ask who else lived in the home.
          1. The nursery's concerns were not shared with the GP.
          1. No one agency held the whole picture of the family.

        Recommendations are as follows:

          1. The partnership should audit how fathers are recorded.
          1. Nurseries should be invited to strategy discussions.
        """)

    assert texts(record.learning_points) == [
        "Health visitors did not ask who else lived in the home.",
        "The nursery's concerns were not shared with the GP.",
        "No one agency held the whole picture of the family.",
    ]
    assert texts(record.recommendations) == [
        "The partnership should audit how fathers are recorded.",
        "Nurseries should be invited to strategy discussions.",
    ]


def test_the_headings_findings_are_arranged_under_are_not_findings():
    record = extract("""
        The evaluation's findings are grouped under four main themes:

        • how partners decide to hold a review
        • the time reviews take
        • who takes part
        • how learning is shared
        """)

    assert record.learning_points == []


def test_a_doubled_hyphen_at_a_line_start_is_a_bullet():
    record = extract("""
        The review made two recommendations for the council. These include:

        -- a single front door for referrals from schools and health
        -- a named worker for every family moving into the area

        The council says both are now in place.
        """)

    assert texts(record.recommendations) == [
        "a single front door for referrals from schools and health",
        "a named worker for every family moving into the area",
    ]


def test_a_paragraph_offering_a_number_of_recommendations_leads_in_to_the_numbered_list_after_it():
    offered = extract("""
        A charity has sent the minister some recommendations to make local reviews quicker

        1. Reviews finished within six months

        Too many reviews take more than a year, and staff have moved on by the time they are published.

        2. One national library of reports

        Reports are hard to find once the partnership's page is taken down.
        """)
    report = extract("""
        4.1 The review was published in June 2022 and made 8 recommendations.

        4.2 Since then the partnership has met every month to oversee its response.
        """)

    assert texts(offered.recommendations) == ["Reviews finished within six months", "One national library of reports"]
    assert report.recommendations == [], "a report's numbered paragraphs taken for the recommendations it counts"


def test_a_learning_briefing_whose_bullets_were_lost_gives_each_wrapped_line_as_an_item():
    record = extract("""
        Safer sleep: a briefing for practitioners

        This briefing summarises the learning from local reviews of sudden infant deaths
        published since 2019.

        Seeing where the baby sleeps

        Health visitors rarely saw the room where the baby slept at night and relied on
        what parents told them about cots and bedding
        Advice was given once at the new birth visit and not repeated when the family moved
        Working with fathers

        Fathers were seldom present when safer sleep was discussed and were not given
        the leaflet or told why sharing a sofa with a baby is dangerous
        2
        """)
    ordinary = extract("""
        Safer sleep: a briefing for practitioners

        This briefing summarises the learning from local reviews of sudden infant deaths
        published since 2019.

        The reviews found that health visitors rarely saw where the baby slept. Advice was
        given once and not repeated when the family moved.
        """)

    assert texts(record.learning_points) == [
        "Health visitors rarely saw the room where the baby slept at night and relied on what parents told them "
        "about cots and bedding",
        "Advice was given once at the new birth visit and not repeated when the family moved",
        "Fathers were seldom present when safer sleep was discussed and were not given the leaflet or told why "
        "sharing a sofa with a baby is dangerous",
    ]
    footer = extract("""
        Safer sleep: a briefing for practitioners

        This briefing summarises the learning from local reviews of sudden infant deaths.

        Produced by the learning and development team of the Northshire Safeguarding Children
        partnership for everyone who works with families in the county
        """)

    assert ordinary.learning_points == [], "a paragraph of sentences taken for lines that lost their bullets"
    assert footer.learning_points == [], "a briefing's footer taken for a list that lost its bullets"


def test_a_quotation_inside_a_lead_in_does_not_end_its_sentence_or_speak_for_it():
    blog = extract("""
        The study highlights “how the content of reports and the time they take breed defensiveness. Staff
        read them as blame. Few are read in full.”; and goes on to point out that

          • Recommendations are too many to act on.
          • Reports are too long for the people who most need them.
        """)
    plans = extract("""
        The chair said “the reviews found that fathers were missed. We have to act.” The board's priorities for
        next year are to:

          • hold a conference on fathers
          • publish a new strategy
        """)

    assert texts(blog.learning_points) == [
        "Recommendations are too many to act on.",
        "Reports are too long for the people who most need them.",
    ]
    assert plans.learning_points == [], "a board's priorities taken for learning because of a quotation before them"


def test_one_of_the_points_a_review_made_quoted_in_a_blog_is_one_learning_point():
    line = "The blog does not retell what happened to the baby, which was widely reported at the trial last year."
    record = extract(
        line + "\nOne of the points made in the report is:\n"
        "The health visitor was not told that the family had moved. No agency checked where the baby was living"
        " for three months. (p 22)\n"
        "There is much else in the report about the police, which this blog does not cover, and it is worth reading.\n"
    )

    assert texts(record.learning_points) == [
        "The health visitor was not told that the family had moved. No agency checked where the baby was living for"
        " three months. (p 22)"
    ]


def test_a_list_that_lost_its_bullets_and_stops_is_cut_into_its_clauses():
    record = extract("""
        The inquiry made 40 recommendations. Its main recommendations are:
        every school should have a named lead for children missing from education the lead should meet the
        local authority each term and the authority should keep a register of such children health visitors
        must be told when a family with a baby leaves the area which would let the new area visit within a week
        the chief officer of each police force should review how missing children are recorded
        """)

    assert texts(record.recommendations) == [
        "every school should have a named lead for children missing from education",
        "the lead should meet the local authority each term and the authority should keep a register of such"
        " children health visitors must be told when a family with a baby leaves the area which would let the new"
        " area visit within a week",
        "the chief officer of each police force should review how missing children are recorded",
    ]


def test_a_list_of_ones_ends_at_a_paragraph_that_offers_recommendations():
    record = extract("""
        1. Introduction

        The review was about a baby who was injured at home in 2021.

        The review made two recommendations.

        1. The partnership should audit how fathers are recorded.
        1. Health visitors should see both parents at every visit.
        """)

    assert texts(record.recommendations) == [
        "The partnership should audit how fathers are recorded.",
        "Health visitors should see both parents at every visit.",
    ]
