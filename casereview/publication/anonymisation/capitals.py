"""Names in a passage written all in capitals (issue 16, sixth round): a statement or a chronology typed in
capitals ("MY DAUGHTER FAITH (13) WAS WAITING", "CALL FROM NERYS JONES (44)") gives the rules no capital
letters to read. In lines that are mostly capitals, the words that the cues around them show to be names are
rewritten in Title Case (same length, so offsets hold) before any rule runs: a listed forename or surname;
the words after a title or rank ("MR P. HENDERSON", "PS SIONED HUMPHREYS"); the word after a family or role
noun ("ELDEST SON CARWYN", "MY SISTER RUTENDO MUTASA"); a word before an age in brackets ("CARWYN (19)") or a
nickname ('EMMANUEL ("MANNY") ADEKUNLE'). A word read as a name once is a name in every capitals line."""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns
from .vocabulary import ACRONYMS, COMMON_CAPITALISED, ETHNICITIES, RELIGIONS, STREET_SUFFIXES

LINE_RE = re.compile(r"[^\n]+")
CAPS_WORD_RE = re.compile(r"(?<![\w'’-])[A-Z][A-Z'’]*(?:-[A-Z][A-Z'’]*)*(?![\w-])")
# English words met in capitals statements that are never names here, however a list holds them
STOP = frozenset(
    """A AN THE AND OR BUT IF OF TO IN ON AT BY FOR FROM WITH WITHOUT INTO ONTO OVER UNDER ABOUT AFTER BEFORE
    DURING WHILE WHEN WHERE WHO WHOM WHICH WHAT WHY HOW THAT THIS THESE THOSE THERE HERE THEN THAN AS IS ARE WAS
    WERE BE BEEN BEING HAS HAVE HAD DO DOES DID NOT NO YES I ME MY MINE WE US OUR YOU YOUR HE HIM HIS SHE HER
    HERS IT ITS THEY THEM THEIR ALL ANY SOME EACH EVERY BOTH ONE TWO SAID SAYS TOLD ASKED WENT CAME GOT GONE
    WILL WOULD CAN COULD MAY MIGHT MUST SHALL SHOULD VERY MORE MOST ALSO ONLY JUST STILL AGAIN SO UP DOWN OUT
    OFF BACK HOME HOUSE FLAT ROAD STREET SCHOOL POLICE HEALTH CHILD BABY MOTHER FATHER MUM DAD SON DAUGHTER
    SISTER BROTHER AUNT UNCLE HUSBAND WIFE FRIEND PARTNER VISITED PRESENT WORKING WAITING ATTENDS STATED
    DETAILS LOCATION DATE TIME NAME REPORT REFERRAL CALL CONTACT HOSPITAL CHURCH CENTRE""".split()
)
# the nouns of STOP name settings and streets too ("CANAL STREET"), which the other rules read in Title Case
FUNCTION_WORDS = STOP - frozenset(
    """HOME HOUSE FLAT ROAD STREET SCHOOL POLICE HEALTH CHILD BABY MOTHER FATHER MUM DAD SON DAUGHTER SISTER
    BROTHER AUNT UNCLE HUSBAND WIFE FRIEND PARTNER DETAILS LOCATION DATE TIME NAME REPORT REFERRAL CALL CONTACT
    HOSPITAL CHURCH CENTRE""".split()
)
TITLE_WORDS = {"MR": "Mr", "MRS": "Mrs", "MS": "Ms", "MISS": "Miss", "DR": "Dr", "SGT": "Sgt", "REV": "Rev"}
RANKS = frozenset("PC PS DC DS DI DCI PCSO SGT MR MRS MS MISS DR SW HV REV CLLR".split())
FAMILY_NOUNS = frozenset(
    """DAUGHTER SON SISTER BROTHER MOTHER FATHER MUM DAD AUNT AUNTIE UNCLE HUSBAND WIFE PARTNER BOYFRIEND
    GIRLFRIEND NAN NANA GRANDMOTHER GRANDFATHER COUSIN FRIEND NEPHEW NIECE STEPFATHER STEPMOTHER TUTOR
    NEIGHBOUR""".split()
)
AGE_OR_NICKNAME_AFTER_RE = re.compile(r"[ \t]*\((?:\d{1,2}\)|[\"“])")
RUN_END_RE = re.compile(r"[ \t]*(?:[,.;:()\n]|$)")
INITIAL_RE = re.compile(r"[A-Z]\.[ \t]*")
COLLAR_RE = re.compile(r"\d{2,5}[ \t]+")


CAPITALS_STRETCH_RE = re.compile(r"[A-Z]{2,}[ ,.'’()-]+[A-Z]{2,}[ ,.'’()-]+[A-Z]{2,}")
UPPER_RE = re.compile(r"[A-Z]")
LOWER_RE = re.compile(r"[a-z]")


def _capitals_lines(text):
    if not CAPITALS_STRETCH_RE.search(text):
        return  # no three words in capitals together: nothing here is typed in capitals
    for m in LINE_RE.finditer(text):
        upper = len(UPPER_RE.findall(m.group()))
        if upper >= 17 and upper >= 0.85 * (upper + len(LOWER_RE.findall(m.group()))):
            yield m.start(), m.end()


def _setting_words():
    from .rules import KEYWORD_KINDS

    return frozenset(k.upper() for k in KEYWORD_KINDS) | frozenset(s.upper() for s in STREET_SUFFIXES)


GROUP_WORDS = frozenset(w.upper() for w in list(ETHNICITIES) + list(RELIGIONS))


def _may_be_name(word):
    titled = word.title()
    return (
        len(word) >= 3
        and word not in STOP
        and word not in GROUP_WORDS
        and word not in ACRONYMS
        and titled not in COMMON_CAPITALISED
        and re.search(r"[AEIOUY]", word) is not None
    )


def _key(word):
    return re.sub(r"['’]S?$", "", word)  # "NERYS'", "FAITH'S": the name


def _listed(word, ambiguous=False):
    titled = _key(word).title()
    if titled in forenames()[0] or titled in surnames()[0]:
        return True
    return ambiguous and (titled in forenames()[1] or titled in surnames()[1])


def capitals_passage_names(text):
    lines = list(_capitals_lines(text))
    if not lines:
        return text
    chars = list(text)
    names = set()
    tokens = []
    for start, end in lines:
        tokens.extend(CAPS_WORD_RE.finditer(text, start, end))
    for i, m in enumerate(tokens):
        word = m.group()
        if word in TITLE_WORDS:
            chars[m.start() : m.end()] = TITLE_WORDS[word]
        if _may_be_name(word) and (_listed(word) or AGE_OR_NICKNAME_AFTER_RE.match(text, m.end())):
            names.add(_key(word))
            if AGE_OR_NICKNAME_AFTER_RE.match(text, m.end()) and i and text[tokens[i - 1].end() : m.start()] == " ":
                previous = tokens[i - 1].group()  # "CALL FROM NERYS JONES (44)"
                if _may_be_name(previous) and not previous.endswith(("ING", "ED")):
                    names.add(_key(previous))
        cue = word in RANKS or word in FAMILY_NOUNS or word.rstrip("'’S") in FAMILY_NOUNS
        # "A MAN CALLED DECLAN", "A GIRL I KNOW AS ROXY"
        cue = cue or word in ("CALLED", "NAMED") or (word == "AS" and i and tokens[i - 1].group() in ("KNOW", "KNOWN"))
        if not cue:
            continue
        position = m.end()
        gap = re.match(r"[ \t]*,?[ \t]+", text[position : position + 4])
        if not gap:
            continue
        position += gap.end()
        if word in RANKS:
            collar = COLLAR_RE.match(text, position)
            position = collar.end() if collar else position
            initial = INITIAL_RE.match(text, position)
            position = initial.end() if initial else position
        for _ in range(2):
            following = CAPS_WORD_RE.match(text, position)
            if not following or not _may_be_name(following.group()):
                break
            names.add(_key(following.group()))
            space = re.match(r"[ \t]+", text[following.end() : following.end() + 3])
            if not space:
                break
            position = following.end() + space.end()
    settings = _setting_words()
    # a word before a setting's or a street's keyword is part of that name ("QUEEN ELIZABETH HOSPITAL")
    for i, m in enumerate(tokens):
        if _key(m.group()) in names:
            ahead = [t.group() for t in tokens[i + 1 : i + 3] if t.start() - m.end() < 20]
            if any(w in settings for w in ahead):
                names.discard(_key(m.group()))
    # a name's neighbour in the same run of words is the rest of it ("DESTINY OKORO")
    for _ in range(2):
        for i, m in enumerate(tokens):
            if _key(m.group()) not in names:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens):
                    other = tokens[j]
                    gap = text[min(m.end(), other.end()) : max(m.start(), other.start())]
                    word = other.group()
                    if gap != " " or not _may_be_name(word) or word in settings:
                        continue
                    # a listed word either side; an unlisted one only after, ending the run ("NERYS JONES (44)")
                    if word.endswith(("ED", "ING")) and not _listed(word):
                        continue  # "ROXY LOOKED SCARED"
                    if _listed(word, ambiguous=True) or (j > i and RUN_END_RE.match(text, other.end())):
                        names.add(_key(word))
    for i, m in enumerate(tokens):  # 'EMMANUEL ("MANNY") ADEKUNLE': the words around a nickname
        if _key(m.group()) in names and re.match(r'[ \t]*\(["“]', text[m.end() : m.end() + 4]):
            for other in tokens[i + 1 : i + 3]:
                if other.start() - m.end() < 16 and _may_be_name(other.group()):
                    names.add(_key(other.group()))
    if not names:
        return "".join(chars)
    for m in tokens:
        word = _key(m.group())
        if word in names:
            before = text[max(0, m.start() - 4) : m.start()]
            if re.search(r"\b(?:THE|A|AN|NO|OF|ANY|SOME)[ \t]+$", before):
                continue  # "NO HOPE OF", "THE FAITH"
            chars[m.start() : m.start() + len(word)] = "-".join(part.title() for part in word.split("-"))
    return "".join(chars)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
