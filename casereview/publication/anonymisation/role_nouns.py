"""A word for someone's sex, age, role or part in a form is no name (issue 16, helper anon11): precision. Written
with a capital, as a transcript's speaker ("Male: Yes, my daughter", "Girl: I'm fine"), a form's field ("Tenant:
Kelly", "Driver: Gary"), a salutation ("Dear Colleague") or a heading ("Incident Report", "Probation Officer"),
such a word is taken for a person by the speaker, field and model rules. A person span made only of these words
is dropped; one that opens with such a word before a single listed name word is cut to the name ("Lifeguard [Rose]",
the labels' convention for roles and titles). Words that are also surnames or parts of nicknames in the labels
("Man", "Foster", "Porter", "Mason") are not listed; a word after a title stays ("Mr Driver").
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns

ROLE_NOUNS = frozenset(
    """Male Female Boy Girl Child Baby Infant Teenager Youth Adult Caller Tenant Landlord Landlady Driver Passenger
    Lifeguard Offender Colleague Colleagues Resident Witness Victim Suspect Neighbour Staff Parents Carer Pupil
    Student Interviewer Interviewee Respondent Applicant Applicants Detainee Prisoner Patient Client Customer
    Volunteer Coach Receptionist Paramedic Operator Dispatcher Handler Reporter Boarder Licensee Reviewer
    Registrar Vicar Professional Professionals Practitioner Clinician Dietitian Pharmacist Midwife Chaplain
    Caseworker Lodger Visitor Adopter Adopters Mentor Headteacher Sender Recipient Person Individual Nominal
    Occupant Keeper Employer Employee Supervisor Cleaner Matron Consultant Paediatrician Neurologist Surgeon
    Radiographer Physio Therapist Counsellor Interpreter Translator Solicitor Barrister Magistrate Officer
    Custody Probation Housing Education Intelligence Adoption Pharmacy Hospital School Schools Support
    Community Ethnicity Order Advice Assessment Report Notification Concern Incident Referral Strategy Meeting
    Liaison Summary History Detail Details Behaviour Attendance Security Reception""".split()
)
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Revd?|Sir|Dame|Lady|Lord)\.?[ \t]+$")


def without_role_nouns(text, found):
    """`found` with the person spans that are role words alone dropped, and those opening with one before a
    single name word cut to the name."""
    lists = (*forenames(), *surnames())  # (plain and everyday-word names: "Rose")
    result = []
    for item in found:
        start, end, kind = item[:3]
        if (
            kind != "PERSON"
            or not any(w.strip(".,;:!?\"“”()'’s") in ROLE_NOUNS or w in ROLE_NOUNS for w in text[start:end].split())
            or TITLE_BEFORE_RE.search(text, max(0, start - 8), start)
        ):
            result.append(item)
            continue
        words = list(WORD_RE.finditer(text, start, end))
        values = [re.sub(r"['’]s?$", "", m.group()) for m in words]
        if not values or len(values) > 4:
            result.append(item)
        elif all(v in ROLE_NOUNS for v in values):
            continue  # "Male: Yes", "Dear Colleague", "Probation Officer"
        elif len(values) == 2 and values[0] in ROLE_NOUNS and any(values[1] in names for names in lists):
            result.append((words[1].start(), end, *item[2:]))  # "Lifeguard Rose" (not "Housing Solutions")
        else:
            result.append(item)
    return result


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
