"""Prefiltered scans (patterns.py) find exactly what the patterns find unfiltered: on the tuning and holdout
passages (as written, some in capitals and in lower case), for every prefiltered pattern of the anonymisation
package, whether it skips scans on literals or scans after a first-character lookahead; and a pattern given a
literal it can match without is caught by the same comparison."""

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from casereview.publication import anonymisation
from casereview.publication.anonymisation import patterns
from casereview.publication.anonymisation.patterns import Prefiltered, prefiltered, required_literals

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
SETS = ("anonymisation", "anonymisation_holdout")


def _texts():
    """The tuning and holdout passages as written, and a third of them in capitals and in lower case."""
    texts = []
    for name in SETS:
        for i, path in enumerate(sorted((DATA / name).glob("*.txt"))):
            text = path.read_text(encoding="utf-8")
            texts.extend([text, text.upper(), text.lower()] if i % 3 == 0 else [text])
    # the characters the engine's IGNORECASE equates with ASCII letters, and a text that is all of one
    texts.append("Her friend, known aſ “Kay”, is the mother’s KNOWN AS Sam; İn ſchool, 14 March 2014. " * 5)
    return texts


TEXTS = _texts()


def _scan(pattern, text):
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def filter_losses(pattern, texts):
    """The texts on which `pattern`, a Prefiltered pattern, finds something other than its pattern unfiltered."""
    return [
        text
        for text in texts
        if _scan(pattern, text) != _scan(pattern.unfiltered, text)
        or bool(pattern.search(text)) != bool(pattern.unfiltered.search(text))
    ]


def _package_patterns():
    modules = [
        importlib.import_module(f"{anonymisation.__name__}.{m.name}")
        for m in pkgutil.iter_modules(anonymisation.__path__)
    ]
    return list(patterns.prefiltered_patterns(modules))


PREFILTERED = _package_patterns()


def test_the_rule_modules_have_prefiltered_patterns():
    assert len(PREFILTERED) >= 50


@pytest.mark.parametrize(
    "module, name, pattern", PREFILTERED, ids=[f"{m.rsplit('.', 1)[1]}.{n}" for m, n, _ in PREFILTERED]
)
def test_a_prefiltered_pattern_finds_what_it_finds_unfiltered(module, name, pattern):
    assert filter_losses(pattern, TEXTS) == [], f"{module}.{name} needs {pattern.needs_case} {pattern.needs_folded}"


def test_a_pattern_given_a_literal_it_can_match_without_is_caught():
    wrong = prefiltered(re.compile(r"\b(?i:mother|father)\b"), needs=("mother",))  # "father" alone is missed
    assert filter_losses(wrong, TEXTS)
    right = prefiltered(re.compile(r"\b(?i:mother|father)\b"))
    assert filter_losses(right, TEXTS) == []


@pytest.mark.parametrize(
    "regex, flags, literals",
    [
        # substrings in any case, whole words in any case ("aka" is one: a boundary before, a space after)
        (r"\b(?i:known as|aka)\s+(\w+)", 0, ((), (), ("aka", "known"))),
        (r"\bMrs?\.? Smith|\bDr Smith", 0, (("Dr Smith", "Mr Smith", "Mr. Smith"), (), ("mrs",))),
        (r"(?:Flat|Apartment|Apt\.?|Unit)\s+\d+", 0, (("Apartment", "Apt", "Flat", "Unit"), (), ())),
        (r"\b(?:Flat|Apartment|Apt\.?|Unit)\s+\d+", 0, ((), (), ("apartment", "apt", "flat", "unit"))),
        (r"(?<![\w'’])(?:mother|father)(?![\w'’])", 0, ((), (), ("father", "mother"))),
        (r"born on", re.I, ((), ("born on",), ())),
        (r"\b[A-Z][a-z]+\b", 0, None),  # nothing literal
        (r"(?:known as)?\s+\w+", 0, None),  # optional: nothing it needs
        (r"\b(?:at|in)\s+\w+", 0, None),  # words in every text: not worth a check
        (r"\b(?:ab|cd)", 0, None),  # too short to be worth a check (not whole words)
    ],
)
def test_the_literals_read_off_a_pattern(regex, flags, literals):
    assert required_literals(re.compile(regex, flags)) == literals


def test_case_folding_follows_the_engine():
    # "ſ" (long s) matches "s" and "K" (Kelvin) matches "k" under IGNORECASE; lower() would miss the first
    pattern = prefiltered(re.compile(r"\b(?i:known as)\b"))
    text = "x" * 300 + " known aſ " + "y" * 300
    assert pattern.unfiltered.search(text)
    assert pattern.search(text)
    assert patterns.folded("Kſİ") == "ksi"


def test_only_three_characters_fold_otherwise_than_lower_case():
    # fold_of differs from lower() only for a character the engine equates with an ASCII letter, or one whose
    # lower case is more than one character: look at those of all Unicode
    letter = re.compile("(?i:[a-z])")
    others = [
        code
        for code in range(0x110000)
        if (letter.fullmatch(chr(code)) or len(chr(code).lower()) != 1) and patterns.fold_of(code) != chr(code).lower()
    ]
    assert sorted(others) == sorted(patterns.NOT_AS_LOWER)
    assert all(patterns.fold_of(code) == folded for code, folded in patterns.NOT_AS_LOWER.items())


def test_a_first_character_lookahead_only_where_the_engine_does_not_skip_ahead_already():
    assert patterns.first_character_lookahead(re.compile(r"\b(?i:known as|aka)\s+(\w+)")) == "(?=(?i:[ak]))"
    assert patterns.first_character_lookahead(re.compile(r"\b(?:Mr|Dr)\.? ([A-Z]\w+)")) == "(?=[DM])"
    assert patterns.first_character_lookahead(re.compile(r"(?:Mr|Dr)\.? ([A-Z]\w+)")) is None  # a prefix
    assert patterns.first_character_lookahead(re.compile(r"\b[A-Z][a-z]+")) is None  # no alternatives
    assert patterns.first_character_lookahead(re.compile(r"\b(?:\w+|x)y")) is None  # almost any letter
    assert patterns.first_character_lookahead(re.compile(r"\b(?:ab|cd|e)f")) == "(?=[ace])"
    fast = prefiltered(re.compile(r"\b(?i:known as|aka)\s+(\w+)"))
    assert fast.scan.pattern == r"(?=(?i:[ak]))(?:\b(?i:known as|aka)\s+(\w+))"
    assert fast.search("They were, aka Sam").group(1) == "Sam" and fast.match("aka Sam")


def test_a_skipped_scan_answers_like_the_pattern_finding_nothing():
    pattern = prefiltered(re.compile(r"\bknown as (\w+)"))
    assert isinstance(pattern, Prefiltered)
    text = "Nothing to see here. " * 20
    assert not pattern.may_match(text)
    for method, args in [
        ("finditer", ()),
        ("findall", ()),
        ("search", ()),
        ("match", ()),
        ("fullmatch", ()),
        ("split", ()),
    ]:
        found = getattr(pattern, method)(text, *args)
        expected = getattr(pattern.unfiltered, method)(text, *args)
        assert (list(found) if method == "finditer" else found) == (
            list(expected) if method == "finditer" else expected
        )
    assert pattern.sub("X", text) == pattern.unfiltered.sub("X", text)
    assert pattern.subn("X", text) == pattern.unfiltered.subn("X", text)
    assert pattern.pattern == pattern.unfiltered.pattern and pattern.groups == 1


def test_threads_detecting_at_once_find_what_each_finds_alone():
    from concurrent.futures import ThreadPoolExecutor

    from casereview.publication.anonymisation import detect

    texts = [path.read_text(encoding="utf-8") for path in sorted((DATA / "anonymisation").glob("*.txt"))[:24]]
    alone = [[(e.start, e.end, e.type) for e in detect(text)] for text in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda text: [(e.start, e.end, e.type) for e in detect(text)], texts * 2))
    assert together == alone * 2
