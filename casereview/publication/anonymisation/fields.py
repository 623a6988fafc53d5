"""Field names and file names that look like handles (issue 16, dev7 round, helper anon8): a spreadsheet's or an
export's header row ("ref,child_name,date_missing,found_location") and a file's name ("missing_episodes.csv")
name no one, though "child_name" is shaped like a user name."""

import re

from .patterns import prefilter_patterns

# a header row: three or more cells, each a lower-case field name, parted by commas, tabs or bars
FIELD = r"[ \t]*\"?[a-z][a-z0-9]*(?:[_ ][a-z0-9]+)*\"?[ \t]*"
HEADER_ROW_RE = re.compile(rf"^{FIELD}(?:[,\t|]{FIELD}){{2,}}$", re.M)
FILE_NAME_RE = re.compile(
    r"(?<![\w@.])[\w.-]+\.(?:csv|xlsx?|txt|pdf|docx?|json|xml|zip|png|jpe?g|mp4|mov)(?![\w.])", re.I
)


def without_field_names(text, found):
    """Drop an identifier found inside a header row of field names or a file's name."""
    spans = [m.span() for m in HEADER_ROW_RE.finditer(text)] + [m.span() for m in FILE_NAME_RE.finditer(text)]
    if not spans:
        return found
    return [item for item in found if not (item[2] == "OTHER" and any(a <= item[0] and item[1] <= b for a, b in spans))]


# the role a transcript's speaker label or a form's field names, never a name of its own ("Caller: He is
# four.", "Referrer: school nurse", "Chaperone: HCA present")
ROLE_LABELS = frozenset(
    """Caller Referrer Chaperone Volunteer Interpreter Operator Informant Complainant Witness Reporter Patient
    Claimant Applicant Respondent Appellant Defendant Dispatcher""".split()
)


def without_role_labels(text, found):
    """Drop a person found as one word that is a role's label, or as a name and the next line's label
    ("Agata\\nCaller": the name alone stays)."""
    kept = []
    for item in found:
        start, end, kind = item[:3]
        if kind == "PERSON":
            words = text[start:end].split()
            if len(words) == 1 and words[0] in ROLE_LABELS:
                continue
            if len(words) > 1 and words[-1] in ROLE_LABELS and "\n" in text[start:end]:
                item = (start, text.rindex("\n", start, end), *item[2:])
        kept.append(item)
    return kept


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
