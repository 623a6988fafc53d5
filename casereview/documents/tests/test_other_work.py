"""Pages about work that is not a child's case review: inspections, inquiries, adults' and homicide reviews.
Each text is written for the test, of the kind of page, not copied from a corpus document."""

from casereview.documents.tests.kinds import extract


def test_an_inspection_after_a_childs_death_is_no_review_and_names_no_child_of_one():
    result = extract(
        """
        Inspectors find weaknesses in Eastwick's front door for children

        A joint targeted area inspection of Eastwick was carried out by Ofsted, the CQC and HMICFRS after the
        death of Daniel Ashworth-Reid, aged four.

        Daniel Ashworth-Reid's father was jailed in March. A local child safeguarding practice review is under
        way and will report later this year.

        The inspection found:
        - Referrals wait too long to be screened.
        - Partners do not share information at the strategy meeting.
        """
    )
    assert result.review_type == "none"
    assert result.child_pseudonyms == []


def test_a_childs_review_that_mentions_an_inspection_later_keeps_its_kind_and_child():
    result = extract(
        """
        Serious Case Review: Child T

        The Northvale Safeguarding Children Board commissioned this serious case review in 2015 after Child T
        was seriously injured. Child T was known to children's social care.

        An Ofsted inspection in 2016 later found that the learning had been shared with staff.
        """
    )
    assert result.review_type == "SCR"
    assert result.child_pseudonyms == ["Child T"]


def test_a_rapid_review_that_opens_with_an_inspection_is_still_that_childs_review():
    result = extract(
        """
        Rapid Review: Child K

        An Ofsted inspection in 2022 rated the service inadequate. This rapid review looked at the care of
        Child K, aged 9 months.

        Key learning
        • Professionals did not ask about the father.
        • Health visitors did not see the baby at home.
        • Nobody checked who lived in the household.
        """
    )
    assert result.review_type == "CSPR"
    assert result.child_pseudonyms == ["Child K"]


def test_a_page_whose_title_names_no_inspection_is_not_an_inspections():
    result = extract(
        """
        What we learned from the review of Baby M

        The joint inspection of Westmoor's services in 2018 had found that health visitors rarely saw fathers.
        This serious case review looked at the care of Baby M, who was injured at eight weeks old in 2017.
        """
    )
    assert result.review_type == "SCR"
    assert "Baby M" in result.child_pseudonyms


def test_ofsteds_evaluation_of_serious_case_reviews_is_still_learning_across_reviews():
    result = extract(
        """
        Ofsted inspection evidence: learning lessons from serious case reviews 2009-10

        Ofsted evaluated 147 serious case reviews completed between April 2009 and March 2010.
        """
    )
    assert result.review_type == "thematic"


def test_an_analysis_of_adults_reviews_is_thematic_and_its_briefing_is_not_a_childrens_learning_brief():
    result = extract(
        """
        Briefing for practitioners - national analysis of safeguarding adult reviews

        This briefing summarises what a national study found when it analysed 180 safeguarding adult reviews
        completed by safeguarding adults boards between 2019 and 2022.

        Key messages:
        - Self-neglect featured in a third of the reviews.
        - Mental capacity was often assumed rather than assessed.
        """
    )
    assert result.review_type == "thematic"
    assert result.doc_type == "other"


def test_a_boards_page_of_adults_reviews_with_executive_summaries_is_other():
    result = extract(
        """
        Safeguarding Adults Reviews

        Mr P: themes of hoarding, fire risk and carers' support.

        Mr P - Safeguarding Adults Review - Executive Summary

        Mr P - Learning Briefing
        """
    )
    assert result.doc_type == "other"


def test_a_welsh_adult_practice_review_is_not_a_childs_review():
    result = extract(
        """
        Adult Practice Review: Mrs W

        A concise Adult Practice Review was commissioned by the regional safeguarding board after Mrs W, aged
        79, died at home.
        """
    )
    assert result.review_type == "none"


def test_a_childs_learning_brief_that_mentions_a_homicide_review_or_adults_board_is_still_a_learning_brief():
    alongside = extract(
        """
        Learning brief: Child T

        Child T was 3 years old when she died. Her mother was killed by her partner.
        A Domestic Homicide Review was held alongside this review.

        Key learning
        • Professionals did not ask about domestic abuse.
        • The GP was not told of the police call-outs.
        • The school did not share its concerns.
        """
    )
    shared = extract(
        """
        Learning brief: Child T

        Child T was 3 years old when she died.

        Key learning
        • Professionals did not ask about domestic abuse.
        • The GP was not told of the police call-outs.
        • The school did not share its concerns.

        The learning will be shared with the Safeguarding Adults Board.
        """
    )
    assert [alongside.doc_type, shared.doc_type] == ["learning_brief", "learning_brief"]


def test_a_childs_learning_brief_with_a_homicide_review_alongside_is_about_a_childs_review():
    result = extract(
        """
        Learning brief: Child T

        Child T was 3 years old when she died. Her mother was killed by her partner.
        A Domestic Homicide Review was held alongside this review.

        Key learning
        • Professionals did not ask about domestic abuse.
        • The GP was not told of the police call-outs.
        • The school did not share its concerns.
        """
    )
    assert result.review_type != "none"


def test_a_briefing_that_speaks_of_a_coroners_inquiry_is_not_an_inquirys_page():
    result = extract(
        """
        7 minute briefing: Baby R

        Background: the coroner's inquiry into Baby R's death heard that agencies knew of the risks.

        Learning
        • Professionals did not ask about the father.
        • Health visitors did not see the baby at home.
        • Nobody checked who lived in the household.
        """
    )
    assert result.doc_type == "learning_brief"


def test_a_briefings_conclusion_heading_does_not_make_it_a_research_paper():
    result = extract(
        """
        7 minute briefing: serious case review, neglect of three siblings

        1. Background: the serious case review looked at three siblings who were neglected over many years.
        2. Key learning: professionals did not see the children alone.
        3. Conclusion: agencies must look at the cumulative impact of neglect.
        """
    )
    assert result.review_type == "SCR"


def test_an_inquirys_executive_summary_is_not_a_case_reviews():
    result = extract(
        """
        The Report of the Independent Harbour Island Children's Homes Inquiry

        Volume 1: Executive Summary

        Presented to the island's parliament in 2019.
        """
    )
    assert result.doc_type == "other"


def test_a_case_reviews_own_executive_summary_is_still_one():
    result = extract(
        """
        Serious Case Review: Child N

        Executive Summary

        Author: an independent reviewer, for the Southmoor Safeguarding Children Board.
        """
    )
    assert result.doc_type == "executive_summary"


def test_executive_summary_in_a_reports_contents_is_a_part_of_the_report_not_its_kind():
    result = extract(
        """
        Research report: a study of findings arising from local reviews

        Contents

        Executive Summary

        Chapter 1: Aims and method

        Chapter 2: Findings
        """
    )
    assert result.doc_type != "executive_summary"


def test_a_nations_advisory_board_or_a_board_without_its_place_is_not_the_partnership():
    result = extract(
        """
        Child practice reviews in Wales

        The National Independent Safeguarding Board advises Welsh Ministers. Every Regional Safeguarding Board
        must send its reports to the National Independent Safeguarding Board.
        """
    )
    assert result.partnership is None


def test_a_regional_board_named_with_its_place_is_the_partnership():
    result = extract(
        """
        Scrutiny committee, 3 March 2015

        The committee received the annual report of the Mid Dyfi Safeguarding Children Board. The Regional
        Safeguarding Children Board met four times; the Mid Dyfi Safeguarding Children Board published one review.
        """
    )
    assert result.partnership == "Mid Dyfi Safeguarding Children Board"


def test_minutes_of_a_boards_meeting_are_a_committee_paper():
    result = extract(
        """
        Minutes of the Eastbrook Safeguarding Adults Board meeting, 12 June 2023

        Present: the independent chair, the director of adult social care, the police.

        Safeguarding adults reviews: two are in progress and one will be published in July.
        """
    )
    assert result.doc_type == "committee_report"


def test_a_legislature_asked_to_decide_after_a_review_is_a_committee_paper():
    result = extract(
        """
        Review of children's services on the island: implementation of recommendations

        PROPOSITION

        The Assembly is asked to decide whether it is of opinion to endorse the response of the Council of
        Ministers to the independent review of children's services.
        """
    )
    assert result.doc_type == "committee_report"


def test_a_members_question_to_a_minister_is_a_committee_paper():
    result = extract(
        """
        Will the Minister publish the terms of reference of the child practice review into the school?

        Answer: the regional board decides what it publishes, and I have asked it to publish them.
        """
    )
    assert result.doc_type == "committee_report"


def test_a_case_review_published_by_a_child_protection_committee_is_not_a_committee_paper():
    scottish = extract(
        """
        Learning Review – Child C – Renfrewshire Child Protection Committee

        This learning review considered the care of Child C, who was seriously injured in 2021.

        Key learning
        • Professionals did not ask about the father.
        • Health visitors did not see the baby at home.
        • Nobody checked who lived in the household.
        """
    )
    islands = extract(
        """
        Serious Case Review: Child Y - Islands Child Protection Committee

        Child Y was four when she was admitted to hospital in 2016.
        """
    )
    assert scottish.doc_type == "learning_brief"
    assert islands.doc_type != "committee_report"


def test_a_paper_to_a_child_protection_committees_meeting_is_a_committee_paper():
    result = extract(
        """
        Renfrewshire Child Protection Committee, 3 May 2022

        Item 4: learning review of Child C

        The committee is asked to note the findings of the learning review and to agree the action plan.
        """
    )
    assert result.doc_type == "committee_report"


def test_news_of_what_a_committee_published_is_not_its_paper():
    result = extract(
        """
        Serious case review published - 8 May 2016

        The Harbour Islands Child Protection Committee has today published a serious case review into the
        care of a child known as CD, with nine recommendations.
        """
    )
    assert result.doc_type != "committee_report"


def test_a_research_papers_abstract_on_its_own_topic_is_about_no_review():
    result = extract(
        """
        Safe sleep advice for families of infants at risk: a systematic review and qualitative metasynthesis

        ## Abstract

        **Background** Sudden unexpected death in infancy has fallen, but not equally. The work was
        commissioned by the Child Safeguarding Practice Review Panel, whose national review found that
        advice was not followed.

        **Methods** Twelve databases were searched for qualitative studies of parents' decisions.
        """
    )
    assert result.review_type == "none"


def test_a_research_paper_analysing_case_reviews_is_learning_across_them():
    result = extract(
        """
        Neglect and serious harm: what the reviews tell us

        Abstract

        OBJECTIVE: To identify practice themes in an analysis of 40 serious case reviews completed in 2015.
        """
    )
    assert result.review_type == "thematic"


def test_a_childs_name_in_quotation_marks_used_again_is_the_pseudonym():
    result = extract(
        """
        Scrutiny committee: the board's annual report

        Serious Case Review (SCR) 0412 ‘Oscar’ was published in May. The chair said that ‘Oscar’ had been
        known to five agencies, and that Oscar's school had raised concerns.
        """
    )
    assert "Oscar" in result.child_pseudonyms


def test_a_quoted_word_that_is_also_written_in_lower_case_is_no_name():
    result = extract(
        """
        Annual report of the safeguarding children partnership

        The ‘Panel’ met six times to consider rapid reviews. The panel decided that one serious case review
        was needed. The ‘Panel’ reports to the partnership.
        """
    )
    assert "Panel" not in result.child_pseudonyms


def test_the_child_known_as_a_code_is_the_pseudonym():
    result = extract(
        """
        News release: a serious case review into the care of a child known as QT is published today by the
        island's child protection committee.
        """
    )
    assert "QT" in result.child_pseudonyms


def test_partnerships_named_together_as_often_are_no_one_partnership():
    result = extract(
        """
        Child safeguarding practice reviews: a procedure shared by three areas

        Northdale, Southdale and Eastdale (NDSCP; SDSCP and EDSCP) work to this procedure together.
        """
    )
    assert result.partnership is None


def test_link_texts_of_two_areas_partnerships_name_neither():
    result = extract(
        """
        Learning from case reviews for schools

        Reviews are published on the local safeguarding partnership websites, which can be found here: HSCP and
        here: IoWSCP.
        """
    )
    assert result.partnership is None


def test_an_abbreviation_only_in_a_web_address_names_no_partnership():
    result = extract(
        """
        Slides: learning from two local reviews

        The reports can be found at http://www.abscb.org.uk/uploads/ABSCB-Review-X.pdf and on the board's site.
        """
    )
    assert result.partnership is None


def test_one_areas_abbreviation_used_alone_is_still_the_partnership():
    result = extract(
        """
        The OSCB has published its review. The OSCB chair said the learning will be shared widely.
        """
    )
    assert result.partnership == "OSCB"
