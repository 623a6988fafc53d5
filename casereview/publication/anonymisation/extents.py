"""How far a setting or an address runs, and places named without a keyword (issue 16, sixth round).

A setting found by its keyword is often only the start of its name: the capitalised words after it are the
rest ("Sunnyside Lodge Care Home", "Ashford Lodge Parent and Child Unit", "Christ Apostolic Church
Leicester"), and the district written after a comma is where it is ("Stade Court Hotel, Hythe", "Aldi,
Ropergate"). A public house is named by "The" and capitalised words ("The Fox and Hounds") with no keyword
at all, and a dwelling by a unit word and a number in lower case ("pitch 6", "room 312"). Each finder here
reads the spans the other rules found, or the text around a cue; none is a list of one passage's words."""

import re

from .names import forenames
from .patterns import prefilter_patterns
from .rules import KEYWORD_KINDS, NEVER_OPENS_A_NAME
from .vocabulary import ACRONYMS, STREET_SUFFIXES

SETTING_TYPES = frozenset({"SCHOOL", "HEALTH_SETTING", "PLACE"})
WEEK_AND_MONTH = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun January
    February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec""".split()
)
# Words that open a new clause or name a person, never the rest of a setting's name
NOT_A_NAME_WORD = (
    frozenset("""I He She They We It You His Her Their Our My The A An This That These Those And Or But""".split())
    | WEEK_AND_MONTH
)
AGENCY_WORDS = frozenset(
    """Council Police Service Services Trust Society Office Department NHS Board Government Panel Partnership Jobcentre
    Constabulary Authority Commissioner Ministry Agency Directorate""".split()
)
# role words after a setting's name ("Housemaster of Wolsey House and Head of Games")
ROLE_WORDS = frozenset("Head Deputy Chair Manager Director Lead Officer Teacher Nurse Governor".split())
STREETS = frozenset(STREET_SUFFIXES)

# the rest of a name after what a rule found: capitalised words, with "and", "&", "for", "of", "y" between them
# (spaces only: a tab or a line break parts the cells of a table)
NAME_REST_RE = re.compile(r"(?:[ ]+(?:(?:and|&|for|of|y|yr)[ ]+)?(?:[A-Z][\w'’-]*[A-Za-z]|[A-Z]))+")
# the district after a comma, or a bracket of capitalised words: "…, Isle of Wight", "… (Trentham Lakes)"
DISTRICT_RE = re.compile(
    r",[ ]+((?:The[ ]+)?[A-Z][\w'’-]*[a-z](?:[ ]+(?:(?:of|on|upon|the|y)[ ]+)?[A-Z][\w'’-]*[a-z]){0,3})"
    r"(?=[ \t]*(?:[.;:,)\n|\t]|$|[ ]+\(|[ ]+[a-z]))"
    r"|[ ]+\(((?:[A-Z][\w'’-]*[a-z])(?:[ ]+[A-Z][\w'’-]*[a-z]){0,2})\)"
)


def _name_words_ok(words, in_capitals):
    for word in words:
        bare = word.rstrip("'’").removesuffix("'s").removesuffix("’s")
        if bare in NOT_A_NAME_WORD or bare in AGENCY_WORDS or bare in ROLE_WORDS:
            return False
        if not in_capitals and word.isupper() and len(word) > 1:
            return False  # "(… Hospital ED)": a department, not more of the name
    return True


CONNECTOR_WORDS = frozenset({"and", "&", "for", "of", "y", "yr"})
# English words that end a run of capitals: a passage in capitals names a setting and goes on ("TAKEN TO
# UNIVERSITY HOSPITAL LEWISHAM WITH BRUISING")
CAPITALS_STOP = frozenset(
    """AT TO IN ON WITH FROM FOR BY OF AND OR BUT THE A AN WHO WHICH WHERE WHEN WAS WERE IS ARE HAS HAD HAVE
    HE SHE THEY WE I IT HIS HER THEIR REPORT REPORTS SAID SAYS AS THEN AFTER BEFORE""".split()
)
WORD_IN_REST_RE = re.compile(r"[^ ]+")
WORD_TAIL_RE = re.compile(r"[\w'’-]+")
WORD_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))([A-Za-z][\w'’-]*)[ ]+$")


def _rest_of_name(text, end, in_capitals, other_starts):
    """Where the capitalised words after a setting's keyword end: before another setting found there."""
    rest = NAME_REST_RE.match(text, end)
    if not rest:
        return end
    kept = []
    for word in WORD_IN_REST_RE.finditer(text, end, rest.end()):
        if word.start() in other_starts:
            break  # "Tottington Pre-School and Jack and Jill Playgroup": two settings
        word = word.group()
        if word in CONNECTOR_WORDS:
            kept.append(word)
            continue
        if in_capitals:
            if not word.isupper() or word in CAPITALS_STOP or word in ACRONYMS or len(kept) >= 3:
                break
        elif not _name_words_ok([word], False) or len(kept) >= 6:
            break
        kept.append(word)
    while kept and kept[-1] in CONNECTOR_WORDS:
        kept.pop()
    position = end
    for word in kept:
        position = text.index(word, position) + len(word)
    return position


def _opening_words(text, start):
    """A capitalised word or two just before a setting, mid-sentence, open its name ("attend All Nations
    Church", "at Great North Children's Hospital")."""
    new_start = start
    for _ in range(2):
        m = WORD_BEFORE_RE.search(text, max(0, new_start - 30), new_start)
        if not m or not m.group(1)[:1].isupper() or m.group(1).isupper():
            break
        word = m.group(1)
        if (
            word in NOT_A_NAME_WORD
            or word in NEVER_OPENS_A_NAME
            or word in AGENCY_WORDS
            or word in ROLE_WORDS
            or word in forenames()[0]
        ):
            break
        before = WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        if not before or not before.group(1)[:1].islower():
            break  # a sentence's or a line's first word, or a name before it
        new_start = m.start()
    return new_start


def setting_extents(text, found):
    """Each setting with the capitalised words that finish its name, and its district after a comma or in a
    bracket; never over a tab or a line break, never over a person's name found there."""
    person_starts = {s for s, e, kind, *_ in found if kind == "PERSON"}
    setting_starts = {s for s, e, kind, *_ in found if kind in SETTING_TYPES}
    for start, end, kind, *_ in found:
        if kind not in SETTING_TYPES or end <= start or "\n" in text[start:end]:
            continue
        in_capitals = text[start:end].isupper()
        new_start, new_end = start, end
        tail = WORD_TAIL_RE.match(text, end)
        if tail and text[end - 1 : end].isalnum() or (tail and text[end - 1 : end] in "'’"):
            new_end = tail.end()  # a name cut inside a word ("Great North Children'" + "s")
        rest_end = _rest_of_name(text, new_end, in_capitals, setting_starts)
        if rest_end > new_end and (kind != "PLACE" or text[new_end:rest_end].split()[0] not in forenames()[0]):
            last = text[new_end:rest_end].split()[-1]
            kind = KEYWORD_KINDS.get(last, KEYWORD_KINDS.get(" ".join(text[new_end:rest_end].split()[-2:]), kind))
            new_end = rest_end  # "King's College" + "Hospital": the name's last keyword says its kind
        if not in_capitals:
            new_start = _opening_words(text, start)
        district = DISTRICT_RE.match(text, new_end)
        if district and not in_capitals:
            group = 1 if district.group(1) else 2
            words = district.group(group).split()
            if (
                district.start(group) not in person_starts
                and district.start(group) not in setting_starts
                and not any(w in KEYWORD_KINDS for w in words)
                and " ".join(words[-2:]) not in KEYWORD_KINDS
                and words[0] not in forenames()[0]
                and _name_words_ok([w for w in words[words[0] == "The" :] if w[:1].isupper()], False)
                and words[-1] not in STREETS
            ):
                new_end = district.end(group) + (1 if group == 2 else 0)
        if (new_start, new_end) != (start, end):
            yield new_start, new_end, kind, "rule"


# "at The Fox and Hounds", "towards The Old Bell", "come The Crooked Billet": "The" capitalised mid-sentence
# after a word of going or being somewhere, with capitalised words, is a named place
THE_PLACE_RE = re.compile(
    r"\b(?:at|to|from|towards|outside|near|inside|behind|opposite|into|in|come|visit|visited|above|4)[ ]+"
    r"(The[ ]+[A-Z][\w'’-]*[a-z](?:[ ]+(?:(?:and|&)[ ]+)?[A-Z][\w'’-]*[a-z]){0,3})(?![\w'’])"
)


# "works at the Crown", "come down the Swan", "rang me from the Golden Fleece": a lower-case "the" and one or two
# capitalised words after a word of going or being somewhere, ending the phrase
LOWER_THE_PLACE_RE = re.compile(
    r"\b(?:at|to|from|down|towards|outside|near|inside|behind|opposite|by)[ ]+the[ ]+"
    r"([A-Z][a-z'’]+(?:[ ]+[A-Z][a-z'’]+)?)(?=[ \t]*(?:[.,;:!?)\n]|$|[ ]+(?:and|on|in|at|with|now|where|when|pub|"
    r"car park|tonight|after|before|last|this|for)\b))"
)


def _lower_the_place_finds(text):
    from .vocabulary import COMMON_CAPITALISED, GENERIC_SERVICE_WORDS, MIDDLE_WORDS

    for m in LOWER_THE_PLACE_RE.finditer(text):
        words = m.group(1).split()
        if any(
            w in COMMON_CAPITALISED
            or w in AGENCY_WORDS
            or w in WEEK_AND_MONTH
            or w in MIDDLE_WORDS
            or w.lower() in GENERIC_SERVICE_WORDS
            or w in KEYWORD_KINDS
            or w in STREETS
            for w in words
        ):
            continue  # "to the Police", "in the Summer", "at the Hospital": no name
        if words[0] in forenames()[0]:
            continue
        yield m.start(1), m.end(1), "PLACE", "rule"  # "the" stays a word of the sentence


def the_place_finds(text):
    yield from _lower_the_place_finds(text)
    for m in THE_PLACE_RE.finditer(text):
        words = m.group(1).split()[1:]
        names = [w for w in words if w not in ("and", "&")]
        if any(w.removesuffix("'s").removesuffix("’s") in AGENCY_WORDS or w in WEEK_AND_MONTH for w in names):
            continue  # "to The Children's Society", "the Home Office": an agency
        if words[-1] in STREETS or words[0] in ACRONYMS:
            continue
        yield m.start(1), m.end(1), "PLACE", "rule"


# A dwelling by a unit word and a number, in lower case: "on pitch 6", "in room 312", "chalet 22",
# "lives on plot 14"; a neighbour's house number in brackets: "Mr Cartwright (no. 15)"
LOWER_DWELLING_RE = re.compile(
    r"\b(?:pitch|plot|chalet|caravan|bedsit|flat|room)[ \t]+\d{1,4}[A-Za-z]?\b(?![./:]\d|[ \t]*(?:m²|m2|sq\b|square))"
    r"|(?<=\()(?:no\.?|number)[ \t]*\d{1,4}[A-Za-z]?(?=\))"
)
# what comes before an address: "House 3, 41–43 Whitehorse Road", "Plot 9, Meadowside Council Site, Long Lane"
UNIT_BEFORE_RE = re.compile(
    r"(?:House|Block|Plot|Pitch|Unit|Flat|Room|Chalet|Caravan)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+"
    r"(?:(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]*,[ \t]+)?$"
)
# a street's last word may be followed by a part of it: "7 Nelson Road Central", "Smith Street North"
STREET_PART_RE = re.compile(r"[ ]+(?:North|South|East|West|Central|Upper|Lower|Parade)\b")
# a street named alone after "on", "off", "along": "on West Street", "on High Street"
STREET_ALONE_RE = re.compile(
    r"\b(?:on|off|along|onto|down|opposite)[ ]([A-Z][a-z]+[ ](?:"
    + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True))
    + r"))\b"
)


# "Plot 9, Meadowside Council Site, Long Lane", "Unit 4, Enterprise Park": a unit and a number, the site's name,
# and the street when one follows
UNIT_ADDRESS_RE = re.compile(
    r"\b(?:Plot|Pitch|Block|Unit|Chalet|Caravan)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,4}[A-Z][\w'’-]*"
    r"(?:,[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,3}(?:" + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True)) + r")\b)?"
)


def dwelling_finds(text, found):
    for m in UNIT_ADDRESS_RE.finditer(text):
        first = m.group().split(",", 1)[1].split()[0]
        if first in forenames()[0] or first in NOT_A_NAME_WORD:
            continue  # "Unit 4, Jade said"
        end = m.end()
        district = DISTRICT_RE.match(text, end)
        if district and district.group(1) and district.group(1).split()[0] not in forenames()[0]:
            end = district.end(1)  # "Unit 4, Enterprise Park, Tyseley": one address
        yield m.start(), end, "ADDRESS", "rule"
    for m in LOWER_DWELLING_RE.finditer(text):
        yield m.start(), m.end(), "ADDRESS", "rule"
    for m in STREET_ALONE_RE.finditer(text):
        yield m.start(1), m.end(1), "ADDRESS", "rule"
    for start, end, kind, *_ in found:
        if kind != "ADDRESS":
            continue
        new_start, new_end = start, end
        before = UNIT_BEFORE_RE.search(text, max(0, start - 90), start)
        if before:
            new_start = before.start()
        part = STREET_PART_RE.match(text, end)
        if part and text[start:end].split()[-1] in STREETS:
            new_end = part.end()
        if (new_start, new_end) != (start, end):
            yield new_start, new_end, "ADDRESS", "rule"


# People: a name's other words beside a part found ------------------------------------------------------------

NAME_SHAPED_RE = re.compile(r"(?:Ma?c|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")
# (the capital first, so the engine skips to one; the lookbehind then asks for the start, a space, "(", "," or ";")
WORD_BEFORE_NAME_RE = re.compile(r"([A-Z](?<![^\s(,;].)[a-z]+(?:-[A-Z][a-z]+)?)[ ]$")
WORD_BEFORE_THAT_RE = re.compile(r"(?:^|[\s(])(\S+)[ ]$")
WORD_AFTER_NAME_RE = re.compile(r"[ ]((?:Ma?c|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-])")
INITIAL_AFTER_NAME_RE = re.compile(r"[ ]([A-Z])(?![\w'’.&/-]|\.\w)")
# particles of Welsh and other surnames the merge joins across: "Rhys ab Owain", "Dafydd ap Iorwerth"
WELSH_PARTICLE_RE = re.compile(r"[ ](?:ab|ap|ferch|verch)[ ]([A-Z][a-z]+)\b")


def person_extents(text, found):
    """A forename written just before a surname found as a person ("Tutor Gethin Price", "June Atkins"), a
    surname just after a forename found ("Ottilie Marsh"), an initial after a forename ("Danny B", "Dylan
    P"), and a surname after a Welsh particle ("Rhys ab Owain"): the rest of the same person's name."""
    from .detection import TITLES
    from .names import surnames
    from .vocabulary import COMMON_CAPITALISED, NOT_PERSON_WORDS

    first_plain, first_ambiguous = forenames()
    last_plain, last_ambiguous = surnames()
    titles = re.compile(TITLES)
    taken = {(s, e) for s, e, kind, *_ in found}
    for start, end, kind, *_ in found:
        if kind != "PERSON" or end <= start or "\n" in text[start:end]:
            continue
        words = text[start:end].split()
        before = WORD_BEFORE_NAME_RE.search(text, max(0, start - 30), start)
        if before and not titles.fullmatch(before.group(1)):
            word = before.group(1)
            listed = word in first_plain or word in first_ambiguous
            previous = WORD_BEFORE_THAT_RE.search(text, max(0, before.start() - 30), before.start())
            # mid-sentence, or a field's or a cell's value ("Sibling on roll: Brook Delaney", "| June Atkins |")
            mid_sentence = (
                previous is not None
                and not previous.group(1).endswith((".", "!", "?"))
                and (previous.group(1)[:1].islower() or previous.group(1).endswith(":") or previous.group(1) == "|")
            )
            month_name = word in WEEK_AND_MONTH and len(word) > 3 and words[0] in last_plain  # "June Atkins"
            if (
                (listed or (mid_sentence and word not in COMMON_CAPITALISED))
                and (word not in NOT_A_NAME_WORD or month_name)
                and (word not in NEVER_OPENS_A_NAME or month_name)
                and word not in NOT_PERSON_WORDS
                and word not in AGENCY_WORDS
                and word not in KEYWORD_KINDS
                and word not in STREETS
                and (mid_sentence or listed)
                and len(words) == 1
                and (words[0] in last_plain or words[0] in last_ambiguous or not listed or mid_sentence)
            ):
                yield before.start(1), end, "PERSON", "rule"
        if len(words) != 1:
            continue
        forename = words[0] in first_plain or words[0] in first_ambiguous
        after = WORD_AFTER_NAME_RE.match(text, end)
        if after:
            word = after.group(1)
            if (
                (word in last_plain or (forename and word in last_ambiguous))
                and word not in COMMON_CAPITALISED
                and word not in KEYWORD_KINDS
                and word not in STREETS
                and word not in NOT_PERSON_WORDS
                and not STREET_OR_KEYWORD_AFTER_RE.match(text, after.end())
                and (start, after.end()) not in taken
            ):
                yield start, after.end(), "PERSON", "rule"
        if not forename:
            continue
        initial = INITIAL_AFTER_NAME_RE.match(text, end)
        if initial and initial.group(1) not in "AI":
            yield start, initial.end(), "PERSON", "rule"
        particle = WELSH_PARTICLE_RE.match(text, end)
        if particle:
            yield start, particle.end(), "PERSON", "rule"


STREET_OR_KEYWORD_AFTER_RE = re.compile(
    r"[ ](?:" + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True)) + r"|Ward|Unit|House|Court)\b"
)


# 'Chukwuemeka ("Emeka") Obi', 'Patrick ("Paddy") Joyce': the word after a nickname in brackets is the surname
NICKNAME_THEN_SURNAME_RE = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ ]\([\"“][A-Z][\w'’ -]{0,20}[\"”]\)[ ]((?:Ma?c|O['’])?[A-Z][a-z][\w'’-]*)"
)


def nickname_surname_finds(text, found):
    from .vocabulary import COMMON_CAPITALISED

    if "(" not in text:
        return
    people = {s for s, e, kind, *_ in found if kind == "PERSON"}
    first_plain, first_ambiguous = forenames()
    for m in NICKNAME_THEN_SURNAME_RE.finditer(text):
        forename, surname = m.group(1), m.group(2).removesuffix("'s").removesuffix("’s")
        if not (m.start(1) in people or forename in first_plain or forename in first_ambiguous):
            continue
        if surname in COMMON_CAPITALISED or surname in KEYWORD_KINDS or surname in STREETS:
            continue
        yield m.start(2), m.start(2) + len(surname), "PERSON", "rule"


def _lead_in_word(word):
    from .capitals import STOP

    upper = word.upper()
    return upper != "THE" and (upper in STOP or upper.endswith(("ED", "ING")) or upper in ("GOES", "KNOW"))


UPPER_WORD_RE = re.compile(r"\b[A-Z]{2,}\b")


def without_capitals_lead_in(text, found):
    """A setting found in capitals starts after the last English word before its name: "BOOKED LATE AT QUEEN
    ELIZABETH HOSPITAL" names "QUEEN ELIZABETH HOSPITAL", "HE GOES TO ST JOSEPH'S RC CHURCH" the church (some
    words may have been put in Title Case by then: the first word counts whatever its case, the others only in
    capitals, so "Hospital for Sick Children" keeps its "for")."""
    out = []
    for item in found:
        start, end, kind = item[:3]
        if kind not in SETTING_TYPES or len(UPPER_WORD_RE.findall(text, start, end)) < 2:
            out.append(item)
            continue
        words = list(re.finditer(r"[^ \t]+", text[start:end]))
        cut = None
        for i, w in enumerate(words[:-1]):
            if (i == 0 or w.group().isupper()) and _lead_in_word(w.group()):
                if i > 0 and w.group() in ("AND", "&") and cut is None and not _lead_in_word(words[i - 1].group()):
                    continue  # "THE CROWN AND ANCHOR": "AND" joins a name's words (a pub's, "ST PETER AND ST PAUL")
                cut = i
        rest = [w.group() for w in words[cut + 1 :]] if cut is not None else []
        if rest and all(w in KEYWORD_KINDS or w.title() in KEYWORD_KINDS for w in rest):
            cut = None  # "AT Juniors": the keyword alone is no name
        if cut is not None:
            item = (start + words[cut + 1].start(), end, kind, *item[3:])
        out.append(item)
    return out


# Dates in Welsh: "5 Mawrth 2025", "17 Chwefror 2025", "1af Ionawr" (bilingual letters write both)
WELSH_MONTHS = ("Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr").split()
WELSH_DATE_RE = re.compile(
    r"\b\d{1,2}(?:af|il|ydd|ed|fed|eg|ain)?[ \t]+(?:" + "|".join(WELSH_MONTHS) + r")(?:[ \t]+\d{4})?\b"
)


def welsh_date_finds(text):
    for m in WELSH_DATE_RE.finditer(text):
        yield m.start(), m.end(), "DATE", "rule"


# Streets whose kind comes first: Welsh "3 Stryd Fawr", "5 MAES GLAS", "Heol y Llan"; Polish "ul. Długa 14/3"
KIND_FIRST_STREET_RE = re.compile(
    r"\b\d{1,4}[A-Za-z]?[ ]+(?i:stryd|heol|ffordd|lôn|rhodfa|cilgant|teras|maes)[ ]+(?:(?i:y|yr)[ ]+)?"
    r"[A-Z][\w'’-]+\b"
    r"|\bul\.[ ]+[A-ZŁŚŻŹĆ][\w-]+(?:[ ]+[A-ZŁŚŻŹĆ][\w-]+)?[ ]+\d{1,4}[A-Za-z]?(?:/\d{1,4})?"
)


def kind_first_street_finds(text):
    for m in KIND_FIRST_STREET_RE.finditer(text):
        yield m.start(), m.end(), "ADDRESS", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
