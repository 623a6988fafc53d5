"""Kinship words and honorifics are no part of a name (issue 16, helper anon11): precision, and output a reader can
publish. The labels' convention in every set: a kinship word or an honorific before a relative's name stays outside
the name ("Granny [Rose]", "Nana [Sue]", "Maulana [Tariq]", "Ciocia [Basia]"), and a kinship word used alone
("Baba was angry", "at Taid's", "phone Ammi now", "ur nana") names nobody a reader could find. The model and the
name rules take both for people, in English and in the languages of the families in the reviews: a span that is
only kinship words is dropped, and one that opens with such a word before a single name word is cut to the name
(the replacement then reads "Granny Person B", the kinship kept, which tells the reader no more than the role).

A kinship word that is also a first name is kept where the passage shows it as one: the word followed by a
surname ("Nana Adjei", "Nana Yaw Boateng", a Ghanaian forename), and then the same word alone elsewhere in the
passage. English titles the merge joins to a name on purpose (Mr, Sister, Pastor, Sheikh: see `TITLES`) and the
words the labels read as part of an alias ("Uncle", "Auntie", "Brother") are not touched here.
"""

import re

from .names import forenames, surnames

# Words for a parent, grandparent, aunt or uncle, used as a name for them. Only words that are no given name in
# UK records (not "Anne", "Abi", "Hala", "Bibi", "Dede").
KINSHIP_WORDS = frozenset(
    w.lower()
    for w in """
    Mum Mummy Mam Mom Mommy Mammy Dad Daddy Papa Pappa Mama Mamma Nan Nana Nanna Nanny Nannie Gran Granny Grannie
    Grandma Grandmother Grandad Granddad Grandpa Grandfather Granda Grampa Gramps Grandmum Granddaddy
    Taid Nain Tad Mamgu Bampi Bamps Dadcu Mamo Mamó Daideó
    Ammi Ammu Ammiji Abbu Abba Abbaji Abbuji Dadi Dadima Nani Nanima Nanu Chacha Chachi Khala Khalu Mamu Mamaji
    Phupho Phuppo Phuppi Biji Bhabhi Bauji Pitaji Mataji
    Baba Babajan Maman Madar Pedar Amu Ammo Khaleh Daei Dayi Bapir Dapir Teta Jiddo Sitto
    Babcia Babciu Dziadek Dziadziu Ciocia Ciociu Wujek Wujku Tata Tato Tatus Mamusia
    Mamaie Bunica Bunicul Tataie Buni
    Nene Babaanne Anneanne Dedem
    Hooyo Aabo Ayeeyo Awoowe Habo Adeer
    Maame Iya Mummie
    Nainai Yeye Laolao Waipo
    Močiutė Senelis
    """.split()
)
# Honorifics of teachers of faith and elders, before a name: outside it, like a title (not those in TITLES; not
# "Hafiz" or "Alim", which are given names too).
HONORIFICS = frozenset(
    w.lower()
    for w in """Maulana Moulana Molana Maulvi Molvi Moulvi Ustadh Ustad Ustaz Ustadha Qari Mufti Apa Baji Giani Granthi
    Părintele Parintele Preot""".split()
)
# ...and after a title or a kinship word, not before a name ("Qari Sahib", "Dadi ji"): "Sahib" is a given name too.
AFTER_A_TITLE = frozenset("sahib sahiba ji jee".split())
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


def _bare(word):
    return _POSSESSIVE_RE.sub("", word).lower()


def _is_kin(word):
    return _bare(word) in KINSHIP_WORDS


def _cheap_opening(word):
    bare = _bare(word.strip('.,;:!?"“”()'))
    return bare in KINSHIP_WORDS or bare in HONORIFICS or bare in AFTER_A_TITLE


def _is_opening(word):
    return _bare(word) in KINSHIP_WORDS or _bare(word) in HONORIFICS


def _first_names(text, found):
    """Kinship words the passage shows as a first name: one that opens a found person span of a kinship word and a
    listed surname ("Nana Adjei")."""
    last = surnames()[0]
    first_names = set()
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        words = _WORD_RE.findall(text[start:end])
        if len(words) >= 2 and _is_kin(words[0]) and (len(words) > 2 or words[1] in last):
            first_names.add(_bare(words[0]))
    return first_names


_WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+$")


# an alias introduced as one: "a man known as "Wujek"", "a woman they call 'Mama'" (the labels: an alias of a
# non-relative is a name, OTHER)
ALIAS_CUE_BEFORE_RE = re.compile(
    r"\b(?:known|referred to|introduced)[ \t]+as|\b(?:called|call|calls|named|nicknamed|goes[ \t]+by|go[ \t]+by)"
    r"(?:[ \t]+(?:himself|herself|themselves|him|her|them))?[ \t]*[\"'“‘]?[ \t]*$"
)


def _opening_before(text, start):
    before = _WORD_BEFORE_RE.search(text, max(0, start - 20), start)
    return before is not None and _is_opening(before.group(1))


def without_kinship_words(text, found):
    """`found` with the person spans (and aliases, and a word taken for a group) that are kinship words alone
    dropped, and those that open with a kinship word or an honorific before one name word cut to the name."""
    first, last = forenames()[0], surnames()[0]
    if not any(_cheap_opening(w) for w in text.split()):
        return found  # (no kinship word or honorific anywhere in the passage)
    named = _first_names(text, found)
    result = []
    for item in found:
        start, end, kind = item[:3]
        if kind not in ("PERSON", "OTHER", "ETHNICITY") or not any(_cheap_opening(w) for w in text[start:end].split()):
            result.append(item)  # (most spans: no kinship word or honorific in them, told without a regex)
            continue
        words = list(_WORD_RE.finditer(text, start, end))
        if not words or len(words) > 3:
            result.append(item)
            continue
        values = [m.group() for m in words]
        if len(values) == 1 and _bare(values[0]) in AFTER_A_TITLE and _opening_before(text, start):
            continue  # "Sahib" of "Qari Sahib", found alone by another rule
        if _is_opening(values[0]) and all(_is_opening(w) or _bare(w) in AFTER_A_TITLE for w in values[1:]):
            if len(values) == 1 and (
                _bare(values[0]) in named or ALIAS_CUE_BEFORE_RE.search(text, max(0, start - 40), start)
            ):
                result.append(item)  # "her first name is Nana" where "Nana Adjei" is written; "known as "Wujek""
            continue  # "Baba was angry", "at Taid's", "Qari Sahib said"
        if kind == "ETHNICITY":
            result.append(item)
            continue
        if (
            len(values) == 2
            and _is_opening(values[0])
            and _bare(values[0]) not in named
            and len(values[1]) > 1  # "Mummy T", "Daddy K": a handle, whole
            and not (_is_kin(values[0]) and values[1] in last and values[1] not in first)
        ):
            # "Granny Rose", "Maulana Tariq"; a quoted "Nana Bea" the alias rules read is the person Bea
            result.append((words[1].start(), end, "PERSON", *item[3:]))
            continue
        result.append(item)
    return result
