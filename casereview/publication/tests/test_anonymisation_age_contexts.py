"""Ages by where they stand (issue 16, helper anonrecall12). Every passage is invented for the test; each says
what must stay unfound."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_an_age_after_a_name_in_words_with_a_unit_or_then():
    text = (
        "Ruby is the child of Toni Beck, then nineteen, and Aaron Pell, twenty-three. On 3 March Esme, then seven "
        "months, was admitted. Baby: Otis Wray, 4 months at the time, was seen.\n"
    )
    found = ages(text)
    assert "twenty-three" in found and "seven months" in found and "4 months" in found


def test_an_age_after_a_date_of_birth():
    text = "Client: Kayla Marsh, DOB 03.07.2011, 14 years. Lives with her aunt.\n"
    assert any(a.startswith("14") for a in ages(text))


def test_a_tables_age_column_but_not_a_count_or_a_school_year():
    with_ages = (
        "WHO IS INVOLVED\nEllis Rowe | 9 | Pennycross Primary | lives with mum\nJade Rowe | 13 | Lipson Academy\n"
    )
    assert ages(with_ages) == ["9", "13"]
    counts = (
        "| No | Victim | Perpetrator | Children | Risk |\n"
        "| 1 | Shabana Begum | Abdul Karim | 3 | High |\n"
        "| 2 | Roxanne Price | Levi Price | 4 | High |\n"
    )
    assert ages(counts) == []


def test_an_age_in_a_message_and_when_someone_was_an_age():
    text = (
        "[19:04] Kez: that lad's 20 ffs\n[19:05] Jo: hes 13\n"
        'Josiah said he drives the tractor "since I was ten". She said she is 5 mins away.\n'
    )
    found = ages(text)
    assert "20" in found and "13" in found and "ten" in found
    assert "5" not in found


def test_weeks_of_a_pregnancy_are_no_age():
    text = "She booked late, at 26 weeks, and the baby was born at 36 weeks.\n"
    assert ages(text) == []


def test_an_ocr_d_age():
    text = "Re: Cerys Parry (DOB l9/O4/2Ol3, age ll) and Gethin Parry (9)\nSeen at ED, age 7 rnonths.\n"
    found = ages(text)
    assert "ll" in found and "7 rnonths" in found


def test_a_column_whose_heading_only_holds_the_letters_of_age_is_no_age():
    # (review-12: "Stage", "Page" and "Manager" held "age", so a key stage was replaced as an age)
    assert not [e for e in detect("Name | Stage | School\nJayden Smith | 3 | Oak Primary\n") if e.type == "AGE"]
    found = [e.text for e in detect("Name | Age (years) | School\nJayden Smith | 3 | Oak Primary\n") if e.type == "AGE"]
    assert found == ["3"]
