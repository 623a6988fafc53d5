"""Anonymisation: detection precision and recall per entity type and overall, and throughput, for
casereview and for Microsoft Presidio (presidio-analyzer with the same spaCy model) side by side.
Run: `make bench-anon` (the tuning set tests/data/anonymisation, the holdout and the unseen set) or
`python benchmarks/anonymisation.py FOLDER [FOLDER ...]`.

FOLDER holds NAME.txt and NAME.json ({"entities": [{"start", "end", "type", "text"}]}) pairs; see the README
in tests/data/anonymisation. Scoring (the same for both systems):
- a gold entity is found when the predicted spans, whatever their type, cover every letter and digit of it
  (for anonymisation a half-caught name is a leak);
- a predicted span is correct when at least half of its letters and digits lie inside gold entities;
- recall per gold type, precision per predicted type (Presidio's types mapped to ours by PRESIDIO_TYPES);
- throughput is words (whitespace-separated) per second over all passages, one passage per call, after a
  warm-up; the two systems are timed in turn within each of `--repeat` rounds (the order alternating), so
  a busy machine slows both alike, and the table gives the median over rounds of each system's words/s
  and of the ratio between them (with the lowest and highest ratio).
Exits 1 if a target is missed: recall >= 0.98, precision >= 0.90, both >= Presidio's, speed >= 3x Presidio's.
"""

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.publication.anonymisation import ENTITY_TYPES, detect  # noqa: E402
from casereview.publication.anonymisation import detection as detection_module  # noqa: E402
from casereview.publication.anonymisation.model import MODEL_NAME, clear_cache  # noqa: E402

# Figures recorded before issue 16 changed anything (commit b5a52a4), for the sets scored then.
BEFORE = json.loads((Path(__file__).resolve().parent / "anonymisation_before.json").read_text(encoding="utf-8"))


class ModelClock:
    """Time spent inside the spaCy model during detection, so the rules' share can be told apart."""

    def __init__(self):
        self.seconds = 0.0
        self._model_entities = detection_module.model_entities

    def reset(self):
        self.seconds = 0.0

    def __call__(self, *args, **kwargs):
        started = time.perf_counter()
        result = list(self._model_entities(*args, **kwargs))
        self.seconds += time.perf_counter() - started
        return result


TARGET_RECALL, TARGET_PRECISION, TARGET_SPEED_RATIO = 0.98, 0.90, 3.0
PRESIDIO_TYPES = {
    "PERSON": "PERSON",
    "LOCATION": "PLACE",
    "DATE_TIME": "DATE",
    "NRP": "ETHNICITY",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "UK_NHS": "NHS_NUMBER",
    "UK_NINO": "NI_NUMBER",
    "UK_POSTCODE": "POSTCODE",
    "URL": "OTHER",
    "IP_ADDRESS": "OTHER",
    "CREDIT_CARD": "OTHER",
    "IBAN_CODE": "OTHER",
    "UK_PASSPORT": "OTHER",
    "UK_VEHICLE_REGISTRATION": "OTHER",
    "UK_DRIVING_LICENCE": "OTHER",
    "MEDICAL_LICENSE": "OTHER",
}


def load_folder(folder):
    passages = []
    for txt in sorted(Path(folder).glob("*.txt")):
        labels = txt.with_suffix(".json")
        if not labels.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(labels.read_text(encoding="utf-8"))["entities"]
        for entity in gold:
            if text[entity["start"] : entity["end"]] != entity.get("text", text[entity["start"] : entity["end"]]):
                raise SystemExit(f"{labels.name}: offsets of {entity} do not match the text")
        passages.append((txt.stem, text, gold))
    if not passages:
        raise SystemExit(f"no NAME.txt + NAME.json pairs in {folder}")
    return passages


def presidio_analyzer():
    """Presidio offline: the installed spaCy model instead of en_core_web_lg, the e-mail recogniser's
    tldextract without the public suffix list download, and the UK recognisers that ship disabled on."""
    import tldextract
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import UkNinoRecognizer, UkPostcodeRecognizer
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    offline_extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineTldextract:
        @staticmethod
        def extract(text):
            return offline_extract(text)

    email_recognizer.tldextract = OfflineTldextract
    nlp_engine = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL_NAME}]}
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    registry.add_recognizer(UkNinoRecognizer())
    registry.add_recognizer(UkPostcodeRecognizer())
    engine = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])

    def analyse(text):
        return [
            (r.start, r.end, PRESIDIO_TYPES.get(r.entity_type, "OTHER"))
            for r in engine.analyze(text, language="en")
            if r.entity_type in PRESIDIO_TYPES
        ]

    return analyse


def casereview_detector(text):
    clear_cache()  # the engine remembers the model's answer for text it has seen; time the real work
    return [(e.start, e.end, e.type) for e in detect(text)]


def score(passages, predictions):
    recall_hits, recall_total = Counter(), Counter()
    precision_hits, precision_total = Counter(), Counter()
    misses, false_positives = [], []
    for (name, text, gold), predicted in zip(passages, predictions):
        covered = _mask(len(text), [(s, e) for s, e, _ in predicted])
        in_gold = _mask(len(text), [(g["start"], g["end"]) for g in gold])
        for g in gold:
            positions = [i for i in range(g["start"], g["end"]) if text[i].isalnum()]
            found = all(covered[i] for i in positions)
            recall_total[g["type"]] += 1
            recall_hits[g["type"]] += found
            if not found:
                misses.append((name, g["type"], g["text"]))
        for start, end, kind in predicted:
            positions = [i for i in range(start, end) if text[i].isalnum()] or list(range(start, end))
            correct = sum(in_gold[i] for i in positions) * 2 >= len(positions)
            precision_total[kind] += 1
            precision_hits[kind] += correct
            if not correct:
                false_positives.append((name, kind, text[start:end]))
    return recall_hits, recall_total, precision_hits, precision_total, misses, false_positives


def _mask(length, spans):
    mask = bytearray(length)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def timed(systems, passages, repeat, after_warm_up=lambda: None):
    """{name: predictions}, {name: [seconds per round]}: the systems take turns within each round."""
    for detector in systems.values():
        for _, text, _ in passages[:5]:
            detector(text)
    after_warm_up()
    predictions, seconds = {}, {name: [] for name in systems}
    names = list(systems)
    for round_ in range(repeat):
        for name in names if round_ % 2 == 0 else names[::-1]:
            started = time.perf_counter()
            predictions[name] = [systems[name](text) for _, text, _ in passages]
            seconds[name].append(time.perf_counter() - started)
    return predictions, seconds


def ratio(hits, total, kind=None):
    h = sum(hits.values()) if kind is None else hits[kind]
    t = sum(total.values()) if kind is None else total[kind]
    return h / t if t else None


def fmt(value):
    return "  -  " if value is None else f"{value:.3f}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(ROOT / "tests" / "data" / "anonymisation")])
    parser.add_argument("--repeat", type=int, default=7, help="timed rounds (median reported)")
    parser.add_argument("--show-errors", action="store_true", help="list casereview's misses and false positives")
    args = parser.parse_args(argv)
    os.environ.setdefault("TLDEXTRACT_CACHE", str(ROOT / "var" / "tldextract"))
    presidio = presidio_analyzer()
    status = 0
    for folder in args.folders:
        status |= bench_folder(folder, presidio, args)
        print()
    return status


def bench_folder(folder, presidio, args):
    passages = load_folder(folder)
    words = sum(len(text.split()) for _, text, _ in passages)
    systems = {"casereview": casereview_detector, "presidio": presidio}
    clock = ModelClock()
    detection_module.model_entities = clock
    try:
        predictions, seconds = timed(systems, passages, args.repeat, after_warm_up=clock.reset)
    finally:
        detection_module.model_entities = clock._model_entities
    model_share = clock.seconds / (sum(seconds["casereview"]) + 1e-9)
    results = {
        name: (*score(passages, predictions[name]), words / statistics.median(seconds[name])) for name in systems
    }
    ratios = sorted(p / c for c, p in zip(seconds["casereview"], seconds["presidio"]))
    speed_ratio = statistics.median(ratios)

    gold_count = sum(len(g) for _, _, g in passages)
    print(f"{len(passages)} passages, {gold_count} labelled entities, {words} words ({folder})")
    print(f"{'type':<16} {'gold':>5} | {'casereview P':>12} {'R':>6} | {'presidio P':>10} {'R':>6}")
    for kind in ENTITY_TYPES:
        ours, theirs = results["casereview"], results["presidio"]
        if not (ours[1][kind] or ours[3][kind] or theirs[3][kind]):
            continue
        print(
            f"{kind:<16} {ours[1][kind]:>5} | {fmt(ratio(ours[2], ours[3], kind)):>12} "
            f"{fmt(ratio(ours[0], ours[1], kind)):>6}"
            f" | {fmt(ratio(theirs[2], theirs[3], kind)):>10} {fmt(ratio(theirs[0], theirs[1], kind)):>6}"
        )
    ours, theirs = results["casereview"], results["presidio"]
    p, r = ratio(ours[2], ours[3]), ratio(ours[0], ours[1])
    pp, pr = ratio(theirs[2], theirs[3]), ratio(theirs[0], theirs[1])
    print(f"{'overall':<16} {gold_count:>5} | {fmt(p):>12} {fmt(r):>6} | {fmt(pp):>10} {fmt(pr):>6}")
    speed, presidio_speed = ours[6], theirs[6]
    print(
        f"{'words/s':<16} {'':>5} | {speed:>19,.0f} | {presidio_speed:>17,.0f}   ({speed_ratio:.1f}x Presidio,"
        f" median of {len(ratios)} rounds; {ratios[0]:.1f}x-{ratios[-1]:.1f}x)"
    )
    print(
        f"{'time':<16} {'':>5} | the model {model_share:.0%} of casereview's detection time, the rules and the"
        f" rest {1 - model_share:.0%} (warm-up excluded)"
    )
    before = BEFORE.get(Path(folder).name)
    if before:
        print(
            f"{'before issue 16':<16} {before['gold']:>5} | {before['precision']:>12.3f} {before['recall']:>6.3f}"
            f" | {before['presidio_precision']:>10.3f} {before['presidio_recall']:>6.3f}   (recorded at"
            f" {before['commit']}; words/s {before['words_per_second']:,} vs {before['presidio_words_per_second']:,})"
        )
    if args.show_errors:
        for name, kind, text in ours[4]:
            print(f"  missed  {name}: {kind} {text!r}")
        for name, kind, text in ours[5]:
            print(f"  extra   {name}: {kind} {text!r}")
    missed = []
    if r < TARGET_RECALL or r < pr:
        missed.append(f"recall {r:.3f} (target >= {TARGET_RECALL} and >= Presidio's {pr:.3f})")
    if p < TARGET_PRECISION or p < pp:
        missed.append(f"precision {p:.3f} (target >= {TARGET_PRECISION} and >= Presidio's {pp:.3f})")
    if speed_ratio < TARGET_SPEED_RATIO:
        missed.append(f"throughput {speed_ratio:.1f}x Presidio's (target >= {TARGET_SPEED_RATIO}x)")
    for line in missed:
        print("target missed:", line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
