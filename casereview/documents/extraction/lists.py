"""Group list items into numbered runs: "1., 2., 3." is one run, "(a), (b)" under an item ending in ":" is
a run nested in it, and a run resumes after a page break or stray paragraph when its numbering carries on."""

import re
from dataclasses import dataclass, field

from .blocks import HEADING, PROSE, Block

# A sentence that announces the list after it without a colon: "Examples of findings are below.", "The
# themes were as follows.", "The review identified the following."
ANNOUNCES_LIST = re.compile(
    r"\b(?:(?:are|is|were|set out|listed|shown|given|summarised|outlined|described)\s+below|as follows"
    r"|the following(?:\s+[\w-]+){0,2})\s*[.:]?$"
    # "… the following learning points were highlighted.": the passive after the list's name
    r"|\bthe following(?:\s+[\w-]+){0,3}\s+(?:were|are|was|is|have been|has been)\s+(?:highlighted|identified"
    r"|noted|found|raised|made|agreed|drawn out|learn[te]d)\s*[.:]?$",
    re.I,
)


# A sentence that runs on into the list, its last words a verb or preposition waiting for the items: "…
# practitioners may need training and support to", "… the importance of", "… include".
RUNS_INTO_LIST = re.compile(
    r"\b(?:to|of|on|in|for|about|around|with|that|include|includes|including|such as|like|were|was|are|is)$", re.I
)


# A last sentence that offers a number of items of a kind: "Community Care offers some recommendations to
# make reviews more effective", "The review made 12 recommendations." — the list after it is those items.
OFFERS_ITEMS = re.compile(
    r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|some|several|a number of|a series of"
    r"|a set of)\s+(?:(?:key|main|important|clear)\s+)?(?:recommendations|lessons|findings|learning points)\b"
    r"[^.!?:]*[.!?]?$",
    re.I,
)


def introduces_list(block, source):
    """A prose paragraph that leads in to the list after it: it ends in ":", announces it in words, or its
    sentence stops on a word that the items complete."""
    text = block.text(source).rstrip()
    return block.ends_with_colon(source) or bool(ANNOUNCES_LIST.search(text) or RUNS_INTO_LIST.search(text))


def offers_items(block, source, style):
    """A paragraph that offers a number of items, then a list numbered from 1 or bulleted (not a report's
    numbered paragraphs, "11.2"): the list is those items."""
    return not style.startswith("dotted") and bool(OFFERS_ITEMS.search(block.text(source).rstrip()[-300:]))


@dataclass
class Run:
    style: str
    items: list = field(default_factory=list)
    parent: Block | None = None  # the item this run is nested in
    lead_in: Block | None = None  # the prose paragraph ending in ":" just before a top-level run
    heading: Block | None = None
    expected: int | None = None
    gaps: set = field(default_factory=set)  # ids of items whose number skipped (a likely missed item)
    # under a bullet that leads in to it at the same level ("- … as follows:"): the run has its own lead-in
    same_level: bool = False

    # every item so far numbered "1." (a web page whose list numbers all render as 1): a "1." carries it on
    all_ones: bool = False

    def accepts(self, style, value):
        return style == self.style and (value is None or value == self.expected or (value == 1 and self.all_ones))

    def append(self, block, value):
        repeated_one = value == 1 and self.all_ones
        if value is not None and self.expected is not None and value != self.expected and not repeated_one:
            self.gaps.add(id(block))
        self.all_ones = value == 1 and (not self.items or self.all_ones)
        self.items.append(block)
        self.expected = None if value is None else value + 1


def build_runs(blocks, source):
    """Every run in document order, nested ones included (also reachable through `parent.children`)."""
    runs, stack, closed = [], [], []
    heading = previous = None
    for block in blocks:
        if block.kind == HEADING:
            stack, closed, heading = [], [], block
        elif block.kind == PROSE:
            # a paragraph that leads in to a new list ends the one before; any other is a stray paragraph
            # (a page break's leftovers) after which the list may carry on
            leads_in = introduces_list(block, source) or OFFERS_ITEMS.search(block.text(source).rstrip()[-300:])
            closed, stack = ([] if leads_in else (stack or closed)), []
        else:
            stack, closed = _place_item(block, stack, closed, runs, previous, heading, source)
        previous = block
    return runs


def _place_item(block, stack, closed, runs, previous, heading, source):
    for candidates in (stack, closed):
        found = _continuing(candidates, block)
        if found and found[2] == 1 and candidates[found[0]].items[-1].ends_with_colon(source):
            found = None  # "1." after an item that leads in to a list: that list, not a list of ones carried on
        if found:
            depth, style, value = found
            last = candidates[depth].items[-1]
            if _leads_in_at_same_level(last, block, value, source):
                run = Run(style, parent=last, heading=heading, same_level=True)
                last.children.append(run)
                run.append(block, value)
                runs.append(run)
                return candidates[: depth + 1] + [run], []
            candidates[depth].append(block, value)
            return candidates[: depth + 1], []
    style, value = _opening_style(block)
    run = Run(style, heading=heading)
    if stack and (stack[-1].items[-1].ends_with_colon(source) or (style != stack[-1].style and value in (1, None))):
        run.parent = stack[-1].items[-1]
        run.parent.children.append(run)
        stack = stack + [run]
    else:
        if (
            previous is not None
            and previous.kind == PROSE
            and (introduces_list(previous, source) or offers_items(previous, source, style))
        ):
            run.lead_in = previous
        stack = [run]
    run.append(block, value)
    runs.append(run)
    return stack, []


def _leads_in_at_same_level(last, block, value, source):
    """A bullet that ends in ":" ("- The Panel is making recommendations as follows:") leads in to the bullets
    after it, though a web page has lost their indent. Numbered items carry on their numbering instead."""
    marker = block.marker
    if value is not None or not (marker.is_bullet or marker.is_dash) or last.children:
        return False
    # one line: a bullet whose next line is a lead-in glued to it ("…professionals. / Reasons include:") is not
    return last.ends_with_colon(source) and "\n" not in source[last.start : last.end].strip()


def _continuing(stack, block):
    for depth in range(len(stack) - 1, -1, -1):
        for style, value in block.marker.styles:
            if stack[depth].accepts(style, value):
                return depth, style, value
    return None


def _opening_style(block):
    """'i)' opening a list is the roman one; otherwise a marker's first reading."""
    styles = block.marker.styles
    return next(((style, value) for style, value in styles if value in (1, None)), styles[0])
