"""Where someone lives, written by the flat, room or pitch rather than by a house number (issue 16, helper
anon9). A room or flat number is an address even without a street (the labelling conventions):

- a Scottish flat by its floor and position: "Flat 0/1", "3/2, 12 Kelvin Way", "Flat 3F1", "Flat 2/R", "G/L";
- a flat, room or cell in a named building or with its own number alone: "Flat 2, Mercian House", "Room 6,
  Ashby Lodge", "Room 117", "Cell B-1-07", "flat above 18 High Street";
- a plot or bay on a site: "Plot 9", "bay 6" (after a site named), "Bay 6, Eaton Green Road".
"""

import re

from .patterns import prefilter_patterns
from .vocabulary import STREET_SUFFIXES

BUILDING_WORDS = (
    "House Court Lodge Tower Towers Point Mansions Buildings Block Heights Hall View Gardens Place Villas Flats "
    "Chambers Apartments Mews Quay Wharf Works Mill Yard"
).split()
# (a floor and a position: 0/1 is the ground floor's first flat, 3F1 the third floor's first)
SCOTTISH_POSITION = r"(?:\d{1,2}/\d{1,2}|\d{1,2}/[LRM]|[GB]/[LRM0-9]|\d{1,2}F\d{1,2}|[GB]F\d)"
SCOTTISH_FLAT_RE = re.compile(
    rf"(?:(?:Flat|flat|FLAT)[ \t]+{SCOTTISH_POSITION}(?![\w/])"
    rf"|(?<![\w/]){SCOTTISH_POSITION},[ \t]+(?=\d{{1,4}}[A-Za-z]?[ \t]+[A-Z]))"
)
BUILDING = r"(?:[A-Z][a-z'’]+[ \t]+){1,3}(?:" + "|".join(BUILDING_WORDS) + r")\b"
IN_BUILDING_RE = re.compile(
    rf"(?:Flat|Room|Apartment|Unit|Cell)[ \t]+\d{{1,4}}[A-Za-z]?,?[ \t]+(?:(?:the|The)[ \t]+)?{BUILDING}"
)
NUMBER_ALONE_RE = re.compile(
    r"(?:(?<=Placement: )|(?<=Address: )|(?<=Lives: )|(?<=Address:\n)|(?<=[ \t](?:at|in|to)[ \t]))"
    r"(?:Flat|Room|Apartment)[ \t]+(?:\d{1,4}[A-Za-z]?|[A-Z]\d{1,3})(?![\w/])"
)
CELL_RE = re.compile(r"Cell[ \t]+(?:[A-Z]-?\d{1,2}-\d{1,3}|[A-Z]?\d{1,3})(?![\w-])")
STREET = r"(?:[A-Z][a-z'’]+[ \t]+){1,3}(?:" + "|".join(STREET_SUFFIXES) + r")\b"
ABOVE_RE = re.compile(rf"(?:Flat|flat)[ \t]+above[ \t]+\d{{1,4}}[A-Za-z]?[ \t]+{STREET}")
PLOT_RE = re.compile(
    r"(?:(?<=\bat )|(?<=\bon )|(?<=, )|(?<=\| ))(?:Plot|plot|Bay|bay|Pitch|pitch)[ \t]+\d{1,3}[A-Za-z]?(?![\w/])"
    rf"(?:,[ \t]+(?:{STREET}|[A-Z][a-z]+[ \t]+[A-Z][a-z]+[ \t]+(?:Road|Lane)[ \t]+site))?"
)
# "9 The Spinney, Kirkby Lonsdale": a house number before a street named "The ..." and a town
THE_STREET_RE = re.compile(r"(?<![\w/])\d{1,4}[A-Za-z]?[ \t]+The[ \t]+[A-Z][a-z]+(?=,[ \t]+[A-Z][a-z])")
# "33 Kendal Dr, Prescot": a house number and a street's last word shortened
SHORT_STREET_RE = re.compile(
    r"(?<![\w/£$.,])\d{1,4}[A-Za-z]?[ \t]+(?:[A-Z][a-z'’]+[ \t]+){1,2}"
    r"(?:Dr|Rd|St|Ave|Cl|Cres|Gdns|Ln|Pl|Sq|Terr?|Gr)\b\.?"
    r"(?=[ \t]*[,\n])"
)
# "on stapleton rd", "outside spar on adelaide st": a street typed in lower case in a message
LOWER_STREET_RE = re.compile(
    r"(?<=\b(?:on|in|to|at|up|by) )(?!(?:the|a|my|ur|your|his|her|our|this|that|same|main|next|wrong)\b)"
    r"[a-z]{3,}(?:[ \t]+y)?[ \t]+(?:rd|st|road|street|lane|ave|avenue|close|drive|crescent|terrace|felin)\b"
)
SITE_NEAR_RE = re.compile(r"(?i:site|traveller|caravan|plot|pitch|encampment)")


def dwelling_finds(text, found):
    spans = []
    if "/" in text or "F" in text:
        spans.extend(m.span() for m in SCOTTISH_FLAT_RE.finditer(text))
    for pattern in (
        IN_BUILDING_RE,
        NUMBER_ALONE_RE,
        CELL_RE,
        ABOVE_RE,
        THE_STREET_RE,
        SHORT_STREET_RE,
        LOWER_STREET_RE,
    ):
        spans.extend(m.span() for m in pattern.finditer(text))
    for m in PLOT_RE.finditer(text):
        if SITE_NEAR_RE.search(text, max(0, m.start() - 200), min(len(text), m.end() + 60)):
            spans.append(m.span())
    for start, end in spans:
        yield (*joined_with(found, start, end), "ADDRESS", "rule")


def joined_with(found, start, end):
    """(start, end) grown over the address, postcode or place found that overlaps it, so the longer span the
    merge keeps is the whole address ("Flat above" with "212 London Road, Croydon")."""
    for s, e, kind, *_ in found:
        if kind in ("ADDRESS", "POSTCODE", "PLACE") and s <= end and start <= e:  # (or touching: "0/2, " + "12 ...")
            start, end = min(start, s), max(end, e)
    return start, end


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
