"""Names written in another script in an English record (issue 16, helper anon12): recall.

No name list holds "محمد عبد الله" or "Мария Петрова", and the model reads English. A run of words in Arabic,
Hebrew, Cyrillic, Greek, Indic, Thai, Chinese, Japanese or Korean script is a person's name where the record
says so: in brackets after a name it transliterates ("Amina Yusuf (أمينة يوسف)"), after a word that names
someone ("her name is", "known as", "mother", "Mr", "signed") or a form's name field ("Name:"), or opening
with one of the commonest given-name words of the script ("محمد", "أحمد", "فاطمة", "عبد"), taken with the two
words after it. Other text in another script (a quotation, a translated heading) is left to the reviewer.
"""

import re

from .patterns import prefilter_patterns

SCRIPT_LETTERS = (
    "\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u0e00-\u0e7f"
    "\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
)
# (a word with one letter of the script at least: detection has already folded Cyrillic letters shaped like Latin
# ones, "Мария" reads "Mapия")
SCRIPT_WORD = rf"(?<![\w'’-])[\w'’-]*[{SCRIPT_LETTERS}][\w'’\u200c\u200d-]*"
SCRIPT_RUN = rf"{SCRIPT_WORD}(?:[ \t]+{SCRIPT_WORD}){{0,3}}"
ANY_SCRIPT_RE = re.compile(f"[{SCRIPT_LETTERS}]")
BRACKET_AFTER_RE = re.compile(rf"[ \t]*\(({SCRIPT_RUN})\)")
CUE_BEFORE_RE = re.compile(
    r"\b(?i:name(?:[ \t]+is)?|named|called|known[ \t]+as|signed|signature|mother|father|mum|dad|son|daughter|"
    r"brother|sister|aunt|uncle|husband|wife|partner|grandmother|grandfather|child|mr|mrs|ms|miss|dr)"
    rf"\.?[ \t]*[:,\-–]?[ \t]*[\"“‘']?({SCRIPT_RUN})"
)
NAME_WORDS_RE = re.compile(
    rf"(?<![\w])(?:محمد|أحمد|احمد|علي|فاطمة|مريم|يوسف|إبراهيم|ابراهيم|حسن|حسين|عمر|خالد|عائشة|زينب|عبد|"
    rf"משה|דוד|יוסף|שרה|מרים)(?:[ \t]+{SCRIPT_WORD}){{0,2}}"
)


def other_script_finds(text, found):
    """PERSON spans for names in another script by the cues above."""
    if not ANY_SCRIPT_RE.search(text):
        return
    for start, end, kind, *_ in found:
        if kind == "PERSON":
            m = BRACKET_AFTER_RE.match(text, end)
            if m:  # one person written twice: "Amina Yusuf (أمينة يوسف)" is replaced once
                yield start, m.end(), "PERSON", "rule"
    for m in CUE_BEFORE_RE.finditer(text):
        yield m.start(1), m.end(1), "PERSON", "rule"
    for m in NAME_WORDS_RE.finditer(text):
        yield m.start(), m.end(), "PERSON", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
