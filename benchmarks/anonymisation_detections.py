"""Detections of every passage of the anonymisation sets, written to a file or compared with one: a change meant
to make detection faster must leave them identical (offsets, types, sources).

Run: `python benchmarks/anonymisation_detections.py --write /tmp/before.json [FOLDER ...]`, then after the change
`python benchmarks/anonymisation_detections.py --compare /tmp/before.json [FOLDER ...]` (exits 1 and lists the
first differences when anything moved). FOLDER defaults to the seen sets (the Makefile's ANON_SET without a blind
set): every NAME.txt in each, labelled or not.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.publication.anonymisation import detect  # noqa: E402

SEEN_SETS = [
    "tests/data/anonymisation",
    "tests/data/anonymisation_holdout",
    "tests/data/anonymisation_unseen",
    "tests/data/anonymisation_unseen2",
    "tests/data/anonymisation_unseen3",
    "tests/data/anonymisation_unseen4",
    "tests/data/anonymisation_unseen5",
    "tests/data/anonymisation_unseen6",
    "tests/data/anonymisation_dev7",
]


def detections(folders):
    found = {}
    for folder in folders:
        for txt in sorted((ROOT / folder).glob("*.txt")):
            text = txt.read_text(encoding="utf-8")
            found[f"{folder}/{txt.name}"] = [[e.start, e.end, e.type, e.source] for e in detect(text)]
    return found


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=SEEN_SETS)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="FILE")
    action.add_argument("--compare", metavar="FILE")
    args = parser.parse_args(argv)
    found = detections(args.folders)
    entities = sum(len(v) for v in found.values())
    if args.write:
        Path(args.write).write_text(json.dumps(found, indent=0), encoding="utf-8")
        print(f"{len(found)} passages, {entities} entities written to {args.write}")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differ = [name for name in sorted(set(before) | set(found)) if before.get(name) != found.get(name)]
    for name in differ[:20]:
        was, now = {tuple(e) for e in before.get(name, [])}, {tuple(e) for e in found.get(name, [])}
        print(f"{name}: lost {sorted(was - now)[:5]} gained {sorted(now - was)[:5]}")
    if differ:
        print(f"{len(differ)} of {len(found)} passages differ")
        return 1
    print(f"identical: {len(found)} passages, {entities} entities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
