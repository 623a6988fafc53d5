"""Shapes of list the extractor missed on documents it was not written for (issue 15, corpus6's held-out third
made a tuning set): themes after a sentence about one review with a plan named further up, recommendations
grouped under the names of themes, numbered titles over bullets that explain them. Every text is written for
the test in the general form of its shape."""

from .kinds import extract, texts


def test_key_themes_after_a_sentence_about_a_review_are_learning_though_a_strategy_is_named_further_up():
    record = extract("""
        Case reviews

        Our strategy for 2022-25 sets out how the partnership will respond to neglect.

        Child T
        The serious case review into the death of Child T was published in June 2019.

        Key themes: supervision of new staff; records shared between health visitors; and work with fathers.
        """)

    assert texts(record.learning_points) == [
        "supervision of new staff",
        "records shared between health visitors",
        "and work with fathers.",
    ]
    # the themes of a sentence about the board's plans, after the review, are not the review's
    record = extract("""
        Child T
        The serious case review into the death of Child T was published in June 2019.
        The board's plans for the coming year follow. Key themes: recruitment; training; and budgets.
        """)
    assert record.learning_points == []


def test_recommendations_grouped_under_the_names_of_themes_list_the_themes_not_the_recommendations():
    record = extract("""
        The scrutiny panel made 28 recommendations, grouped under the following practice themes:
        - Early help
        - Staff retention
        - Working with schools
        """)

    assert record.recommendations == [] and record.learning_points == []


def test_numbered_titles_over_bullets_that_explain_them_are_the_items():
    record = extract("""
        Recurring themes in local reviews

        Some themes come up in review after review.

        1. Drift in planning

          • Plans were carried over from one meeting to the next
          • Nobody asked whether the child's day had changed

        2. Fathers left out

          • Visits were booked when only the mother was at home
        """)

    assert texts(record.learning_points) == ["Drift in planning", "Fathers left out"]
    # numbered items that introduce a list (ending in ':') still stand for the list under them
    record = extract("""
        Key learning

        1. The review found two gaps in supervision:
          • cases were not discussed for months
          • decisions were not recorded
        """)
    assert texts(record.learning_points) == ["cases were not discussed for months", "decisions were not recorded"]


def test_a_list_noun_and_its_verb_lead_in_to_a_list_in_one_sentence_without_a_colon():
    record = extract("""
        Child Y
        The review was published in 2022. The learning from this review includes the need to weigh babies at
        every visit; the father's history being asked about; and plans that say who checks progress.
        Recommendations include a single neglect tool for all agencies; training for reception staff; and an
        audit of closed cases.
        """)

    assert texts(record.learning_points) == [
        "the need to weigh babies at every visit",
        "the father's history being asked about",
        "and plans that say who checks progress.",
    ]
    assert texts(record.recommendations) == [
        "a single neglect tool for all agencies",
        "training for reception staff",
        "and an audit of closed cases.",
    ]
    record = extract(
        "Child Y\nRecommendations were made for health to audit supervision; and for schools to train staff; "
        "for the police to share callouts.\n"
    )
    assert texts(record.recommendations) == [
        "for health to audit supervision",
        "and for schools to train staff",
        "for the police to share callouts.",
    ]
    # the same nouns in a sentence that lists nothing
    record = extract("Child Y\nRecommendations include those the board made last year, which are on its website.\n")
    assert record.recommendations == [] and record.learning_points == []


def test_key_themes_after_a_report_on_the_system_are_its_learning():
    record = extract("""
        The final report was published last spring and made twelve recommendations.

        Key themes to come through for health services include:

          • A family-focused approach is needed in every assessment.
          • Professionals should use their judgement rather than checklists.
        """)

    assert texts(record.learning_points) == [
        "A family-focused approach is needed in every assessment.",
        "Professionals should use their judgement rather than checklists.",
    ]
    # themes after a sentence about an event are the event's
    record = extract("""
        The final report was published last spring. The conference in May will discuss it.

        Key themes to come through for health services include:

          • Workforce
          • Budgets
        """)
    assert record.learning_points == []


def test_one_lead_in_for_findings_and_recommendations_gives_each_item_to_the_list_its_wording_names():
    record = extract("""
        Review of Child C

        The review's findings and recommendations are:

        • Agencies did not share what they knew about the father's violence.
        • The partnership should write guidance on working with fathers.
        • The child's voice was missing from assessments.
        """)

    assert texts(record.learning_points) == [
        "Agencies did not share what they knew about the father's violence.",
        "The child's voice was missing from assessments.",
    ]
    assert texts(record.recommendations) == ["The partnership should write guidance on working with fathers."]
    # under a lead-in for findings alone, an item saying "should" stays a finding
    record = extract("""
        Review of Child C

        The review's findings are:

        • Agencies did not share what they knew about the father's violence.
        • Staff said the policy should have been clearer.
        """)
    assert len(record.learning_points) == 2 and record.recommendations == []


def test_a_heading_glued_to_the_last_bullet_of_a_flattened_line_starts_the_next_list():
    record = extract(
        "Thematic review of missed appointments\n"
        "Key findings • Staff did not know the escalation policy • Missed appointments were not followed up"
        " Recommendations • The partnership should relaunch its escalation policy • GPs should be told of missed"
        " appointments Contact us\n"
    )

    assert texts(record.learning_points) == [
        "Staff did not know the escalation policy",
        "Missed appointments were not followed up",
    ]
    assert texts(record.recommendations) == [
        "The partnership should relaunch its escalation policy",
        "GPs should be told of missed appointments",
    ]
    # capitalised words that end an item are kept when they name no section
    record = extract(
        "Key findings • Nobody told Children's Social Care • Records were not kept by the School Nursing Service\n"
    )
    assert texts(record.learning_points) == [
        "Nobody told Children's Social Care",
        "Records were not kept by the School Nursing Service",
    ]


def test_headings_that_say_what_was_learned_in_other_words_head_learning_sections():
    for heading in ("What we learned", "Emerging learning", "Learning for agencies", "The learning", "Key conclusions"):
        record = extract(f"""
            Review of Child Q

            {heading}

            • Health visitors did not know the father lived in the home.
            • The safe sleep advice was given only once.
            """)
        assert texts(record.learning_points) == [
            "Health visitors did not know the father lived in the home.",
            "The safe sleep advice was given only once.",
        ], heading
    # an event about learning is not what was learned
    record = extract("""
        Practice learning events

        • Tuesday 4 March, town hall
        • Thursday 6 March, online
        """)
    assert record.learning_points == []


def test_recommendations_written_as_lines_without_bullets_are_one_item_a_line():
    record = extract("""
        Review of Child Q

        Key recommendations
        The partnership should publish a safe sleep guide for fathers.
        Health visitors should ask who lives in the home at every visit.
        Midwives should share antenatal concerns with the GP.
        """)

    assert texts(record.recommendations) == [
        "The partnership should publish a safe sleep guide for fathers.",
        "Health visitors should ask who lives in the home at every visit.",
        "Midwives should share antenatal concerns with the GP.",
    ]


def test_what_a_review_calls_for_is_what_it_recommends():
    record = extract("""
        Child S
        The review calls for a named lead for every child missing education; a single record shared by schools and
        health; and training for reception staff.
        """)

    assert texts(record.recommendations) == [
        "a named lead for every child missing education",
        "a single record shared by schools and health",
        "and training for reception staff.",
    ]
    assert record.learning_points == []
