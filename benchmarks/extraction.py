"""Extraction quality and speed on folders of documents with gold annotations. Run: `make bench-extract`
(the shared corpus, then benchmarks/corpus's dev and held-out splits) or
`python benchmarks/extraction.py FOLDER[:SPLIT] ...`.

FOLDER holds gold/NAME.json and one or more folders of documents (docs/NAME.txt|pdf|docx, pdf/NAME.pdf,
…); every such folder is scored on its own, so the text and PDF renderings of a corpus can be compared.
FOLDER:SPLIT scores only the names listed under SPLIT in FOLDER/split.json ("dev", "heldout").
Lists: an extracted item matches a gold item when rapidfuzz's token_set_ratio >= 90, one-to-one, best
first; precision, recall and F1 summed over documents (micro) and averaged per document (macro; a document
where both lists are empty scores 1). Categorical fields score as accuracy per document. Speed: pages per
second, and for PDFs the ratio of our time to poppler's pdftotext on the same files where pdftotext is
installed (the extractor itself does not need it). Exits 1 if a target is missed.
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, utils

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.documents.extraction import ExtractionError, extract_file  # noqa: E402

MATCH_THRESHOLD = 90
LISTS = ("learning_points", "recommendations")
CATEGORIES = ("doc_type", "review_type", "child_pseudonyms", "partnership")
TARGET_F1, TARGET_ACCURACY, TARGET_PDFTOTEXT_RATIO = 0.95, 0.95, 2.0
DOCUMENT_SUFFIXES = {".txt", ".pdf", ".docx"}


def matched_pairs(extracted, gold):
    """Greedy one-to-one matching, best score first."""
    scored = sorted(
        ((fuzz.token_set_ratio(e, g), i, j) for i, e in enumerate(extracted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_e, used_g, matches = set(), set(), 0
    for score, i, j in scored:
        if score < MATCH_THRESHOLD:
            break
        if i not in used_e and j not in used_g:
            used_e.add(i)
            used_g.add(j)
            matches += 1
    return matches


def prf(matches, n_extracted, n_gold):
    precision = matches / n_extracted if n_extracted else (1.0 if n_gold == 0 else 0.0)
    recall = matches / n_gold if n_gold else (1.0 if n_extracted == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def category_correct(field, extracted, gold):
    if field == "child_pseudonyms":
        return set(extracted) == set(gold)
    if field == "partnership":
        if extracted is None or gold is None:
            return extracted is gold
        # case and surrounding punctuation are not part of the name ("SAFEGUARDING BOARD", "(LSCB)")
        return fuzz.token_set_ratio(extracted, gold, processor=utils.default_process) >= MATCH_THRESHOLD
    return extracted == gold


def document_sets(folder, split=None):
    golds = {path.stem: path for path in (folder / "gold").glob("*.json")}
    if split:
        names = set(json.loads((folder / "split.json").read_text())[split])
        golds = {name: path for name, path in golds.items() if name in names}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "gold"):
        docs = sorted(p for p in sub.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES and p.stem in golds)
        if docs:
            yield sub.name, [(doc, json.loads(golds[doc.stem].read_text())) for doc in docs]


def timed_extract(path, repeats):
    samples, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = extract_file(str(path))
        samples.append(time.perf_counter() - start)
    return result, statistics.median(samples)


def pdftotext_seconds(path, repeats):
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(["pdftotext", str(path), "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def score_set(name, documents, repeats, verbose, metadata_misses=False):
    totals = {field: [0, 0, 0] for field in LISTS}  # matches, extracted, gold
    per_doc = {field: [] for field in LISTS}
    correct = {field: 0 for field in CATEGORIES}
    seconds = pages = pdftotext_total = 0.0
    for path, gold in documents:
        try:
            result, elapsed = timed_extract(path, repeats)
        except ExtractionError as exc:
            print(f"  {name}/{path.name}: could not be read: {exc}")
            continue
        seconds += elapsed
        pages += result.pages
        if path.suffix.lower() == ".pdf" and shutil.which("pdftotext"):
            pdftotext_total += pdftotext_seconds(path, repeats)
        record = result.as_gold_dict()
        for field in LISTS:
            extracted = [item["text"] for item in record[field]]
            matches = matched_pairs(extracted, gold[field])
            for k, n in enumerate((matches, len(extracted), len(gold[field]))):
                totals[field][k] += n
            per_doc[field].append(prf(matches, len(extracted), len(gold[field])))
            if verbose and (matches < len(extracted) or matches < len(gold[field])):
                print(
                    f"  {name}/{path.name} {field}: {matches} matched, {len(extracted)} found, {len(gold[field])} gold"
                )
        for field in CATEGORIES:
            ok = category_correct(field, record[field], gold[field])
            correct[field] += ok
            if (verbose or metadata_misses) and not ok:
                print(f"  {name}/{path.name} {field}: found {record[field]!r}, gold {gold[field]!r}")
    return totals, per_doc, correct, seconds, pages, pdftotext_total


def print_report(name, count, totals, per_doc, correct, seconds, pages, pdftotext_total):
    ok = True
    print(f"\n[{name}] {count} documents, {pages:.0f} pages")
    print(f"  {'field':18} {'P':>6} {'R':>6} {'F1':>6}   {'macro P':>7} {'R':>6} {'F1':>6}")
    all_totals = [sum(totals[f][k] for f in LISTS) for k in range(3)]
    rows = [(field, totals[field], per_doc[field]) for field in LISTS]
    rows.append(("all lists", all_totals, per_doc[LISTS[0]] + per_doc[LISTS[1]]))
    for field, (matches, n_ext, n_gold), docs in rows:
        micro = prf(matches, n_ext, n_gold)
        macro = [statistics.mean(values) for values in zip(*docs)] if docs else [0, 0, 0]
        ok &= field == "all lists" or min(micro[2], macro[2]) >= TARGET_F1
        print(
            f"  {field:18} {micro[0]:6.3f} {micro[1]:6.3f} {micro[2]:6.3f}   {macro[0]:7.3f} {macro[1]:6.3f} "
            f"{macro[2]:6.3f}"
        )
    for field in CATEGORIES:
        accuracy = correct[field] / count if count else 0
        ok &= accuracy >= TARGET_ACCURACY
        print(f"  {field:18} accuracy {accuracy:.3f} ({correct[field]}/{count})")
    metadata = sum(correct.values()) / (count * len(CATEGORIES)) if count else 0
    print(f"  {'metadata (all 4)':18} accuracy {metadata:.3f}")
    print(f"  {'speed':18} {pages / seconds:.1f} pages/s ({seconds * 1000:.1f} ms in all)")
    if pdftotext_total:
        ratio = seconds / pdftotext_total
        ok &= ratio <= TARGET_PDFTOTEXT_RATIO
        print(
            f"  {'vs pdftotext':18} {ratio:.2f}x pdftotext's time ({pdftotext_total * 1000:.1f} ms); target <= "
            f"{TARGET_PDFTOTEXT_RATIO}x"
        )
    return ok


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", help="FOLDER or FOLDER:SPLIT (default: the shared corpus)")
    parser.add_argument("--repeats", type=int, default=5, help="timing runs per file (median is used)")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument(
        "--metadata-misses",
        action="store_true",
        help="print every miss of doc_type, review_type, child_pseudonyms and partnership (not the lists')",
    )
    args = parser.parse_args(argv)
    print(
        f"Extraction benchmark (match: token_set_ratio >= {MATCH_THRESHOLD}; targets: list F1 >= {TARGET_F1}, "
        f"doc_type/review_type/child_pseudonyms/partnership >= {TARGET_ACCURACY}, <= {TARGET_PDFTOTEXT_RATIO}x "
        f"pdftotext)"
    )
    all_ok = True
    for spec in args.folders or [str(ROOT.parent / "shared" / "corpus")]:
        folder, _, split = spec.partition(":") if not Path(spec).exists() else (spec, "", "")
        folder = Path(folder)
        sets = list(document_sets(folder, split or None))
        if not sets:
            sys.exit(f"No documents with gold annotations under {spec} (expected gold/NAME.json, docs/NAME.txt)")
        label = f"{folder}{' ' + split if split else ''}"
        print(f"\n=== {label}")
        for name, documents in sets:
            all_ok &= print_report(
                f"{label} / {name}",
                len(documents),
                *score_set(name, documents, args.repeats, args.verbose, args.metadata_misses),
            )
    print("\nall targets met" if all_ok else "\nSOME TARGETS MISSED")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
