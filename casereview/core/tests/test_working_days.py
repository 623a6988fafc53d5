from datetime import date

import pytest

from casereview.core.working_days import add_working_days, is_working_day, working_days_between

EASTER_2025_AWARE = date(2025, 4, 17)  # Thursday before Good Friday


def test_notification_deadline_skips_easter():
    # Good Friday 18 April and Easter Monday 21 April are not working days.
    assert add_working_days(EASTER_2025_AWARE, 5) == date(2025, 4, 28)


def test_rapid_review_deadline_skips_easter_and_early_may_bank_holiday():
    assert add_working_days(EASTER_2025_AWARE, 15) == date(2025, 5, 13)


@pytest.mark.parametrize(
    "day, working",
    [
        (date(2025, 4, 18), False),  # Good Friday
        (date(2025, 4, 21), False),  # Easter Monday
        (date(2025, 5, 5), False),  # early May bank holiday
        (date(2025, 8, 25), False),  # summer bank holiday (England, not Scotland's 4 August)
        (date(2025, 8, 4), True),
        (date(2025, 4, 19), False),  # Saturday
        (date(2025, 4, 22), True),
        (date(2026, 12, 28), False),  # Boxing Day falls on Saturday: substitute Monday
    ],
)
def test_working_day_knows_england_and_wales_bank_holidays(day, working):
    assert is_working_day(day) is working


def test_deadline_over_christmas_and_new_year():
    # Aware Wednesday 23 Dec 2026: 24, 29, 30, 31 Dec, 4 Jan are working days (25, 28 Dec and 1 Jan are not).
    assert add_working_days(date(2026, 12, 23), 5) == date(2027, 1, 4)


def test_start_day_is_not_counted_even_when_it_is_a_weekend():
    assert add_working_days(date(2025, 4, 19), 1) == date(2025, 4, 22)


def test_zero_days_is_the_start_date():
    assert add_working_days(date(2025, 4, 19), 0) == date(2025, 4, 19)


def test_counting_back():
    assert add_working_days(date(2025, 4, 28), -5) == EASTER_2025_AWARE


def test_counting_between_dates_is_the_inverse_of_adding():
    assert working_days_between(EASTER_2025_AWARE, date(2025, 5, 13)) == 15
    for n in range(0, 40):
        assert working_days_between(EASTER_2025_AWARE, add_working_days(EASTER_2025_AWARE, n)) == n


def test_counting_between_dates_backwards_is_negative():
    assert working_days_between(date(2025, 5, 13), EASTER_2025_AWARE) == -15


def test_counting_by_arithmetic_agrees_with_walking_the_calendar_day_by_day():
    """Long spans (years overdue) and spans across Christmas, Easter and weekends, both directions."""
    import random
    from datetime import timedelta

    from casereview.core.working_days import add_working_days, is_working_day, working_days_between

    def walk_between(start, end):
        sign, (start, end) = (1, (start, end)) if end >= start else (-1, (end, start))
        days = [start + timedelta(days=n) for n in range(1, (end - start).days + 1)]
        return sign * sum(is_working_day(d) for d in days)

    def walk_add(start, n):
        step, day = (1 if n >= 0 else -1), start
        for _ in range(abs(n)):
            day += timedelta(days=step)
            while not is_working_day(day):
                day += timedelta(days=step)
        return day

    rng = random.Random(14)
    for _ in range(400):
        start = date(2016, 1, 1) + timedelta(days=rng.randint(0, 4000))
        end = start + timedelta(days=rng.randint(-1200, 1200))
        n = rng.randint(-300, 300)
        assert working_days_between(start, end) == walk_between(start, end), (start, end)
        assert add_working_days(start, n) == walk_add(start, n), (start, n)
