#!/usr/bin/env python3
"""Validate an extraction set (benchmarks/corpus, benchmarks/corpus3): one script for every set.

Every gold parses and has every field, uses a known doc_type / review_type, `counts` match the lists, every
item is verbatim (whitespace-normalised) in its doc, review sub-lists are in the top-level lists, and
doc / gold / pdf / split line up. Run: python3 benchmarks/corpus_validate.py benchmarks/corpus3
"""

import json
import pathlib
import re
import sys

ROOT = pathlib.Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent / "corpus"
FIELDS = [
    "doc_type",
    "review_type",
    "child_pseudonyms",
    "partnership",
    "dates",
    "agencies_involved",
    "learning_points",
    "recommendations",
    "themes",
    "counts",
    "notes",
    "source",
]
DOC_TYPES = {"overview_report", "executive_summary", "committee_report", "learning_brief", "annual_report", "other"}
REVIEW_TYPES = {"SCR", "CSPR", "multi_agency_learning_review", "thematic", "none", "unknown"}
REVIEW_FIELDS = ("pseudonym", "area", "year", "summary", "learning_points", "recommendations", "keywords")
errors = 0


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def err(name, msg):
    global errors
    errors += 1
    print(f"ERROR {name}: {msg}")


names = sorted(p.stem for p in (ROOT / "gold").glob("*.json"))
tot = {"learning_points": 0, "recommendations": 0}
for name in names:
    try:
        g = json.loads((ROOT / "gold" / f"{name}.json").read_text())
    except Exception as e:
        err(name, f"does not parse: {e}")
        continue
    for f in FIELDS:
        if f not in g:
            err(name, f"missing field {f}")
    if g.get("doc_type") not in DOC_TYPES:
        err(name, f"bad doc_type {g.get('doc_type')}")
    if g.get("review_type") not in REVIEW_TYPES:
        err(name, f"bad review_type {g.get('review_type')}")
    if set(g.get("dates", {})) != {"incident", "review_start", "review_end", "published"}:
        err(name, "dates keys")
    docp = ROOT / "docs" / f"{name}.txt"
    if not docp.exists():
        err(name, "no docs/NAME.txt")
        continue
    if not (ROOT / "pdf" / f"{name}.pdf").exists():
        err(name, "no pdf/NAME.pdf")
    text = norm(docp.read_text())
    for k in ("learning_points", "recommendations"):
        items = g.get(k, [])
        tot[k] += len(items)
        if g.get("counts", {}).get(k) != len(items):
            err(name, f"counts.{k}={g.get('counts', {}).get(k)} but list has {len(items)}")
        for it in items:
            if norm(it) != it:
                err(name, f"{k} item not whitespace-normalised: {it[:50]!r}")
            if norm(it) not in text:
                err(name, f"{k} item not verbatim in doc: {it[:60]!r}")
    for r in g.get("reviews", []):
        for k in REVIEW_FIELDS:
            if k not in r:
                err(name, f"review entry missing {k}")
        for k in ("learning_points", "recommendations"):
            for it in r.get(k, []):
                if it not in g[k]:
                    err(name, f"review {r.get('pseudonym')} {k} item not in top-level list")
for stem in (p.stem for p in (ROOT / "docs").glob("*.txt")):
    if stem not in names:
        err(stem, "doc without gold")
split = ROOT / "split.json"
if split.exists():
    s = json.loads(split.read_text())
    allx = s["dev"] + s["heldout"]
    if sorted(allx) != names or len(set(allx)) != len(allx):
        err("split.json", "dev+heldout must cover every NAME exactly once")
else:
    err("split.json", "missing")
lp, rec = tot["learning_points"], tot["recommendations"]
print(f"{len(names)} documents, {lp} learning points, {rec} recommendations, {errors} errors")
sys.exit(1 if errors else 0)
