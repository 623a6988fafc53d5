"""A table written in Markdown and copied as text: a header row ("Theme | What it looks like | Fix |"), a
rule of dashes under it ("---|---|---|"), then one line a row. Each data row is one item, kept whole without
its outer pipes (a ';' inside a cell does not split it); the header is not an item. What the rows are is
said by the sentence before the table ("The table below lists the recurring themes …"), read as any lead-in
is (items.classify_cue), or by the table's own first header cell."""

import re

from .blocks import PROSE, Block

HEADER_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)


def table_rows(source, classify):
    """(kind, Block) for each data row of each Markdown table whose lead-in `classify(text, offset)` reads as
    learning or recommendations."""
    if "---" not in source or "|" not in source:
        return
    for rule in HEADER_RULE.finditer(source):
        header_start = source.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        header = source[header_start : rule.start()].strip()
        if "|" not in header:
            continue
        lead_in_start = source.rfind("\n", 0, max(0, header_start - 1)) + 1
        lead_in = source[lead_in_start:header_start].strip()
        kind = (lead_in and classify(lead_in, lead_in_start)) or classify(header.split("|")[0].strip(), header_start)
        if kind is None:
            continue
        yield from ((kind, row) for row in _data_rows(source, rule.end()))


def _data_rows(source, position):
    """The lines after the rule (which ends at `position`) up to a line with no pipe or a blank line."""
    offset = position + 1  # past the rule's line break
    for raw in source[offset:].split("\n"):
        if "|" not in raw:
            return
        start = offset + len(raw) - len(raw.lstrip(" \t|"))
        end = offset + len(raw.rstrip(" \t|"))
        if end > start:
            yield Block(PROSE, start, end, start)
        offset += len(raw) + 1
