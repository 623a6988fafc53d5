"""Regular-expression helpers that keep the whole-text scans linear and fast.

**Prefiltered scans.** Most rules scan the whole text with a pattern that opens with `\\b`, a lookbehind or a
case-insensitive group, so Python's engine tries a match at every position (15-35 ns a character, for each of
some 250 patterns). Many of them cannot match without some literal, such as "known as" or "Road": when none of
those is in the text, the scan is skipped. How to use it, as a rule-writer:

- Nothing, usually. Each rule module ends with `prefilter_patterns(globals())`, which replaces every
  module-level compiled pattern named in capitals (`FOO_RE = re.compile(...)`) by a `Prefiltered` pattern when
  the pattern has literals worth checking. `required_literals` reads them off the pattern itself (a match of
  `\\b(?i:known as|aka)\\b` must contain "known as" or "aka" in any case), so they cannot go stale when the
  pattern changes. A `Prefiltered` pattern answers `finditer`, `search`, `match`, `fullmatch`, `findall`,
  `sub`, `subn` and `split` like the pattern (and forwards everything else to it); when none of its literals is
  in the string it answers "no match" without running the engine.
- A pattern built inside a function, or kept in a list, is not swept: wrap it yourself with
  `prefiltered(re.compile(...))` where it is built once.
- `prefiltered(pattern, needs=("known as", "aka"))` states the literals by hand (case-insensitive, lower-case
  them; `needs_case=` for literals that must appear as written) when the pattern's own cannot be read off, e.g.
  a word the pattern matches only through a character class. Get it wrong and matches are lost:
  `publication/tests/test_anonymisation_patterns.py` runs every prefiltered pattern of the package with and without its
  filter over the tuning passages (as written, in capitals, in lower case) and fails on any difference.
- `prefiltered(pattern, needs=())` or a pattern whose literals are all one character long is never filtered.

The check is cheap: the text is lower-cased (case-folded the way the engine's IGNORECASE compares) once per
text, not per pattern; each literal is a substring test (about 1 ns a character); and a pattern remembers its
answer for the last text it was asked about, so the many calls a rule makes on one text check once.
The filter only ever skips a scan that would have found nothing: what detection finds is unchanged.
"""

import re
import unicodedata
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


class _FoldTable(dict):
    """str.translate table: each character to the one character IGNORECASE treats it as (ASCII letters to lower
    case; the few other characters the engine equates with an ASCII letter, such as "ſ" with "s" and "K"
    (Kelvin) with "k", to that letter; anything else to its lower case when that is one character)."""

    def __missing__(self, code):
        char = chr(code)
        folded = next((a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, char, re.I)), None)
        if folded is None:
            lower = char.lower()
            folded = lower if len(lower) == 1 else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_last_folded = [None, ""]


def folded(text):
    """`text` case-folded as the prefilter compares (same length, one character for one); remembered for the
    last text asked about, so every pattern checked against one text folds it once."""
    if text is _last_folded[0]:
        return _last_folded[1]
    result = text.lower() if text.isascii() else text.translate(_FOLD)
    _last_folded[0], _last_folded[1] = text, result
    return result


def _fold_char(char):
    return _FOLD[ord(char)]


# --- the literals a pattern cannot match without ----------------------------------------------------------------

EXACT_LIMIT = 64  # most strings kept as the exact set a part of a pattern matches
CLAUSE_LIMIT = 12  # most alternatives checked for one pattern (each is a substring test of the text)
MIN_LITERAL = 3  # shortest literal worth checking: "an" is in every text


class _Exact:
    """Every string this part of the pattern can match: a set of (string, folded) pairs, folded meaning the
    string is compared with the folded text."""

    __slots__ = ("strings",)

    def __init__(self, strings):
        self.strings = frozenset(strings)


class _Needs:
    """What any match must contain: a list of clauses, each a set of (string, folded) of which one at least."""

    __slots__ = ("clauses",)

    def __init__(self, clauses=()):
        self.clauses = [c for c in clauses if c]


_EMPTY = _Exact({("", False)})
_ANY = _Needs()


def _clauses(info):
    if isinstance(info, _Needs):
        return info.clauses
    if any(not s for s, _ in info.strings):
        return []
    return [info.strings]


def _concat_pair(a, b):
    (sa, fa), (sb, fb) = a, b
    if fa == fb:
        return (sa + sb, fa)
    fold = "".join(map(_fold_char, sa if not fa else sb))
    return (fold + sb, True) if not fa else (sa + fold, True)


def _concat(a, b):
    if isinstance(a, _Exact) and isinstance(b, _Exact) and len(a.strings) * len(b.strings) <= EXACT_LIMIT:
        return _Exact({_concat_pair(x, y) for x in a.strings for y in b.strings})
    return _Needs(_clauses(a) + _clauses(b))


def _union(infos):
    if all(isinstance(i, _Exact) for i in infos):
        strings = set().union(*(i.strings for i in infos))
        if len(strings) <= EXACT_LIMIT:
            return _Exact(strings)
    clause = set()
    for info in infos:
        best = _best_clause(_clauses(info), limit=None)
        if best is None:
            return _ANY
        clause |= best
    return _Needs([frozenset(clause)])


def _literal(code, ignorecase):
    char = chr(code)
    if not ignorecase:
        return _Exact({(char, False)})
    if char.isascii():
        return _Exact({(char.lower(), True)})
    if char.lower() == char == char.upper() and unicodedata.category(char)[0] in "PSZ":
        return _Exact({(char, True)})  # punctuation, symbols and spaces have no other case
    return _ANY


def _char_set(items, ignorecase):
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
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return _EMPTY  # zero width
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
            return _Exact(child.strings | ({("", False)} if low == 0 else set())) if low <= 1 else _ANY
        if low >= 1:
            return _Needs(_clauses(child))
        return _ANY
    return _ANY  # any character, a category, a back-reference, a conditional group


def _simplified(clause):
    """Drop an alternative that contains another (if "mrs" is there, so is "mr")."""
    kept = []
    for s, f in sorted(clause, key=lambda pair: len(pair[0])):
        if not any(_implies(s, f, t, g) for t, g in kept):
            kept.append((s, f))
    return frozenset(kept)


def _implies(s, f, t, g):
    """Does `s` (folded if `f`) being in the text mean `t` (folded if `g`) is?"""
    if not g:
        return not f and t in s
    return t in (s if f else "".join(map(_fold_char, s)))


def _best_clause(clauses, limit=CLAUSE_LIMIT):
    best, best_key = None, None
    for clause in clauses:
        clause = _simplified(clause)
        shortest = min(len(s) for s, _ in clause)
        if limit is not None and (shortest < MIN_LITERAL or len(clause) > limit):
            continue
        key = (min(shortest, 8), -len(clause))
        if best_key is None or key > best_key:
            best, best_key = clause, key
    return best


def required_literals(pattern):
    """(case-sensitive, folded): two tuples of literals one of which, at least, every match of `pattern`
    contains (the first as written, the second in the folded text); None when there is nothing worth checking."""
    if isinstance(pattern, Prefiltered):
        pattern = pattern.unfiltered
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    best = _best_clause(_clauses(_info(tree.data, tree.state.flags)))
    if best is None:
        return None
    return (
        tuple(sorted(s for s, f in best if not f)),
        tuple(sorted(s for s, f in best if f)),
    )


# --- the prefiltered pattern ------------------------------------------------------------------------------------

SHORT = 200  # a string shorter than this is matched directly: checking would cost about as much


class Prefiltered:
    """A compiled pattern that first checks the string holds one of the literals any match needs."""

    __slots__ = ("unfiltered", "needs_case", "needs_folded", "_last", "_last_ok")

    def __init__(self, pattern, needs_case=(), needs_folded=()):
        self.unfiltered = pattern
        self.needs_case = tuple(needs_case)
        self.needs_folded = tuple(needs_folded)
        self._last = None
        self._last_ok = True

    def __repr__(self):
        return f"Prefiltered({self.unfiltered!r}, needs_case={self.needs_case}, needs_folded={self.needs_folded})"

    def __getattr__(self, name):
        return getattr(self.unfiltered, name)

    def may_match(self, string):
        """False only when `string` holds none of the literals, so the pattern cannot match anywhere in it."""
        if string is self._last:
            return self._last_ok
        if len(string) < SHORT:
            return True
        ok = any(s in string for s in self.needs_case) or (
            bool(self.needs_folded) and any(s in folded(string) for s in self.needs_folded)
        )
        self._last, self._last_ok = string, ok
        return ok

    def finditer(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.finditer(string, *args, **kwargs)
        return iter(())

    def findall(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.findall(string, *args, **kwargs)
        return []

    def search(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.search(string, *args, **kwargs)
        return None

    def match(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.match(string, *args, **kwargs)
        return None

    def fullmatch(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.fullmatch(string, *args, **kwargs)
        return None

    def sub(self, repl, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.sub(repl, string, *args, **kwargs)
        return string

    def subn(self, repl, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.subn(repl, string, *args, **kwargs)
        return string, 0

    def split(self, string, *args, **kwargs):
        if self.may_match(string):
            return self.unfiltered.split(string, *args, **kwargs)
        return [string]


def prefiltered(pattern, needs=None, needs_case=()):
    """`pattern` prefiltered on the literals read off it, or on `needs` (case-insensitive literals) and
    `needs_case` (literals as written) when given; the pattern itself when there is nothing worth checking."""
    if isinstance(pattern, Prefiltered):
        pattern = pattern.unfiltered
    if needs is None and not needs_case:
        literals = required_literals(pattern)
        if literals is None:
            return pattern
        return Prefiltered(pattern, *literals)
    needs_folded = tuple(s.lower() if s.isascii() else s.translate(_FOLD) for s in (needs or ()))
    if not needs_folded and not needs_case:
        return pattern
    return Prefiltered(pattern, needs_case, needs_folded)


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
