#!/usr/bin/env python3
"""Validate the extraction corpus: every gold parses, has the fields, counts match, items are verbatim."""
import json, re, sys, pathlib
ROOT = pathlib.Path(__file__).resolve().parent
FIELDS = ["doc_type", "review_type", "child_pseudonyms", "partnership", "dates", "agencies_involved",
          "learning_points", "recommendations", "themes", "counts", "notes"]
DOC_TYPES = {"overview_report", "executive_summary", "committee_report", "learning_brief", "annual_report", "other"}
REVIEW_TYPES = {"SCR", "CSPR", "multi_agency_learning_review", "thematic", "none", "unknown"}
norm = lambda s: re.sub(r"\s+", " ", s).strip()
errors = 0
def err(name, msg):
    global errors; errors += 1; print(f"ERROR {name}: {msg}")
names = sorted(p.stem for p in (ROOT / "gold").glob("*.json"))
tot = {"learning_points": 0, "recommendations": 0}
for name in names:
    try:
        g = json.loads((ROOT / "gold" / f"{name}.json").read_text())
    except Exception as e:
        err(name, f"does not parse: {e}"); continue
    for f in FIELDS:
        if f not in g: err(name, f"missing field {f}")
    if g.get("doc_type") not in DOC_TYPES: err(name, f"bad doc_type {g.get('doc_type')}")
    if g.get("review_type") not in REVIEW_TYPES: err(name, f"bad review_type {g.get('review_type')}")
    if set(g.get("dates", {})) != {"incident", "review_start", "review_end", "published"}: err(name, "dates keys")
    docp = ROOT / "docs" / f"{name}.txt"
    if not docp.exists(): err(name, "no docs/NAME.txt"); continue
    if not (ROOT / "pdf" / f"{name}.pdf").exists(): err(name, "no pdf/NAME.pdf")
    text = norm(docp.read_text())
    for k in ("learning_points", "recommendations"):
        items = g.get(k, [])
        tot[k] += len(items)
        if g.get("counts", {}).get(k) != len(items): err(name, f"counts.{k}={g.get('counts',{}).get(k)} but list has {len(items)}")
        for it in items:
            if norm(it) != it: err(name, f"{k} item not whitespace-normalised: {it[:50]!r}")
            if norm(it) not in text: err(name, f"{k} item not verbatim in doc: {it[:60]!r}")
    for r in g.get("reviews", []):
        for k in ("pseudonym", "area", "year", "summary", "learning_points", "recommendations", "keywords"):
            if k not in r: err(name, f"review entry missing {k}")
        for k in ("learning_points", "recommendations"):
            for it in r.get(k, []):
                if it not in g[k]: err(name, f"review {r.get('pseudonym')} {k} item not in top-level list")
        if r.get("summary") and norm(r["summary"]) not in text and not r["summary"].startswith(("Appreciative", "Joint", "Serious", "Ofsted", "Translating", "Neglect")) and r.get("pseudonym"):
            pass  # summaries are short paraphrase-free titles; not enforced
for stem in (p.stem for p in (ROOT / "docs").glob("*.txt")):
    if stem not in names: err(stem, "doc without gold")
split = ROOT / "split.json"
if split.exists():
    s = json.loads(split.read_text())
    allx = s["dev"] + s["heldout"]
    if sorted(allx) != names or len(set(allx)) != len(allx): err("split.json", "dev+heldout must cover every NAME exactly once")
print(f"{len(names)} documents, {tot['learning_points']} learning points, {tot['recommendations']} recommendations, {errors} errors")
sys.exit(1 if errors else 0)
