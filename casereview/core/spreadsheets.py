"""Safe cells for files people open in Excel."""


def spreadsheet_safe(value):
    """Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula: a chronology
    row like =HYPERLINK(...) would become a live link. Such text is written with a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
