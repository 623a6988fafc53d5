"""The named-entity model's decisions, taken with numpy instead of spaCy's compiled walk over the tokens.

spaCy's `ner` component reads a text with its network (the token vectors, then a layer precomputed for every
token) and then walks the tokens one at a time: at each it scores the moves (begin, inside, last, unit or
outside an entity, per label) for the state it is in and takes the best valid one. In spaCy 3.8's compiled
parser that walk costs about twice the network (every validity check of every move at every token takes and
drops the interpreter's lock), so it was more than half of the model's time in detection.

`entities` takes the same decisions from the same numbers: it asks spaCy's own step model for them (the same
functions, so the same floats), scores every token at once for the state outside an entity, where almost every
token is, and scores one token at a time only inside an entity, where the choice is between going on and
closing it. It is checked against spaCy's own walk once per pipeline on a probe text, and spaCy's walk is used
wherever this does not apply: another architecture, beam search, entities already set on a document."""

import numpy
from spacy.attrs import ENT_IOB, IDX, IS_SPACE, LENGTH, SENT_START

BATCH = 16  # documents per network call, as `Language.pipe` batches them for this component
PROBE = (
    "Kerry Adams moved from Leeds to 14 Castle Street, Camberwell, London with her son Tyler Adams on 3 March 2021."
    "\n\nDC Priya Raghunathan of the Metropolitan Police and Mr and Mrs O'Brien met at King's College Hospital.\n"
)

_decoders = {}  # id(ner component) -> (component, _Decoder or None where spaCy's own walk is used)


def entities(pipeline, docs):
    """((start_char, end_char, label), ...) for each of `docs` (made by `pipeline.make_doc`), as the
    pipeline's `ner` component would set them."""
    ner = pipeline.get_pipe("ner")
    decoder = _decoder_for(pipeline, ner)
    if decoder is None or any(doc.to_array([ENT_IOB]).any() for doc in docs):
        return _spacy_entities(ner, docs)
    found = []
    for start in range(0, len(docs), BATCH):
        found.extend(decoder.entities(docs[start : start + BATCH]))
    return found


def _spacy_entities(ner, docs):
    done = [ner(docs[0])] if len(docs) == 1 else ner.pipe(docs, batch_size=64)
    return [tuple((ent.start_char, ent.end_char, ent.label_) for ent in doc.ents) for doc in done]


def _decoder_for(pipeline, ner):
    known = _decoders.get(id(ner))
    if known is None or known[0] is not ner:
        decoder = _Decoder.for_component(ner)
        if decoder is not None and decoder.entities(_probe(pipeline)) != _spacy_entities(ner, _probe(pipeline)):
            decoder = None  # not the walk this pipeline takes: spaCy's own is used
        known = _decoders[id(ner)] = (ner, decoder)
    return known[1]


def _probe(pipeline):
    return [pipeline.make_doc(PROBE), pipeline.make_doc(PROBE[:60])]


class _Decoder:
    """The greedy walk of spaCy's BILUO entity moves, for a component with one hidden layer over three state
    features (the token, the entity's first token, the token before) and no entities set beforehand."""

    def __init__(self, ner, kinds, labels):
        self.ner = ner
        self.labels = labels
        kinds = numpy.array(kinds)
        labelled = numpy.array([bool(label) for label in labels])
        self.begin = (kinds == "B") & labelled
        self.unit = (kinds == "U") & labelled
        self.outside = kinds == "O"
        self.never_first = ~(self.begin | self.unit | self.outside)  # inside, last, and a unit without a label
        self.opens = ~self.outside
        self.is_unit = kinds == "U"
        index = {(kind, label): i for i, (kind, label) in enumerate(zip(kinds, labels))}
        self.inside_and_last = {label: (index["I", label], index["L", label]) for label in set(labels) if label}

    @classmethod
    def for_component(cls, ner):
        try:
            if ner.cfg.get("beam_width", 1) != 1 or not ner.model.attrs.get("has_upper"):
                return None
            if ner.model.get_ref("lower").get_dim("nF") != 3 or ner.model.attrs.get("unseen_classes"):
                return None
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        except (AttributeError, KeyError, ValueError):
            return None
        kinds = [name.split("-", 1)[0] for name in names]
        labels = [name.split("-", 1)[1] if "-" in name else "" for name in names]
        if set(kinds) - set("BILUO") or kinds.count("O") != 1:
            return None
        if any(
            kind in "BILU" and label and (f"I-{label}" not in names or f"L-{label}" not in names)
            for kind, label in zip(kinds, labels)
        ):
            return None
        return cls(ner, kinds, labels)

    def entities(self, docs):
        found = [() for _ in docs]
        texts = [i for i, doc in enumerate(docs) if len(doc)]
        if not texts:
            return found
        step = self.ner.model.predict([docs[i] for i in texts])
        try:
            state_vectors, scores_of = step.state2vec, step.vec2scores
            total = sum(len(docs[i]) for i in texts)
            features = numpy.full((total, 3), -1, dtype="i")
            features[:, 0] = numpy.arange(total, dtype="i")
            outside_scores = scores_of.predict(state_vectors.predict(features))

            def scores_inside(token, first):
                features = numpy.array([[token, first, token - 1]], dtype="i")
                return scores_of.predict(state_vectors.predict(features))[0]

            offset = 0
            for i in texts:
                found[i] = self._walk(docs[i], outside_scores[offset : offset + len(docs[i])], offset, scores_inside)
                offset += len(docs[i])
        finally:
            step.clear_memory()
        return found

    def _walk(self, doc, outside_scores, offset, scores_inside):
        attrs = doc.to_array([SENT_START, IS_SPACE, IDX, LENGTH]).astype(numpy.int64)
        n = len(doc)
        next_starts_sentence = numpy.zeros(n, dtype=bool)
        next_starts_sentence[:-1] = attrs[1:, 0] == 1
        space = attrs[:, 1] != 0
        may_begin = ~space & ~next_starts_sentence
        may_begin[-1] = False
        # the best valid move outside an entity, for every token at once (the first best on a tie, as spaCy)
        scores = outside_scores.copy()
        scores[:, self.never_first] = -numpy.inf
        scores[numpy.ix_(~may_begin, self.begin)] = -numpy.inf
        scores[numpy.ix_(space, self.unit)] = -numpy.inf
        moves = scores.argmax(axis=1)
        spans, resume = [], 0
        for token in numpy.flatnonzero(self.opens[moves]).tolist():
            if token < resume:
                continue
            move, first = moves[token], token
            label = self.labels[move]
            if not self.is_unit[move]:
                inside, last = self.inside_and_last[label]
                while True:
                    token += 1
                    row = scores_inside(offset + token, offset + first)
                    if token == n - 1 or next_starts_sentence[token] or row[last] > row[inside]:
                        break
            spans.append((first, token + 1, label))
            resume = token + 1
        starts, lengths = attrs[:, 2], attrs[:, 3]
        return tuple((int(starts[a]), int(starts[b - 1] + lengths[b - 1]), label) for a, b, label in spans)
