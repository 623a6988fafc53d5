"""Anonymisation: detection precision and recall per entity type and overall, and throughput, for
casereview and for Microsoft Presidio (presidio-analyzer with the same spaCy model) side by side.
Run: `make bench-anon` (the tuning set tests/data/anonymisation, the holdout and the unseen sets) or
`python benchmarks/anonymisation.py FOLDER [FOLDER ...]`. casereview runs with the model detection uses
(CASEREVIEW_NER_MODEL, else the default); `--model NAME` (repeatable) runs it with each named spaCy pipeline
in turn, timed in the same rounds, and Presidio with `--presidio-model` (default: the first model). The
header names each model, its version and its load time.

FOLDER holds NAME.txt and NAME.json ({"entities": [{"start", "end", "type", "text"}]}) pairs; see the README
in tests/data/anonymisation. Scoring (the same for both systems):
- a gold entity is found when the predicted spans, whatever their type, cover every letter and digit of it
  (for anonymisation a half-caught name is a leak);
- a predicted span is correct when at least half of its letters and digits lie inside gold entities;
- recall per gold type, precision per predicted type (Presidio's types mapped to ours by PRESIDIO_TYPES);
- throughput is words (whitespace-separated) per second over all passages, one passage per call, after a
  warm-up; the two systems are timed in turn within each of `--repeat` rounds (the order alternating), so
  a busy machine slows both alike, and the table gives the median over rounds of each system's words/s
  and of the ratio between them (with the lowest and highest ratio). `--clock cpu` times with this
  process's CPU time (`time.process_time`) instead of the wall clock: on a machine shared with other work
  the wall clock counts their time too, the CPU clock only ours.
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
from casereview.publication.anonymisation import model as model_module  # noqa: E402
from casereview.publication.anonymisation.model import clear_cache  # noqa: E402

# Figures recorded before issue 16 changed anything (commit b5a52a4), for the sets scored then.
BEFORE = json.loads((Path(__file__).resolve().parent / "anonymisation_before.json").read_text(encoding="utf-8"))


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
now = time.perf_counter  # the benchmark's clock: --clock chooses


class ModelClock:
    """Time spent inside the spaCy model during detection, per model, so the rules' share can be told apart."""

    def __init__(self):
        self.seconds = Counter()
        self._model_entities = detection_module.model_entities

    def reset(self):
        self.seconds.clear()

    def __call__(self, *args, **kwargs):
        started = now()
        result = list(self._model_entities(*args, **kwargs))
        self.seconds[model_module.model_name()] += now() - started
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


def presidio_analyzer(model_name):
    """Presidio offline: an installed spaCy model instead of en_core_web_lg, the e-mail recogniser's
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
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model_name}]}
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


def casereview_detector(model_name):
    def detector(text):
        model_module.use_model(model_name)
        clear_cache()  # the engine remembers the model's answer for text it has seen; time the real work
        return [(e.start, e.end, e.type) for e in detect(text)]

    return detector


def short_label(model_name):
    """A column heading for a model: its size ('sm', 'md', ...) where the name says, and its version."""
    version = model_module.ner_pipeline(model_name).meta.get("version", "")
    for size in ("sm", "md", "lg", "trf"):
        if any(f"{a}{size}{b}" in model_name for a in "_-" for b in ("_", "-", "")):
            return f"{size} {version}"
    return f"{Path(model_name).name[:10]} {version}"


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
            started = now()
            predictions[name] = [systems[name](text) for _, text, _ in passages]
            seconds[name].append(now() - started)
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
    parser.add_argument(
        "--model", action="append", help="spaCy pipeline for casereview (repeat to compare; default: the setting)"
    )
    parser.add_argument("--presidio-model", help="spaCy pipeline for Presidio (default: the first --model)")
    parser.add_argument(
        "--clock", choices=CLOCKS, default="wall", help="time words/s by the wall clock or by this process's CPU time"
    )
    args = parser.parse_args(argv)
    global now
    now = CLOCKS[args.clock]
    os.environ.setdefault("TLDEXTRACT_CACHE", str(ROOT / "var" / "tldextract"))
    args.model = args.model or [model_module.model_name()]
    import spacy  # noqa: F401  (imported first, so a model's load time is its own)

    for name in args.model:
        model_module.ner_pipeline(name)  # loaded before any timing; its load time is reported
        print(
            f"casereview model: {model_module.model_description(name)},"
            f" loaded in {model_module.load_seconds[name]:.1f} s"
        )
    presidio_model = args.presidio_model or args.model[0]
    started = time.perf_counter()
    presidio = presidio_analyzer(presidio_model)
    print(f"Presidio model:   {presidio_model} (analyzer built in {time.perf_counter() - started:.1f} s)")
    print()
    status = 0
    for folder in args.folders:
        status |= bench_folder(folder, presidio, args)
        print()
    model_module.use_model(None)
    return status


def bench_folder(folder, presidio, args):
    passages = load_folder(folder)
    words = sum(len(text.split()) for _, text, _ in passages)
    labels = {name: f"casereview {short_label(name)}" if len(args.model) > 1 else "casereview" for name in args.model}
    systems = {labels[name]: casereview_detector(name) for name in args.model}
    systems["presidio"] = presidio
    clock = ModelClock()
    detection_module.model_entities = clock
    try:
        predictions, seconds = timed(systems, passages, args.repeat, after_warm_up=clock.reset)
    finally:
        detection_module.model_entities = clock._model_entities
    results = {
        name: (*score(passages, predictions[name]), words / statistics.median(seconds[name])) for name in systems
    }
    ratios = {labels[m]: sorted(p / c for c, p in zip(seconds[labels[m]], seconds["presidio"])) for m in args.model}

    gold_count = sum(len(g) for _, _, g in passages)
    print(f"{len(passages)} passages, {gold_count} labelled entities, {words} words ({folder})")
    heading = f"{'type':<16} {'gold':>5}"
    for name in systems:
        heading += f" | {name + ' P':>{max(12, len(name) + 2)}} {'R':>6}"
    print(heading)

    def row(label, gold, kind=None):
        line = f"{label:<16} {gold:>5}"
        for name in systems:
            hits, total, p_hits, p_total = results[name][:4]
            line += (
                f" | {fmt(ratio(p_hits, p_total, kind)):>{max(12, len(name) + 2)}} {fmt(ratio(hits, total, kind)):>6}"
            )
        return line

    first = results[labels[args.model[0]]]
    for kind in ENTITY_TYPES:
        if not any(results[name][1][kind] or results[name][3][kind] for name in systems):
            continue
        print(row(kind, first[1][kind], kind))
    print(row("overall", gold_count))
    presidio_speed = results["presidio"][6]
    for model_name in args.model:
        label, model_ratios = labels[model_name], ratios[labels[model_name]]
        share = clock.seconds[model_name] / (sum(seconds[label]) + 1e-9)
        print(
            f"{'words/s':<16} {'':>5} | {label}: {results[label][6]:,.0f}, Presidio {presidio_speed:,.0f}"
            f" ({statistics.median(model_ratios):.1f}x Presidio, median of {len(model_ratios)} rounds;"
            f" {model_ratios[0]:.1f}x-{model_ratios[-1]:.1f}x; {args.clock} clock)"
        )
        print(
            f"{'time':<16} {'':>5} | {label}: the model ({model_name}) {share:.0%} of detection time, the rules"
            f" and the rest {1 - share:.0%} (warm-up excluded)"
        )
    before = BEFORE.get(Path(folder).name)
    if before:
        print(
            f"{'before issue 16':<16} {before['gold']:>5} | {before['precision']:>12.3f} {before['recall']:>6.3f}"
            f" | {before['presidio_precision']:>10.3f} {before['presidio_recall']:>6.3f}   (recorded at"
            f" {before['commit']}; words/s {before['words_per_second']:,} vs {before['presidio_words_per_second']:,})"
        )
    status = 0
    theirs = results["presidio"]
    pp, pr = ratio(theirs[2], theirs[3]), ratio(theirs[0], theirs[1])
    for model_name in args.model:
        label = labels[model_name]
        ours = results[label]
        p, r = ratio(ours[2], ours[3]), ratio(ours[0], ours[1])
        if args.show_errors:
            for name, kind, text in ours[4]:
                print(f"  missed  ({label}) {name}: {kind} {text!r}")
            for name, kind, text in ours[5]:
                print(f"  extra   ({label}) {name}: {kind} {text!r}")
        missed = []
        if r < TARGET_RECALL or r < pr:
            missed.append(f"recall {r:.3f} (target >= {TARGET_RECALL} and >= Presidio's {pr:.3f})")
        if p < TARGET_PRECISION or p < pp:
            missed.append(f"precision {p:.3f} (target >= {TARGET_PRECISION} and >= Presidio's {pp:.3f})")
        speed_ratio = statistics.median(ratios[label])
        if speed_ratio < TARGET_SPEED_RATIO:
            missed.append(f"throughput {speed_ratio:.1f}x Presidio's (target >= {TARGET_SPEED_RATIO}x)")
        for line in missed:
            print(f"target missed ({label}):", line)
        status |= 1 if missed else 0
    return status


if __name__ == "__main__":
    sys.exit(main())
