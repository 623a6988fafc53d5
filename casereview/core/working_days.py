"""The working-day calendar that statutory deadlines are counted in.

A working day is Monday to Friday and not a bank holiday in England and Wales (the `holidays` package,
subdivision ENG, which needs no network). Plain Python: no Django needed.

Both directions are arithmetic, not a walk through the calendar: whole weeks count five days each, the
few days left over are looked at one by one, and the bank holidays in between are counted by bisecting a
sorted table of the weekday holidays (built once per year). A deadline years overdue costs the same as one
due tomorrow.
"""

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=None)
def _bank_holidays(year):
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


@lru_cache(maxsize=None)
def _weekday_holidays(first_year, last_year):
    """The sorted bank holidays falling Monday to Friday in these years: the holiday table."""
    days = set()
    for year in range(first_year, last_year + 1):
        days |= {d for d in _bank_holidays(year) if d.weekday() < 5}
    return tuple(sorted(days))


def _holidays_within(start: date, end: date) -> int:
    """Weekday bank holidays after `start` up to and including `end`."""
    # Tables are cached by decade so that most calls share one.
    table = _weekday_holidays(start.year // 10 * 10, end.year // 10 * 10 + 9)
    return bisect_right(table, end) - bisect_right(table, start)


def is_bank_holiday(day: date) -> bool:
    return day in _bank_holidays(day.year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and not is_bank_holiday(day)


def _weekdays_between(start: date, end: date) -> int:
    """Monday-to-Friday days after `start` up to and including `end` (end >= start)."""
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`; negative when `end` is before `start`.

    The inverse of add_working_days: working_days_between(d, add_working_days(d, n)) == n.
    """
    if end < start:
        return -working_days_between(end, start)
    return _weekdays_between(start, end) - _holidays_within(start, end)


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days after `start` (before it, for a negative number).

    The start date itself is never counted, which is how "within 5 working days of becoming aware" is
    read: aware on Thursday 17 April 2025, the fifth working day after is Monday 28 April 2025.
    """
    if days == 0:
        return start
    step = 1 if days > 0 else -1
    remaining = abs(days)
    day = start
    # Jump by whole weeks while more than a week's worth remains, then fix up the holidays jumped over
    # and finish the last few days one at a time (never more than a fortnight of steps).
    while remaining > 10:
        weeks = (remaining - 5) // 5
        target = day + timedelta(days=7 * weeks * step)
        if step > 0:
            counted = working_days_between(day, target)  # after `day`, up to and including `target`
        else:
            counted = working_days_between(target - timedelta(days=1), day - timedelta(days=1))  # [target, day)
        remaining -= counted
        day = target
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day
