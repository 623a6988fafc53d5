"""Health settings a record names for short (issue 16, dev7 round, helper anon8). Each finder reads a kind of
text, not the wording of one passage:

- a real public hospital by the short name or initials its staff and families use ("Alder Hey", "Ninewells",
  "QMC", "the RVI", "GOSH", "the N&N"): the country's big hospitals are few and their short names are
  known, so they are listed; a short name that is also an everyday word, a person's name or a district
  ("the Royal", "King's", "Lister", "Homerton") is taken only where the sentence is about health care;
- a setting named before the service it is visited for ("Bulwell Riverside walk-in", "Calderdale Royal ED",
  "King George UTC", "Greenwich CAMHS", "Hazelwood SARC", "Werneth clinic"): the capitalised words before a
  department or a health service name the setting.
"""

import re

from .names import forenames
from .patterns import prefilter_patterns
from .span_index import SpanIndex
from .vocabulary import COMMON_CAPITALISED, GENERIC_SERVICE_WORDS

# Short names that name one hospital wherever they are written (two words or an unusual word).
DISTINCT_HOSPITALS = (
    "Alder Hey",
    "Addenbrooke's",
    "Addenbrookes",
    "Ninewells",
    "Altnagelvin",
    "Bronglais",
    "Glangwili",
    "Glan Clwyd",
    "Ysbyty Gwynedd",
    "Wrexham Maelor",
    "Withybush",
    "Morriston Hospital",
    "Nevill Hall",
    "Royal Gwent",
    "Royal Glamorgan",
    "Great Ormond Street",
    "Evelina",
    "Whittington",
    "Northwick Park",
    "Royal Stoke",
    "Salford Royal",
    "Royal Oldham",
    "Royal Bolton",
    "Royal Blackburn",
    "Royal Preston",
    "Royal Derby",
    "Royal Shrewsbury",
    "Royal Cornwall",
    "Royal Devon",
    "Royal Berkshire",
    "Royal Surrey",
    "Royal Sussex",
    "Royal Hampshire",
    "Royal Lancaster",
    "Royal Albert Edward",
    "Royal Hallamshire",
    "Royal London",
    "Royal Free",
    "Royal Alexandra",
    "Sunderland Royal",
    "Huddersfield Royal",
    "Calderdale Royal",
    "Gloucestershire Royal",
    "Doncaster Royal",
    "Chesterfield Royal",
    "Russells Hall",
    "Stepping Hill",
    "Wythenshawe",
    "Pinderfields",
    "Arrowe Park",
    "Countess of Chester",
    "Frimley Park",
    "Stoke Mandeville",
    "John Radcliffe",
    "Musgrove Park",
    "Derriford",
    "Treliske",
    "Southmead",
    "Heartlands Hospital",
    "Glenfield Hospital",
    "Jessop Wing",
    "Northern General",
    "Sheffield Children's",
    "Birmingham Children's",
    "Manchester Children's",
    "Manchester childrens",
    "Leeds General",
    "Watford General",
    "Northampton General",
    "Kettering General",
    "Newham General",
    "Fairfield General",
    "Tameside General",
    "Wishaw General",
    "Western General",
    "Raigmore",
    "Crosshouse",
    "Hairmyres",
    "Monklands",
    "Gartnavel",
    "Forth Valley Royal",
    "Sick Kids",
    "Sandyford",
    "Antrim Area",
    "Craigavon Area",
    "Daisy Hill Hospital",
    "Ulster Hospital",
    "Royal Victoria Infirmary",
    "King's Mill",
    "Ida Darwin",
    "North Middlesex",
    "North Mid",
    "Blackpool Vic",
    "Jenny Lind",
    # (helper anon9: more of the country's hospitals by the names families and staff use)
    "Whipps Cross",
    "Luton and Dunstable",
    "Liverpool Women's",
    "Birmingham Women's",
    "Royal Manchester Children's",
    "Bristol Children's",
    "Royal Aberdeen Children's",
    "Royal Alexandra Children's",
    "Noah's Ark",
    "Heartlands Hospital",
    "Good Hope Hospital",
    "Queen Elizabeth Hospital",
    "Queen Elizabeth University",
    "Leicester Royal",
    "Hull Royal",
    "Royal Liverpool",
    "Bradford Royal",
    "Aberdeen Royal",
    "Worcestershire Royal",
    "Royal United",
    "Royal Bournemouth",
    "Royal Jubilee",
    "Royal Papworth",
    "Bristol Royal Infirmary",
    "Leeds General Infirmary",
    "Cumberland Infirmary",
    "New Cross Hospital",
    "Manor Hospital",
    "Walsgrave",
    "Booth Hall",
    "Broadgreen",
    "Croydon University",
    "Princess Royal",
    "Princess of Wales",
    "Queen Alexandra",
    "Medway Maritime",
    "Darent Valley",
    "William Harvey",
    "Wexham Park",
    "Chase Farm",
    "James Paget",
    "James Cook",
    "Darlington Memorial",
    "Furness General",
    "Airedale",
    "Scunthorpe General",
    "Cheltenham General",
    "Colchester General",
    "Southampton General",
    "Harrogate District",
    "Salisbury District",
    "Eastbourne District",
    "Peterborough City",
    "Hinchingbrooke",
    "Pilgrim Hospital",
    "Borders General",
    "Victoria Hospital",
    "Musgrave Park",
    "Causeway Hospital",
    "Singleton Hospital",
    "Prince Charles Hospital",
    "Grange University",
    "University Hospital of Wales",
    "Ysbyty Glan Clwyd",
)
# Initials that name one hospital (written in capitals, as a word of their own).
HOSPITAL_INITIALS = (
    "QMC RVI LGI BRI HRI CUH UHW RHCYP QEUH RMCH GOSH N&N NNUH L&D UCLH UCH RLH RFH LRI ARI RIE RHSC RHC JCUH "
    "NUH QEHB BCH WGH RBHSC RAEI QEH RJMH BRHC RLI FGH LWH BWH DRI RPH RUH UHCW UHNM QAH QEQM NMUH GRI RAH"
).split()
# Short names that are also a person's name, an everyday word or a district: a hospital only where the
# sentence speaks of health care, and (for the first group) only after "the".
AFTER_THE_HOSPITALS = (
    "Royal",
    "royal",
    "London",
    "Heath",
    "Whit",
    "Cal",
    "Vic",
    "General",
    "Infirmary",
    "Alex",
    "Royal Victoria",
    "Freeman",
    "Queen Elizabeth",
    "QE",
    "Penn Hospital",
    "Mater",
    "Jessop",
    "Children's",
    "Women's",
    "Barberry",
)
IN_CARE_HOSPITALS = (
    "King's",
    "Queen's",
    "King George",
    "St Mary's",
    "St Mary 's",
    "St John's",
    "St Thomas'",
    "Tommy's",
    "Lister",
    "Homerton",
    "Barts",
    "Newham",
    "City Hospital",
    "Hillingdon",
    "Bedford Hospital",
    "Jimmy's",
    "Ormskirk",
    "Broomfield",
    "Heartlands",
    "Whiston",
    "Cefn Coed",
    "Aintree",
    "Sandwell",
    "Basildon",
    "Singleton",
    "Morriston",
    "Whipps",
    "Fazakerley",
    "St George's",
    "St Helier",
    "St James's",
    "Kingston Hospital",
    "Lewisham",
    "Yeovil",
    "Torbay",
    "Stepping Hill",
    "Macclesfield",
    "Warrington",
    "Wansbeck",
    "Cramlington",
    "Selly Oak",
)

HEALTH_CARE_RE = re.compile(
    r"(?i:\b(?:hospital|A&E|ED|emergency|ward|admitted|admission|discharged?|born|birth|delivered|paediatric\w*|"
    r"maternity|antenatal|midwi\w+|neonatal|NICU|PICU|SCBU|clinic|consultant|ambulance|conveyed|transferred|"
    r"fracture\w*|x-ray|scan|surgery|surgical|injur\w+|burn|scald|overdose|attendances?|attended|treated|"
    r"seen at|nurse|doctor|healthcare|health|medical|safeguarding alert|UTC|minor injuries|dermatology|"
    r"therapies|CAMHS|SARC|sexual health|check|checks|physio\w*|setting)\b)"
)

# A department or service the setting before it is visited for: the name before is the setting, and the
# service stays out ("Calderdale Royal ED"), except where the service is part of the setting's name
# ("Greenwich CAMHS", "Hazelwood SARC", "Werneth clinic").
SERVICE_OUTSIDE = (
    r"(?:ED|A&E|AE|UTC|MIU|PICU|NICU|SCBU|walk-in|walk in|minor injuries|antenatal|maternity|paediatric|"
    r"children's ward|children's therapies|fracture clinic|sexual health|community dental|dental service|"
    r"child development centre)"
)
SERVICE_INSIDE = r"(?:CAMHS|SARC|clinic)"
# (an agency's name goes on after the hospital's: "Birmingham Children's Trust", "St Thomas' NHS Foundation
# Trust", "Manchester Children's Advice and Support Service")
AGENCY_AFTER_RE = re.compile(
    r"[ \t]+(?:(?:and|&)[ \t]+[A-Z][\w'’]+(?:[ \t]+[A-Z][\w'’]+)?[ \t]+)?"  # ("... Women's and Children's NHS")
    r"(?:Trust|NHS|Advice|Services?|Partnership|Foundation)\b"
)
# (a lone word before "clinic" names a setting only after a preposition: "at Werneth clinic", not "Missed clinic")
LONE_CLINIC_BEFORE_RE = re.compile(r"\b(?:at|to|from|in|into|via)[ \t]+$")
NAME_WORD = r"(?:[A-Z][a-z][\w'’-]*|St|Royal|[A-Z]{2,5})"
NAME_BEFORE_SERVICE_RE = re.compile(
    rf"(?<![\w'’-])((?:The[ \t]+)?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}})"
    rf"(?:[ \t]+({SERVICE_INSIDE})|[ \t]+{SERVICE_OUTSIDE})\b"
)
NOT_A_SETTING_WORDS = frozenset(
    """The A An At To From In Into Her His Their Our My Your She He They We It This That Seen Attended Conveyed
    Taken Referred Admitted Treated Booked Open Known Local Community Council Social Police Health NHS Trust
    Children Child Mum Dad Mother Father Baby Paediatric Hospital Service Services Team Previous Next
    Emergency Department Safeguarding Specialist Sexual Consultant Dr Mr Mrs Ms Miss Nurse Sister Staff""".split()
)


def _alternation(names):
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


DISTINCT_RE = re.compile(rf"(?<![\w'’-])(?:the[ \t]+|The[ \t]+)?(?:{_alternation(DISTINCT_HOSPITALS)})(?![\w'’-])")
INITIALS_RE = re.compile(rf"(?<![\w&'’/.-])(?:the[ \t]+)?(?:{_alternation(HOSPITAL_INITIALS)})(?![\w&'’/-])")
# (no capitalised word after but a department: "the Royal Mail", "the London Borough of Newham" are no hospital)
AFTER_THE_RE = re.compile(
    rf"(?<![\w'’-])[Tt]he[ \t]+(?:{_alternation(AFTER_THE_HOSPITALS)})(?![\w'’-])(?![ \t]+(?!ED\b|A&E\b|PED\b)[A-Z])"
)
IN_CARE_RE = re.compile(rf"(?<![\w'’-])(?:the[ \t]+)?(?:{_alternation(IN_CARE_HOSPITALS)})(?![\w-])")
OTHER_KIND_AFTER_RE = re.compile(
    r"[ \t]+(?:Road|Street|Lane|Avenue|Close|Park|Field|School|Primary|College|Church|Academy|C of E|RC|"
    r"Catholic|Nursery|House|Court|Way|Drive|Place|Square|Gardens)\b"
)


def known_hospital_finds(text):
    """Real hospitals by the short names and initials in common use."""
    found = []
    for m in DISTINCT_RE.finditer(text):
        if not AGENCY_AFTER_RE.match(text, m.end()):  # "Birmingham Children's Trust": an agency
            found.append((m.start(), m.end(), "HEALTH_SETTING", "rule"))
    for m in INITIALS_RE.finditer(text):
        found.append((m.start(), m.end(), "HEALTH_SETTING", "rule"))
    for m in AFTER_THE_RE.finditer(text):
        if _about_health_care(text, m.start(), m.end()):
            found.append((m.start(), m.end(), "HEALTH_SETTING", "rule"))
    for m in IN_CARE_RE.finditer(text):
        if OTHER_KIND_AFTER_RE.match(text, m.end()) or AGENCY_AFTER_RE.match(text, m.end()):
            continue  # "King's Road", "St Mary's School", "St Thomas' NHS Foundation Trust"
        if _about_health_care(text, m.start(), m.end()):
            found.append((m.start(), m.end(), "HEALTH_SETTING", "rule"))
    return found


def service_setting_finds(text):
    """A setting named before the department or service it is visited for."""
    found = []
    for m in NAME_BEFORE_SERVICE_RE.finditer(text):
        words = m.group(1).split()
        while words and (words[0] in NOT_A_SETTING_WORDS or words[0] in COMMON_CAPITALISED):
            words = words[1:]
        if not words or all(w.lower() in GENERIC_SERVICE_WORDS or w in NOT_A_SETTING_WORDS for w in words):
            continue
        name = " ".join(words)
        start = m.start(1) + m.group(1).index(words[0]) if words[0] != "The" else m.start(1)
        end = m.end(2) if m.group(2) else m.start(1) + len(m.group(1))
        if len(words) == 1 and not m.group(2):
            continue  # "Nottingham ED": a town's department; a hospital by one word is in the list above
        lone_clinic = len(words) == 1 and m.group(2) == "clinic"
        if lone_clinic and not LONE_CLINIC_BEFORE_RE.search(text, max(0, start - 6), start):
            continue
        if len(name) < 3:
            continue
        found.append((start, end, "HEALTH_SETTING", "rule"))
    return found


def _about_health_care(text, start, end, reach=90):
    """Whether the sentence around a span speaks of health care (its own line or sentence, `reach` characters
    either side)."""
    left = text[max(0, start - reach) : start]
    right = text[end : end + reach]
    left = re.split(r"[.!?\n](?:\s|$)|\n", left)[-1]
    right = re.split(r"[.!?](?:\s|$)|\n", right)[0]
    return HEALTH_CARE_RE.search(left + " " + right) is not None or HEALTH_CARE_RE.search(text[start:end]) is not None


# Towns, cities, counties, boroughs and districts a record names beside its people: a word found alone as a
# person that is one of them is the place ("Lime Trees CAMHS, York", "moved back to Bristol", "Kent placed
# him"), unless the passage also names someone with it ("Mr Kent", "Rhys Durham").
TOWNS = frozenset(
    """Aberdeen Aberystwyth Avon Barnet Barnsley Basildon Bath Bedford Belfast Bexley Birmingham Blackburn
    Blackpool Bolton Bournemouth Bradford Brent Brighton Bristol Bromley Burnley Bury Camden Cardiff Carlisle
    Chelmsford Cheltenham Chester Chesterfield Colchester Coventry Crawley Croydon Cumbria Darlington Derby
    Derbyshire Devon Doncaster Dorset Dudley Dundee Durham Ealing Edinburgh Enfield Essex Exeter Gateshead Glasgow
    Gloucester Gloucestershire Greenwich Grimsby Gwynedd Hackney Halifax Hampshire Haringey Harlow Harrow Hartlepool
    Havering Hertfordshire Hillingdon Hounslow Huddersfield Hull Inverness Ipswich Islington Kent Kirklees Knowsley
    Lambeth Lancashire Leeds Leicester Leicestershire Lewisham Limerick Lincoln Lincolnshire Liverpool Llanelli
    London Londonderry Luton Manchester Medway Merton Middlesbrough Milton Newcastle Newham Newport Norfolk
    Northampton Northamptonshire Norwich Nottingham Nottinghamshire Oldham Oxford Oxfordshire Paisley Peterborough
    Plymouth Portsmouth Preston Reading Redbridge Rochdale Romford Rotherham Salford Sandwell Sheffield Shropshire
    Skye Slough Solihull Somerset Southampton Southend Southwark Stockport Stockton Stoke Suffolk Sunderland Surrey
    Sussex Sutton Swansea Swindon Tameside Telford Thurrock Torbay Trafford Trent Tyneside Wakefield Walsall
    Waltham Wandsworth Warrington Warwickshire Watford Westminster Wigan Wiltshire Wirral Wolverhampton Worcester
    Wrexham York Yorkshire""".split()
)
# the agency or part of a council's service a town's name begins ("Westminster YOS", "Croydon CSC", "Leeds
# Children's Services", "Somerset Direct", "Leeds North"): never a person
TOWN_AGENCY_TAIL_RE = re.compile(
    r"[ \t]+(?:YOS|YJS|LADO|CSC|MASH|CAMHS|SPA|EDT|Direct|Children(?:['’]s)?|North|South|East|West|Central|"
    r"Council|Police|Social|Services?)\b"
)


# (bound once: a word at a time, too short for a prefilter to pay)
_without_possessive = re.compile(r"['’]s$").sub
_without_possessive_or_s = re.compile(r"['’]s?$").sub


def without_towns_as_people(text, found, titled_before):
    """Drop a person found as one word that is a town, county or borough, or as a town and the agency its name
    begins, unless the passage names someone with that word too. `titled_before(start)` says whether a title
    stands before a span ("Mrs Durham")."""
    # (someone named with the word: a longer person with a listed forename in it, not inside a setting
    # found - "Blackpool Vic" is a hospital, "Brent River" a college's, "East Kent" a district)
    first = forenames()[0]
    settings = [(s, e) for s, e, kind, *_ in found if kind in ("SCHOOL", "HEALTH_SETTING", "PLACE", "ADDRESS")]
    named_settings = [(s, e) for s, e, kind, *_ in found if kind in ("SCHOOL", "HEALTH_SETTING", "PLACE")]
    setting_index = SpanIndex(settings)
    people_words = set()
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        words = [_without_possessive("", w) for w in text[start:end].split()]
        if (
            len(words) > 1
            and any(w in first and w not in TOWNS for w in words)
            and not (setting_index.contains(start) or setting_index.starts_within(start, end))
        ):
            people_words.update(words)
    kept = []
    for item in found:
        start, end, kind = item[:3]
        if kind == "PERSON":
            words = text[start:end].split()
            town = _without_possessive_or_s("", words[0]) if words else ""
            agency = len(words) > 1 and TOWN_AGENCY_TAIL_RE.match(" " + " ".join(words[1:]))
            if (
                town in TOWNS
                # ("Skye", "Lincoln", "Kent" alone may be forenames; "Kent MASH" is not)
                and ((len(words) == 1 and town not in first) or agency)
                and town not in people_words
                and not titled_before(start)
                # ("Colchester Custody", "St Joseph's, Luton": a word of the place's own name or its district)
                and not any(0 <= s - end <= 1 for s, e in settings)
                and not any(0 <= start - e <= 2 for s, e in named_settings)
            ):
                continue
        kept.append(item)
    return kept


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
