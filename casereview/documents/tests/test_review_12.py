"""Faults review 12 found in the extraction of lists (docs/review-12.md, extract13), each on the reviewer's own
text: lists numbered from 10, action verbs that open learning, counted lead-ins, pages about reviews."""

from .kinds import extract, texts


def test_recommendations_numbered_on_from_an_earlier_list_are_recommendations():
    record = extract("""
        Recommendations

        Recommendations for children's social care

        1. Social workers should see the child alone at every visit.
        2. Managers should review the plan monthly.

        Recommendations for health

        10. The ICB should ensure GPs record who lives in the household.
        11. Health visitors should share concerns with the school nurse.
        12. The trust should audit its safeguarding supervision.
        """)

    assert texts(record.recommendations) == [
        "Social workers should see the child alone at every visit.",
        "Managers should review the plan monthly.",
        "The ICB should ensure GPs record who lives in the household.",
        "Health visitors should share concerns with the school nurse.",
        "The trust should audit its safeguarding supervision.",
    ]


def test_learning_numbered_from_ten_is_learning():
    record = extract("""
        Key learning

        10. Professionals did not see the child alone.
        11. The father was not assessed.
        12. Chronologies were not kept.
        """)

    assert texts(record.learning_points) == [
        "Professionals did not see the child alone.",
        "The father was not assessed.",
        "Chronologies were not kept.",
    ]


def test_a_reports_paragraph_numbers_carried_on_over_its_recommendations_heading_are_not_its_list():
    record = extract("""
        Analysis

        41. The review considered how agencies worked together over the two years before the incident.

        42. The review heard from the family and from every agency that knew the child.

        Recommendations

        43. This section sets out what the review asks of the partnership and when it will report on progress.

        44. Its recommendations are listed below:

        • The partnership should ensure that agencies share information about fathers.
        • Schools should record every concern about neglect.
        """)

    assert texts(record.recommendations) == [
        "The partnership should ensure that agencies share information about fathers.",
        "Schools should record every concern about neglect.",
    ]


def test_a_finding_that_opens_with_a_noun_that_is_also_a_verb_is_learning_not_an_action():
    record = extract("""
        Findings and recommendations

        The review resulted in the following findings and recommendations:

        • Support for the mother was not coordinated between agencies.
        • Review of the case records showed no chronology was kept.
        • Make sure every agency records who lives in the household.
        • Improve the sharing of information between the GP and school.
        """)

    assert texts(record.learning_points) == [
        "Support for the mother was not coordinated between agencies.",
        "Review of the case records showed no chronology was kept.",
    ]
    assert texts(record.recommendations) == [
        "Make sure every agency records who lives in the household.",
        "Improve the sharing of information between the GP and school.",
    ]


def test_a_lead_in_counting_more_recommendations_than_follow_still_gives_those_that_follow():
    record = extract("""
        The review makes three recommendations:

        The partnership should ensure agencies share information about fathers and audit chronologies.

        Schools should record every concern about neglect.

        Background
        """)

    assert texts(record.recommendations) == [
        "The partnership should ensure agencies share information about fathers and audit chronologies.",
        "Schools should record every concern about neglect.",
    ]


def test_a_paragraph_not_worded_as_a_recommendation_after_a_count_it_falls_short_of_is_not_one():
    record = extract("""
        The board makes three recommendations:

        The report was published in May 2021 after two years of work.

        Background
        """)

    assert record.recommendations == []


def test_a_finding_on_a_page_titled_learning_from_reviews_is_learning():
    record = extract("""
        Learning from Reviews

        The review of Child T found that professionals did not see the harm of neglect on a baby not seen at clinics.

        Professionals should see the child alone and record what the child says about daily life at home.
        """)

    assert len(record.learning_points) == 2


def test_a_page_listing_reviews_that_describes_them_gives_no_learning():
    record = extract("""
        Learning from Reviews

        The purpose of case reviews, local and national, is to identify improvements to be made to safeguard children.

        SCSP has a quality assurance framework which shows how reviews give learning to staff who work with children.

        Child Safeguarding Practice Reviews are about sharing improvements, so the partnership will publish reports.
        """)

    assert record.learning_points == []
