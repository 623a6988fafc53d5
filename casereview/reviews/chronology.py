"""Agencies' chronologies: reading a CSV or XLSX file, checking every row, merging agencies' entries,
spotting the same event recorded twice, and the facts reviews keep counting by hand.

Plain Python (no Django): the reviews services store what this returns.
"""

import csv
import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from rapidfuzz import fuzz, process

from casereview.core import uploads

COLUMNS = ["date", "time", "date precision", "event type", "description", "practitioner role", "source reference"]
REQUIRED_COLUMNS = ["date", "event type", "description"]
PRECISIONS = {
    "": "exact",
    "exact": "exact",
    "month": "month",
    "approximate": "approximate",
    "approx": "approximate",
    "approx.": "approximate",
}
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000

# Event types with a meaning the derived facts rely on, and the words agencies use for them.
SOCIAL_WORKER_ALLOCATED = "Social worker allocated"
PLACEMENT_START = "Placement start"
MISSING_EPISODE = "Missing episode"
SCHOOL_MOVE = "School move"
EVENT_TYPES = {
    SOCIAL_WORKER_ALLOCATED: [
        "social worker allocated",
        "allocation",
        "new social worker",
        "change of social worker",
        "social worker change",
        "allocated social worker",
        "case allocated",
    ],
    PLACEMENT_START: [
        "placement start",
        "placement",
        "new placement",
        "placement move",
        "placement change",
        "moved placement",
    ],
    MISSING_EPISODE: ["missing episode", "missing", "missing from care", "missing from home", "missing person report"],
    SCHOOL_MOVE: ["school move", "new school", "school change", "school transfer", "change of school"],
    "Home visit": ["home visit", "visit"],
    "Meeting": ["meeting", "strategy meeting", "strategy discussion", "professionals meeting"],
    "LAC review": ["lac review", "looked after review", "child looked after review"],
    "Assessment": ["assessment"],
    "Referral": ["referral", "contact"],
    "Police incident": ["police incident", "incident", "crime report"],
    "Health appointment": ["health appointment", "health assessment", "gp appointment"],
    # An emergency attendance is not an appointment: a reviewer looking for injuries looks for these.
    "Hospital attendance": [
        "hospital attendance",
        "a&e attendance",
        "a and e attendance",
        "emergency department attendance",
        "ed attendance",
    ],
    "Other": ["other"],
}
_SYNONYMS = {
    synonym: canonical for canonical, synonyms in EVENT_TYPES.items() for synonym in synonyms + [canonical.lower()]
}
MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


class ChronologyFileError(Exception):
    """The file as a whole cannot be read; the message says what to do."""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self):
        return f"Row {self.row}, {self.column}: {self.message}"


@dataclass
class Row:
    row: int
    event_date: date
    event_time: time | None
    date_precision: str
    event_type: str
    description: str
    practitioner_role: str = ""
    source_reference: str = ""
    # the type as the agency wrote it, when it was filed under one of the chronology's own types
    as_sent: str = ""

    @property
    def sort_date(self):
        return sort_date_for(self.event_date, self.date_precision)

    @property
    def filed_from(self):
        """The agency's own type when it was filed under another of the chronology's types; None when the type
        is its own (one differing only in its capitals, "home visit", is its own)."""
        if self.as_sent and self.as_sent.casefold() != self.event_type.casefold():
            return self.as_sent
        return None


@dataclass
class ParsedChronology:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def sort_date_for(day, precision):
    """Month-only dates sort in the middle of their month, so they fall among that month's exact events
    rather than before all of them."""
    return day.replace(day=15) if precision == "month" else day


def canonical_event_type(text):
    cleaned = " ".join(text.split()).strip()
    return _SYNONYMS.get(cleaned.lower(), cleaned)


def _parse_date(value, precision, today):
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        raise ValueError("enter the date")
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    month_year = re.fullmatch(r"(?:(\d{1,2})[/-](\d{4}))|(?:(\d{4})-(\d{1,2}))|(?:([A-Za-z]+)\s+(\d{4}))", text)
    if month_year and precision != "exact":
        groups = month_year.groups()
        if groups[0]:
            month, year = int(groups[0]), int(groups[1])
        elif groups[2]:
            year, month = int(groups[2]), int(groups[3])
        else:
            month, year = MONTHS.get(groups[4].lower(), 0), int(groups[5])
        if 1 <= month <= 12:
            return date(year, month, 1)
    raise ValueError(
        f"'{text}' is not a date: write it as day/month/year, like 17/04/2014"
        + ("" if precision != "exact" else " (or set the date precision to 'month' for a month and year)")
    )


def _parse_time(value):
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    text = str(value).strip()
    for pattern in ("%H:%M", "%H.%M", "%H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).time()
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not a time: write it as hours:minutes, like 14:30")


def check_rows(records, *, today):
    """Check every row (a dict keyed by COLUMNS) and collect every problem: nothing is imported from a
    file with errors, so the agency fixes them all at once."""
    parsed = ParsedChronology()
    for number, record in records:
        errors_before = len(parsed.errors)
        raw_precision = str(record.get("date precision") or "").strip().lower()
        precision = PRECISIONS.get(raw_precision)
        if precision is None:
            parsed.errors.append(
                RowError(number, "date precision", f"'{raw_precision}' is not one of exact, month or approximate")
            )
            precision = "exact"
        event_date = event_time = None
        try:
            event_date = _parse_date(record.get("date"), precision, today)
            if event_date > today:
                parsed.errors.append(RowError(number, "date", f"{event_date:%d/%m/%Y} is in the future"))
        except ValueError as exc:
            parsed.errors.append(RowError(number, "date", str(exc)))
        try:
            event_time = _parse_time(record.get("time"))
        except ValueError as exc:
            parsed.errors.append(RowError(number, "time", str(exc)))
        as_sent = " ".join(str(record.get("event type") or "").split())
        event_type = canonical_event_type(as_sent)
        if not event_type:
            parsed.errors.append(RowError(number, "event type", "enter the type of event, for example 'Home visit'"))
        elif len(event_type) > 100:
            parsed.errors.append(RowError(number, "event type", "must be 100 characters or fewer"))
        description = " ".join(str(record.get("description") or "").split())
        if not description:
            parsed.errors.append(RowError(number, "description", "describe the event"))
        elif is_template_example(description):
            parsed.errors.append(
                RowError(number, "description", "this is the template's own example row: delete it from the file")
            )
        role = str(record.get("practitioner role") or "").strip()
        reference = str(record.get("source reference") or "").strip()
        for column, value in (("practitioner role", role), ("source reference", reference)):
            if len(value) > 200:
                parsed.errors.append(RowError(number, column, "must be 200 characters or fewer"))
        if len(parsed.errors) == errors_before:
            parsed.rows.append(
                Row(number, event_date, event_time, precision, event_type, description, role, reference, as_sent)
            )
    return parsed


def _header_map(header):
    normalised = [" ".join(str(h or "").strip().lower().replace("_", " ").split()) for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in normalised]
    if missing:
        raise ChronologyFileError(
            f"The file has no {', '.join(repr(c) for c in missing)} column. The first row must name the columns: "
            f"{', '.join(COLUMNS)}. Download the template to see the layout."
        )
    return {name: normalised.index(name) for name in COLUMNS if name in normalised}


def _records(rows, header_row_number=1):
    rows = iter(rows)
    try:
        header = next(rows)
    except StopIteration:
        raise ChronologyFileError(
            "The file is empty. Download the template, add your agency's events and upload it again."
        ) from None
    positions = _header_map(header)
    count = 0
    for offset, values in enumerate(rows, start=header_row_number + 1):
        values = list(values)
        if not any(str(v).strip() for v in values if v is not None):
            continue  # blank lines between events are harmless
        count += 1
        if count > MAX_ROWS:
            raise ChronologyFileError(f"The file has more than {MAX_ROWS:,} events. Split it into smaller files.")
        yield offset, {name: (values[i] if i < len(values) else None) for name, i in positions.items()}


NOT_A_SPREADSHEET = "The file must be a CSV or Excel (.xlsx) file"


def file_kind_problem(name, data):
    """Why this upload cannot be a chronology (NOT_A_SPREADSHEET), or None: its name must end .csv or .xlsx
    and its bytes must say the same — a Word file, a PDF or a program renamed .csv or .xlsx is refused at
    the upload form, before it is queued and read for columns it cannot have."""
    import zipfile

    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix not in ("csv", "xlsx"):
        return NOT_A_SPREADSHEET
    upload = uploads.as_file(data)
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    try:
        if suffix == "xlsx":
            if not head.startswith(b"PK\x03\x04"):
                return NOT_A_SPREADSHEET
            try:
                names = set(zipfile.ZipFile(upload).namelist())  # the directory only: nothing is inflated
            except (zipfile.BadZipFile, OSError, ValueError, EOFError):
                return NOT_A_SPREADSHEET
            return None if "xl/workbook.xml" in names else NOT_A_SPREADSHEET
        if head.startswith((b"PK\x03\x04", b"%PDF-", b"MZ", b"\x7fELF", b"\xd0\xcf\x11\xe0")) or b"\x00" in head:
            return NOT_A_SPREADSHEET
        return None
    finally:
        upload.seek(0)


def read_chronology_file(name, data, *, today):
    """Check a whole uploaded file. Raises ChronologyFileError when the file itself is unusable;
    otherwise returns the rows and every row's errors."""
    if not data:
        raise ChronologyFileError(
            "The file is empty. Download the template, add your agency's events and upload it again."
        )
    if len(data) > MAX_FILE_BYTES:
        raise ChronologyFileError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB. "
            f"Split it into smaller files."
        )
    if data[:4] == b"PK\x03\x04":
        return check_rows(_records(_xlsx_rows(data)), today=today)
    if data[:5] == b"%PDF-" or data[:2] == b"MZ" or data[:4] == b"\x7fELF" or b"\x00" in data[:4096]:
        raise ChronologyFileError(
            f"{name} is not a spreadsheet. Upload a CSV or Excel (.xlsx) file made from the template."
        )
    return check_rows(_records(_csv_rows(_decode(data))), today=today)


def _decode(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ChronologyFileError("The file's text could not be read. Save it as CSV UTF-8 and upload it again.")


def _xlsx_rows(data):
    try:
        contents = uploads.inspect_zip(io.BytesIO(data), max_inflated=MAX_UNCOMPRESSED_BYTES)
    except uploads.UnsafeZip as exc:
        if str(exc) == "damaged":
            raise ChronologyFileError(
                "The Excel file is damaged. Open it in Excel, save it again and upload it."
            ) from None
        raise ChronologyFileError(
            f"The spreadsheet cannot be opened safely: {exc}. Split it into smaller files."
        ) from None
    if "[Content_Types].xml" not in contents.names:
        raise ChronologyFileError(
            "The file is not an Excel workbook. Upload a CSV or .xlsx file made from the template."
        )
    if contents.with_dtd:
        raise ChronologyFileError(
            "The Excel file contains definitions Excel itself never writes (a document type declaration). "
            "Open it in Excel, save it again as .xlsx and upload it."
        )
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:
        raise ChronologyFileError("The Excel file could not be opened. Save it again as .xlsx and upload it.") from None
    try:
        # read-only sheets parse as they are read, so a broken sheet fails here, not in load_workbook
        yield from sheet.iter_rows(values_only=True)
    except ChronologyFileError:
        raise
    except Exception:
        raise ChronologyFileError("The Excel file could not be read. Save it again as .xlsx and upload it.") from None
    finally:
        workbook.close()


def _csv_rows(text):
    reader = csv.reader(io.StringIO(text))
    try:
        yield from reader
    except csv.Error:
        raise ChronologyFileError(
            f"Row {reader.line_num} has a cell longer than {csv.field_size_limit():,} characters, or a quotation "
            "mark that is never closed. Shorten the description or split it over several events."
        ) from None


# --- the merged chronology ---------------------------------------------------------------------------


# The events the derived facts count. Two agencies recording one of these on the same day describe it in
# their own words ("R missing from placement overnight; reported to police" and "Missing person report: R
# missing from care"), so a looser likeness of the text proposes them.
COUNTED_TYPES = frozenset({SOCIAL_WORKER_ALLOCATED, PLACEMENT_START, MISSING_EPISODE, SCHOOL_MOVE})


def find_duplicates(entries, *, threshold=85, counted_threshold=50):
    """Pairs of entries from different agencies on the same day whose descriptions read alike: likely
    the same event recorded twice. `entries` are objects with id, agency_id, sort_date, description and
    (optionally) event_type. Two entries of the same counted type (a missing episode, a placement) need only
    `counted_threshold`; any others `threshold`.

    Compares only within a day, each entry against the rest of its day in one rapidfuzz call, so 40,000
    rows cost seconds. token_sort_ratio, not token_set_ratio: the set variant calls any text that
    contains another "identical", which floods templated chronologies with false pairs."""
    by_day = defaultdict(list)
    for entry in entries:
        by_day[entry.sort_date].append(entry)
    lowest = min(threshold, counted_threshold)
    pairs = []
    for same_day in by_day.values():
        if len(same_day) < 2 or len({e.agency_id for e in same_day}) < 2:
            continue
        texts = [e.description.lower() for e in same_day]
        for i, first in enumerate(same_day[:-1]):
            matches = process.extract(
                texts[i], texts[i + 1 :], scorer=fuzz.token_sort_ratio, score_cutoff=lowest, limit=None
            )
            kind = getattr(first, "event_type", None)
            for _text, score, offset in matches:
                second = same_day[i + 1 + offset]
                if second.agency_id == first.agency_id:
                    continue
                counted_alike = kind in COUNTED_TYPES and getattr(second, "event_type", None) == kind
                if score >= threshold or (counted_alike and score >= counted_threshold):
                    pairs.append((first, second, round(score)))
    return pairs


def same_event_groups(linked_pairs):
    """Entry ids a person confirmed as one event, joined through shared entries (A = B and B = C make one
    event of three entries). `linked_pairs` are (first id, second id)."""
    parent = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for first, second in linked_pairs:
        parent[root(first)] = root(second)
    groups = defaultdict(set)
    for entry in list(parent):
        groups[root(entry)].add(entry)
    return list(groups.values())


def repeats_by_type(groups, event_type_of):
    """How many entries of each type only repeat an event already counted: in each confirmed group, every
    entry of a type after the first of that type."""
    repeats = Counter()
    for group in groups:
        for kind, n in Counter(event_type_of[e] for e in group if e in event_type_of).items():
            repeats[kind] += n - 1
    return repeats


@dataclass
class DerivedFacts:
    social_workers: int
    changes_of_social_worker: int
    placements: int
    placement_moves: int
    missing_episodes: int
    school_moves: int
    gaps: list  # (from, to, days) with no agency contact for longer than the threshold
    agencies_by_year: dict  # year -> sorted agency names
    gap_threshold_days: int
    # event type -> entries proposed as the same event as another agency's, not yet judged by a person
    unconfirmed: dict = field(default_factory=dict)
    # the terms of reference's scope period (from, to), when recorded, and how many events fall outside it:
    # gaps are measured only between events inside it, so the edge of the scope is not read as a silence
    scope: tuple | None = None
    outside_scope: int = 0

    def unconfirmed_of(self, event_type):
        return self.unconfirmed.get(event_type, 0)

    @property
    def unconfirmed_missing_episodes(self):
        return self.unconfirmed_of(MISSING_EPISODE)

    @property
    def unconfirmed_placements(self):
        return self.unconfirmed_of(PLACEMENT_START)

    @property
    def unconfirmed_social_workers(self):
        return self.unconfirmed_of(SOCIAL_WORKER_ALLOCATED)

    @property
    def unconfirmed_school_moves(self):
        return self.unconfirmed_of(SCHOOL_MOVE)


def derive_facts(entries, *, gap_days=90, agency_name=lambda e: e.agency_name, linked_pairs=(), scope=None):
    """The counts reviews report by hand ("10 different social workers and 7 placements"), each event
    counted once however many agencies recorded it, once a person has confirmed they are the same."""
    by_year = defaultdict(set)
    for entry in entries:
        by_year[entry.sort_date.year].add(agency_name(entry))
    repeats = repeats_by_type(same_event_groups(linked_pairs), {e.id: e.event_type for e in entries})
    return facts_from(
        Counter(e.event_type for e in entries),
        sorted({e.sort_date for e in entries}),
        by_year,
        gap_days=gap_days,
        repeats=repeats,
        scope=scope,
        outside_scope=sum(1 for e in entries if not in_scope(e.sort_date, scope)),
    )


def in_scope(day, scope):
    """`day` falls within the scope period (from, to); every day does when no scope is recorded."""
    return scope is None or scope[0] <= day <= scope[1]


def facts_from(counts, dates, by_year, *, gap_days=90, repeats=None, unconfirmed=None, scope=None, outside_scope=0):
    """The same, from figures a database can aggregate: event counts by type, the sorted distinct dates
    with any event, the agencies active in each year, and (by type) the entries confirmed as repeating an
    event already counted. With a `scope` (from, to), gaps are measured between the events inside it only:
    an event an agency sent from years before the review's period made a five-year "gap" (walkthrough 10,
    finding 5)."""
    dates = [day for day in dates if in_scope(day, scope)]
    counts = Counter(counts)
    counts.subtract(repeats or {})
    social_workers = counts[SOCIAL_WORKER_ALLOCATED]
    placements = counts[PLACEMENT_START]
    # the scope's own start and end bound the gaps too: 436 days from the start of the scope to the first
    # contact went unreported (walkthrough 11, finding 16)
    bounded = [scope[0], *dates, scope[1]] if scope is not None and dates else dates
    gaps = [
        (previous, following, (following - previous).days)
        for previous, following in zip(bounded, bounded[1:])
        if (following - previous).days > gap_days
    ]
    return DerivedFacts(
        social_workers=social_workers,
        changes_of_social_worker=max(social_workers - 1, 0),
        placements=placements,
        placement_moves=max(placements - 1, 0),
        missing_episodes=counts[MISSING_EPISODE],
        school_moves=counts[SCHOOL_MOVE],
        gaps=gaps,
        agencies_by_year={year: sorted(names) for year, names in sorted(by_year.items())},
        gap_threshold_days=gap_days,
        unconfirmed=dict(unconfirmed or {}),
        scope=scope,
        outside_scope=outside_scope,
    )


# The templates' own example rows, in the columns' order. An agency that adds its events below them and
# uploads the file would put another child's events in this child's chronology (walkthrough 9, finding 9).
TEMPLATE_EXAMPLE_ROWS = [
    [
        "17/04/2014",
        "14:30",
        "exact",
        "Home visit",
        "Social worker visited R at the placement; R said she was happy there.",
        "Social worker",
        "Case note 1234",
    ],
    ["05/2014", "", "month", "School move", "R started at a new secondary school.", "Virtual school head", ""],
]
_EXAMPLE_DESCRIPTIONS = {" ".join(row[4].lower().split()) for row in TEMPLATE_EXAMPLE_ROWS}


def is_template_example(description):
    """The row is one of the template's examples: told by its description, the part nobody would type
    again word for word for another child (the date or type alone might be real)."""
    return " ".join(description.lower().split()) in _EXAMPLE_DESCRIPTIONS


def mapped_types(rows):
    """[(type as the agency wrote it, the chronology's type it was filed under, rows)] for every type the
    import changed, so the agency is told ("A&E attendance" became "Hospital attendance") rather than
    finding its own words replaced in the merged chronology (walkthrough 10, finding 10)."""
    # a type differing only in its capitals ("home visit") is the agency's own, not filed under another
    counts = Counter((row.filed_from, row.event_type) for row in rows if row.filed_from)
    return [[sent, kind, n] for (sent, kind), n in sorted(counts.items(), key=lambda item: item[0][0].lower())]


def outside_scope(rows, *, scope_start, scope_end):
    """The rows dated outside the terms of reference's scope period: imported, but named so the agency and
    the business manager can check they belong to this child and this review."""
    return [row for row in rows if not in_scope(row.sort_date, (scope_start, scope_end))]


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for example in TEMPLATE_EXAMPLE_ROWS:
        writer.writerow(example)
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx():
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    sheet.append(COLUMNS)
    sheet.append(TEMPLATE_EXAMPLE_ROWS[0])
    precision = DataValidation(type="list", formula1='"exact,month,approximate"', allow_blank=True)
    event_types = DataValidation(
        type="list", formula1=f'"{",".join(EVENT_TYPES)}"', allow_blank=False, showErrorMessage=False
    )
    sheet.add_data_validation(precision)
    sheet.add_data_validation(event_types)
    precision.add("C2:C5000")
    event_types.add("D2:D5000")
    for column, width in zip("ABCDEFG", [12, 8, 14, 24, 70, 24, 20]):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
