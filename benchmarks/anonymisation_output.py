"""Anonymised output as a reader of the published report sees it: faults per kind, counted by patterns on the
text `anonymise` writes (issue 16 item 3). Detection is not scored here (benchmarks/anonymisation.py does
that); what is counted is what the replacement makes of the words around what was found.

Run: `.venv/bin/python benchmarks/anonymisation_output.py [FOLDER ...]` (default: the seen labelled sets
unseen6, dev7, unseen5, unseen4). `--show KIND` prints each fault of that kind with its context; `--dump
FILE` writes every passage before and after as JSON for reading. Every passage is anonymised with a fresh
table and the review pseudonym "Child T".

A fault is counted only where the anonymised text has more matches of the pattern than the original text
had (an original "the the" is the writer's), so each kind counts what the replacement added. The patterns
catch the shapes, not every instance a reader would notice: a wrong role for a word that was not a person
comes from detection and is not counted.
"""

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.publication.anonymisation import ReplacementTable, anonymise  # noqa: E402

DEFAULT_SETS = ("anonymisation_unseen6", "anonymisation_dev7", "anonymisation_unseen5", "anonymisation_unseen4")
ROLE_WORDS = (
    r"social worker|health visitor|teacher|nurse|doctor|midwife|police officer|adviser|manager|support worker|"
    r"mother|father|stepmother|stepfather|grandmother|grandfather|aunt|uncle|partner|sister|brother|sibling|"
    r"carer|neighbour|friend"
)
KIND_WORDS = (
    r"school|nursery|hospital|church|mosque|GP|surgery|college|park|station|pub|hotel|hostel|clinic|shop|academy"
)
SENTENCE_START = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))"

FAULTS = {  # kind: (what a reader sees, pattern counted in the anonymised text, flags)
    "doubled word": ("a word written twice (not across a table's tab)", r"\b(\w{2,}) +\1\b", re.I),
    "same replacement twice": (
        "one person or place written twice side by side: 'Person B (Person B, 14)', 'Person A = Person A'",
        r"(?<![\w-])((?:Person [A-Z]{1,2}|Child T|[A-Z][a-z]+(?: [A-Z][a-z]+)? \d+|the (?:second |third )?[a-z]+"
        r"(?: [a-z]+)?))[ \t]*[,(=–/-][ \t]*(?:[A-Za-z]{1,8},[ \t]*)?\1(?![\w-])",
        0,
    ),
    "role written twice": (
        "the role written beside its replacement: 'his mother, the mother', 'Social Worker 1, social worker'",
        rf"\b({ROLE_WORDS})s?\b,? +(?:the +(?:second +|third +)?)?\1\b(?! +\d)"
        rf"|\b({ROLE_WORDS}) +\d+,? +(?:the +|a +|an +)?\2\b(?! +\d)",
        re.I,
    ),
    "determiner before a numbered role": (
        "an article or possessive before a numbered role: 'her class Teacher 1', 'The ED Nurse 1', 'my Manager 1'",
        r"(?<!Person )\b(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur|[Yy]our)[ \t]+"
        r"(?:(?!(?:and|or|to|of|with|in|at|by|for|told|said)\b)[A-Za-z&-]+[ \t]+)?"
        r"(?:Social Worker|Health Visitor|Teacher|Nurse|Doctor|Midwife|Police Officer|Adviser|Manager|"
        r"Support Worker|Carer|Neighbour|Friend) \d+\b",
        0,
    ),
    "a relative written as Sibling or Friend": (
        "'her brother Sibling 1', 'his girlfriend Friend 1': the relation said twice",
        r"\b(?:brother|sister|half-brother|half-sister|stepbrother|stepsister|sibling|twin|girlfriend|boyfriend|"
        r"friend|mate)s?[ \t]+(?:Sibling|Friend) \d+\b",
        re.I,
    ),
    "a thing named as a person": (
        "'a blue Person B', 'behind the Person C': an article before a person's letter (mostly detection's)",
        r"\b(?:[Tt]he|[Aa]n?)[ \t]+(?:[a-z]+[ \t]+)?Person [A-Z]{1,2}\b",
        0,
    ),
    "doubled article": ("'a the mother', 'the the hospital'", r"\b(?:the|a|an)[ \t]+(?:the|a|an)\b", re.I),
    "a / an": ("'a aunt', 'an hospital'", r"\ba[ \t]+[aeiou]\w|\ban[ \t]+(?![aeiouh])[a-z]\w", 0),
    "possessive broken": ("'Person A's's'", r"['’]s['’]s\b|s['’]s['’]", 0),
    "small letter at a sentence's start": (
        "'the mother said' opening a sentence",
        SENTENCE_START + r"(?:the|a|an)[ \t]+(?:second[ \t]+|third[ \t]+)?[a-z]",
        re.M,
    ),
    "date made ungrammatical": (
        "'on 2024', 'on spring 2011', 'the March 2024'",
        r"\b[Oo][Nn][ \t]+(?:the[ \t]+)?(?:\d{4}\b|spring|summer|autumn|winter)"
        r"|\bthe[ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
        r"[ \t]+\d{4}",
        0,
    ),
    "age made wrong": (
        "a person's or place's name where an age was: 'aged Person A'",
        r"\baged[ \t]+(?:Person|the)\b",
        0,
    ),
    "setting beside another kind word": (
        "'GP the GP surgery', 'the place school', 'church the second place'",
        rf"\b(?:{KIND_WORDS})[ \t]+(?:the|a)[ \t]+(?:second[ \t]+|third[ \t]+|fourth[ \t]+)?[a-z]"
        rf"|\bthe[ \t]+(?:second[ \t]+|third[ \t]+|fourth[ \t]+)?(?:place|health setting)[ \t]+(?:{KIND_WORDS})\b",
        0,
    ),
}
COMPILED = {kind: re.compile(pattern, flags) for kind, (_, pattern, flags) in FAULTS.items()}
ADULT_TITLE_RE = re.compile(r"(?:Mr|Mrs|Ms|MR|MRS|MS)\.?\s")
PSEUDONYM = "Child T"
TABLE_FAULTS = {  # kind: what a reader sees; counted from what each mention was replaced by, or by brackets
    "an adult given the child's pseudonym": "'Lily-Mae's father, Mr Whitfield' read \"Child T's father, Child T\"",
    "a bracket left unpaired": "'Health Visitor 1 [phone number]) shares': a bracket lost with what was found",
}


def faults(original, anonymised):
    """{kind: [matched text with context]} for the faults the anonymised text has beyond the original's."""
    found = {}
    for kind, pattern in COMPILED.items():
        hits = list(pattern.finditer(anonymised))
        extra = len(hits) - len(pattern.findall(original))
        if extra > 0 and hits:
            found[kind] = [anonymised[max(0, m.start() - 40) : m.end() + 30].replace("\n", " ⏎ ") for m in hits][
                -extra:
            ]
    return found


def table_faults(original, anonymised, replaced):
    """{kind: [mention]} for what the replacements say about people, whatever the words around them."""
    adults = [f"{text} -> {replacement}" for text, type_, replacement in replaced if type_ == "PERSON"
              and replacement == PSEUDONYM and ADULT_TITLE_RE.match(text)]  # fmt: skip
    found = {"an adult given the child's pseudonym": adults} if adults else {}
    lost = abs(_unpaired(anonymised) - _unpaired(original))
    if lost:
        found["a bracket left unpaired"] = [f"{lost} bracket(s)"] * lost
    return found


def _unpaired(text):
    return text.count("(") - text.count(")")


def passages(folders):
    for folder in folders:
        path = Path(folder)
        if not path.is_dir():
            path = ROOT / "tests" / "data" / folder
        for txt in sorted(path.glob("*.txt")):
            yield f"{path.name}/{txt.stem}", txt.read_text(encoding="utf-8")


def _anonymised(folders):
    for name, text in passages(folders):
        result = anonymise(text, ReplacementTable(pseudonym="Child T"))
        yield name, text, result.text, [(r.entity.text, r.entity.type, r.replacement) for r in result.replaced]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=DEFAULT_SETS)
    parser.add_argument("--show", action="append", default=[], help="print each fault of this kind ('all': every kind)")
    parser.add_argument("--dump", help="write every passage before and after to this JSON file")
    parser.add_argument("--load", help="count the faults in a file --dump wrote instead of anonymising again")
    args = parser.parse_args(argv)
    counts, words, examples, dump = Counter(), 0, {}, {}
    if args.load:
        loaded = json.loads(Path(args.load).read_text(encoding="utf-8"))
        outputs = ((name, p["text"], p["anon"], p["replaced"]) for name, p in loaded.items())
    else:
        outputs = _anonymised(args.folders)
    count = 0
    for name, text, anonymised, replaced in outputs:
        count += 1
        words += len(text.split())
        for kind, hits in {**faults(text, anonymised), **table_faults(text, anonymised, replaced)}.items():
            counts[kind] += len(hits)
            examples.setdefault(kind, []).extend(f"{name}: {h}" for h in hits)
        if args.dump:
            dump[name] = {"text": text, "anon": anonymised, "replaced": replaced}
    print(f"{count} passages, {words:,} words")
    print(f"{'fault kind':38} {'count':>6} {'per 1,000 words':>16}")
    for kind in [*FAULTS, *TABLE_FAULTS]:
        print(f"{kind:38} {counts[kind]:>6} {1000 * counts[kind] / max(words, 1):>16.2f}")
    total = sum(counts.values())
    print(f"{'all':38} {total:>6} {1000 * total / max(words, 1):>16.2f}")
    for kind in [*FAULTS, *TABLE_FAULTS] if "all" in args.show else args.show:
        print(f"\n{kind}:")
        for example in examples.get(kind, []):
            print("  ", example)
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
