"""A report's own numbering is no date, and a name written surname first is one person (issue 16, helper
anon12). Every passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def dates(text):
    return [e.text for e in detect(text) if e.type in ("DATE", "DATE_OF_BIRTH")]


def test_a_paragraph_or_section_number_is_no_date():
    text = (
        "Paragraph 4.11: the panel heard from the school. See sections 3.2, 3.4 and 5.1: the plan was not tested.\n"
        "Recommendation 4.1: the board should audit plans. Appendix 2.3: terms of reference.\n"
    )
    assert dates(text) == []


def test_a_short_date_after_a_word_of_time_is_still_a_date():
    text = "Visit 12.3: seen at home. Next meeting on 14.5 at the school. Review 22/1: plan agreed.\n"
    assert dates(text) == ["12.3", "14.5", "22/1"]


def test_a_surname_first_with_its_role_in_a_bracket_reads_once():
    text = "Adams, Kerry-Ann (mother) said she was unwell. Kerry-Ann Adams rang later. Kerry-Ann was upset.\n"
    out = anonymise(text, ReplacementTable(pseudonym="Child T")).text
    assert out == "The mother said she was unwell. The mother rang later. The mother was upset.\n"


def test_two_people_sharing_a_surname_written_surname_first_stay_two_people():
    text = "Contacts: Adams, Kerry-Ann (mother); Adams, Leon (father). Leon said no.\n"
    out = anonymise(text, ReplacementTable(pseudonym="Child T")).text
    assert out == "Contacts: the mother; the father. The father said no.\n"
    assert "Adams" not in out and "Leon" not in out


def test_a_list_of_surnames_is_not_joined_into_one_person():
    text = "Present: Mark, Sara and Tom. Smith, Jones and Patel attended the meeting.\n"
    people = [e.text for e in detect(text) if e.type == "PERSON"]
    assert "Smith, Jones" not in people and "Mark, Sara" not in people
