"""Dates written in another language (issue 16, helper anon12): recall. A letter, a translated statement or a
form from abroad writes the month in its own language: "né le 4 mars 2015", "urodzony 12 marca 2010", "el 3 de
mayo de 2019", "am 5. Juni 2018", "il 7 luglio 2016", "15 Ionawr 2026". A day, such a month name and a year in
figures is a date (the year is needed: "mars", "maj", "mai" alone are words of other things); after a word of
birth in the language it is a date of birth.
"""

import re
import unicodedata

from .patterns import prefilter_patterns

MONTH_NAMES = (
    # French
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    # Polish (the genitive a date uses, and the nominative)
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września wrzesnia października pazdziernika "
    "listopada grudnia styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad "
    "grudzień "
    # Spanish, Portuguese, Italian
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre janeiro "
    "fevereiro março marco maio junho julho setembro outubro dezembro gennaio febbraio aprile maggio giugno "
    "luglio settembre ottobre dicembre "
    # German, Dutch
    "januar jänner februar märz maerz juni juli oktober dezember januari februari maart mei augustus "
    # Romanian, Welsh, Lithuanian, Turkish
    "ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie ionawr chwefror "
    "ebrill mehefin gorffennaf awst medi hydref tachwedd rhagfyr sausio vasario kovo balandžio gegužės "
    "birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio ocak şubat nisan mayıs haziran temmuz ağustos "
    "eylül ekim kasım aralık"
).split()


def _folded(word):
    """The word without its accents, as detection reads the text ("fevrier", "wrzesnia", "ne")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).replace("ł", "l")


MONTH_ALTERNATION = "|".join(
    sorted({re.escape(w) for m in MONTH_NAMES for w in (m, _folded(m))}, key=len, reverse=True)
)
BIRTH_WORDS = (
    "né née nacido nacida nato nata nascido nascida geboren urodzony urodzona urodził urodziła născut născută "
    "ganwyd gimęs gimusi doğum"
).split()
BIRTH_ALTERNATION = "|".join(
    sorted({re.escape(w) for b in BIRTH_WORDS for w in (b, _folded(b))}, key=len, reverse=True)
)
FOREIGN_DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:[12]\d|3[01]|0?[1-9])\.?(?:er)?[ \t]+(?:de[ \t]+)?(?i:{MONTH_ALTERNATION})"
    rf"(?:[ \t]+de)?[ \t]+(?:19|20)\d\d(?:[ \t]*r\.)?(?![\w/-])"
)
BIRTH_BEFORE_RE = re.compile(rf"(?i:\b(?:{BIRTH_ALTERNATION})\b)[^.\n]{{0,12}}$")


def foreign_date_finds(text):
    """DATE (or DATE_OF_BIRTH) spans for a day, a month named in another language and a year."""
    for m in FOREIGN_DATE_RE.finditer(text):
        birth = BIRTH_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
        yield m.start(), m.end(), "DATE_OF_BIRTH" if birth else "DATE", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
