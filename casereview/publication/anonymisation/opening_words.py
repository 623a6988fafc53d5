"""Words that open a sentence or a line are no part of the name after them (issue 16, helper anon12): precision.

Records write in clipped sentences whose first word is a verb ("Rang Mum", "Told Pam (manager)", "Helped Alun
with his reading", "Signed S. Gill"), open a message with a greeting ("Morning Lou"), write Welsh beside
English ("Roedd Nia", "Annwyl Nia / Dear Nia", "Diolch", "Ysgol / School") or write a whole log in capitals
("TYLER WAS HIDING IN BATHROOM", "SUSPECT LOCATED"). The capitalised word is joined to the name, or taken
for one. A person span is cut to the name after such words, and dropped when nothing name-like is left; a
run in capitals is cut where its first verb or function word starts. A word that is a listed forename or
surname stays a name ("Said" is not; "Rang" is not), and so does a word after a title ("Mr Said").
"""

import re

from .names import forenames, surnames
from .vocabulary import COMMON_CAPITALISED, ETHNICITIES

# the verbs a record's clipped sentence opens with, past and present, and the words said before a name
OPENING_VERBS = frozenset(
    """told tells rang rings said says spoke speaks helped helps reminded reminds signed signs conveyed asked asks
    called calls phoned phones emailed emails texted texts messaged met meets saw sees visited visits advised
    advises informed informs contacted contacts collected collects dropped drops took takes gave gives sent
    sends located arrived declined stated states reported reports explained explains agreed agrees attended
    attends confirmed confirms denied denies disclosed discloses discussed discusses noted notes observed
    observes seen spoken checked checks escorted supported supports encouraged encourages thanked praised
    warned warns referred refers handed hands passed placed picked found heard brought drove walked returned
    returns shouted waited answered answer hiding looked looks scared cried hugged chased fetched left leaves
    went goes came comes got gets put puts showed shows wrote writes read reads knocked""".split()
)
GREETINGS = frozenset("dear hi hiya hello hey morning afternoon evening thanks cheers ta".split())
# Welsh words a bilingual record writes that are never names: greetings, verbs, days, a form's parts, and the
# words of an agency's name (Cyngor, Heddlu, Ysgol, Tîm, Gwasanaethau)
WELSH_WORDS = frozenset(
    """annwyl diolch bore da prynhawn noswaith helo roedd mae bydd oedd dywedodd dwedodd meddai aeth daeth
    gwelodd ffoniodd cafodd dydd llun mawrth mercher iau gwener sadwrn sul ionawr chwefror ebrill mehefin
    gorffennaf awst medi hydref tachwedd rhagfyr ysgol cyngor heddlu tîm tim gwasanaethau gwasanaeth plant
    teulu teuluoedd gweithiwr cymdeithasol ffurflen cynllun gofal barn pryderon cofnod ymweliad dyddiad
    cyfeiriad enw oedran rhiant rhieni mam tad nain taid mamgu tadcu gogledd de dwyrain gorllewin canol
    cymorth cynnar iechyd meddwl ysbyty meddyg yn ac a y yr ar am gyda ei eu""".split()
)
# the words of an agency's name in Welsh: what follows is its area ("Cyngor Gwynedd", "Heddlu De Cymru")
WELSH_AGENCY_WORDS = frozenset("cyngor heddlu gwasanaethau tîm tim".split())
NOT_NAMES = COMMON_CAPITALISED | frozenset(w for phrase in ETHNICITIES for w in phrase.split())
CAPITALS_BREAK = frozenset(
    """WAS WERE IS ARE HAD HAS HAVE BEEN BEING WILL WOULD COULD SHOULD DID DOES DO NOT TO IN ON AT BY WITH FROM
    INTO THE A AN AND OR BUT OF FOR THAT WHO WHEN WHERE SAID STATED TOLD ASKED LOOKED SPOKEN SEEN HIDING
    LOCATED ARRIVED PLACED ANSWER ANSWERED SCARED CRYING SHOUTING RUNNING REFUSED LEFT WENT CAME""".split()
)
CAPITALS_WORD_RE = re.compile(r"\b[A-Z]{2,}\b")
# (a log in capitals has its verbs in capitals: "WAS", "STATED"; headings have "THE", "AND", "FOR")
LOG_VERBS = sorted((w for w in CAPITALS_BREAK if len(w) >= 3 and w not in ("THE", "AND", "FOR", "BUT", "NOT")), key=len)
CAPITALS_BREAK_RE = re.compile(r"\b(?:" + "|".join(reversed(LOG_VERBS)) + r")\b")
PRONOUNS = frozenset("I We She He They".split())
NAME_WORD_RE = re.compile(r"(?:[A-Z]\.[ \t]*)*[A-Z][a-zà-ÿ'’-]*[a-zà-ÿ][\w'’-]*")
WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Revd?|Sir|Dame|Lady|Lord)\.?[ \t]+$")
PRONOUN_VERB_RE = re.compile(r"(?:I|We|She|He|They)[ \t]+(?:also[ \t]+)?([a-z]+)[ \t]+")


def _listed(word, lists):
    return any(word in names for names in lists)


def _opener(word, lists):
    """True when `word` opens a clipped sentence, a greeting or Welsh text and is no listed name."""
    value = re.sub(r"['’]s?$", "", word.strip('.,;:!?"“”()'))
    lower = value.lower()
    if lower not in OPENING_VERBS and lower not in GREETINGS and lower not in WELSH_WORDS:
        return False
    return not _listed(value, lists) and not _listed(value.title(), lists)


def without_opening_words(text, found):
    """`found` with person spans cut after the verbs, greetings and Welsh words opening them, cut where a run
    in capitals reaches its verb, and dropped when nothing name-like is left."""
    lists = welsh_named = None
    result, removed = [], []
    capitals_log = CAPITALS_BREAK_RE.search(text) is not None  # (once per text: a verb in capitals anywhere)
    for item in found:
        start, end, kind = item[:3]
        if kind != "PERSON":
            result.append(item)
            continue
        span = text[start:end]
        parts = span.split(None, 2)
        word = parts[0].strip('.,;:!?"“”()') if parts else ""
        lower = word.lower() if word[1:] == word[1:].lower() else ""  # (never initials: "AM", "TA", "AR")
        pronoun = len(parts) > 2 and parts[0] in PRONOUNS and PRONOUN_VERB_RE.match(span)
        opener = lower in OPENING_VERBS or lower in GREETINGS or lower in WELSH_WORDS
        if not (opener or (pronoun and pronoun.group(1) in OPENING_VERBS)):
            if not capitals_log or not _in_capitals(text, start, end):
                result.append(item)
                continue
            capitals = True
        else:
            capitals = False
        if TITLE_BEFORE_RE.search(text, max(0, start - 8), start) or WORD_RE.match(span) is None:
            result.append(item)
            continue
        lists = lists or (*forenames(), *surnames())
        if not capitals and not pronoun:
            if welsh_named is None:
                welsh_named = _welsh_words_named(text, found, lists)
            if _named_here(text, start, end, lower, welsh_named, lists):
                result.append(item)
                continue
        if capitals:
            cut = _capitals_cut(span, lists)
            if cut is None:
                removed.append((start, end))
            else:
                result.append((start + cut[0], start + cut[1], *item[2:]))
                removed.extend([(start, start + cut[0]), (start + cut[1], end)])
            continue
        if pronoun and pronoun.group(1) in OPENING_VERBS:
            rest = pronoun.end()  # "I rang Mr Ahmed" -> "Mr Ahmed"
        else:
            words = list(WORD_RE.finditer(span))
            rest = None
            for m in words:
                if not _opener(m.group(), lists):
                    rest = m.start()
                    break
            if rest is None or words[0].group().lower() in WELSH_AGENCY_WORDS:
                removed.append((start, end))
                continue  # "Diolch", "Dydd Llun", "Cynllun Gofal", "Cyngor Gwynedd": no name in it
            if rest == 0:
                result.append(item)
                continue
        remainder = span[rest:]
        if any(_name_word(m.group(), lists) for m in NAME_WORD_RE.finditer(remainder)):
            result.append((start + rest, end, *item[2:]))  # "Told Pam", not "Rang LADO" or "Speaks Welsh"
            removed.append((start, start + rest))
        else:
            removed.append((start, end))
    if not removed:
        return result
    # (the words of a span cut or dropped, found again on their own by another rule, go with it)
    return [
        item for item in result if item[2] != "PERSON" or not any(s <= item[0] and item[1] <= e for s, e in removed)
    ]


# a verb of saying or doing after a word: the word is someone who did it ("Plant said", "Heard told the GP",
# "Medi went home"); an opening verb is never followed by another
VERB_AFTER_RE = re.compile(
    r"[ \t]+(?:"
    + "|".join(
        sorted(
            OPENING_VERBS | {"was", "is", "has", "had", "would", "will", "did", "does", "could"}, key=len, reverse=True
        )
    )
    + r")\b"
)
# what stands before a sentence's or a line's first word (a date or time too: "12/03 Told Bernadette")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\n•*/\"“(\[–—-]|\d)[ \t]*$")
SURNAME_NEXT_RE = re.compile(r"[ \t]+([A-Z][a-z'’-]+)")


def _welsh_words_named(text, found, lists):
    """The Welsh words the passage writes as a forename before a listed surname ("Medi Jones", "Mae
    Thompson"): a name wherever else they stand."""
    named = set()
    for start, end, kind, *_ in found:
        words = text[start:end].split()
        if kind == "PERSON" and len(words) >= 2 and words[0].lower() in WELSH_WORDS:
            if words[0][1:] == words[0][1:].lower() and _listed(words[1], lists[2:]):
                named.add(words[0])
    return named


def _named_here(text, start, end, lower, welsh_named, lists):
    """True when the span's opening word is a name here, though it is on a list of opening words: it is
    followed by a verb of saying or doing, a Welsh word is written before a listed surname or elsewhere as a
    forename, or an English verb stands inside a sentence, not at its start."""
    span = text[start:end]
    first = span.split()[0].strip('.,;:!?"“”()')
    alone = len(span.split()) == 1
    if alone and VERB_AFTER_RE.match(text, end):
        return True
    if lower in WELSH_WORDS and lower not in OPENING_VERBS and lower not in GREETINGS:
        if first in welsh_named:
            return True
        following = SURNAME_NEXT_RE.match(text, start + len(span.split()[0]))
        return bool(following and _listed(following.group(1), lists[2:]))
    if lower in OPENING_VERBS:
        return SENTENCE_START_RE.search(text, max(0, start - 6), start) is None
    return False


def _name_word(word, lists):
    word = re.sub(r"['’]s$", "", re.sub(r"^(?:[A-Z]\.[ \t]*)+", "", word))
    if _listed(word, lists):
        return True
    return "." not in word and word not in NOT_NAMES and not word.isupper() and word.lower() not in WELSH_WORDS


def _in_capitals(text, start, end):
    """True when the text around the span is written in capitals: its names are already written "Desmond Was
    Hiding in the Kitchen" for the other rules, so the words in capitals left around it say so, with a verb or
    a function word among them (not a line of acronyms: "MASH CSC LADO")."""
    words = CAPITALS_WORD_RE.findall(text, max(0, start - 60), end + 60)
    return len(words) >= 3 and any(w in CAPITALS_BREAK for w in words)


def _capitals_cut(span, lists):
    """(start, end) of the name in a person span written in capitals ("ON ARRIVAL DESMOND WAS HIDING" ->
    "DESMOND"), None to drop it ("LOCATED"), the whole span when it has no verb or function word."""
    words = list(re.finditer(r"[A-Z][A-Za-z'’-]*", span))
    breaks = [m.group().upper() in CAPITALS_BREAK and not _listed(m.group().title(), lists) for m in words]
    if breaks[:1] == [True] and len(words) == 1:
        return None if len(words[0].group()) >= 4 else (0, len(span))  # "LOCATED"; not initials ("AN", "BY")
    named = [i for i, m in enumerate(words) if _listed(m.group().title(), lists)]
    first = named[0] if named else 0
    if not any(breaks):
        # "ARRIVAL Desmond" -> "Desmond": the words in capitals the other rules did not take for a name
        lead = 0
        while lead < first and words[lead].group().isupper() and len(words[lead].group()) >= 3:
            lead += 1
        return (words[lead].start(), len(span)) if lead == first and words else (0, len(span))
    if breaks[first]:
        return None
    last = first
    while last + 1 < len(words) and not breaks[last + 1]:
        last += 1
    return words[first].start(), words[last].end()
