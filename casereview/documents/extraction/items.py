"""Which runs and paragraphs are learning points and which are recommendations.

Two signals, both about how a document introduces a list rather than about any document's wording:
- the lead-in: the sentence ending in ":" just before a list, or the item a list is nested in
  ("The learning points are highlighted below:", "The board is requested to:");
- the section: a heading such as "Recommendations" or "Key learning", whose items (and, for
  recommendations, whose plain sentences — committee papers put them in prose) run to the next heading."""

import re

from .blocks import HEADING, ITEM, PROSE
from .markers import ends_sentence, normalise_space
from .result import Item

LEARNING, RECOMMENDATIONS = "learning_points", "recommendations"
LEARNING_CUE = re.compile(
    r"\b(?:learning points?|points? of learning|key learning|learning (?:themes?|messages?|outcomes?)"
    r"|lessons?(?: (?:to be )?learn[te]d)?|(?:key )?findings?|key messages?)\b",
    re.I,
)
RECOMMENDATION_CUE = re.compile(r"\brecommend(?:ations?|s|ed)?\b|\b(?:is|are) (?:requested|asked|invited) to\b", re.I)
CONFIDENCE = {"lead_in": 0.9, "section_item": 0.8, "section_prose": 0.65}


def classify_cue(text):
    """LEARNING, RECOMMENDATIONS or None, by whichever cue comes first in the text's last sentence."""
    last_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", normalise_space(text))[-1]
    found = [
        (m.start(), kind)
        for kind, cue in ((LEARNING, LEARNING_CUE), (RECOMMENDATIONS, RECOMMENDATION_CUE))
        if (m := cue.search(last_sentence))
    ]
    return min(found)[1] if found else None


def find_items(blocks, runs, doc):
    """{LEARNING: [Item…], RECOMMENDATIONS: [Item…]} in document order; `doc` is the SourceText."""
    source = doc.text
    chosen = {}  # block id -> (kind, block, confidence)
    for run in runs:
        kind = _lead_in_kind(run, source)
        if kind:
            for block in _leaf_items(run.items, source):
                chosen.setdefault(id(block), (kind, block, _confidence("lead_in", block, run, source)))
    for kind, block, basis, run in _section_items(blocks, runs, source):
        chosen.setdefault(id(block), (kind, block, _confidence(basis, block, run, source)))
    ordered = sorted(chosen.values(), key=lambda entry: entry[1].start)
    return {
        kind: [_to_item(block, conf, doc) for k, block, conf in ordered if k == kind]
        for kind in (LEARNING, RECOMMENDATIONS)
    }


def _lead_in_kind(run, source):
    if run.style.startswith("kw:"):
        return classify_cue(run.style[3:])  # "Finding 3", "Recommendation 2" say what they are
    introducer = run.parent or run.lead_in
    return classify_cue(introducer.text(source)) if introducer else None


def _leaf_items(items, source):
    """An item that ends in ':' and has a list under it stands for that list."""
    for block in items:
        if block.children and block.ends_with_colon(source):
            for child in block.children:
                yield from _leaf_items(child.items, source)
        else:
            yield block


def _section_items(blocks, runs, source):
    run_of = {id(block): run for run in runs for block in run.items}
    kind = None
    for block in blocks:
        if block.kind == HEADING:
            kind = classify_cue(block.text(source))
            continue
        if kind is None:
            continue
        run = run_of.get(id(block))
        if block.kind == PROSE:
            if not block.ends_with_colon(source) and not ends_sentence(block.text(source)):
                kind = None  # a table or caption: the section's list is over
            elif kind == RECOMMENDATIONS and ends_sentence(block.text(source)):
                yield kind, block, "section_prose", None
        elif block.kind == ITEM and run.parent is None and _run_fits_section(run, kind, source):
            for leaf in _leaf_items([block], source):
                yield kind, leaf, "section_item", run_of.get(id(leaf))


def _run_fits_section(run, kind, source):
    own = _lead_in_kind(run, source)
    return own in (None, kind)


def _confidence(basis, block, run, source):
    confidence = CONFIDENCE[basis]
    text = block.text(source)
    if not ends_sentence(text) and len(text.split()) >= 10:
        confidence -= 0.2  # a long item that stops mid-sentence may have lost its end
    if run is not None and id(block) in run.gaps:
        confidence -= 0.15  # the number before it is missing
    return round(confidence, 2)


def _to_item(block, confidence, doc):
    return Item(
        text=block.text(doc.text),
        page=doc.page_of(block.body_start),
        start=block.body_start,
        end=block.end,
        confidence=confidence,
    )
