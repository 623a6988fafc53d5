"""Things the model or a name rule takes for a person or a place (issue 16, helper anon10): precision. A reviewer is
asked about every term, and a thing replaced as a person reads wrong in the output ("a blue Person B", "Christmas
Person D"). Each test reads the words around the span, not the wording of one passage:

- a vehicle: a make or a model after an article or a colour ("a grey Corsa", "in the Audi"), a capitalised word
  after a colour and an article ("a silver Fiesta"), or one a registration or a vehicle word follows ("Corsa
  (KT68 ZWP)", "the Kia registration");
- a make before a model ("Ford Ranger LR70 PWK"), a colour opening it ("Grey Audi, reg FV19 KXO");
- the same word written elsewhere in the passage as a vehicle is a vehicle there too;
- a name used as a modifier: after an article and before a thing's noun in lower case ("referred to the Complex
  Exploitation team", "the Safer Schools officer", "a few Lingala words"): a team, a service or a language is
  named there, and a person's name before such a noun takes a possessive ("Jo's team");
- a nationality word used as a language or an attribute is no ethnicity (the labels' convention: "speaks Tamil"
  is no ethnicity): before "to English", "and English", "words", "first language", "speaker", "record",
  "spelling", "provider", or after "in", "translated from", an interpreter's field or bracket ("Interpreter
  needed for mum: Polish", "Interpreter: Mai Pham (Vietnamese)", "a leaflet in Welsh and English").
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns

COLOURS = (
    r"(?:black|white|silver|grey|gray|blue|red|green|dark|light|navy|maroon|gold|yellow|orange|purple|brown|beige"
    r"|bronze)"
)
VEHICLE_MAKES = frozenset(
    """Audi BMW Mercedes Mercedes-Benz Merc Vauxhall Ford Toyota Nissan Volkswagen VW Kia Peugeot Renault Skoda
    Seat Honda Hyundai Fiat Citroen Citroën Volvo Jaguar Lexus Tesla Mazda Mitsubishi Suzuki Subaru Porsche
    Range Rover Land Dacia Alfa Romeo Jeep Yamaha Vespa Lambretta Smart Chevrolet Cupra""".split()
)
VEHICLE_MODELS = frozenset(
    """Corsa Astra Insignia Zafira Fiesta Focus Mondeo Kuga Ranger Transit Golf Polo Passat Tiguan Caddy Clio
    Megane Captur Qashqai Juke Micra Navara Yaris Aygo Prius Corolla Hilux Civic Jazz Octavia Fabia Superb
    Leon Ibiza Berlingo Picanto Sportage Ceed Vito Sprinter Evoque Discovery Defender Sandero Duster Punto
    Panda Tucson""".split()
)
COLOUR_WORDS = frozenset(COLOURS[3:-1].split("|"))
NEXT_WORD_RE = re.compile(r"[ \t]+([A-Z][\w-]*)")
# an article (or a possessive) and a colour right before the span: "a grey ", "her black ", "the silver "
COLOUR_BEFORE_RE = re.compile(
    rf"\b(?i:an?|the|his|her|their|my|in|into)[ \t]+(?i:{COLOURS})(?:[ \t-](?i:{COLOURS}))?[ \t]+$"
)
ARTICLE_BEFORE_RE = re.compile(r"\b(?i:an?|the|his|her|their|my|drives|drove|driving)[ \t]+$")
# what follows a vehicle: its registration or a word for it
VEHICLE_AFTER_RE = re.compile(
    r"[ \t]*(?:[,(]?[ \t]*(?:VRM|reg(?:istration)?|index)?[ \t:.]*[A-Z]{2}[0-9]{2}[ \t]?[A-Z]{3}\b"
    r"|[ \t]+(?:car|van|estate|"
    r"hatchback|saloon|SUV|4x4|pickup|pick-up|registration|reg|VRM|motorbike|moped|scooter)\b)"
)


DETERMINER_BEFORE_RE = re.compile(
    r"\b(?i:the|a|an|our|their|its|this|that|few)[ \t]+"
    r"(?:(?!(?:and|or|to|of|with|by|for|told|said|asked)\b)[a-z]+[ \t]+)?$"
)
THING_AFTER_RE = re.compile(
    r"[ \t]+(?:team|teams|service|services|officer|officers|project|programme|scheme|unit|hub|words|language|"
    r"embankment|estate|centre|campus|contract|assessment|pathway|panel|forum|meeting|referral|report|checks?)\b"
)


LANGUAGE_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:to|and|or|into)[ \t]+English\b|words?\b|first[ \t]+language\b|speak(?:er|ers|ing)\b|record\b|"
    r"spelling\b|provider\b|translation\b|version\b|interpret(?:er|ing)\b)|[ \t]*[,.;)]?[ \t]*(?:to|and)[ \t]+English\b"
)
LANGUAGE_BEFORE_RE = re.compile(
    r"(?:\b(?:in|into|from|speaks|spoke|speaking|translated[ \t]+from)[ \t]+"
    r"|\b(?i:interpreter)\b[^\n.;]{0,40}?[:(][ \t]*)$"
)


def without_languages_as_groups(text, found):
    return [
        item
        for item in found
        if not (
            item[2] == "ETHNICITY"
            and " " not in text[item[0] : item[1]].strip()
            and (
                LANGUAGE_AFTER_RE.match(text, item[1]) or LANGUAGE_BEFORE_RE.search(text, max(0, item[0] - 60), item[0])
            )
        )
    ]


def without_modifiers_as_people(text, found):
    modifiers = [
        (item[0], item[1])
        for item in found
        if item[2] == "PERSON"
        and (len(item) < 4 or item[3] not in ("table", "rank"))
        and THING_AFTER_RE.match(text, item[1])
        and DETERMINER_BEFORE_RE.search(text, max(0, item[0] - 24), item[0])
    ]
    if not modifiers:
        return found
    # (with any person found inside one: "Exploitation" of "the Complex Exploitation team")
    return [
        item for item in found if not (item[2] == "PERSON" and any(s <= item[0] and item[1] <= e for s, e in modifiers))
    ]


def without_vehicles_as_people(text, found):
    first, last = forenames()[0], surnames()[0]
    vehicles, ranges = set(), []
    people = []
    for item in found:
        start, end, kind = item[:3]
        if (kind == "PERSON" or (kind == "PLACE" and _vehicle_words(text[start:end]))) and _is_vehicle(
            text, start, end, first, last
        ):
            vehicles.add(text[start:end])
            ranges.append((start, end))
        else:
            people.append(item)
    if not vehicles:
        return found
    # (the same word again, with nothing around it to say so: "pass the Corsa on to police")
    return [
        item
        for item in people
        if not (
            item[2] in ("PERSON", "PLACE")
            and (
                (text[item[0] : item[1]] in vehicles and _vehicle_words(text[item[0] : item[1]]))
                # (a part of it found by another rule: "Grey" of "Grey Audi" as a surname)
                or any(s <= item[0] and item[1] <= e for s, e in ranges)
            )
        )
    ]


def _vehicle_words(name):
    return all(w in VEHICLE_MAKES or w in VEHICLE_MODELS for w in name.split())


def _is_vehicle(text, start, end, first, last):
    name = text[start:end]
    words = name.split()
    if not words or len(words) > 3:
        return False
    if words[0].lower() in COLOUR_WORDS and len(words) > 1:
        words = words[1:]  # "Grey Audi, reg FV19 KXO": a colour opening a note
        name = " ".join(words)
    before = text[max(0, start - 24) : start]
    next_word = NEXT_WORD_RE.match(text, end)
    if name in VEHICLE_MAKES and next_word and next_word.group(1) in VEHICLE_MODELS:
        return True  # "Ford Ranger LR70 PWK"
    listed = any(w in first or w in last for w in words)
    if _vehicle_words(name) and (ARTICLE_BEFORE_RE.search(before) or COLOUR_BEFORE_RE.search(before)):
        return True  # "a grey Corsa", "in the Audi", "drives a Mercedes"
    if COLOUR_BEFORE_RE.search(before) and (not listed or _vehicle_words(name)):
        return True  # "a silver Zenmobile": a thing with a colour, not a person
    return bool(VEHICLE_AFTER_RE.match(text, end)) and (not listed or _vehicle_words(name))


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
