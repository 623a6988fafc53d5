"""Kinds of page whose metadata the extractor got wrong on set 7 (issue 15): reviews that are not of a child's
case, the Panel's own national reviews, inspectorates' reports across many reviews, pages explaining what a
review of a kind is. Every text is written for the test in the general form of its kind."""

from .kinds import review_type


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
