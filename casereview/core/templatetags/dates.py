"""Django's `date` filter, written out for the formats the pages use; every template has it in place of
Django's own (a builtin in settings TEMPLATES, so no template loads it).

Django's filter finds the format by name, builds a DateFormat and asks the translation machinery for the
month's name at each call: 40-70 microseconds a date, several milliseconds on a page of a hundred dated
rows (the merged chronology). Here a format made only of the letters below, spaces and punctuation is
split once into its parts, and month and day names are read once for each language; anything else (other
letters, escapes, no format, a value that is not a date) goes to Django's filter, so the text is always the
same as Django's (a test compares them).
"""

import datetime

from django import template
from django.template import defaultfilters
from django.utils import translation
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS, WEEKDAYS_ABBR

register = template.Library()

_DATE_PARTS = {
    "j": lambda d, names: str(d.day),
    "d": lambda d, names: f"{d.day:02d}",
    "F": lambda d, names: names[0][d.month],
    "M": lambda d, names: names[1][d.month],
    "Y": lambda d, names: f"{d.year:04d}",
    "l": lambda d, names: names[2][d.weekday()],
    "D": lambda d, names: names[3][d.weekday()],
}
_TIME_PARTS = {
    "H": lambda d, names: f"{d.hour:02d}",
    "i": lambda d, names: f"{d.minute:02d}",
}
_LITERAL = set(" ,.:-/()")
_formats = {}  # format -> ([part or literal text], needs a time) or None when Django's filter must do it
_names = {}  # language -> (months, months abbreviated, weekdays, weekdays abbreviated)


def _compiled(fmt):
    if fmt not in _formats:
        parts, needs_time = [], False
        for char in fmt:
            if char in _DATE_PARTS:
                parts.append(_DATE_PARTS[char])
            elif char in _TIME_PARTS:
                parts.append(_TIME_PARTS[char])
                needs_time = True
            elif char in _LITERAL:
                parts.append(char)
            else:
                parts = None
                break
        _formats[fmt] = None if parts is None else (parts, needs_time)
    return _formats[fmt]


def _names_now():
    language = translation.get_language()
    names = _names.get(language)
    if names is None:
        names = _names[language] = (
            {number: str(name) for number, name in MONTHS.items()},
            {number: str(name).title() for number, name in MONTHS_3.items()},  # as DateFormat.M
            {number: str(name) for number, name in WEEKDAYS.items()},
            {number: str(name) for number, name in WEEKDAYS_ABBR.items()},
        )
    return names


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """As django.template.defaultfilters.date."""
    compiled = _compiled(arg) if isinstance(arg, str) and arg else None
    if compiled is None or not isinstance(value, datetime.date):
        return defaultfilters.date(value, arg)
    parts, needs_time = compiled
    if needs_time and not isinstance(value, datetime.datetime):
        return defaultfilters.date(value, arg)  # Django refuses a time format for a date
    names = _names_now()
    return "".join(part if isinstance(part, str) else part(value, names) for part in parts)


@register.filter(expects_localtime=True, is_safe=False)
def when(value):
    """A moment as every page writes it: "6 December 2026 at 21:42". One format across the site: pages wrote
    "9:42p.m." beside "21:51" (walkthrough 10, finding 11). The 24-hour clock, as the texts casereview
    writes into its records already do ("Added on … at 21:51 by …", the anonymised draft's "Made on …")."""
    if not isinstance(value, datetime.datetime):
        return date(value, "j F Y")
    return f"{date(value, 'j F Y')} at {date(value, 'H:i')}"
