"""Ages by their place in the text (issue 16, seventh round): a table's "Age" column, a number beside a person
found, the second of two ages joined by "and", children's ages in brackets, an age as someone believes it.
Every text is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_a_column_headed_age_holds_an_age_in_every_row():
    table = (
        "| Name | Relationship | DOB / Age | Address |\n"
        "|---|---|---|---|\n"
        "| Nora Quinn | mother | 34 | 4 Elm Road |\n"
        "| Tommy Quinn | child | 9 | as above |\n"
        "| Bridie Quinn | grandmother | 61 | 12 Ash Court |\n"
    )
    assert {"34", "9", "61"} <= set(ages(table))
    assert "4" not in ages(table) and "12" not in ages(table)  # house numbers in another column


def test_a_number_beside_a_person_found_is_their_age():
    text = 'An older student, Leon Adu-Boateng, 17 – made him carry bags. Police: "Agata NOWAK" (22) was hurt.'
    assert {"17", "22"} <= set(ages(text))
    assert "14" not in ages("She wrote to Jade Smith, 14 Oak Road, Leeds.")  # a house number


def test_ages_joined_by_and_and_childrens_ages_in_brackets():
    text = "Seen with two females aged 15 and 16. She has two children (5 and 7). Note: Amani was 7 and Jasper 4."
    assert ages(text).count("16") == 1 and {"5", "7", "4"} <= set(ages(text))
    assert "16" not in " ".join(ages("The meeting was moved from 15:00 and 16:30 to later.")).split()


def test_an_age_as_someone_believes_it():
    assert "19" in ages("Connor Farrell is believed to be 19; his number is not known.")
    assert not ages("The flat was believed to be 19 miles away.")
