"""Names found from how a document is laid out rather than from the words themselves: the columns of a tab-
or pipe-separated table (a column that holds names holds names in every row), the speakers of a transcript
or of minutes ("JL:", "[21:04] Kayla:"), the people in e-mail headers, and initials a document defines
("Joanne Lister (JL)") wherever they are used after."""

import re

from .patterns import prefilter_patterns
from .vocabulary import ACRONYMS, COMMON_CAPITALISED, NOT_PERSON_WORDS, ORG_TAIL_WORDS, ROMAN_NUMERALS

PERSON_HEADER_RE = re.compile(
    r"\b(?:names?|officers?|persons?|people|contacts?|attendees?|workers?|staff|sender|from|author|by|seen|"
    r"practitioners?|professionals?|carers?|parents?|child|children|subject|victim|suspect|who|member|"
    r"young person|pupil|patient|reported by|recorded by|allocated|lead|witness|associate|nominal|oic|initials|"
    r"reviewer|assessor|handler|attending|logged|signed)\b",
    re.I,
)
PLACE_HEADER_RE = re.compile(r"\b(?:location|place|venue|where|setting|found at|seen at)\b", re.I)
AGE_HEADER_RE = re.compile(r"^\s*(?:age|aged|age at (?:incident|referral|death|the time))\s*(?:\(.*\))?\s*$", re.I)
AGE_CELL_RE = re.compile(r"\d{1,2}(?:\.\d)?(?:[ \t]*(?:y|yrs?|years?|y/o|yo|m|mths?|months?|w|wks?|weeks?))?", re.I)
ADDRESS_HEADER_RE = re.compile(r"\baddress\b", re.I)
SCHOOL_HEADER_RE = re.compile(r"\bschool\b", re.I)
TITLE_WORD_RE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|DCI|PC|PS|PCSO|Sgt|Insp|Cllr|Prof|Rev)\.?[ \t]+")
CELL_WORD = r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*"
CELL_NAME_RE = re.compile(rf"(?:[A-Z]\.[ \t]*){{0,2}}{CELL_WORD}(?:[ \t]+(?:[A-Z]\.?[ \t]+)?{CELL_WORD}){{0,2}}")
NOT_NAME_CELL_WORDS = frozenset(
    """Unknown Not None Nil No Yes Words Referral Missing Found Advice Action Further Closed Open Returned Home
    Mother Father Mum Dad Self Anonymous Member Public Caller Neighbour School Police Social Care Team Duty
    Officer Ambulance Hospital Telephone Phone Call Visit Email Letter Text Meeting Strategy Section Arrested
    Charged Released Bail Custody Cautioned Community Resolution Other See Above Below Total""".split()
)
ROLE_ABBREVIATIONS = frozenset(
    """SW DSL HV TA IDVA ISVA YOT YOS GP ED AE SENCO DDSL CP CIN LAC CLA IRO LADO MASH CAMHS PC DC DS DI DCI
    PCSO OIC SIO FLO NHS CSC EH FSW PA SGO ICPC RCPC CPC TAC TAF DV DA NFA NB PS UK CCTV ASB CSE CCE""".split()
)
SPEAKER_RE = re.compile(
    r"^[ \t>]*(\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[:.]\d{2}(?:[ \t]*[ap]m)?[ \t]*[-–,]?[ \t]*|-[ \t]*)?"
    r"((?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]*:(?![\d/])",
    re.M,
)
HEADER_LINE_RE = re.compile(
    r"^[ \t>]*(?:From|To|Cc|Bcc|Sender|Recipient|Author|Signed|Completed by|Prepared by|Present|Attendees|"
    r"Apologies|Attendance|In attendance|Attending|Members present|Also present|Invited)[ \t]*:[ \t]*(.+)$",
    re.M | re.I,
)
DEFINED_INITIALS_RE = re.compile(r"[a-z][ \t]+\(([A-Z][A-Z'’]{1,3}[A-Z]?)\)")
INITIALS_WORD_RE = re.compile(r"(?<![\w'’])([A-Z][A-Z'’]{1,3}[A-Z]?)(?![\w'’])")


def _word_ok(word):
    return word not in COMMON_CAPITALISED and word not in NOT_PERSON_WORDS and word not in ORG_TAIL_WORDS


def _cell_name(text, start, end):
    """The name at the start of a table cell ("PC Danny Whitlock", "Mercy Adjei (mother)"), or None."""
    cell = text[start:end]
    lead = len(cell) - len(cell.lstrip())
    position = start + lead
    title = TITLE_WORD_RE.match(text, position, end)
    if title:
        position = title.end()
    m = CELL_NAME_RE.match(text, position, end)
    if not m:
        return None
    rest = text[m.end() : end].strip()
    if rest and not rest.startswith(("(", ",", "-", "–", "/", "&")):
        return None  # a sentence or a phrase, not a name
    words = re.findall(r"[A-Za-z'’-]+", m.group())
    if any(w in NOT_NAME_CELL_WORDS or not _word_ok(w) for w in words):
        return None
    return m.start(), m.end()


def tables(text):
    """Each table as a list of rows, each row a list of (start, end) cells: consecutive lines with the same
    separator (two or more '|', or a tab) and the same number of cells."""
    rows, current, separator = [], [], None
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        sep = "|" if line.count("|") >= 2 else "\t" if "\t" in line.strip() else None
        cells = []
        if sep:
            offset = start
            for piece in line.split(sep):
                cells.append((offset, offset + len(piece)))
                offset += len(piece) + 1
            if sep == "|" and line.lstrip().startswith("|"):
                # "| a | b |": the pipes at both ends frame the row; "a | b |" ends with an empty cell
                cells = [
                    c for i, c in enumerate(cells) if not (i in (0, len(cells) - 1) and not text[c[0] : c[1]].strip())
                ]
            if all(set(text[a:b].strip()) <= set("-: ") for a, b in cells):
                continue  # the |---|---| line under a header
        if sep and current and sep == separator and len(cells) == len(current[-1]):
            current.append(cells)
            continue
        if len(current) >= 2:
            rows.append(current)
        current, separator = ([cells], sep) if sep else ([], None)
    if len(current) >= 2:
        rows.append(current)
    return rows


def table_finds(text, found_people):
    """(start, end, type, source) for the cells of columns that hold names or places."""
    people = set(found_people)
    for table in tables(text):
        header = table[0]
        header_is_names = not any(
            _cell_name(text, *cell) and (text[cell[0] : cell[1]].strip() in people) for cell in header
        )
        for column in range(len(header)):
            head = text[header[column][0] : header[column][1]] if header_is_names else ""
            cells = [row[column] for row in (table[1:] if header_is_names else table)]
            if (
                head
                and PLACE_HEADER_RE.search(head)
                or SCHOOL_HEADER_RE.search(head)
                and not PERSON_HEADER_RE.search(head)
            ):
                kind = "SCHOOL" if SCHOOL_HEADER_RE.search(head) else "PLACE"
                for a, b in cells:
                    value = text[a:b].strip()
                    if value[:1].isupper() and value.split()[0] not in NOT_NAME_CELL_WORDS:
                        lead = text[a:b].index(value)
                        yield a + lead, a + lead + len(value), kind, "rule"
                continue
            if head and AGE_HEADER_RE.search(head):  # a column headed "Age" holds ages: "14", "4 months"
                for a, b in cells:
                    value = text[a:b].strip()
                    if AGE_CELL_RE.fullmatch(value):
                        lead = text[a:b].index(value)
                        yield a + lead, a + lead + len(value), "AGE", "rule"
                continue
            names = [_cell_name(text, a, b) for a, b in cells]
            found_here = sum(1 for n in names if n and _overlaps_person(n, found_people))
            if (head and PERSON_HEADER_RE.search(head) and not ADDRESS_HEADER_RE.search(head)) or found_here >= 1:
                if sum(1 for n in names if n) * 2 < len(cells):
                    continue  # most cells are not names: a column of outcomes that happens to hold one
                for n in names:
                    if n:
                        yield n[0], n[1], "PERSON", "rule"


def _overlaps_person(span, found_people):
    return any(s < span[1] and span[0] < e for s, e in found_people)


def speaker_finds(text):
    """Speakers of a transcript or of minutes: a label at the start of two or more lines ("Kayla:",
    "JL:"), or once when it is a listed name."""
    from .names import forenames, surnames

    labels, stamped = {}, set()
    for m in SPEAKER_RE.finditer(text):
        labels.setdefault(m.group(2), []).append(m.span(2))
        if m.group(1) and m.group(1)[0] in "[0123456789":
            stamped.add(m.group(2))  # "[21:04] Kayla:": a timestamped message line
    first, last = forenames()[0], surnames()[0]
    transcript = any(len(labels[label]) >= 2 for label in stamped)
    for label, spans in labels.items():
        words = label.split()
        if transcript and label in stamped and len(spans) >= 2 and _nickname_label(words):
            # "[22:14] Big T: u dey come?": a sender of a timestamped thread named by a nickname
            for m in re.finditer(rf"(?<![\w'’]){re.escape(label)}(?![\w'’])", text):
                yield m.start(), m.end(), "OTHER", "rule"
            continue
        if any(not _word_ok(w) or w.rstrip(".").lower() in LABEL_WORDS for w in words):
            continue
        initials = label.isupper() and len(words) == 1
        if initials and (label in ROLE_ABBREVIATIONS or label in ACRONYMS or len(label) > 4 or len(label) < 2):
            continue  # "M:" is the review's pseudonym for the child, "Q:" and "A:" an interview's turns
        in_transcript = transcript and label in stamped  # every sender of a timestamped thread
        if len(spans) >= 2 or in_transcript or (not initials and (words[0] in first or words[-1] in last)):
            for start, end in spans:
                yield start, end, "PERSON", "rule"
            if initials:  # "JL said she would": the speaker's initials in the body of the minutes
                for m in re.finditer(rf"(?<![\w'’]){re.escape(label)}(?![\w'’])", text):
                    yield m.start(), m.end(), "PERSON", "rule"


def _nickname_label(words):
    """'Big T', 'Lil Man J': two or three words, one of them a capital letter alone; not a role, a label or
    an agency."""
    if not 2 <= len(words) <= 3 or any(w.rstrip(".").lower() in LABEL_WORDS for w in words):
        return False
    if any(w in ROLE_ABBREVIATIONS or w in ACRONYMS or w in NOT_PERSON_WORDS or w in ORG_TAIL_WORDS for w in words):
        return False
    return any(len(w) == 1 and w.isupper() for w in words) and any(len(w) > 1 for w in words)


def header_finds(text):
    """The people named in e-mail and minutes headers: "From: Joanne Lister <...>", "Present: ..."."""
    for m in HEADER_LINE_RE.finditer(text):
        for part in re.finditer(r"[^,;<>()]+", m.group(1)):
            start, end = m.start(1) + part.start(), m.start(1) + part.end()
            if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
                continue  # "TR (Education)", "Joanne Lister (Social Worker)": a role or agency in brackets
            name = _cell_name(text, start, end)
            if name:
                yield name[0], name[1], "PERSON", "rule"


SIGN_OFF_RE = re.compile(
    r"^[ \t>]*(?:(?:Kind|Best|Warm|Many)[ \t]+(?:regards|wishes|thanks)|Regards|Thanks|Thank you|Cheers|Best|"
    r"Yours (?:sincerely|faithfully)|With thanks|Speak soon|Love)[ \t]*[,.!]?[ \t]*\n(?:[ \t>]*\n)?[ \t>]*(.+)$",
    re.M | re.I,
)
GREETING_RE = re.compile(
    r"(?:^|(?<=[\s\]>\"“]))(?:Dear|Hi|Hello|Hey|Morning|Afternoon|Evening|Thanks|Thank you|Cheers)[ \t]+"
    rf"((?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|Cllr)\.?[ \t]+)?{CELL_WORD}(?:[ \t]+{CELL_WORD})?)"
    r"(?=[ \t]*[,!.\n]|[ \t]+[-–])",
    re.M,
)


def letter_finds(text):
    """The person greeted ("Hi Tendai,", "Dear Dr Oyelaran") and the name under a sign-off ("Kind
    regards,\nJoanne Lister")."""
    for m in GREETING_RE.finditer(text):
        name = _cell_name(text, *m.span(1))
        if name:
            yield name[0], name[1], "PERSON", "rule"
    for m in SIGN_OFF_RE.finditer(text):
        name = _cell_name(text, m.start(1), m.end(1))
        if name:
            yield name[0], name[1], "PERSON", "rule"
        initials = re.fullmatch(r"([A-Z]{2,3})[ \t]*", m.group(1))
        if initials and initials.group(1) not in ROLE_ABBREVIATIONS:  # "Thanks,\nDM"
            yield m.start(1), m.start(1) + len(initials.group(1)), "PERSON", "rule"


def _initials_of_words_before(text, m):
    token = m.group(1)
    if token not in ACRONYMS:
        return True
    words = re.findall(r"[A-Z][\w'’-]*", text[max(0, m.start() - 60) : m.start() + 1])
    return "".join(w[0] for w in words[-len(token) :]) == token


def initials_finds(text):
    """Initials a document defines after a name ("Joanne Lister (JL)") stand for that person everywhere."""
    # "Police (CAIT)", "Ciara MacNamara (ISW)": an agency's or a role's abbreviation in brackets is no
    # person's initials, unless the words before it begin with its letters ("Mark Pettigrew (MP)")
    defined = {m.group(1) for m in DEFINED_INITIALS_RE.finditer(text) if _initials_of_words_before(text, m)}
    defined -= ROLE_ABBREVIATIONS
    defined = {d for d in defined if d not in COMMON_CAPITALISED}
    if not defined:
        return
    for m in INITIALS_WORD_RE.finditer(text):
        if m.group(1) in defined and not re.match(r"/[\w/]*\d", text[m.end(1) : m.end(1) + 12]):
            yield m.start(1), m.end(1), "PERSON", "rule"  # not "Our ref: IF/LR/0442"


LABEL_WORDS = frozenset(
    """date time present apologies subject from to cc bcc sent re note notes action actions outcome agenda item
    minutes chair address tel telephone email e-mail mobile phone name dob nhs patient child mother father
    decision decisions summary plan reason location officer ref reference school gp consultant ward diagnosis
    background concern concerns update risk risks analysis recommendation recommendations response agency
    attendees attendance comments comment category type status source category details detail description
    outcome outcomes signed completed review reviewed next follow-up follow result results key learning
    question answer q a attachments attachment importance priority venue meeting purpose discussion points
    point issue issues known alert alerts allergies medication medications presenting complaint history
    examination impression management discharge admitted discharged admission notes plan safeguarding
    present incident offence offences sentence court hearing bail nationality religion ethnicity language
    interpreter occupation relationship age sex gender dob d.o.b tel.no fax web website url www
    mon tue wed thu fri sat sun today yesterday""".split()
)


# Initials nobody defines ("YD said", "logged by KM", "Attendance: DM (Chair), SK (Police)"): two or three
# capitals written where a person stands make those initials a person's wherever they appear. Agencies and
# other abbreviations (ACRONYMS), an abbreviation spelt out in brackets ("ISW (independent social worker)")
# and anything after an article ("the LADO said") are not people.
INITIALS_TOKEN_RE = re.compile(r"(?<![\w'’&/.-])([A-Z]{2,3})(?![\w&/-]|['’](?!s\b)|\.\w)")
ARTICLE_BEFORE_RE = re.compile(
    r"(?:\b(?:the|a|an|this|these|those|our|their|his|her|its|each|any|every|no|per|local|new)|[£$#])[ \t]*$",
    re.I,
)
PERSON_VERB_AFTER_RE = re.compile(
    r"(?:['’]s[ \t]+[a-z]"  # "AB's mental health"
    r"|[ \t]+from[ \t]+(?:the[ \t]+)?[a-z]"  # "MJ from the health visiting team"
    r"|[ \t]+(?:said|says|reported|reports|agreed|agrees|asked|told|explained|stated|confirmed|advised|noted|"
    r"raised|felt|feels|thought|thinks|shared|suggested|queried|added|replied|responded|gave|gives|did|does|"
    r"attended|lives|lived|left|accepted|accepts|admitted|denied|denies|disclosed|described|wrote|will|would|"
    r"could|went|came|phoned|rang|visited|spoke|met|recorded|logged|completed|chaired|presented|summarised|"
    r"welcomed|offered|declined|refused|wanted|wants|expressed|highlighted|requested|outlined|clarified|"
    r"acknowledged|emphasised|commented|observed|saw|heard|knew|believes|believed|worried|cannot|can't|were|are|"
    r"couldn't|wouldn't|didn't|doesn't|isn't|wasn't|and (?:I|we)|has (?:been|not|had|said|told|asked|agreed)|"
    r"had (?:been|not|said|told|asked|agreed|seen|spoken)|was (?:not|asked|told|seen|present|unable|aware|"
    r"concerned|worried|clear|happy)|is (?:not|to|the|a|aware|concerned|worried|clear|happy|unable)|to (?:visit|"
    r"contact|speak|call|complete|share|update|send|arrange|liaise|follow|check|chase|refer|write|make|"
    r"convene|book|ask|discuss|review|meet|provide|email|phone|invite|request|seek|consider|inform|escalate))\b)"
)
PERSON_BEFORE_RE = re.compile(
    r"(?:\b(?:by|Chair|Chaired by|Minutes by|refer(?:red)? to (?:[\w'’-]+[ \t]+){0,4}?as|known as|"
    r"(?:mother|father|mum|dad|partner|boyfriend|girlfriend|grandmother|grandfather|aunt|uncle|brother|sister|"
    r"stepfather|stepmother|carer|husband|wife|son|daughter|grandmother|grandfather)(?: (?:is|was)|,)|Dear|Hi|"
    r"Thanks|Action(?:s)?|Owner|"
    r"(?:worker|manager|officer|nurse|teacher|visitor|practitioner|chair|adviser|advisor|coordinator|mentor|"
    r"midwife|doctor|consultant|therapist|psychologist|guardian|solicitor|counsel|interpreter|SENCO|DSL),|"
    r"Lead)[ \t]*[:,]?|\bPresent:?)[ \t]+$"
)
BRACKET_AFTER_RE = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
LINE_START_LABEL_RE = re.compile(
    r"(?:^|\n)[ \t>*•-]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[:.]\d{2}(?:[ \t]*[ap]m)?[ \t]*[-–,]?[ \t]*)?$"
)
LABEL_AFTER_RE = re.compile(r"[ \t]*(?::(?![\d/])|[ \t][-–][ \t])")
LIST_HEADER_RE = re.compile(
    r"^[ \t>]*(?:Present|Attendees|Apologies|Attendance|In attendance|Attending|Members present|Also present|"
    r"Invited|Distribution|Circulation)[ \t]*:[ \t]*(.+)$",
    re.M | re.I,
)


INITIALS_PAIR_RE = re.compile(
    r"(?<![\w'’&/.-])(?=([A-Z]{2,3})(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)([A-Z]{2,3})(?![\w&/-]))"
)


def _initials_ok(token):
    return (
        token not in ACRONYMS
        and token not in ROLE_ABBREVIATIONS
        and token not in ROMAN_NUMERALS
        and token not in COMMON_CAPITALISED
        and token.title() not in COMMON_CAPITALISED  # "IN", "TO", "AT", "HE" in a heading
        and token.lower() not in LABEL_WORDS
    )


def _shouted(text, position):
    """True inside a line written in capitals (a heading, a passage all in capitals): every word there
    looks like initials."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) * 10 > len(letters) * 6


def _spells(token, words):
    """'ISW (independent social worker)': the words in brackets spell the abbreviation out."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", words) if w.lower() not in ("and", "of", "for"))
    return initials.upper().startswith(token) or token in words


def undefined_initials_finds(text):
    """(start, end, "PERSON", "rule") for every use of initials that stand where a person stands."""
    if not INITIALS_TOKEN_RE.search(text):
        return
    people, uses = set(), []
    for m in INITIALS_TOKEN_RE.finditer(text):
        token = m.group(1)
        if not _initials_ok(token) or ARTICLE_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if _shouted(text, m.start()):
            continue
        uses.append(m.span(1))
        if token in people:
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        bracket = BRACKET_AFTER_RE.match(text, m.end())
        if (
            PERSON_VERB_AFTER_RE.match(text, m.end())
            or PERSON_BEFORE_RE.search(before)
            or (LINE_START_LABEL_RE.search(before) and LABEL_AFTER_RE.match(text, m.end()))
            or (bracket and re.search(r"[A-Za-z]", bracket.group(1)) and not _spells(token, bracket.group(1)))
        ):
            people.add(token)
    for m in LIST_HEADER_RE.finditer(text):  # "Present: DM (Chair), SK, LH"
        for item in re.finditer(r"[^,;]+", m.group(1)):
            first = re.match(r"[ \t]*(?:and[ \t]+)?([A-Z]{2,3})(?=$|[ \t]*[(–-]|[ \t]*$)", item.group())
            if first and _initials_ok(first.group(1)):
                people.add(first.group(1))
    for table in tables(text):  # a column of initials under a header such as "Logged by", "Staff", "Worker"
        header = table[0]
        for column, (a, b) in enumerate(header):
            if not PERSON_HEADER_RE.search(text[a:b]) or ADDRESS_HEADER_RE.search(text[a:b]):
                continue
            for row in table[1:]:
                value = text[row[column][0] : row[column][1]].strip()
                if re.fullmatch(r"[A-Z]{2,3}", value) and _initials_ok(value):
                    people.add(value)
    for _ in range(2):  # "AB and CD were present", "YD, WN and RB agreed": initials listed with a person's
        for m in INITIALS_PAIR_RE.finditer(text):
            pair = {m.group(1), m.group(2)}
            if pair & people and all(_initials_ok(t) for t in pair):
                people |= pair
    for start, end in uses:
        if text[start:end] in people:
            yield start, end, "PERSON", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py
