"""The publication gate's checks on the text (the review, sign-off and hold checks live with the reviews
app). Every failing check is returned, so the reviewer sees all that is left to fix at once."""

from dataclasses import dataclass

from .detection import detect
from .final_scan import final_scan


@dataclass(frozen=True)
class GateFailure:
    check: str  # unresolved_detection, allowed_without_name, identifying_text_in_output, known_detail_in_output
    message: str
    text: str = ""
    start: int | None = None  # into the source for unresolved detections, into the output otherwise
    end: int | None = None


def text_check_failures(*, output_text, table, known_details, source_text=None):
    """Failures of: every detection in the source replaced or allowed by a named person; nothing the
    detector finds left in the output unless allowed; none of the known details in the output."""
    failures = []
    if source_text is not None:
        for entity in detect(source_text, table):
            entry = table.entry_for(entity.text)
            if entry is None or (not entry.allowed and not entry.replacement):
                if entity.type in ("DATE", "DATE_OF_BIRTH", "AGE") and _absent(entity.text, output_text):
                    continue  # dates and ages are replaced by rule, not through the table
                failures.append(
                    GateFailure(
                        "unresolved_detection",
                        f"{entity.type} “{entity.text}” is neither replaced nor allowed",
                        entity.text,
                        entity.start,
                        entity.end,
                    )
                )
            elif entry.allowed and not entry.decided_by:
                failures.append(
                    GateFailure(
                        "allowed_without_name",
                        f"“{entity.text}” is allowed but nobody is named as allowing it",
                        entity.text,
                        entity.start,
                        entity.end,
                    )
                )
    replacements = table.replacements()
    for entity in detect(output_text, table):
        entry = table.entry_for(entity.text)
        if entry is not None and entry.allowed and entry.decided_by:
            continue
        if entity.text in replacements or any(entity.text in r for r in replacements):
            continue
        failures.append(
            GateFailure(
                "identifying_text_in_output",
                f"the output still contains {entity.type} “{entity.text}”",
                entity.text,
                entity.start,
                entity.end,
            )
        )
    for hit in final_scan(output_text, known_details):
        failures.append(
            GateFailure(
                "known_detail_in_output",
                f"the output contains the {hit.kind} of the restricted record",
                hit.text,
                hit.start,
                hit.end,
            )
        )
    return failures


def _absent(text, output_text):
    return text not in output_text
