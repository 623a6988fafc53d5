r"""Regular-expression helpers that keep the whole-text scans linear and fast.

**Prefiltered scans.** Most rules scan the whole text with a pattern that opens with `\b`, a lookbehind or a
case-insensitive group, so Python's engine tries a match at every position (15-35 ns a character, for each of
some 250 patterns). Many cannot match without some word or literal, such as "nicknamed" or "Flat": when the
text holds none of them, the scan is skipped. How to use it, as a rule-writer:

- Nothing, usually. Each rule module ends with `prefilter_patterns(globals())`, which replaces every
  module-level compiled pattern named in capitals (`FOO_RE = re.compile(...)`) by a `Prefiltered` pattern when
  it has literals worth checking. `required_literals` reads them off the pattern itself, so they cannot go
  stale when the pattern changes: a match of `\b(?i:nicknamed|aka)\s+(\w+)` holds the whole word
  "nicknamed" or "aka" in any case. A `Prefiltered` pattern answers `finditer`, `findall`, `search`,
  `sub`, `subn` and `split` as the pattern does, and passes everything else to it (`match` and `fullmatch`,
  which try one position, `.pattern`, `.groups`); when none of its literals is in the string it answers "no
  match" at once.
- A pattern built inside a function, or kept in a list or a dict, is not swept: wrap it with
  `prefiltered(re.compile(...))` where it is built once (not per call).
- To state the literals by hand (when they cannot be read off, e.g. words the pattern matches only through a
  character class): `prefiltered(pattern, needs=("known as",))` (substrings in any case), `needs_case=`
  (substrings as written), `needs_words=` (whole words in any case). Get them wrong and matches are lost:
  `publication/tests/test_anonymisation_patterns.py` runs every prefiltered pattern of the package with and
  without its filter over the tuning and holdout passages (as written, in capitals, in lower case) and fails
  on any difference; `benchmarks/anonymisation_detections.py` compares whole detections before and after.
- Patterns read best for the filter when a word they need has `\b` (or `(?<![\w'’])`, `(?![\w'’])`, a space,
  a comma) on both sides: a whole word is a set look-up, nearly free; a bare literal is a substring test
  (about 1 ns a character), so a pattern needing one of more than SUBSTRING_LIMIT bare literals, or that can
  match with a word found in almost every text ("the", "and", EVERYWHERE), or with a literal shorter than
  three characters, is left unfiltered.

The text is folded once per text, not per pattern: lower-cased as the engine's IGNORECASE compares (three
characters it folds otherwise, see NOT_AS_LOWER), and its words taken as a set when a pattern first asks; a
pattern remembers its answer for the last text, so the many calls a rule makes on one text check once (each
cache is one immutable pair replaced whole: threads detecting at once only miss it). The filter only ever skips
a scan that would have found nothing: what detection finds is unchanged.
"""

import re
import unicodedata
from re import _compiler as _sre_compiler  # (its choice of a prefix to skip ahead to)
from re import _constants as sre  # the parser's opcodes: read-only use of the standard library's parse tree
from re import _parser as sre_parse


def alternation(words):
    """A regex alternation of `words` as a trie ('s(?:on|ister)' for 'son', 'sister'): Python's engine tries
    each branch of a flat alternation at every position, a trie only the branches that share a prefix.
    Longer words still win over their prefixes, as with a longest-first flat alternation."""
    trie = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node):
    ends_here = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


# --- case folding -----------------------------------------------------------------------------------------------


_ASCII_LETTER_IN_ANY_CASE = re.compile("(?i:[a-z])")


def fold_of(code):
    """The one character IGNORECASE treats the character `code` as: ASCII letters in lower case; the few other
    characters the engine equates with an ASCII letter, such as "ſ" with "s" and "K" (Kelvin) with "k", that
    letter; anything else its lower case when that is one character, else itself."""
    char = chr(code)
    if _ASCII_LETTER_IN_ANY_CASE.fullmatch(char):
        return next(a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, char, re.I))
    lower = char.lower()
    return lower if len(lower) == 1 else char


class _FoldTable(dict):
    """str.translate table of fold_of, filled as characters are met."""

    def __missing__(self, code):
        self[code] = folded = fold_of(code)
        return folded


_FOLD = _FoldTable()
# The only characters the table folds otherwise than str.lower() (checked over all of Unicode by a test):
# "İ" (lower() makes it two characters), "ı" and "ſ" (which the engine takes for "i" and "s").
NOT_AS_LOWER = {0x130: "i", 0x131: "i", 0x17F: "s"}
# The last text asked about with its folded form, and with its words: each an immutable pair, replaced whole
# and read once, so threads detecting at once can only miss the cache, never read another text's answer.
_last_folded = (None, "")
_last_words = (None, frozenset())


def folded(text):
    """`text` case-folded as the prefilter compares (same length, one character for one); remembered for the
    last text asked about, so every pattern checked against one text folds it once."""
    global _last_folded
    last = _last_folded
    if last[0] is text:
        return last[1]
    if not text.isascii() and any(chr(code) in text for code in NOT_AS_LOWER):
        result = text.translate(NOT_AS_LOWER).lower()
    else:
        result = text.lower()
    _last_folded = (text, result)
    return result


def folded_words(text):
    """The words (runs of letters, digits and underscores) of the folded text, as a set; remembered likewise."""
    global _last_words
    last = _last_words
    if last[0] is text:
        return last[1]
    words = frozenset(WORD_RE.findall(folded(text)))
    _last_words = (text, words)
    return words


def _fold_char(char):
    return _FOLD[ord(char)]


# --- the literals a pattern cannot match without ----------------------------------------------------------------

EXACT_LIMIT = 512  # most strings kept as the exact set a part of a pattern matches
SUBSTRING_LIMIT = 8  # most substring tests for one pattern (each about 1 ns a character of the text)
WORD_LIMIT = 5000  # most whole words for one pattern (one set intersection with the text's words)
MIN_LITERAL = 3  # shortest substring worth testing: "an" is in every text
MIN_WORD = 2  # shortest whole word worth testing: "Dr", "GP"
# words in almost every text: a pattern that can match with one of them alone is not worth checking
EVERYWHERE = frozenset(
    "a an and as at be by for from had has he her his in is it of on or she that the to was with".split()
)
# Two marks inside a literal, neither ever in a text: BOUNDARY, zero width, says a character beside it that is
# a letter, digit or underscore has none beside it on the other side (`\b`, `(?<![\w'’])`, `(?=\s)`, `^`);
# NON_WORD stands for one character that is none of those (`[ \t]`, `\s`, `["“‘']`).
BOUNDARY, NON_WORD = "\x00", "\x01"
WORD_RE = re.compile(r"\w+")


class _Exact:
    """Every string this part of the pattern can match: a set of (string, folded) pairs, folded meaning the
    string is compared with the folded text."""

    __slots__ = ("strings",)

    def __init__(self, strings):
        self.strings = frozenset(strings)


class _Needs:
    """What any match must contain: clauses, each a set of (string, folded) of which one at least; and, when
    known, `head` and `tail`, the sets of strings every match begins and ends with."""

    __slots__ = ("clauses", "head", "tail")

    def __init__(self, clauses=(), head=None, tail=None):
        self.clauses = [c for c in clauses if c]
        self.head = head
        self.tail = tail


_EMPTY = _Exact({("", False)})
_AT_BOUNDARY = _Exact({(BOUNDARY, False)})
_NON_WORD = _Exact({(NON_WORD, False)})
_ANY = _Needs()


def _clause(strings):
    """`strings` as a clause, or None when one of them is no character at all (nothing is needed)."""
    if strings is None or any(not s.replace(BOUNDARY, "") for s, _ in strings):
        return None
    return frozenset(strings)


def _clauses(info):
    if isinstance(info, _Exact):
        return [c for c in (_clause(info.strings),) if c]
    return info.clauses + [c for c in (_clause(info.head), _clause(info.tail)) if c]


def _fold_string(string):
    return "".join(map(_fold_char, string))


def _concat_pair(a, b):
    (sa, fa), (sb, fb) = a, b
    if fa == fb:
        return (sa + sb, fa)
    return (_fold_string(sa) + sb, True) if not fa else (sa + _fold_string(sb), True)


def _product(a, b):
    """Every string of `a` followed by every string of `b`; None when that is too many."""
    if a is None or b is None or len(a) * len(b) > EXACT_LIMIT:
        return None
    return frozenset(_concat_pair(x, y) for x in a for y in b)


def _concat(a, b):
    if isinstance(a, _Exact) and isinstance(b, _Exact):
        joined = _product(a.strings, b.strings)
        if joined is not None:
            return _Exact(joined)
        return _Needs([], a.strings, b.strings)
    a_tail = a.strings if isinstance(a, _Exact) else a.tail
    b_head = b.strings if isinstance(b, _Exact) else b.head
    joined = _product(a_tail, b_head)
    clauses = [] if isinstance(a, _Exact) else list(a.clauses)
    clauses += [] if isinstance(b, _Exact) else b.clauses
    parts = (joined,) if joined is not None else (a_tail, b_head)
    clauses += [c for c in map(_clause, parts) if c]
    if isinstance(a, _Exact):
        head = joined if joined is not None else a.strings
    else:
        head = a.head
    if isinstance(b, _Exact):
        tail = joined if joined is not None else b.strings
    else:
        tail = b.tail
    return _Needs(clauses, head, tail)


def _union_of(sets):
    if any(s is None for s in sets):
        return None
    strings = frozenset().union(*sets)
    return strings if len(strings) <= EXACT_LIMIT else None


def _union(infos):
    if all(isinstance(i, _Exact) for i in infos):
        strings = _union_of([i.strings for i in infos])
        if strings is not None:
            return _Exact(strings)
    head = _union_of([i.strings if isinstance(i, _Exact) else i.head for i in infos])
    tail = _union_of([i.strings if isinstance(i, _Exact) else i.tail for i in infos])
    clause = set()
    for info in infos:
        best = _best_clause(_clauses(info), limits=False)
        if best is None:
            clause = None
            break
        clause |= best
    return _Needs([frozenset(clause)] if clause else [], head, tail)


def _literal(code, ignorecase):
    char = chr(code)
    if not ignorecase:
        return _Exact({(char, False)})
    if char.isascii():
        return _Exact({(char.lower(), True)})
    if char.lower() == char == char.upper() and unicodedata.category(char)[0] in "PSZ":
        return _Exact({(char, True)})  # punctuation, symbols and spaces have no other case
    return _ANY


def _is_word_char(code):
    return WORD_RE.match(chr(code)) is not None


NON_WORD_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD, sre.CATEGORY_LINEBREAK)


def _non_word_set(items):
    """Does the character set hold no letter, digit or underscore?"""
    for op, av in items:
        if op is sre.LITERAL:
            if _is_word_char(av):
                return False
        elif op is sre.CATEGORY:
            if av not in NON_WORD_CATEGORIES:
                return False
        elif op is sre.RANGE:
            if av[1] - av[0] > 256 or any(map(_is_word_char, range(av[0], av[1] + 1))):
                return False
        else:
            return False
    return True


def _char_set(items, ignorecase):
    if _non_word_set(items):
        if len(items) == 1 and items[0][0] is sre.LITERAL:
            return _literal(items[0][1], ignorecase)
        return _NON_WORD
    chars = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(av)
        elif op is sre.RANGE and av[1] - av[0] < 4:
            chars.update(range(av[0], av[1] + 1))
        else:
            return _ANY
        if len(chars) > 4:
            return _ANY
    return _union([_literal(c, ignorecase) for c in chars]) if chars else _ANY


def _one_character_set(sub):
    r"""The items of a lookaround of one character (`(?<![\w'’])`, `(?=\s)`), else None."""
    if len(sub) != 1:
        return None
    op, av = sub[0]
    if op is sre.IN:
        return av
    if op is sre.LITERAL:
        return [(op, av)]
    return None


def _marks_a_boundary(op, av, flags):
    """A lookaround that, beside a letter, digit or underscore, says there is none on its other side."""
    if flags & re.ASCII:
        return False
    items = _one_character_set(av[1])
    if items is None:
        return False
    if op is sre.ASSERT_NOT:  # no word character there: the set holds them all
        return (sre.CATEGORY, sre.CATEGORY_WORD) in items and not any(o is sre.NEGATE for o, _ in items)
    return _non_word_set(items)  # a character there that is not one


AT_BOUNDARIES = (
    sre.AT_BOUNDARY,
    sre.AT_BEGINNING,
    sre.AT_BEGINNING_LINE,
    sre.AT_BEGINNING_STRING,
    sre.AT_END,
    sre.AT_END_LINE,
    sre.AT_END_STRING,
)


def _info(items, flags):
    result = _EMPTY
    for op, av in items:
        result = _concat(result, _item_info(op, av, flags))
    return result


def _item_info(op, av, flags):
    ignorecase = bool(flags & re.IGNORECASE)
    if op is sre.LITERAL:
        return _literal(av, ignorecase)
    if op is sre.IN:
        return _char_set(av, ignorecase)
    if op is sre.AT:
        return _AT_BOUNDARY if av in AT_BOUNDARIES and not flags & re.ASCII else _EMPTY
    if op is sre.ASSERT or op is sre.ASSERT_NOT:
        return _AT_BOUNDARY if _marks_a_boundary(op, av, flags) else _EMPTY  # zero width
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _info(sub, (flags | add_flags) & ~del_flags)
    if op is sre.ATOMIC_GROUP:
        return _info(av, flags)
    if op is sre.BRANCH:
        return _union([_info(branch, flags) for branch in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        child = _info(sub, flags)
        if isinstance(child, _Exact) and high == 1:
            return _Exact(child.strings | ({("", False)} if low == 0 else set()))
        if low == 0:
            return _ANY
        if isinstance(child, _Exact):  # at least once: it begins and ends with one of the child's strings
            return _Needs([], child.strings, child.strings)
        return _Needs(child.clauses, child.head, child.tail)
    return _ANY  # any character, a category, a back-reference, a conditional group


def _simplified(clause):
    """Drop an alternative that contains another (if "mrs" is there, so is "mr"); a long list is left as it is
    (the comparison goes as its square, and the whole words of a long list are looked up at once anyway)."""
    if len(clause) > 64:
        return clause
    kept = []
    for s, f in sorted(clause, key=lambda pair: len(pair[0])):
        if not any(_implies(s, f, t, g) for t, g in kept):
            kept.append((s, f))
    return frozenset(kept)


def _implies(s, f, t, g):
    """Does `s` (folded if `f`) being in the text mean `t` (folded if `g`) is?"""
    if not g:
        return not f and t in s
    return t in (s if f else _fold_string(s))


def whole_words(literal):
    """The runs of word characters in `literal` that any text holding it holds as whole words: those with a
    BOUNDARY or a character that is not a letter, digit or underscore on both sides."""
    return [m.group() for m in WORD_RE.finditer(literal) if m.start() > 0 and m.end() < len(literal)]


def _check(literal, folded_literal):
    """How to test for one literal: ("word", w) for its longest whole word (a set look-up, nearly free) when
    that is not shorter than 3 letters or is all the literal; else ("case" / "folded", s) for its longest
    stretch of characters (a substring test, about 1 ns a character); None when neither is long enough."""
    words = [w for w in whole_words(literal) if len(w) >= MIN_WORD]
    word = max(words, key=len) if words else ""
    bare = max(literal.replace(BOUNDARY, "").split(NON_WORD), key=len)
    if word and (len(word) >= 3 or word == bare):
        return "word", word if folded_literal else _fold_string(word)
    if len(bare) >= MIN_LITERAL:
        return "folded" if folded_literal else "case", bare
    if word:
        return "word", word if folded_literal else _fold_string(word)
    return None


def _checks(clause):
    checks = [_check(s, f) for s, f in _simplified(clause)]
    if None in checks or any(kind == "word" and s in EVERYWHERE for kind, s in checks):
        return None
    words = {s for kind, s in checks if kind == "word"}
    kept = [("word", w) for w in sorted(words)]
    substrings = []  # "Apt" is enough: "Apt." holds it
    for kind, s in sorted({c for c in checks if c[0] != "word"}, key=lambda check: len(check[1])):
        if not any(k == kind and t in s for k, t in substrings):
            substrings.append((kind, s))
    return kept + substrings


def _score(checks):
    substrings = sum(kind != "word" for kind, _ in checks)
    shortest = min(len(s) + (2 if kind == "word" else 0) for kind, s in checks)
    return min(shortest, 8), -substrings, -len(checks)


def _within_limits(checks):
    substrings = sum(kind != "word" for kind, _ in checks)
    return substrings <= SUBSTRING_LIMIT and len(checks) - substrings <= WORD_LIMIT


def _best_clause(clauses, limits=True):
    best, best_key = None, None
    for clause in clauses:
        checks = _checks(clause)
        if checks is None or (limits and not _within_limits(checks)):
            continue
        key = _score(checks)
        if best_key is None or key > best_key:
            best, best_key = clause, key
    return best


def required_literals(pattern, tree=None):
    """(substrings, folded substrings, folded whole words): every match of `pattern` holds at least one of
    them (the first as written, the second in the folded text, the third as a whole word of the folded text);
    None when there is nothing worth checking."""
    if isinstance(pattern, Prefiltered):
        pattern = pattern.unfiltered
    tree = tree or sre_parse.parse(pattern.pattern, pattern.flags)
    best = _best_clause(_clauses(_info(tree.data, tree.state.flags)))
    if best is None:
        return None
    checks = set(_checks(best))
    return tuple(tuple(sorted(s for k, s in checks if k == kind)) for kind in ("case", "folded", "word"))


# --- a first-character lookahead ---------------------------------------------------------------------------

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


class _NoFirst(Exception):
    """The pattern's first character cannot be put as a character class."""


def _class_char(code):
    return "\\" + chr(code) if chr(code) in "-]\\^[" else re.escape(chr(code))


def _first(items, flags):
    """(class items as written, class items in any case, can be empty) for the first character of `items`."""
    written, any_case = set(), set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        a, b, empty = _first_of(op, av, flags)
        written |= a
        any_case |= b
        if not empty:
            return written, any_case, False
    return written, any_case, True


def _first_of(op, av, flags):
    if op is sre.LITERAL:
        parts = {_class_char(av)}
    elif op is sre.IN:
        parts = set()
        for item_op, item in av:
            if item_op is sre.LITERAL:
                parts.add(_class_char(item))
            elif item_op is sre.RANGE:
                parts.add(_class_char(item[0]) + "-" + _class_char(item[1]))
            elif item_op is sre.CATEGORY and item in _CATEGORIES:
                parts.add(_CATEGORIES[item])
            else:
                raise _NoFirst  # a negated set: not worth it
    elif op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return _first(sub, (flags | add_flags) & ~del_flags)
    elif op is sre.ATOMIC_GROUP:
        return _first(av, flags)
    elif op is sre.BRANCH:
        written, any_case, empty = set(), set(), False
        for branch in av[1]:
            a, b, e = _first(branch, flags)
            written, any_case, empty = written | a, any_case | b, empty or e
        return written, any_case, empty
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        a, b, empty = _first(sub, flags)
        return a, b, empty or low == 0
    else:
        raise _NoFirst  # any character, a back-reference, a conditional group
    return (set(), parts, False) if flags & re.IGNORECASE else (parts, set(), False)


def _opens_with_alternatives(items):
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            return _opens_with_alternatives(av[3])
        return op is sre.BRANCH
    return False


SELECTIVE_LETTERS = 18  # a lookahead that lets through more lower-case letters than this saves nothing


def first_character_lookahead(pattern, tree=None):
    """`(?=[...])`, the characters a match of `pattern` can begin with, when that is worth putting before it:
    the pattern opens (after `\b` or lookbehinds) with alternatives, which Python's engine enters one by one at
    every position unless the engine already skips ahead to a literal or a character set (then None)."""
    tree = tree or sre_parse.parse(pattern.pattern, pattern.flags)
    flags = tree.state.flags
    if _sre_compiler._get_literal_prefix(tree, flags)[0] or _sre_compiler._get_charset_prefix(tree, flags):
        return None
    if not _opens_with_alternatives(tree.data):
        return None
    try:
        written, any_case, empty = _first(tree.data, flags)
    except _NoFirst:
        return None
    if empty:
        return None
    parts = ([f"[{''.join(sorted(written))}]"] if written else []) + (
        [f"(?i:[{''.join(sorted(any_case))}])"] if any_case else []
    )
    lookahead = f"(?={'|'.join(parts)})"
    passing = re.compile(lookahead)
    if passing.match(" ") or sum(bool(passing.match(c)) for c in "abcdefghijklmnopqrstuvwxyz") > SELECTIVE_LETTERS:
        return None
    return lookahead


def with_first_character_lookahead(pattern, tree=None):
    """`pattern` with its first-character lookahead before it (same matches, same groups), or None."""
    lookahead = first_character_lookahead(pattern, tree)
    if lookahead is None:
        return None
    try:
        return re.compile(
            f"{lookahead}(?:{pattern.pattern}\n)"
            if pattern.flags & re.VERBOSE
            else f"{lookahead}(?:{pattern.pattern})",
            pattern.flags,
        )
    except re.error:  # e.g. flags for the whole pattern written at its start
        return None


# --- the prefiltered pattern ------------------------------------------------------------------------------------

SHORT = 200  # a string shorter than this is matched directly: checking would cost about as much


class Prefiltered:
    """A compiled pattern that first checks the string holds one of the literals any match needs."""

    __slots__ = (
        "unfiltered",
        "scan",
        "needs_case",
        "needs_folded",
        "needs_words",
        "_gated",
        "_last",
        "match",
        "fullmatch",
    )

    def __init__(self, pattern, needs_case=(), needs_folded=(), needs_words=(), scan=None):
        self.unfiltered = pattern
        self.scan = pattern if scan is None else scan  # what scans: the pattern, or it after a lookahead
        self.needs_case = tuple(needs_case)
        self.needs_folded = tuple(needs_folded)
        self.needs_words = frozenset(needs_words)
        self._gated = bool(self.needs_case or self.needs_folded or self.needs_words)
        self._last = (None, True)  # (the last string asked about, the answer): one pair, read once (threads)
        # one position tried: no scan to skip, so the pattern's own (bound here: no Python call in between)
        self.match = pattern.match
        self.fullmatch = pattern.fullmatch

    def __repr__(self):
        needs = (self.needs_case, self.needs_folded, sorted(self.needs_words))
        return f"Prefiltered({self.unfiltered!r}, needs={needs})"

    def __getattr__(self, name):
        return getattr(self.unfiltered, name)

    def may_match(self, string):
        """False only when `string` holds none of the literals, so the pattern cannot match anywhere in it."""
        last = self._last
        if last[0] is string:
            return last[1]
        if len(string) < SHORT or not self._gated:
            return True
        ok = (
            any(s in string for s in self.needs_case)
            or (bool(self.needs_folded) and any(s in folded(string) for s in self.needs_folded))
            or (bool(self.needs_words) and not self.needs_words.isdisjoint(folded_words(string)))
        )
        self._last = (string, ok)
        return ok

    # (a short string or an ungated pattern goes straight to the scan: `may_match` would say True without looking)
    def finditer(self, string, *args, **kwargs):
        if len(string) < SHORT or not self._gated or self.may_match(string):
            return self.scan.finditer(string, *args, **kwargs)
        return iter(())

    def findall(self, string, *args, **kwargs):
        if len(string) < SHORT or not self._gated or self.may_match(string):
            return self.scan.findall(string, *args, **kwargs)
        return []

    def search(self, string, *args, **kwargs):
        if args or kwargs or len(string) < SHORT or not self._gated or self.may_match(string):  # (a window: as short)
            return self.scan.search(string, *args, **kwargs)
        return None

    def sub(self, repl, string, *args, **kwargs):
        if len(string) < SHORT or not self._gated or self.may_match(string):
            return self.scan.sub(repl, string, *args, **kwargs)
        return string

    def subn(self, repl, string, *args, **kwargs):
        if len(string) < SHORT or not self._gated or self.may_match(string):
            return self.scan.subn(repl, string, *args, **kwargs)
        return string, 0

    def split(self, string, *args, **kwargs):
        if len(string) < SHORT or not self._gated or self.may_match(string):
            return self.scan.split(string, *args, **kwargs)
        return [string]


def prefiltered(pattern, needs=None, needs_case=(), needs_words=()):
    """`pattern` prefiltered on the literals read off it, or on those given: `needs` (substrings in any case),
    `needs_case` (substrings as written), `needs_words` (whole words in any case); and scanning with a
    first-character lookahead before it where that is worth it. The pattern itself when neither is."""
    if isinstance(pattern, Prefiltered):
        pattern = pattern.unfiltered
    tree = sre_parse.parse(pattern.pattern, pattern.flags)  # (once for both)
    if needs is None and not needs_case and not needs_words:
        literals = required_literals(pattern, tree) or ((), (), ())
    else:
        literals = (
            tuple(needs_case),
            tuple(_fold_string(s) for s in (needs or ())),
            tuple(_fold_string(s) for s in needs_words),
        )
    scan = with_first_character_lookahead(pattern, tree)
    if scan is None and not any(literals):
        return pattern
    return Prefiltered(pattern, *literals, scan=scan)


def prefilter_patterns(namespace):
    """Every compiled pattern named in capitals in `namespace` (a module's globals()) prefiltered where worth it.
    Call it at the end of a module of rules."""
    for name, value in list(namespace.items()):
        if name.isupper() and isinstance(value, re.Pattern):
            namespace[name] = prefiltered(value)


def prefiltered_patterns(modules):
    """(module name, attribute name, Prefiltered) for each prefiltered pattern the modules hold at top level."""
    seen = set()
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, Prefiltered) and id(value) not in seen:
                seen.add(id(value))
                yield module.__name__, name, value
