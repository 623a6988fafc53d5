"""A learned block classifier against the hand-written list rules, scored by leaving one document set out.

Run: `PYTHONPATH=$PWD:/tmp/extract12/site .venv/bin/python benchmarks/extraction_learned.py`. Training needs
scikit-learn (1.9.1 was used) and scipy, kept out of the shared virtualenv:
`/work/main/.venv/bin/python -m pip install --target /tmp/extract12/site scikit-learn`. Options: `--grid`
(the gate's thresholds), `--context` (each unit read with the labels given to the two before it),
`--unbalanced`, `--c`, `--keep`, `--add`, `--threshold`; `--blind FOLDER[:SPLIT]` trains on every set and
scores FOLDER with the configuration fixed in docs/decisions.md (`ADDED`). Document sets, labels and the
models' out-of-fold probabilities are cached under /tmp/extract12.

Units are the pipeline's blocks (blocks.split_blocks over markers.join_lone_bullets, as extract_structure
reads them), each cut into segments after a sentence end, a colon or a semicolon and before an inline
bullet. Each unit of a gold document is labelled by aligning the gold items to the units' words: LP-start,
LP-continuation, REC-start, REC-continuation or neither (`label_blocks`). Features (`features`): the unit's
hashed word uni- and bigrams, its shape (block and marker kind, line count, length, last character, case,
indent, place in its block), the words of the heading and of the last lead-in (ending ":") above it, the
neighbouring units' shapes and first words, the position in the document, the document kind the extractor
guessed and, for the `stacked` model only, what the rules made of the unit and its neighbours.

Evaluation is by document set: for each set, train on every other set and score that set's documents with
the benchmark's own matching (benchmarks/extraction.py: token_set_ratio >= 90, one to one, micro P/R/F1
summed over documents), for the rules alone, the classifier alone (units predicted as items, a start and
its continuations joined), the stacked classifier, the rules gated by the classifier plus its confident
units that no kept rule item touches, and the rules plus those units (`rules+added`); `ceiling` decodes
the gold's own labels. Only the text renderings (docs/) are read; benchmarks/corpus11 is never read here.
"""

import argparse
import json
import pickle
import re
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extraction import matched_pairs, prf  # noqa: E402
from casereview.documents.extraction import extract_structure, read_document  # noqa: E402
from casereview.documents.extraction.blocks import HEADING, split_blocks  # noqa: E402
from casereview.documents.extraction.markers import INLINE_BULLET, join_lone_bullets, normalise_space  # noqa: E402

SETS = [
    ("shared", ROOT.parent / "shared" / "corpus"),
    ("corpus", ROOT / "benchmarks" / "corpus"),
    *((f"corpus{n}", ROOT / "benchmarks" / f"corpus{n}") for n in range(3, 11)),
]
# The rules were written against these sets' misses; the others (corpus9, corpus10 and corpus's held-out
# split) were never read while writing them, so only there is (a) an unseen figure.
RULES_UNSEEN = ("corpus9", "corpus10", "corpus:heldout")
LISTS = ("learning_points", "recommendations")
O, LP_B, LP_I, REC_B, REC_I = range(5)
LABEL_NAMES = ("neither", "LP-start", "LP-cont", "REC-start", "REC-cont")
CACHE = Path("/tmp/extract12/blocks.pickle")
# Fixed before any blind set is scored (helper extract12): every rule item kept, and the classifier's blocks
# of probability >= 0.8 that no rule item touches added (the plain classifier, balanced classes, C=1).
ADDED = (0.0, 0.8)
N_FEATURES = 2**16
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text):
    return WORD.findall(text.lower())


# ---------------------------------------------------------------- documents, blocks and the rules' items


def load_documents():
    """[(set, name, split, record)], each record the blocks, the rules' items and the gold of one text file."""
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    documents = []
    for set_name, folder in SETS:
        split_file = folder / "split.json"
        splits = json.loads(split_file.read_text()) if split_file.exists() else {}
        split_of = {name: split for split, names in splits.items() for name in names}
        for gold_path in sorted((folder / "gold").glob("*.json")):
            doc_path = folder / "docs" / f"{gold_path.stem}.txt"
            if not doc_path.exists():
                continue
            gold = json.loads(gold_path.read_text())
            documents.append((set_name, gold_path.stem, split_of.get(gold_path.stem, ""), prepare(doc_path, gold)))
        print(f"  read {set_name}", file=sys.stderr)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps(documents))
    return documents


def prepare(doc_path, gold):
    source = read_document(str(doc_path))
    extraction = extract_structure(source, source=doc_path.name)
    return {
        **document_blocks(source.text),
        "doc_type": extraction.doc_type,
        "rules": {field: [(i.text, i.start, i.end) for i in getattr(extraction, field)] for field in LISTS},
        "gold": {field: list(gold[field]) for field in LISTS},
    }


# Where a block is cut into segments: after a sentence's end, a colon or a semicolon, and before a bullet
# inside a line ("Key issues • a • b"): the parts a list packed into a paragraph is made of.
SEGMENT_END = re.compile(r"(?:(?<=[.!?;:])|(?<=[.!?;:][\"'’”)]))\s+(?=\S)|\s+(?=" + INLINE_BULLET.pattern[7:] + ")")


def document_blocks(text):
    layout = join_lone_bullets(text)
    blocks = split_blocks(layout)
    units = []
    for n, b in enumerate(blocks):
        cuts = [b.body_start]
        body = layout[b.body_start : b.end]
        cuts += [b.body_start + m.end() for m in SEGMENT_END.finditer(body)]
        cuts = sorted(set(cuts)) + [b.end]
        pieces = [(a, z) for a, z in zip(cuts, cuts[1:]) if re.search(r"\w", layout[a:z])]
        for k, (a, z) in enumerate(pieces):
            piece = normalise_space(INLINE_BULLET.sub(" ", layout[a:z]))
            units.append(
                {
                    "kind": b.kind,
                    "start": b.start if k == 0 else a,
                    "end": z,
                    "text": piece,
                    "raw": layout[b.start : b.end] if k == 0 else layout[a:z],
                    "marker": _marker_kind(b) if k == 0 else ("inline" if INLINE_BULLET.match(layout, a) else "cut"),
                    "lines": b.line_count,
                    "block": n,
                    "segment": "only"
                    if len(pieces) == 1
                    else "first"
                    if k == 0
                    else "last"
                    if k == len(pieces) - 1
                    else "mid",
                    "segments": len(pieces),
                }
            )
    return {"length": len(text), "blocks": units}


def _marker_kind(block):
    if block.marker is None:
        return "none"
    if block.marker.is_bullet:
        return "bullet"
    style = block.marker.styles[0]
    return str(style[0] if isinstance(style, tuple) else style).split(":")[0]


# ---------------------------------------------------------------- labels from the gold


def label_blocks(blocks, gold):
    """One label per block: each gold item is laid on the run of consecutive blocks whose words lie inside
    it and that together cover most of it (the first such run after the previous item, else anywhere)."""
    labels = [O] * len(blocks)
    bags = [Counter(words(b["text"])) for b in blocks]
    for field, begin, cont in (("learning_points", LP_B, LP_I), ("recommendations", REC_B, REC_I)):
        last = 0
        for item in gold[field]:
            run = _best_run(bags, Counter(words(item)), labels, last)
            if run is None:
                continue
            first, stop = run
            labels[first] = begin
            for k in range(first + 1, stop):
                labels[k] = cont
            last = stop
    return labels


def _inside(bag, item_bag):
    total = sum(bag.values())
    return total and sum((bag & item_bag).values()) / total


def _best_run(bags, item_bag, labels, last):
    size = sum(item_bag.values())
    if not size:
        return None
    best = None
    for first in range(len(bags)):
        if labels[first] != O or _inside(bags[first], item_bag) < 0.8:
            continue
        covered, stop = Counter(), first
        while stop < len(bags) and labels[stop] == O and _inside(bags[stop], item_bag) >= 0.8:
            covered |= bags[stop] & item_bag
            stop += 1
            if sum(covered.values()) >= 0.95 * size:
                break
        coverage = sum(covered.values()) / size
        if coverage >= 0.6:
            key = (first >= last, coverage, -first)
            if best is None or key > best[0]:
                best = (key, (first, stop))
    if best is None:
        # an item inside a longer block (an inline list, a sentence of a paragraph): the block that holds it
        for first in range(len(bags)):
            if labels[first] == O and sum((bags[first] & item_bag).values()) >= 0.9 * size:
                key = (first >= last, -first)
                if best is None or key > best[0]:
                    best = (key, (first, first + 1))
    return best[1] if best else None


def rule_labels(blocks, rules):
    """What the rules made of each block: for each list, 'start' (the block holds the start of an item),
    'in' (inside an item that started earlier), and how many items lie in the block."""
    marks = []
    for b in blocks:
        mark = {}
        for field in LISTS:
            for _, start, end in rules[field]:
                if start < b["end"] and end > b["start"]:
                    key = "start" if start >= b["start"] else "in"
                    mark[f"{field}:{key}"] = mark.get(f"{field}:{key}", 0) + 1
        marks.append(mark)
    return marks


# ---------------------------------------------------------------- features


def _hash(token):
    return zlib.crc32(token.encode()) % N_FEATURES


def _shape(b, prefix):
    text = b["text"]
    n = len(words(text))
    yield f"{prefix}kind={b['kind']}"
    yield f"{prefix}marker={b['marker']}"
    yield f"{prefix}lines={min(b['lines'], 6)}"
    yield f"{prefix}len={min(n.bit_length(), 9)}"
    yield f"{prefix}last={text[-1:] if text[-1:] in '.:;,?!)' else 'w'}"
    yield f"{prefix}upper={text[:1].isupper()}"
    indent = len(b["raw"]) - len(b["raw"].lstrip())
    yield f"{prefix}indent={min(indent, 3)}"


def features(record, use_rules=True):
    """One list of feature strings per block; with `use_rules`, what the rules made of it and its neighbours."""
    blocks = record["blocks"]
    marks = rule_labels(blocks, record["rules"]) if use_rules else [{} for _ in blocks]
    heading, lead_in = [], []
    out = []
    for n, b in enumerate(blocks):
        toks = words(b["text"])
        first = toks[:60]
        f = [f"w={w}" for w in first]
        f += [f"b={x}_{y}" for x, y in zip(first, first[1:])]
        f += [f"s={w}" for w in toks[:3]]
        f += list(_shape(b, ""))
        f += [f"h={w}" for w in heading]
        f += [f"l={w}" for w in lead_in]
        for k, prefix in ((-1, "p"), (1, "n"), (-2, "pp")):
            if 0 <= n + k < len(blocks):
                f += list(_shape(blocks[n + k], prefix + ":"))
                f += [f"{prefix}:s={w}" for w in words(blocks[n + k]["text"])[:3]]
                f += [f"{prefix}:r={key}" for key in marks[n + k]]
            else:
                f.append(f"{prefix}:none")
        f.append(f"pos={min(int(10 * b['start'] / max(record['length'], 1)), 9)}")
        f.append(f"doc={record['doc_type']}")
        f += [f"r={key}" for key in marks[n]]
        f += [f"r={key}&{b['marker']}" for key in marks[n]]
        f += [f"r={key}&doc={record['doc_type']}" for key in marks[n]]
        f += [f"r={key}&h={w}" for key in marks[n] for w in heading[:6]]
        if use_rules and not marks[n]:
            f.append("r=none")
        f.append(f"seg={b['segment']}")
        f.append(f"seg={b['segment']}&marker={b['marker']}")
        out.append(f)
        if b["kind"] == HEADING:
            heading, lead_in = words(b["text"])[:12], []
        elif b["text"].endswith(":"):
            lead_in = words(b["text"])[-10:]
    return out


def matrix(feature_lists):
    from scipy.sparse import csr_matrix

    rows, cols = [], []
    for r, f in enumerate(feature_lists):
        for c in {_hash(x) for x in f}:
            rows.append(r)
            cols.append(c)
    return csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feature_lists), N_FEATURES))


# ---------------------------------------------------------------- training and decoding


def label_context(blocks, n, previous, before):
    """The labels of the two blocks before block n (the gold's in training, the model's own when reading)."""
    b = blocks[n]
    name, name2 = LABEL_NAMES[previous], LABEL_NAMES[before]
    same_block = n > 0 and blocks[n - 1].get("block") == b.get("block")
    return [
        f"prev={name}",
        f"prev2={name2}&prev={name}",
        f"prev={name}&marker={b['marker']}",
        f"prev={name}&seg={b['segment']}",
        f"prev={name}&kind={b['kind']}",
        f"prev={name}&same_block={same_block}",
        f"prev={name}&upper={b['text'][:1].isupper()}",
    ]


def with_context(feature_lists, blocks, labels):
    out = []
    for n, f in enumerate(feature_lists):
        previous = labels[n - 1] if n >= 1 else O
        before = labels[n - 2] if n >= 2 else O
        out.append(f + label_context(blocks, n, previous, before))
    return out


def read_in_order(model, X, blocks):
    """Block by block, each block read with the labels the model gave the two before it (greedy): the
    linear scores of the block's own features once, plus the weights of its label context."""
    if X.shape[0] == 0:
        return np.zeros((0, 5))
    coef = np.zeros((5, X.shape[1]))
    intercept = np.full(5, -1e9)
    coef[model.classes_] = model.coef_
    intercept[model.classes_] = model.intercept_
    base = np.asarray(X @ coef.T) + intercept
    full = np.zeros((X.shape[0], 5))
    previous = before = O
    for n in range(X.shape[0]):
        cols = sorted({_hash(x) for x in label_context(blocks, n, previous, before)})
        scores = base[n] + coef[:, cols].sum(axis=1)
        scores = np.exp(scores - scores.max())
        full[n] = scores / scores.sum()
        previous, before = int(full[n].argmax()), previous
    return full


def train(X, y, c=1.0, balanced=False):
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, random_state=0, class_weight="balanced" if balanced else None)
    model.fit(vstack(X), np.concatenate(y))
    return model


def probabilities(model, X):
    if X.shape[0] == 0:
        return np.zeros((0, 5))
    full = np.zeros((X.shape[0], 5))
    full[:, model.classes_] = model.predict_proba(X)
    return full


def classifier_items(record, proba, threshold=0.5):
    """Blocks whose likeliest list label beats `threshold`, a start and its continuations joined."""
    found = {field: [] for field in LISTS}
    current = None
    for b, p in zip(record["blocks"], proba):
        lp, rec = p[LP_B] + p[LP_I], p[REC_B] + p[REC_I]
        field, begin, cont = ("learning_points", LP_B, LP_I) if lp >= rec else ("recommendations", REC_B, REC_I)
        if max(lp, rec) < threshold:
            current = None
            continue
        if current is not None and current[0] == field and p[cont] > p[begin]:
            current[1].append(b)
        else:
            current = (field, [b])
            found[field].append(current[1])
    return {
        field: [(" ".join(x["text"] for x in run), run[0]["start"], run[-1]["end"]) for run in runs]
        for field, runs in found.items()
    }


def combined_items(record, proba, keep=0.2, add=0.8):
    """The rules' items whose blocks the classifier gives at least `keep` probability of the item's list,
    and the classifier's items (above `add`) over blocks no kept rule item touches."""
    blocks = record["blocks"]
    column = {"learning_points": (LP_B, LP_I), "recommendations": (REC_B, REC_I)}
    kept = {field: [] for field in LISTS}
    for field in LISTS:
        for text, start, end in record["rules"][field]:
            inside = [n for n, b in enumerate(blocks) if start < b["end"] and end > b["start"]]
            score = max((proba[n][list(column[field])].sum() for n in inside), default=1.0)
            if score >= keep:
                kept[field].append((text, start, end))
    covered = [(s, e) for field in LISTS for _, s, e in kept[field]]
    extra = classifier_items(record, proba, add)
    for field in LISTS:
        for text, start, end in extra[field]:
            if not any(s < end and e > start for s, e in covered):
                kept[field].append((text, start, end))
    return kept


# ---------------------------------------------------------------- scoring


def score(documents, found_of):
    totals = {field: [0, 0, 0] for field in LISTS}
    for record, found in zip(documents, found_of):
        for field in LISTS:
            extracted = [text for text, _, _ in found[field]]
            gold = record["gold"][field]
            for k, n in enumerate((matched_pairs(extracted, gold), len(extracted), len(gold))):
                totals[field][k] += n
    return {field: prf(*totals[field]) for field in LISTS} | {
        "all": prf(*(sum(totals[f][k] for f in LISTS) for k in range(3)))
    }


def alignment_ceiling(documents):
    """How well the labels can do: the gold's own labels decoded back into items, scored like the rest."""
    found = []
    for record in documents:
        labels = label_blocks(record["blocks"], record["gold"])
        found.append(classifier_items(record, np.eye(5)[labels], 0.5))
    return score(documents, found)


def out_of_fold(documents, balanced, c, context=False):
    """Each document's block probabilities from the models trained without its set: {"plain": [...],
    "stacked": [...]}, cached in /tmp by the options that change them."""
    import inspect

    code = "".join(inspect.getsource(f) for f in (features, _shape, label_blocks, _best_run, document_blocks, train))
    key = zlib.crc32(f"{code}{balanced}{c}{context}{N_FEATURES}".encode())
    cache = CACHE.with_name(f"probas-{key:08x}.pickle")
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    records = [d[3] for d in documents]
    labels = [np.array(label_blocks(r["blocks"], r["gold"]), dtype=int) for r in records]
    lists = {
        "plain": [features(r, use_rules=False) for r in records],
        "stacked": [features(r, use_rules=True) for r in records],
    }
    matrices = {name: [matrix(f) for f in fl] for name, fl in lists.items()}
    if context:  # trained on the gold's labels of the blocks before, read with the model's own
        trained_on = {
            name: [matrix(with_context(f, r["blocks"], y)) for f, r, y in zip(fl, records, labels)]
            for name, fl in lists.items()
        }
    else:
        trained_on = matrices
    probas = {name: [None] * len(records) for name in matrices}
    for held in dict.fromkeys(d[0] for d in documents):
        train_at = [n for n, d in enumerate(documents) if d[0] != held]
        test_at = [n for n, d in enumerate(documents) if d[0] == held]
        for name, X in matrices.items():
            model = train([trained_on[name][n] for n in train_at], [labels[n] for n in train_at], c, balanced)
            for n in test_at:
                if context:
                    probas[name][n] = read_in_order(model, X[n], records[n]["blocks"])
                else:
                    probas[name][n] = probabilities(model, X[n])
        print(f"  trained without {held}", file=sys.stderr)
    cache.write_bytes(pickle.dumps(probas))
    return probas


def methods(records, probas, args):
    """Each method's items for each record."""
    plain, stacked = probas["plain"], probas["stacked"]
    return {
        "rules": [r["rules"] for r in records],
        "classifier": [classifier_items(r, p, args.threshold) for r, p in zip(records, plain)],
        "stacked": [classifier_items(r, p, args.threshold) for r, p in zip(records, stacked)],
        "gated": [combined_items(r, p, args.keep, args.add) for r, p in zip(records, plain)],
        "gated-stk": [combined_items(r, p, args.keep, args.add) for r, p in zip(records, stacked)],
        "rules+added": [combined_items(r, p, *ADDED) for r, p in zip(records, plain)],
        "ceiling": [classifier_items(r, np.eye(5)[label_blocks(r["blocks"], r["gold"])], 0.5) for r in records],
    }


def groups_of(documents):
    for name, _ in SETS:
        yield name, [n for n, d in enumerate(documents) if d[0] == name]
        if name == "corpus":
            yield "corpus:heldout", [n for n, d in enumerate(documents) if d[0] == name and d[2] == "heldout"]


def bootstrap(records, found_a, found_b, rounds=2000):
    """Paired bootstrap over documents of all-lists micro F1, b minus a: the mean and a 90% interval."""
    rng = np.random.default_rng(0)
    counts = []
    for record, a, b in zip(records, found_a, found_b):
        row = []
        for found in (a, b):
            for field in LISTS:
                extracted = [text for text, _, _ in found[field]]
                row += [matched_pairs(extracted, record["gold"][field]), len(extracted), len(record["gold"][field])]
        counts.append(row)
    counts = np.array(counts)
    diffs = []
    for _ in range(rounds):
        total = counts[rng.integers(0, len(counts), len(counts))].sum(axis=0)
        f = [prf(t[0] + t[3], t[1] + t[4], t[2] + t[5])[2] for t in (total[:6], total[6:])]
        diffs.append(f[1] - f[0])
    return float(np.mean(diffs)), float(np.percentile(diffs, 5)), float(np.percentile(diffs, 95))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--keep", type=float, default=0.2, help="gate: least probability of a rule item's list")
    parser.add_argument("--add", type=float, default=0.8, help="gate: least probability of an added block")
    parser.add_argument("--threshold", type=float, default=0.5, help="classifier: least probability of a list")
    parser.add_argument(
        "--unbalanced", dest="balanced", action="store_false", help="do not weight the classes by inverse frequency"
    )
    parser.add_argument("--context", action="store_true", help="read each block with the labels given before it")
    parser.add_argument("--grid", action="store_true", help="mean F1 of the gate over a grid of --keep and --add")
    parser.add_argument(
        "--blind",
        metavar="FOLDER[:SPLIT]",
        help="train on every set (but FOLDER's own, if it is one) and score FOLDER: rules against the classifier "
        "and the rules with its confident blocks added (ADDED), as fixed in docs/decisions.md",
    )
    args = parser.parse_args(argv)
    documents = load_documents()
    if args.blind:
        return score_blind(documents, args)
    print(
        f"{len(documents)} documents in {len(SETS)} sets; leave one set out; micro P/R/F1 per list "
        f"(balanced={args.balanced}, context={args.context}, C={args.c}, threshold={args.threshold}, "
        f"keep={args.keep}, add={args.add})"
    )
    records = [d[3] for d in documents]
    probas = out_of_fold(documents, args.balanced, args.c, args.context)
    if args.grid:
        return print_grid(documents, records, probas, args)
    found = methods(records, probas, args)
    rows = []
    for label, at in groups_of(documents):
        group = [records[n] for n in at]
        result = {method: score(group, [items[n] for n in at]) for method, items in found.items()}
        rows.append((label, len(group), result))
        print_set(label, len(group), result, [sum(len(r["gold"][f]) for r in group) for f in LISTS])
    print_summary(rows)
    unseen = [n for label, at in groups_of(documents) if label in ("corpus9", "corpus10") for n in at]
    unseen += [n for n, d in enumerate(documents) if d[0] == "corpus" and d[2] == "heldout"]
    print("\nPaired bootstrap over the never-read documents pooled (all-lists micro F1, method minus rules):")
    for method in ("classifier", "stacked", "gated", "gated-stk", "rules+added"):
        mean, low, high = bootstrap(
            [records[n] for n in unseen], *([found[m][n] for n in unseen] for m in ("rules", method))
        )
        print(f"  {method:12} {mean:+.3f} (90% interval {low:+.3f} to {high:+.3f})")


def score_blind(documents, args):
    folder, _, split = args.blind.partition(":")
    folder = Path(folder).resolve()
    names = set(json.loads((folder / "split.json").read_text())[split]) if split else None
    tested = []
    for gold_path in sorted((folder / "gold").glob("*.json")):
        doc_path = folder / "docs" / f"{gold_path.stem}.txt"
        if doc_path.exists() and (names is None or gold_path.stem in names):
            tested.append(prepare(doc_path, json.loads(gold_path.read_text())))
    own = [name for name, path in SETS if path.resolve() == folder]
    training = [d[3] for d in documents if d[0] not in own]
    model = train(
        [matrix(features(r, use_rules=False)) for r in training],
        [np.array(label_blocks(r["blocks"], r["gold"]), dtype=int) for r in training],
        args.c,
        args.balanced,
    )
    probas = [probabilities(model, matrix(features(r, use_rules=False))) for r in tested]
    found = {
        "rules": [r["rules"] for r in tested],
        "classifier": [classifier_items(r, p, args.threshold) for r, p in zip(tested, probas)],
        "rules+added": [combined_items(r, p, *ADDED) for r, p in zip(tested, probas)],
    }
    print(f"trained on {len(training)} documents ({', '.join(n for n, _ in SETS if n not in own)})")
    result = {method: score(tested, items) for method, items in found.items()}
    print_set(args.blind, len(tested), result, [sum(len(r["gold"][f]) for r in tested) for f in LISTS])
    mean, low, high = bootstrap(tested, found["rules"], found["rules+added"])
    print(f"\nrules+added minus rules, paired bootstrap over documents: {mean:+.3f} ({low:+.3f} to {high:+.3f})")


def print_grid(documents, records, probas, args):
    groups = [(label, at) for label, at in groups_of(documents)]
    print(f"  {'keep':>5} {'add':>5}   {'every set':>9} {'never read':>10}   (mean all-lists F1, gated; rules first)")
    rule_rows = {
        label: score([records[n] for n in at], [records[n]["rules"] for n in at])["all"][2] for label, at in groups
    }
    print(f"  {'rules':>11}   {_means(rule_rows)[0]:9.3f} {_means(rule_rows)[1]:10.3f}")
    for keep in (0.0, 0.05, 0.1, 0.2, 0.3):
        for add in (0.6, 0.7, 0.8, 0.9, 1.01):
            rows = {
                label: score(
                    [records[n] for n in at], [combined_items(records[n], probas["plain"][n], keep, add) for n in at]
                )["all"][2]
                for label, at in groups
            }
            print(f"  {keep:5.2f} {add:5.2f}   {_means(rows)[0]:9.3f} {_means(rows)[1]:10.3f}")


def _means(rows):
    every = [f for label, f in rows.items() if label != "corpus:heldout"]
    unseen = [f for label, f in rows.items() if label in RULES_UNSEEN]
    return float(np.mean(every)), float(np.mean(unseen))


def print_set(label, count, result, gold):
    print(f"\n[{label}] {count} documents, gold {gold[0]} learning points, {gold[1]} recommendations")
    print(f"  {'':12} {'LP P':>6} {'R':>6} {'F1':>6}   {'REC P':>6} {'R':>6} {'F1':>6}   {'all F1':>6}")
    for method, r in result.items():
        lp, rec = r["learning_points"], r["recommendations"]
        print(
            f"  {method:12} {lp[0]:6.3f} {lp[1]:6.3f} {lp[2]:6.3f}   {rec[0]:6.3f} {rec[1]:6.3f} {rec[2]:6.3f}"
            f"   {r['all'][2]:6.3f}"
        )


def print_summary(rows):
    print("\nMean F1 over left-out sets (LP / REC / all lists)")
    for title, chosen in (
        ("every set", [r for r in rows if r[0] != "corpus:heldout"]),
        ("sets the rules never read (corpus9, corpus10, corpus:heldout)", [r for r in rows if r[0] in RULES_UNSEEN]),
    ):
        if not chosen:
            continue
        print(f"  {title}")
        for method in chosen[0][2]:
            means = [np.mean([r[2][method][f][2] for r in chosen]) for f in (*LISTS, "all")]
            print(f"    {method:12} {means[0]:.3f} / {means[1]:.3f} / {means[2]:.3f}")


if __name__ == "__main__":
    sys.exit(main())
