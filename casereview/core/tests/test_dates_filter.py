"""Every template's `date` filter is casereview's (core/templatetags/dates.py), which must write what
Django's writes."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template, defaultfilters
from django.utils import timezone, translation

from casereview.core.templatetags import dates

FORMATS = [
    "j F Y",
    "j M Y",
    "l j F Y",
    "j F Y, H:i",
    "M Y",
    "D j M Y",
    "j M Y H:i",
    "j F Y H:i",
    "H:i",
    "d/m/Y",
    # Django's filter does these (other letters, escapes, a named format)
    "j F Y, g:i a",
    "j F Y \\a\\t H:i",
    "DATE_FORMAT",
    "SHORT_DATE_FORMAT",
    "",
    None,
]
LONDON = zoneinfo.ZoneInfo("Europe/London")
VALUES = [
    *(datetime.date(2024, 1, 1) + datetime.timedelta(days=n * 37) for n in range(24)),
    datetime.date(999, 2, 3),
    datetime.datetime(2024, 3, 31, 0, 59),
    datetime.datetime(2025, 11, 9, 23, 5, 7, tzinfo=LONDON),
    datetime.datetime(2025, 6, 1, 7, 0, tzinfo=datetime.UTC),
    "",
    None,
    "2024-01-01",
]


def djangos(value, fmt):
    try:
        return defaultfilters.date(value, fmt)
    except TypeError as error:
        return type(error)


def ours(value, fmt):
    try:
        return dates.date(value, fmt)
    except TypeError as error:
        return type(error)


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_writes_what_djangos_filter_writes(fmt):
    for value in VALUES:
        assert ours(value, fmt) == djangos(value, fmt), (value, fmt)


def test_names_follow_the_active_language():
    day = datetime.date(2024, 5, 6)
    for language in ("en-gb", "cy", "fr"):
        with translation.override(language):
            assert ours(day, "l j F Y") == djangos(day, "l j F Y")
            assert ours(day, "D j M Y") == djangos(day, "D j M Y")


def test_templates_use_it_and_see_local_time():
    moment = datetime.datetime(2025, 7, 1, 23, 30, tzinfo=datetime.UTC)  # 00:30 on 2 July in London
    with timezone.override("Europe/London"):
        html = Template('{{ moment|date:"j F Y, H:i" }}').render(Context({"moment": moment}))
    assert html == "2 July 2025, 00:30"
    assert Template("").engine.template_builtins[-1].filters["date"] is dates.date
