"""Shapes of document from the eleventh blind set's failures, each written for the test in the general form of
its kind: Word lists whose second level has another glyph, a report's paragraph numbers beside its dates."""

from casereview.documents.extraction import parse_stated_date

from .kinds import extract, texts


def test_a_word_lists_second_level_bullets_stay_with_the_point_they_explain():
    record = extract("""
        Key learning:
        \uf0b7 Supervision was rare.
        \uf0a7 Managers were absent.
        \uf0a7 Cases were not discussed.
        \uf0b7 Plans were not tested.
        """)

    assert texts(record.learning_points) == [
        "Supervision was rare. Managers were absent. Cases were not discussed.",
        "Plans were not tested.",
    ]


def test_second_level_bullets_under_a_point_that_introduces_them_are_the_items():
    record = extract("""
        Key learning:
        • Supervision was rare because:
          ◦ managers were absent;
          ◦ cases were not discussed.
        • Plans were not tested.
        """)

    assert texts(record.learning_points) == [
        "managers were absent;",
        "cases were not discussed.",
        "Plans were not tested.",
    ]


def test_bullets_under_a_numbered_title_are_the_items_not_part_of_the_title():
    record = extract("""
        Six-step briefing

        4. The Findings

          • Pre-birth assessment must use the parents' history
          • Strategy discussions were not held

        5. What next
        """)

    assert texts(record.learning_points) == [
        "Pre-birth assessment must use the parents' history",
        "Strategy discussions were not held",
    ]


def test_any_private_use_glyph_is_a_bullet_and_never_part_of_an_items_words():
    record = extract("""
        Key learning:
        \ue000 Supervision was rare.
        \ue000 Plans were not tested.
        """)

    assert texts(record.learning_points) == ["Supervision was rare.", "Plans were not tested."]


def test_a_reports_paragraph_numbers_are_not_dates():
    assert parse_stated_date("as paragraph 4.11.12 sets out") is None
    assert parse_stated_date("sections 3.2.19 and 3.2.20") is None
    assert parse_stated_date("Recommendation 5.1.20") is None
    assert parse_stated_date("see 4.11.12.3") is None
    assert str(parse_stated_date("In paragraph 4.11 (March 2019) the review")) == "2019-03-01"
    assert str(parse_stated_date("signed off on 4.11.2019")) == "2019-11-04"


def test_a_date_beside_paragraph_numbers_is_still_found_in_metadata():
    record = extract("""
        Serious Case Review: Child R

        4.11 The review was published in March 2020.
        4.12 Paragraph 3.2.19 describes the referral.
        """)

    assert record.dates["published"] == "March 2020"


def test_a_news_headline_about_recommendations_does_not_make_the_story_its_recommendations():
    record = extract("""
        Inquiry chair urges minister to adopt recommendations

        The chair of the inquiry has written to the minister about his report.

        He said the report was widely supported and should be acted on without delay.

        Study calls for better support for young carers

        Researchers examined the deaths of young people over two years.
        """)

    assert record.recommendations == []


def test_the_paragraphs_after_a_recommendations_list_are_the_pages_own():
    record = extract("""
        The inquiry's recommendations

          • Compensation for survivors
          • A public apology

        The findings were to go before the assembly, but progress stalled.

        The chair has written to the minister to say the inquiry has ended.
        """)

    assert texts(record.recommendations) == ["Compensation for survivors", "A public apology"]


def test_recommendations_written_as_paragraphs_under_their_heading_are_still_found():
    record = extract("""
        Care Inquiry: 3 recommendations

        A children's commissioner should be appointed.

        Children in care should be heard at every review.

        Services should be inspected every year.
        """)

    assert len(record.recommendations) == 3


def test_what_an_inspection_found_is_learning():
    record = extract("""
        The council was issued with an improvement notice after the joint inspection.

        The joint inspection found:

          • Too few social workers in the front door.
          • Learning from reviews is not shared with the workforce.
        """)

    assert texts(record.learning_points) == [
        "Too few social workers in the front door.",
        "Learning from reviews is not shared with the workforce.",
    ]


def test_it_found_after_a_report_is_what_the_report_found_but_not_after_anything_else():
    report = extract("""
        The report concluded the baby was well cared for.

        It also found:

          • No signs of physical abuse were seen
          • The baby was regularly seen by health professionals
        """)
    survey = extract("""
        We asked parents what they thought of the new play park.

        It also found:

          • Most parents visit at weekends
          • The swings are popular
        """)

    assert len(report.learning_points) == 2
    assert survey.learning_points == []


def test_action_worded_bullets_under_a_findings_and_recommendations_heading_and_a_topic_are_recommendations():
    record = extract("""
        Report findings and recommendations

        A new kind of family service

          • Create one service for early help and children in need
          • Invest in local hubs that families already trust
          • Develop a greater understanding of cultural differences
          • Practitioners will keep working with families alongside specialists
        """)

    assert len(record.recommendations) == 4
    assert record.learning_points == []


def test_a_review_that_makes_no_recommendations_gives_none():
    record = extract("""
        Thematic review of four infants.
        Key Findings
        - Reflections include: how to support universal services; how to keep direct contact with families.
        - Makes no recommendations, but reflects on three main issues: services online; lockdown; fathers lost.
        To download this document, click the link below.
        """)

    assert record.recommendations == []


def test_a_contents_list_without_page_numbers_and_a_statement_of_purpose_are_not_learning():
    record = extract("""
        Themes and Lessons

        1. Context
        2. Introduction
        3. Summary of each case
        4. Themes arising from the reviews
        5. Conclusion

        The purpose of this report is:

          • To see if there are common lessons in the county's reviews;
          • To promote discussion between agencies.
        """)

    assert record.learning_points == []


def test_contents_entries_ending_in_paragraph_numbers_are_not_recommendations():
    record = extract("""
        TABLE OF CONTENTS

        Recommendations  13.1

        RECOMMENDATION 5: Legislation  13.14

        RECOMMENDATION 6: Corporate parent  13.16

        RECOMMENDATION 7: Legacy issues  13.20

        Concluding remarks  13.25
        """)

    assert record.recommendations == []


def test_a_page_about_an_inspection_is_about_no_case_review_and_names_no_child_of_its_own():
    record = extract("""
        Council issued with improvement notice after joint inspection

        The joint targeted area inspection followed the death of Amir Kowalczyk, and a national child
        safeguarding practice review into Amir Kowalczyk's death is under way.

        The joint inspection found:

          • Too few social workers in the front door.
        """)

    assert record.review_type == "none"
    assert record.child_pseudonyms == []


def test_an_analysis_of_safeguarding_adults_reviews_is_thematic():
    record = extract("""
        Briefing for families - Analysis of Safeguarding Adults Reviews April 2017 - March 2019

        Key messages

          • Families were not listened to.
        """)

    assert record.review_type == "thematic"


def test_a_packed_paragraph_after_a_findings_lead_in_splits_though_it_opens_with_a_section_word():
    record = extract("""
        The findings highlight groups where specific actions are needed:

        support for young people who are bereaved; greater priority for mental health in colleges; and
        housing for looked after children.

        Background

        The study ran for two years.
        """)

    assert texts(record.learning_points) == [
        "support for young people who are bereaved",
        "greater priority for mental health in colleges",
        "and housing for looked after children.",
    ]


def test_areas_requiring_attention_are_learning_and_a_reviews_proposals_are_recommendations():
    areas = extract("""
        The board found several areas requiring attention including:

        ○ The need to improve the quality of supervision.

        ○ The review of record keeping across the health system.
        """)
    proposals = extract("""
        New proposals from the review include:

        Creating a new family help service in trusted community settings.

        Recruiting and keeping enough social workers, with national pay scales.
        """)

    assert len(areas.learning_points) == 2
    assert len(proposals.recommendations) == 2


def test_long_lines_after_a_lead_in_announcing_findings_and_recommendations_are_each_one_by_its_wording():
    lines = [
        "The Child W review looked at the months before a serious assault on a young person aged sixteen.",
        "The review resulted in the following findings and recommendations:",
        "There are risks to children whose social, mental and emotional health needs are not met in mainstream"
        " schools, and these risks were not seen by the agencies that knew the young person.",
        "Education plan reviews must involve health and social care so that there is a multi-agency approach to the"
        " young person's needs and to the risks outside the home;",
        "For the partnership to seek assurance that the special needs coordinator is invited to, and attends, every"
        " child protection conference for a child with an education plan.",
        "Contextual safeguarding is an approach that would help the system work with young people at risk of"
        " criminal exploitation.",
    ]
    record = extract("\n".join(lines))

    assert len(record.learning_points) == 2
    assert len(record.recommendations) == 2


def test_some_of_the_n_recommendations_as_unpunctuated_lines_before_a_paragraph_are_the_ones_listed():
    lines = [
        "The review found the boards had made good progress over five years.",
        "Some of the 17 recommendations in the review include:",
        "the boards should continue to operate in joint form",
        "the boards should continue to be independently chaired",
        "a legislative framework for safeguarding should be a priority for the new government",
        "The consultant who carried out the review said the arrangements were a considerable improvement on what"
        " went before and had put in place foundations on which the partnership could build in the coming years.",
    ]
    record = extract("\n".join(lines))

    assert texts(record.recommendations) == [
        "the boards should continue to operate in joint form",
        "the boards should continue to be independently chaired",
        "a legislative framework for safeguarding should be a priority for the new government",
    ]


def test_key_themes_at_the_end_of_a_line_about_reviews_lead_in_the_lines_after_it():
    lines = [
        "The panel's annual report draws on learning from rapid reviews and local child safeguarding practice"
        " reviews. This report presents what we have learned. Key themes identified include:",
        "The importance of a whole family approach to risk assessment.",
        "Recognising the vulnerability of babies.",
        "Keeping a focus on risks outside the family.",
    ]
    record = extract("\n".join(lines))

    assert len(record.learning_points) == 3


def test_an_inspection_page_is_known_under_a_pdfs_running_header_too():
    record = extract("""
        An Ofsted probe after the death of Amir Kowalczyk finds the council's children's services...

        An Ofsted probe after the death of Amir Kowalczyk finds the council's children's services inadequate.

        Children in the town where Amir Kowalczyk lived are experiencing significant harm, a report has found.
        An Ofsted inspection of the council has rated its services as inadequate.
        """)

    assert record.review_type == "none"
    assert record.child_pseudonyms == []


def test_minutes_propositions_and_a_named_committees_report_are_committee_papers():
    minutes = extract("""
        Minutes from the Local Safeguarding Children Board Meeting: 21 April 2016

        1. Attendance and apologies
        """)
    propositions = extract("""
        Review of the Children Law

          • The States are asked to decide:-
          • Whether to agree the policy letter.
        """)
    committee = extract("""
        The Review of Home Education - Children, Schools and Families Committee Contents

        The recommendations and proposals
        """)

    assert [minutes.doc_type, propositions.doc_type, committee.doc_type] == ["committee_report"] * 3


def test_a_finding_told_in_one_sentence_with_a_semicolon_is_not_a_list_but_three_parts_are():
    one = extract("""
        The review found that considerable work has been done on policies and training; all of which have
        helped drive improvements across the system.
        """)
    three = extract("""
        The review found that plans were not tested; supervision was rare; and fathers were not seen.
        """)

    assert one.learning_points == []
    assert len(three.learning_points) == 3


def test_the_problems_a_review_identified_are_learning():
    record = extract("""
        In this case the main problems identified were mostly different:

          • Understanding the family's history

          • Over reliance on what the parents said
        """)

    assert texts(record.learning_points) == [
        "Understanding the family's history",
        "Over reliance on what the parents said",
    ]


def test_this_includes_speaks_for_the_sentence_before_it_not_for_an_earlier_list():
    record = extract("""
        The review identifies risk factors for young people, including experiences of:
        - Bereavement
        - Substance misuse
        The review identifies some important strategies for professionals to help prevent deaths. This includes:
        - training and support for social care practitioners.
        - information for families on where to find support.
        """)

    assert texts(record.learning_points) == [
        "training and support for social care practitioners.",
        "information for families on where to find support.",
    ]


def test_the_paragraphs_of_a_partnerships_page_on_reviews_in_general_are_not_learning():
    record = extract("""
        Learning from Reviews

        The purpose of case reviews, at both local and national level, is to identify improvements to be made
        to safeguard and promote the welfare of children.

        The partnership has a quality assurance framework which shows how its review activity generates
        learning for those who work with children.
        """)

    assert record.learning_points == []


def test_a_list_nested_in_a_groups_responsibilities_is_not_recommendations():
    record = extract("""
        In each area the case review group is responsible for this process including:

          • Recommendations to the lead partners as to:
            ◦ whether a practice review should be carried out, or
            ◦ whether other action should be taken
          • Commissioning local practice reviews
        """)

    assert record.recommendations == []


def test_a_committees_numbered_conclusions_under_topic_headings_are_learning():
    record = extract("""
        The committee published its report on the inquiry. The Committee's conclusions are as follows:

        Independence and accountability

        1. It is important that the inquiry is, and is seen to be, independent. (Paragraph 5)

        2. The Act makes no provision for the relationship between inquiries and Parliament. (Paragraph 6)

        The chair

        3. It is disappointing that the former chair has refused to give evidence. (Paragraph 9)
        """)

    assert len(record.learning_points) == 3


def test_a_reports_own_paragraph_numbers_in_a_recommendations_section_are_not_recommendations():
    record = extract("""
        The recommendations and proposals

        108. The recommendations in the review cover both the accountability of parents and the provision.

        109. In terms of accountability, the review recommends that:

            Parents must provide a clear statement of their approach at registration.

        110. As outlined, parents have a duty to provide their child with a suitable education.
        """)

    assert texts(record.recommendations) == [
        "Parents must provide a clear statement of their approach at registration.",
    ]
