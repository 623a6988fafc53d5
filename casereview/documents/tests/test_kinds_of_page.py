"""Kinds of page whose metadata the extractor got wrong on set 7 (issue 15): reviews that are not of a child's
case, the Panel's own national reviews, inspectorates' reports across many reviews, pages explaining what a
review of a kind is. Every text is written for the test in the general form of its kind."""

from .kinds import extract, review_type


def test_a_review_of_services_or_a_policy_that_names_no_child_is_no_childs_case_review():
    # a committee's scrutiny review, a government's review of services, a council's internal review
    assert (
        review_type("""
        Scrutiny Review of Early Help – Update

        Meeting: 12/03/2019 - Children's Overview and Scrutiny Committee (Item 7)

        The Director introduced a report on progress against the 14 recommendations of the committee's
        review of early help services, carried out in 2017. Members noted that nine had been completed.
        """)
        == "none"
    )
    assert (
        review_type("""
        Report of the Review of Services for Disabled Children

        The review was set up by the Assembly in 2008 to assess progress against its policies. The report
        was published on 4 June 2009.
        """)
        == "none"
    )


def test_a_page_about_one_child_or_a_rapid_review_is_still_about_one_review():
    # a child known by letter: one review whose kind the page does not say
    assert (
        review_type("""
        Learning summary: Child T

        Child T was known to several agencies before the injury. The partnership looked at what happened.
        """)
        != "none"
    )
    # a rapid review is one review, though the page names no child
    assert (
        review_type("""
        Seven minute briefing: bruising in babies who are not yet mobile

        Background
        A recent rapid review found that the bruising protocol was not always followed.
        """)
        != "none"
    )


def test_the_panels_own_review_in_the_singular_is_a_national_review():
    assert (
        review_type("""
        Babies and their carers

        The Child Safeguarding Practice Review Panel has published a review of cases where infants were
        harmed by adults caring for them. Findings include: risks were not shared between services.
        """)
        == "CSPR"
    )
    # its annual report draws on the year's reviews across England: learning across reviews, not a local
    # partnership's year (which is about no review)
    assert (
        review_type("""
        The Child Safeguarding Practice Review Panel's annual report

        The Child Safeguarding Practice Review Panel has published its annual report, drawing on the local
        reviews notified to it in the year.
        """)
        == "thematic"
    )
    assert (
        review_type("""
        Annual Report 2022 to 2023

        This is the annual report of the Northshire Safeguarding Children Partnership. Contents
        """)
        == "none"
    )


def test_the_panels_national_review_near_the_opening_beats_an_analysis_cited_further_down():
    text = (
        """
        Review calls for new specialist teams

        A report into the deaths of two young children has found that risk assessment needs sharper skills.
        The national review was carried out by the Child Safeguarding Practice Review Panel at the request of
        the government.
        """
        + (20 * "\n        The review describes how the teams would work with the police.\n")
        + """
        Earlier analyses of serious case reviews found similar problems over many years.
        """
    )
    assert review_type(text) == "CSPR"


def test_a_report_counting_the_reviews_it_read_is_learning_across_reviews():
    assert (
        review_type("""
        A report on 31 significant case reviews has found that agencies did not always act quickly enough.

        A significant case review is held by a child protection committee when a child has died or been
        seriously harmed.
        """)
        == "thematic"
    )
    assert (
        review_type("""
        Quality of serious case reviews improves

        The inspectorate looked at 120 SCRs completed in the year and judged most of them good or adequate.
        """)
        == "thematic"
    )
    # "eight recommendations" are not reviews; a single review stays one review
    assert (
        review_type("""
        Serious case review: Child M

        The report on the serious case review of Child M makes eight recommendations to the board.
        """)
        == "SCR"
    )


def test_a_page_explaining_what_a_review_of_a_kind_is_is_about_no_review():
    assert (
        review_type("""
        Child protection: significant case reviews

        A Significant Case Review (SCR) takes place after a child dies or is seriously harmed and abuse or
        neglect is thought to be involved. A significant case review should take place if agencies may
        have worked together badly.
        """)
        == "none"
    )
    # the same explanation in a page about one child's review is that review's
    assert (
        review_type("""
        Significant case review: Child D

        A significant case review takes place after a child dies or is seriously harmed. This significant
        case review looked at the care of Child D, who was injured in 2012.
        """)
        == "SCR"
    )


def partnership(text):
    return extract(text).partnership


def pseudonyms(text):
    return extract(text).child_pseudonyms


def test_the_other_nations_bodies_are_the_partnership_where_no_english_one_is_named():
    assert (
        partnership("""
        Case management reviews

        The Safeguarding Board for Northern Ireland has published the overview report of a review.
        """)
        == "Safeguarding Board for Northern Ireland"
    )
    assert (
        partnership("""
        The significant case review, carried out for Lothian Child Protection Committee, found gaps.
        """)
        == "Lothian Child Protection Committee"
    )
    # "Ayrshire's child protection committee" as a news story writes it
    assert partnership("The chair of Ayrshire's child protection committee said the review was thorough.") == (
        "Ayrshire child protection committee"
    )
    # committees in general name no one
    assert (
        partnership("""
        National guidance for Child Protection Committees says that a local child protection committee decides.
        """)
        is None
    )


def test_a_partnership_whose_name_needs_no_place_is_named_though_broken_over_a_line():
    assert (
        partnership("""
        This report was written to keep the child's identity private. The
        Children’s Safeguarding Assurance Partnership has changed the names used.
        """)
        == "Children’s Safeguarding Assurance Partnership"
    )


def test_a_childs_surname_alone_and_the_second_half_of_a_hyphenated_name_are_the_same_child():
    assert pseudonyms("""
        A review into the death of four-year-old Tomas Brenner found failings. Brenner's death followed months
        of neglect, and Tomas Brenner's school had raised concerns.
        """) == ["Tomas Brenner"]
    assert pseudonyms("""
        Rosa-Lee Hart's death was preventable, the review found. Rosa-Lee Hart was two years old.
        """) == ["Rosa-Lee Hart"]


def test_a_child_named_with_the_age_at_death_and_a_sibling_after_a_comma_are_the_review_s_children():
    assert pseudonyms("""
        1.1 When Ellie died, aged 5 months, the cause was not known. Ellie lived with her mother and her
        3-year old sibling, Mia. The report refers to the parents as MX and FX.
        """) == ["Ellie", "Mia"]


def doc_type(text):
    return extract(text).doc_type


def test_a_news_item_about_an_overview_report_is_not_the_report():
    assert (
        doc_type("""
        Westshire Safeguarding Children Board

        Child P review published

        The board has today made public the independent overview report into the death of Child P, who was
        found unwell at home in 2016.
        """)
        == "other"
    )
    # a page that lists reviews and says each has an overview report
    assert (
        doc_type("""
        Case reviews

        Each review leads to a summary. Since 2011 the board has also made the overview report public.
        """)
        == "other"
    )
    # the report's own title page still names it
    assert (
        doc_type("""
        Serious Case Review

        Overview Report

        Child P

        Author: A. Reviewer
        """)
        == "overview_report"
    )


def test_a_press_release_welcoming_a_report_is_not_the_report():
    assert (
        doc_type("""
        Minister welcomes launch of the first overview report on reviews

        The minister today welcomed the launch of a report bringing together learning from 20 reviews.
        """)
        == "other"
    )


def test_a_committee_proposed_in_a_list_does_not_make_the_page_a_committee_paper():
    assert (
        doc_type("""
        Keeping children safe: the review of children's services, 2006

        The report lists what needs to be done:

          • a children's scrutiny committee with powers to call witnesses is needed
          • better planning of services
        """)
        == "other"
    )
    assert (
        doc_type("""
        Children and Families Scrutiny Committee, 4 March 2020

        The committee received a report on the partnership's reviews.
        """)
        == "committee_report"
    )


def test_a_child_named_in_full_in_a_review_before_2019_is_a_serious_case_review():
    assert (
        review_type("""
        Review finds toddler's death could not have been foreseen

        An independent review of the death of three-year-old Amir Shah has found that his death in 2014
        could not have been predicted. The report was released by the council in 2016.
        """)
        == "SCR"
    )


def test_recommendations_or_themes_drawn_from_reviews_done_locally_are_learning_across_reviews():
    assert (
        review_type("""
        Safeguarding lessons for schools, spring 2022

        The attached paper draws together recent recommendations from case reviews undertaken locally and
        explains what they mean for schools.
        """)
        == "thematic"
    )
    assert (
        review_type("""
        Our report highlights key themes from published practice reviews across the region in 2019.
        """)
        == "thematic"
    )


def test_a_page_about_the_panel_that_decides_on_reviews_is_about_no_review():
    assert (
        review_type("""
        Home » About us » Our groups

        Case Review Sub-group

        The sub-group decides whether a case meets the criteria for a review and oversees the reviews the
        board commissions. Learning from these reviews is shared through the board's learning memos.
        """)
        == "none"
    )


def test_children_named_by_first_name_as_the_cases_of_several_reviews():
    record = extract("""
        Learning on information sharing

        The partnership has drawn key learning from a series of local reviews, including findings from the
        cases of Ruby, Tariq, Lena & Sam.
        """)

    assert record.child_pseudonyms == ["Ruby", "Tariq", "Lena", "Sam"]
    assert record.review_type == "thematic"
    # one child named in full in "the case of" is not a list of first names
    assert pseudonyms("Lessons were drawn from the case of Victoria Climbie in 2003.") != ["Victoria"]


def test_the_panel_by_its_short_name_is_the_national_panel():
    assert (
        review_type("""
        On 3 May the government's Child Safeguarding Panel published a briefing paper on head injuries in
        babies, drawing on the incidents notified to it over two years.
        """)
        == "thematic"
    )


# Helper extract10: review type by what a page is about, not what it cites.


def test_a_page_explaining_when_reviews_are_held_that_cites_an_analysis_is_about_no_one_review():
    # a board's or a blog's page on reviews in general: the analysis it cites is not its subject
    assert (
        review_type("""
        Case reviews: what schools need to know

        Posted 3 March 2025

        A practice review is held when abuse or neglect of a child is known or suspected and the child has
        died or been seriously harmed. Schools are often asked to contribute.

        Nationally, a recent analysis of serious case reviews found that schools were rarely asked for their
        view. We look at what this means for designated leads.
        """)
        == "none"
    )


def test_a_guide_on_when_reviews_are_held_that_cites_the_panels_guidance_is_about_no_one_review():
    assert (
        review_type("""
        Guide for schools: rapid reviews

        When is a rapid review held?
        A rapid review is held where abuse or neglect is suspected and the child has died or been seriously
        harmed. What partners must do is set out in the Child Safeguarding Practice Review Panel guidance.
        """)
        == "none"
    )


def test_a_page_whose_title_speaks_of_what_reviews_teach_still_draws_on_them():
    # the title says the page is about what many reviews teach: the definition below it is background
    assert (
        review_type("""
        Learning from serious case reviews

        A serious case review is a local enquiry held where a child has died or been seriously harmed. An
        analysis of serious case reviews published in 2020 found these themes.
        """)
        == "thematic"
    )
    # the analysis opens the page, before any explanation of what a review is
    assert (
        review_type("""
        Analysis of 120 serious case reviews published

        The study looked at cases where a child died or was seriously harmed.
        """)
        == "thematic"
    )


def test_an_essay_on_reviews_of_a_kind_in_general_is_about_no_one_review():
    # the plural throughout, "a serious case review" only as an example of the kind, no review pointed at
    assert (
        review_type("""
        Why serious case reviews matter to nurses

        Serious case reviews bring agencies together after harm. Serious case reviews ask what went wrong,
        and a serious case review usually takes months. Nurses learn from serious case reviews when their
        trusts share them, and serious case reviews often name health visitors.
        """)
        == "none"
    )


def test_one_review_pointed_at_or_a_committee_item_is_not_reviews_in_general():
    # "the serious case review" points at one review, though the plural is frequent
    assert (
        review_type("""
        Serious case reviews: the board's year

        Serious case reviews are commissioned by the board. Serious case reviews take time and serious case
        reviews cost money. The serious case review published in May 2016 concerned a baby who died.
        """)
        != "none"
    )
    assert (
        review_type("""
        Children's Scrutiny Committee

        Item 6: Serious case reviews

        Members noted that serious case reviews had fallen. Serious case reviews now take longer, and serious
        case reviews published locally are read by schools. A serious case review was started in 2016.
        """)
        != "none"
    )


def test_a_report_that_analysed_the_reviews_it_counts_is_learning_across_reviews():
    assert (
        review_type("""
        University and charity publish the region's first review of child deaths

        The report analysed 31 case reviews concerning 40 children who died or were seriously injured between
        2004 and 2009. It was launched today.
        """)
        == "thematic"
    )


def test_a_paper_on_a_partnerships_thematic_reviews_is_about_thematic_reviews():
    assert (
        review_type("""
        Agenda item

        CHILDREN'S PARTNERSHIP: THEMATIC REVIEWS OF SELF-HARM AND EXPLOITATION

        The purpose of this report is to advise the Board of the findings of two thematic reviews carried out
        by the partnership over the last year.

        Minutes:
        Members noted the findings.
        """)
        == "thematic"
    )
