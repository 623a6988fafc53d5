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
