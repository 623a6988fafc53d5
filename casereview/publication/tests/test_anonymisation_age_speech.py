"""Ages as people say them and as forms and notes put them (issue 16, helper anon9). Every passage is invented
for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_an_age_said_of_someone_in_a_call_or_a_chat():
    call = (
        "Operator: Who else is in the house?\n"
        "Caller: My daughter Esme, she's five, and Rory's only nine weeks!\n"
        "Operator: And your partner?\n"
        "Caller: He's thirty-four. I'm only 19 myself\n"
    )
    found = ages(call)
    assert "five" in found and "nine weeks" in found and "thirty-four" in found and "19" in found


def test_an_age_said_is_not_a_time_a_distance_or_an_approximation():
    text = "Caller: He's only 5 mins away. It's 10. She's nearly 4, he's about two.\n"
    assert ages(text) == []


def test_the_answer_on_the_line_after_an_age_was_asked():
    bwv = "PC: Are you really nineteen?\nBoy: ... sixteen. Sixteen years.\nPC: Right. Who is with you?\n"
    found = ages(bwv)
    assert "sixteen" in found and "Sixteen years" in found


def test_an_age_field_in_its_many_wordings():
    text = (
        "Client: Ola Banjo   Age: eleven   DOB 02/02/2014\n"
        "Age assessed by the local authority: 17 years\n"
        "The records disagree: her age may be 15, not 14.\n"
        "Age range of the group 12-16.\n"
    )
    found = ages(text)
    assert "eleven" in found and "17 years" in found and "15" in found and "14" in found
    assert "12" not in found and "16" not in found  # a range of ages is no one's age


def test_the_age_at_which_something_happened():
    text = (
        "At 7 months she was seen in ED with a burn. Her mother was taken into care at 12 and was "
        "excluded at 15. A child of 13 cannot consent. The meeting was at 4.\n"
    )
    found = ages(text)
    assert found == ["7 months", "12", "15", "13"]


def test_an_age_beside_a_person_with_a_unit_or_a_sex_between():
    text = "Patient: Hana Iqbal, female, 14 years. Siblings: (Musa Iqbal, 2y 3m), (Ayaan, 7m).\n"
    found = ages(text)
    assert "14 years" in found and "2y 3m" in found and "7m" in found


def test_an_export_row_and_a_quoted_record():
    text = 'Police record: "OKAFOR, Chidi Paul", 15, seen at the bus station.\n1,Name,Chidi Okafor\n2,Age,15\n'
    assert ages(text).count("15") == 2
