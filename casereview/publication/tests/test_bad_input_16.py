"""Bad input from issue 16 tried as a hostile user would (probe/badinput16.py): a long report whose pages
repeat the same people, settings, addresses and dates."""

import random
import sys
import time

from casereview.publication.anonymisation import ReplacementTable, anonymise
from casereview.publication.anonymisation.span_index import SpanIndex

PAGE = (
    "Jane Smith, the mother, took Child P to Dr Okoro at St Mary's Hospital on 3 May 2019. "
    "Her partner Darren Cole lived at 12 Albion Street, Walworth, London SE17 1AA. "
) * 14 + "\n\f"


def test_a_long_report_whose_pages_repeat_the_same_details_takes_linear_time():
    # 150 pages of 430 words, each naming the same people, hospital, address and date seven times: several
    # rules asked every span found about every other, so this took about 90 s of CPU (300 pages: minutes).
    started = time.process_time()
    result = anonymise(PAGE * 150, ReplacementTable())
    assert time.process_time() - started < 30
    assert "Jane Smith" not in result.text and "Albion" not in result.text and "SE17" not in result.text


def test_the_span_index_answers_as_a_scan_of_every_span_would():
    rng = random.Random(16)
    for _ in range(200):
        spans = [(s, s + rng.randrange(0, 8)) for s in (rng.randrange(60) for _ in range(rng.randrange(0, 12)))]
        index = SpanIndex(spans)
        for start in range(-2, 70):
            for end in (start, start + 1, start + 3, start + 10):
                assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
                assert index.starts_within(start, end) == any(start <= s < end for s, e in spans)
            assert index.contains(start) == any(s <= start < e for s, e in spans)


def _table(rows_wanted):
    rows, found, at = ["Name | Age | School"], [], len("Name | Age | School\n")
    for i in range(rows_wanted):
        row = f"Jayden Smith | {i % 17 + 1} | Oak Primary"
        found += [(at, at + 12, "PERSON", "rule"), (at + 20, at + 31, "SCHOOL", "rule")]
        rows.append(row)
        at += len(row) + 1
    return "\n".join(rows), found


def _calls(function, *args):
    """Python function calls made by function(*args): a count of work that does not depend on the machine."""
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        result = function(*args)
    finally:
        sys.setprofile(None)
    return calls, result


def test_a_long_table_of_names_and_ages_is_read_in_linear_time():
    # (review-12) every age by a name was checked against every span found: a 2,000-row Name | Age | School
    # table took four times as long as the rest of the anonymiser. Twice the rows must cost about twice the
    # work (counted in calls, not timed): a pass over every span for every row made it four times.
    from casereview.publication.anonymisation.age_contexts import age_context_finds

    def finds(text, found):
        return list(age_context_finds(text, found))

    small_calls, _ = _calls(finds, *_table(500))
    large_calls, ages = _calls(finds, *_table(1000))
    assert large_calls < 2.5 * small_calls
    text, _ = _table(1000)
    assert len(ages) == 1000 and text[ages[0][0] : ages[0][1]] == "1"
