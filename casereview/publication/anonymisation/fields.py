"""Field names and file names that look like handles (issue 16, dev7 round, helper anon8): a spreadsheet's or an
export's header row ("ref,child_name,date_missing,found_location") and a file's name ("missing_episodes.csv")
name no one, though "child_name" is shaped like a user name."""

import re

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
    return [
        item
        for item in found
        if not (item[2] == "OTHER" and any(a <= item[0] and item[1] <= b for a, b in spans))
    ]
