"""An Extraction as a person reads it in a terminal."""

import textwrap

LABELS = (("learning_points", "Learning points"), ("recommendations", "Recommendations"))


def as_text(extraction):
    lines = [
        f"== {extraction.source}",
        f"Document: {extraction.doc_type}   Review: {extraction.review_type}   Pages: {extraction.pages}",
        f"Children: {', '.join(extraction.child_pseudonyms) or '(none named)'}",
        f"Partnership: {extraction.partnership or '(not named)'}",
        "Dates: " + ", ".join(f"{key} {value}" for key, value in extraction.dates.items() if value) or "Dates: (none)",
        f"Agencies: {', '.join(extraction.agencies_involved) or '(none found)'}",
        f"Themes: {', '.join(extraction.themes) or '(none found)'}",
    ]
    if extraction.methodology:
        lines.append(f"Methodology: {extraction.methodology}")
    for field, label in LABELS:
        items = getattr(extraction, field)
        lines.append("")
        lines.append(f"{label} ({len(items)}):")
        lines.extend(_item_lines(number, item) for number, item in enumerate(items, 1))
    if extraction.notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(
            textwrap.fill(note, 100, initial_indent="  - ", subsequent_indent="    ") for note in extraction.notes
        )
    return "\n".join(lines)


def _item_lines(number, item):
    where = f"[page {item.page}, characters {item.start}-{item.end}, confidence {item.confidence:.2f}]"
    return textwrap.fill(f"{item.text} {where}", 100, initial_indent=f"  {number:>2}. ", subsequent_indent="      ")
