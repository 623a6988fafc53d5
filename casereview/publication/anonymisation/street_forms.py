"""Streets and houses in the forms the English street list does not reach (issue 16, helper anon12): recall.

- a street in another language, by the word that says it is one, before its name or after it, with its
  number and, when written, its postcode and town: French ("3 rue de la Paix, 75002 Paris"), Polish ("ul.
  Długa 14/3", "ulicy Długiej 5 w Gdańsku"), Spanish, Italian, Portuguese and Romanian ("Calle Mayor 12", "Via
  Roma 5", "Strada Florilor nr. 7") and German or Dutch ("Hauptstraße 5", "Kerkstraat 12") (Welsh streets and
  houses by their dwelling word, "Lôn Ganol", "Bryn Eithin", are whole_addresses.py's: one rule, with the
  address's context it needs);
- a street written in capitals ("43 HYDE ROAD", "FLAT 3, 7 LORENZO CLOSE", "ON TALBOT ROAD");
- a northern street named by its "-gate" after "on", "off" or "along" ("on Kirkgate", "on Bondgate");
- a house by its number where the sentence speaks of a house or a door ("the house opposite, number 7",
  "a green door, number 53", "I know it's number 6").
"""

import re

from .patterns import prefilter_patterns
from .vocabulary import STREET_SUFFIXES

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſŁŚŻŹĆŃÓĘĄ"
NAME = rf"[{UPPER}][\w'’-]*"
NUMBER = r"\d{1,4}[a-zA-Z]?(?:/\d{1,4})?"
TOWN_AFTER = rf"(?:,?[ \t]+(?:\d{{2}}-\d{{3}}|\d{{4,5}})?[ \t]*(?:w[ \t]+)?{NAME}(?=[ \t]*(?:[,.;)\n]|$)))?"

FOREIGN_STREET_RE = re.compile(
    # French: "3 rue de la Paix, 75002 Paris", "12 bis avenue Foch"
    rf"\b{NUMBER}(?:[ \t]+(?:bis|ter))?,?[ \t]+(?i:rue|avenue|boulevard|bd|place|allée|impasse|chemin|quai|cours)"
    rf"[ \t]+(?:(?:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’])[ \t]*)?{NAME}(?:[ \t]+{NAME}){{0,2}}"
    rf"(?:,?[ \t]+\d{{5}}[ \t]+{NAME})?"
    # Polish: "ul. Długa 14/3, Gdańsk", "ulicy Długiej 5 w Gdańsku", "os. Piastów 21"
    rf"|\b(?:ul\.|ulica|ulicy|ulicę|al\.|aleja|alei|os\.|osiedle|pl\.|plac)[ \t]*{NAME}(?:[ \t]+{NAME})?[ \t]+{NUMBER}"
    rf"{TOWN_AFTER}"
    # Spanish, Italian, Portuguese, Romanian: the street word, its name, its number
    rf"|\b(?:Calle|C/|Avenida|Avda\.|Plaza|Paseo|Via|Viale|Piazza|Corso|Rua|Travessa|Avenida|Strada|Str\.|"
    rf"Bulevardul|Calea|Aleea|Sokak|Sokağı|Caddesi|Mahallesi)"
    rf"[ \t]+(?:(?:de|del|de[ \t]+la|della|di|da|do|dos)[ \t]+)?{NAME}(?:[ \t]+{NAME}){{0,2}},?[ \t]+"
    rf"(?:(?:nr|no|n)\.?[ \t]*º?[ \t]*)?{NUMBER}{TOWN_AFTER}"
    # German and Dutch: the street word ends the name
    rf"|\b[{UPPER}][\w-]*(?:straße|strass?e|str\.|weg|gasse|platz|allee|laan|straat|gracht|plein|kade)"
    rf"[ \t]+{NUMBER}(?:,?[ \t]+\d{{4,5}}(?:[ \t]+[A-Z]{{2}})?[ \t]+{NAME})?"
)
UPPER_SUFFIXES = "|".join(sorted((s.upper() for s in STREET_SUFFIXES if len(s) > 2), key=len, reverse=True))
UPPER_WORD = r"[A-Z][A-Za-z'’-]+"  # (the other rules have already written the names in a capitals log "Dickson")
CAPITALS_SUFFIX_RE = re.compile(rf"\b(?:{UPPER_SUFFIXES})\b")
CAPITALS_STREET_RE = re.compile(
    rf"(?<![\w'’-])(?:(?i:FLAT|APARTMENT|UNIT|ROOM)[ \t]+\d{{1,4}}[A-Z]?,[ \t]+)?\d{{1,4}}[A-Z]?,?[ \t]+"
    rf"(?:{UPPER_WORD}[ \t]+){{1,3}}(?:{UPPER_SUFFIXES})(?![\w'’-])"
    rf"|(?<=\bON[ \t])(?:{UPPER_WORD}[ \t]+){{1,3}}(?:{UPPER_SUFFIXES})(?![\w'’-])"
    rf"|(?<=,[ \t])(?:{UPPER_WORD}[ \t]+){{1,2}}(?:HIGH[ \t]+STREET|ROAD|STREET|LANE)(?=[:,.])"
)
GATE_STREET_RE = re.compile(r"\b(?:on|off|along|onto) (?:the )?([A-Z][a-z]{2,}gate|[A-Z][a-z]+ Lanes)(?![\w'’-])")
NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
)
HOUSE_NUMBER_RE = re.compile(
    rf"\b(?:[Nn]umber|[Nn]o\.)[ \t]+(\d{{1,3}}[a-z]?|{NUMBER_WORDS})"
    r"(?![\w'’/:-]|\.\d|[ \t]+(?:bus|shirt|route|on|in|of)\b)"
)
HOUSE_WORDS_BEFORE_RE = re.compile(
    r"\b(?:house|houses|door|flat|home|opposite|next door|address|street|road|lives|live|living|nanna?s|nan's|"
    r"mum's|mam's|dad's|gran's|nana's|nain's|grandma's|grandad's|auntie's|aunty's|aunt's|uncle's)\b[^.\n]{0,30}$",
    re.I,
)
# "I know it's number 6." names a house only when the number ends the sentence ("its number 3 priority area",
# "it's number one on the list" are a rank)
ITS_NUMBER_BEFORE_RE = re.compile(r"\bit['’]s[ \t]+$", re.I)
NUMBER_ENDS_RE = re.compile(r"[ \t]*(?:[.!?;\"”’]|$)")


def street_form_finds(text, found):
    """ADDRESS spans for the streets and houses above that no found span already holds."""
    # (a person span over the same words gives way: "Bryn Awelon" after "of" with a town after it is a house)
    taken = sorted((s, e) for s, e, kind, *_ in found if kind != "PERSON")

    def free(start, end):
        return not any(s <= start and end <= e for s, e in taken)

    for m in FOREIGN_STREET_RE.finditer(text):
        if free(m.start(), m.end()):
            yield m.start(), m.end(), "ADDRESS", "rule"
    if CAPITALS_SUFFIX_RE.search(text):
        for m in CAPITALS_STREET_RE.finditer(text):
            if free(m.start(), m.end()):
                yield m.start(), m.end(), "ADDRESS", "rule"
    for m in GATE_STREET_RE.finditer(text):
        if free(m.start(1), m.end(1)):
            yield m.start(1), m.end(1), "ADDRESS", "rule"
    for m in HOUSE_NUMBER_RE.finditer(text):
        house = HOUSE_WORDS_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) or (
            ITS_NUMBER_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()) and NUMBER_ENDS_RE.match(text, m.end())
        )
        if house and free(m.start(), m.end()):
            yield m.start(), m.end(), "ADDRESS", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
