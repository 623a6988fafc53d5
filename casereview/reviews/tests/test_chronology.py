"""The plain-Python chronology rules: reading files, checking rows, merging, duplicates, derived facts."""

import io
from dataclasses import dataclass
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from casereview.reviews import chronology

TODAY = date(2025, 6, 1)
HEADER = "date,time,date precision,event type,description,practitioner role,source reference\n"


def read(text, name="chronology.csv"):
    return chronology.read_chronology_file(name, text.encode("utf-8"), today=TODAY)


def test_a_clean_csv_is_read_with_canonical_event_types():
    parsed = read(
        HEADER + "17/04/2014,14:30,exact,new social worker,SW1 allocated,Team manager,CN1\n"
        "04/2014,,month,Placement move,Moved to carers in Bromley,,\n"
    )
    assert parsed.ok
    first, second = parsed.rows
    assert (first.event_date, first.event_type, first.event_time.hour) == (
        date(2014, 4, 17),
        "Social worker allocated",
        14,
    )
    assert (second.event_date, second.sort_date, second.event_type) == (
        date(2014, 4, 1),
        date(2014, 4, 15),
        "Placement start",
    )


def test_every_bad_row_is_reported_with_its_row_number_and_nothing_is_kept():
    parsed = read(
        HEADER + "17/04/2014,,exact,Home visit,Fine,,\n"
        "31/02/2014,,exact,Home visit,Impossible date,,\n"
        "18/04/2014,25:99,exact,Home visit,Bad time,,\n"
        "19/04/2014,,sometimes,,,,\n"
        "01/01/2030,,exact,Home visit,In the future,,\n"
    )
    messages = [str(e) for e in parsed.errors]
    assert not parsed.ok
    assert any(m.startswith("Row 3, date: '31/02/2014' is not a date") for m in messages)
    assert any(m.startswith("Row 4, time:") for m in messages)
    assert {
        "Row 5, date precision: 'sometimes' is not one of exact, month or approximate",
        "Row 5, event type: enter the type of event, for example 'Home visit'",
        "Row 5, description: describe the event",
    } <= set(messages)
    assert "Row 6, date: 01/01/2030 is in the future" in messages


def test_missing_columns_explain_the_layout():
    with pytest.raises(chronology.ChronologyFileError, match="no 'event type', 'description' column"):
        read("date,what\n17/04/2014,visit\n")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The file is empty"),
        (b"%PDF-1.7 binary", "is not a spreadsheet"),
        (b"MZ\x90\x00executable", "is not a spreadsheet"),
        (b"PK\x03\x04not really a zip", "damaged"),
        (b"x" * (chronology.MAX_FILE_BYTES + 1), "the limit is 5 MB"),
    ],
)
def test_unusable_files_are_explained(data, message):
    with pytest.raises(chronology.ChronologyFileError, match=message):
        chronology.read_chronology_file("upload.xlsx", data, today=TODAY)


def test_an_xlsx_is_read_including_real_date_cells():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(chronology.COLUMNS)
    sheet.append([date(2014, 3, 3), None, "exact", "Missing", "R missing overnight", "Police officer", "CAD 123"])
    sheet.append(["spring 2014", None, "approximate", "Home visit", "Date unknown", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    parsed = chronology.read_chronology_file("c.xlsx", buffer.getvalue(), today=TODAY)
    assert [str(e) for e in parsed.errors] == [
        "Row 3, date: 'spring 2014' is not a date: write it as day/month/year, like 17/04/2014"
    ]
    assert parsed.rows[0].event_type == "Missing episode"


def test_a_formula_in_a_cell_is_kept_as_text():
    parsed = read(HEADER + '17/04/2014,,exact,Home visit,"=HYPERLINK(""http://evil"",""x"")",,\n')
    assert parsed.rows[0].description.startswith("=HYPERLINK")


def test_templates_open_and_have_the_columns():
    sheet = load_workbook(io.BytesIO(chronology.template_xlsx())).active
    assert [c.value for c in sheet[1]] == chronology.COLUMNS
    assert chronology.template_csv().decode("utf-8-sig").splitlines()[0] == ",".join(chronology.COLUMNS)


@dataclass
class Entry:
    id: int
    agency_id: int
    sort_date: date
    description: str
    event_type: str = "Home visit"
    agency_name: str = ""


def test_the_same_event_recorded_by_two_agencies_is_suggested_as_a_duplicate():
    entries = [
        Entry(1, 1, date(2014, 3, 3), "R reported missing from placement overnight to police"),
        Entry(2, 2, date(2014, 3, 3), "Police: R reported missing from placement overnight"),
        Entry(3, 2, date(2014, 3, 4), "R reported missing from placement overnight to police"),  # another day
        Entry(4, 1, date(2014, 3, 3), "School attendance meeting"),
    ]
    pairs = chronology.find_duplicates(entries)
    assert [(a.id, b.id) for a, b, _ in pairs] == [(1, 2)]


def test_same_agency_entries_are_not_duplicates_of_each_other():
    entries = [Entry(1, 1, date(2014, 3, 3), "Home visit"), Entry(2, 1, date(2014, 3, 3), "Home visit")]
    assert chronology.find_duplicates(entries) == []


def test_derived_facts_count_social_workers_placements_gaps_and_agencies_by_year():
    entries = (
        [
            Entry(i, 1, date(2010 + i // 3, 1 + i % 12, 1), "", chronology.SOCIAL_WORKER_ALLOCATED, "CSC")
            for i in range(10)
        ]
        + [Entry(100 + i, 1, date(2010 + i, 6, 1), "", chronology.PLACEMENT_START, "CSC") for i in range(7)]
        + [Entry(200, 2, date(2016, 12, 1), "", chronology.MISSING_EPISODE, "Police")]
    )
    facts = chronology.derive_facts(entries, gap_days=200)
    assert (facts.social_workers, facts.changes_of_social_worker, facts.placements, facts.placement_moves) == (
        10,
        9,
        7,
        6,
    )
    assert facts.missing_episodes == 1
    assert facts.agencies_by_year[2016] == ["CSC", "Police"]
    assert all(days > 200 for _, _, days in facts.gaps)


def test_a_missing_episode_two_agencies_word_differently_on_the_same_day_is_proposed_as_one():
    missing = chronology.MISSING_EPISODE
    entries = [
        Entry(1, 1, date(2013, 7, 5), "R missing from placement overnight; reported to police", missing),
        Entry(2, 2, date(2013, 7, 5), "Missing person report: R missing from care, found next day", missing),
        # as different in wording, but not an event the facts count: left alone
        Entry(3, 1, date(2013, 7, 6), "R missing from placement overnight; reported to police", "Meeting"),
        Entry(4, 2, date(2013, 7, 6), "Missing person report: R missing from care, found next day", "Meeting"),
        # same type and day, unrelated words
        Entry(5, 1, date(2013, 7, 7), "Carer rang the emergency duty team", missing),
        Entry(6, 2, date(2013, 7, 7), "Found at 3am by officers in Peckham", missing),
    ]
    assert [(a.id, b.id) for a, b, _ in chronology.find_duplicates(entries)] == [(1, 2)]


def test_events_confirmed_as_the_same_count_once_however_many_agencies_recorded_them():
    missing = chronology.MISSING_EPISODE
    entries = [
        Entry(1, 1, date(2013, 7, 5), "", missing, "CSC"),
        Entry(2, 2, date(2013, 7, 5), "", missing, "Police"),
        Entry(3, 3, date(2013, 7, 5), "", missing, "Health"),
        Entry(4, 1, date(2014, 2, 17), "", missing, "CSC"),
        Entry(5, 2, date(2014, 2, 17), "", missing, "Police"),
        Entry(6, 1, date(2015, 1, 1), "", missing, "CSC"),
        Entry(7, 1, date(2012, 1, 1), "", chronology.PLACEMENT_START, "CSC"),
    ]
    assert chronology.derive_facts(entries).missing_episodes == 6
    # 1 = 2 and 2 = 3 make one event of three entries; 4 = 5 another; 6 stands alone
    facts = chronology.derive_facts(entries, linked_pairs=[(1, 2), (2, 3), (4, 5)])
    assert facts.missing_episodes == 3
    assert (facts.placements, facts.placement_moves) == (1, 0)


def test_same_event_groups_join_pairs_through_a_shared_entry():
    groups = chronology.same_event_groups([(1, 2), (3, 4), (2, 5)])
    assert sorted(sorted(g) for g in groups) == [[1, 2, 5], [3, 4]]
