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
SCORED_AHEAD = 6  # tokens scored at once inside an entity (most entities close within a few)
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
    if decoder is None:
        return _spacy_entities(ner, docs)
    found = []
    for start in range(0, len(docs), BATCH):
        batch = docs[start : start + BATCH]
        decided = decoder.entities(batch)
        found.extend(_spacy_entities(ner, batch) if decided is None else decided)
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
        self.begin_labels = [label for kind, label in zip(kinds, labels) if kind == "B" and label]
        self.unit_labels = [label for kind, label in zip(kinds, labels) if kind == "U" and label]
        self.begin_columns = [i for i, (kind, label) in enumerate(zip(kinds, labels)) if kind == "B" and label]
        self.unit_columns = [i for i, (kind, label) in enumerate(zip(kinds, labels)) if kind == "U" and label]
        self.outside_column = kinds.index("O")
        index = {(kind, label): i for i, (kind, label) in enumerate(zip(kinds, labels))}
        self.inside_and_last = {label: (index["I", label], index["L", label]) for label in self.begin_labels}

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
        begins = [i for i, kind in enumerate(kinds) if kind == "B"]
        units = [i for i, kind in enumerate(kinds) if kind == "U"]
        if not begins or not units or not max(begins) < min(units) < kinds.index("O"):
            return None  # a tie goes to the move listed first: begin, then unit, then outside
        if any(
            f"I-{label}" not in names or f"L-{label}" not in names for kind, label in zip(kinds, labels) if kind == "B"
        ):
            return None
        return cls(ner, kinds, labels)

    def entities(self, docs):
        """As the module's `entities`, or None where a document has entities set already."""
        found = [() for _ in docs]
        texts = [i for i, doc in enumerate(docs) if len(doc)]
        if not texts:
            return found
        attrs = [docs[i].to_array([SENT_START, IS_SPACE, IDX, LENGTH, ENT_IOB]).astype(numpy.int64) for i in texts]
        if any(a[:, 4].any() for a in attrs):
            return None
        step = self.ner.model.predict([docs[i] for i in texts])
        try:
            state_vectors, upper = step.state2vec, step.vec2scores
            weights, bias, ops = upper.get_param("W"), upper.get_param("b"), upper.ops

            def scores(features):  # the upper layer's forward (thinc's Linear), without its call overhead
                found = ops.gemm(state_vectors.predict(features), weights, trans2=True)
                found += bias
                return found

            total = sum(len(a) for a in attrs)
            features = numpy.full((total, 3), -1, dtype="i")
            features[:, 0] = numpy.arange(total, dtype="i")
            outside_scores = scores(features)
            offset = 0
            for i, a in zip(texts, attrs):
                found[i] = self._walk(a, outside_scores[offset : offset + len(a)], offset, scores)
                offset += len(a)
        finally:
            step.clear_memory()
        return found

    def _walk(self, attrs, outside_scores, offset, scores):
        n = len(attrs)
        next_starts_sentence = numpy.zeros(n, dtype=bool)
        next_starts_sentence[:-1] = attrs[1:, 0] == 1
        space = attrs[:, 1] != 0
        may_begin = ~space & ~next_starts_sentence
        may_begin[-1] = False
        # Outside an entity, for every token at once: the best valid move (the first listed on a tie, as spaCy)
        begin_scores = outside_scores[:, self.begin_columns]
        unit_scores = outside_scores[:, self.unit_columns]
        best_begin, best_unit = begin_scores.argmax(axis=1), unit_scores.argmax(axis=1)
        begin = numpy.where(may_begin, begin_scores.max(axis=1), -numpy.inf)
        unit = numpy.where(space, -numpy.inf, unit_scores.max(axis=1))
        outside = outside_scores[:, self.outside_column]
        begins = (begin >= unit) & (begin >= outside)
        units = ~begins & (unit >= outside)
        spans, resume = [], 0
        for token in numpy.flatnonzero(begins | units).tolist():
            if token < resume:
                continue
            first = token
            if units[token]:
                label = self.unit_labels[best_unit[token]]
            else:
                label = self.begin_labels[best_begin[token]]
                inside, last = self.inside_and_last[label]
                token = self._close(first, inside, last, n, next_starts_sentence, offset, scores)
            spans.append((first, token + 1, label))
            resume = token + 1
        starts, lengths = attrs[:, 2], attrs[:, 3]
        return tuple((int(starts[a]), int(starts[b - 1] + lengths[b - 1]), label) for a, b, label in spans)

    @staticmethod
    def _close(first, inside, last, n, next_starts_sentence, offset, scores):
        """The last token of the entity begun at `first`: at each next token go on (the first listed on a tie)
        or close it there; it closes without asking at the passage's last token and at a sentence's last. The
        next tokens are scored a few at once (each row of the scores depends only on its own state, so the
        numbers are those of one row at a time; the rows after the close are not used)."""
        token = first
        while True:
            candidates = []
            following = token + 1
            while len(candidates) < SCORED_AHEAD and following != n - 1 and not next_starts_sentence[following]:
                candidates.append(following)
                following += 1
            if not candidates:
                return following
            rows = scores(numpy.array([[offset + t, offset + first, offset + t - 1] for t in candidates], dtype="i"))
            for t, row in zip(candidates, rows):
                if row[last] > row[inside]:
                    return t
            token = candidates[-1]
