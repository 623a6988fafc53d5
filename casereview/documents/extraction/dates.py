"""Dates as documents state them ("21 October 2015", "7th September 2018", "August 2015", "early spring
2014", "2019") turned into a calendar date, the first day of what is stated when only a month, season or
year is given. A date in the future is no record of what happened, so it gives None."""

import datetime
import re

MONTHS = {
    name: n
    for n, name in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
MONTHS.update({name[:3]: n for name, n in list(MONTHS.items())})
MONTHS["sept"] = 9
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
STATED = re.compile(
    r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>[A-Za-z]{3,9})\.?,?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<numeric>(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>(?:19|20)?\d\d))\b"
    r"|\b(?P<bare>(?:19|20)\d\d)\b"
)


# A report's own numbering is no date: "paragraph 4.11.12", "sections 3.2.19 and 3.2.20", "Recommendation
# 5.1.20", or a number with a fourth level ("4.11.12.3"), though "4.11.12" alone could be 4 November 2012.
REFERENCE_BEFORE = re.compile(
    r"\b(?:paragraphs?|paras?|sections?|chapters?|recommendations?|findings?|learning points?|pages?|pp?|appendix"
    r"|annex|tables?|figures?|points?)\.?\s*(?:\d[\d.]*\s*(?:,|and|or|to|-|–)\s*)*$|§\s*$|\d\.$",
    re.I,
)


def _is_reference(match, text):
    if not match["numeric"]:
        return False
    return bool(REFERENCE_BEFORE.search(text[max(0, match.start() - 60) : match.start()])) or bool(
        re.match(r"[.]\d", text[match.end() : match.end() + 2])
    )


def parse_stated_date(text, today=None):
    """The first date the text states, or None."""
    today = today or datetime.date.today()
    for match in STATED.finditer(text or ""):
        if _is_reference(match, text):
            continue
        found = _as_date(match)
        if found is not None:
            return found if found <= today else None
    return None


def _as_date(match):
    try:
        if match["month"]:
            word = match["month"].lower()
            month = MONTHS.get(word) or SEASONS.get(word)
            if month is None:
                return None
            return datetime.date(int(match["year"]), month, int(match["day"] or 1) if word in MONTHS else 1)
        if match["numeric"]:
            year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)
            return datetime.date(year, int(match["m"]), int(match["d"]))
        return datetime.date(int(match["bare"]), 1, 1)
    except ValueError:
        return None
