"""A name in a form's field for a person is a person, though its words are everyday words or unlisted (issue 16,
helper anon11): recall. "Volunteer: Hope Llewellyn", "Reporter: Faith Okwuosa, Club Welfare Officer", "Patient:
Mason Fitton, 2 years": the field says a person's name follows, and a name of two or three name-shaped words (a
capital and lower-case letters, "Mc", "O'", a hyphen) ending the field is one, when at least one of its words is
a listed forename or surname, everyday or not (the other rules want more than "Hope" or "Mason" before they
call it a name, and a surname not on the lists, "Llewellyn", gives them nothing). Not a run with a word of an
organisation, a street, a role, a heading or a town in it ("Patient: Royal Infirmary", "Client: Housing
Solutions").
"""

import re

from .known_settings import TOWNS
from .names import forenames, surnames
from .patterns import prefilter_patterns
from .role_nouns import ROLE_NOUNS
from .vocabulary import COMMON_CAPITALISED, NOT_PERSON_WORDS, ORG_TAIL_WORDS

PERSON_FIELDS = (
    r"(?:Volunteer|Reporter|Reported[ \t]+by|Recorded[ \t]+by|Completed[ \t]+by|Referrer|Referred[ \t]+by|Patient|"
    r"Client|Resident|Pupil|Student|Child|Baby|Infant|Young[ \t]+person|Subject|Mother|Father|Mum|Dad|Carer|"
    r"Tenant|Witness|Victim|Suspect|Offender|Detainee|Prisoner|Applicant|Respondent|Complainant|Informant|Caller|"
    r"Driver|Passenger|Lifeguard|Coach|Teacher|Key[ \t]+worker|Key[ \t]+person|Social[ \t]+worker|Support[ \t]+"
    r"worker|Youth[ \t]+worker|Partner|Sibling|Brother|Sister|Grandmother|Grandfather|Aunt|Uncle|Foster[ \t]+carer|"
    r"Person[ \t]+on[ \t]+probation|Lead[ \t]+professional|Name)"
)
NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?"
PERSON_FIELD_RE = re.compile(
    rf"(?:^|(?<=[.;|\t]))[ \t]*{PERSON_FIELDS}[ \t]*:[ \t]*({NAME_WORD}(?:[ \t]{NAME_WORD}){{1,2}})"
    r"(?=[ \t]*(?:[.,;(|\n]|[ \t][–—-][ \t]|[ \t]{2}|$))",
    re.M,
)
NOT_NAME_WORDS = frozenset(
    """Road Street Lane Avenue Close Drive Way Court House Hall Park Place Square Crescent Terrace Gardens Walk
    Hill Green Row Mews Grove View Rise Hospital Infirmary School Academy College Centre Council Service Services
    Team Unit Trust Police Nursery Primary Surgery Practice Clinic Church Mosque Hub Not Known Unknown None Yes No
    Same Above See Refused Declined Withheld Present Absent Male Female Mr Mrs Ms Miss Dr""".split()
)


def person_field_finds(text):
    lists = (*forenames(), *surnames())
    for m in PERSON_FIELD_RE.finditer(text):
        words = re.findall(r"[A-Za-z'’-]+", m.group(1))
        if any(
            w in NOT_NAME_WORDS
            or w in COMMON_CAPITALISED
            or w in ROLE_NOUNS
            or w in ORG_TAIL_WORDS
            or w in NOT_PERSON_WORDS
            or w in TOWNS
            for w in words
        ):
            continue
        if not any(w in names for w in words for names in lists):
            continue
        yield m.start(1), m.end(1), "PERSON", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
