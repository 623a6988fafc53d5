"""Ages by the words around them (issue 16, helper anon11). Every passage is invented for the test; each says what
must stay unfound."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_an_age_after_a_name_and_a_comma_before_a_bracket_or_with_a_sex_word():
    text = (
        "Resident: Kyle Dunn, 16 (DOB 02/03/2009), Room 9.\n"
        "Witness: Selam Haile, female, 15 (age disputed by the council).\n"
    )
    assert ages(text) == ["16", "15"]


def test_an_age_claimed_beside_another_and_a_persons_noun_of_an_age():
    text = "Subjects: Tran Thi Mai (16, claims 19). The account belonged to a man of 41, Carl Stott.\n"
    found = ages(text)
    assert "19" in found and "41" in found


def test_an_age_said_in_quotes_with_a_half_or_a_next_birthday():
    text = 'He said he is "seven and a half". She told us she is "fifteen next month" and her sister said "twelve".\n'
    found = ages(text)
    assert "seven and a half" in found and "fifteen" in found and "twelve" in found


def test_a_babys_age_in_months_but_not_a_time_span():
    text = (
        "The baby is a girl, maybe eight months. Her last check was at 9 months. Mum has lived here for about "
        "3 months; she was at 7 months pregnant then, and the boy's speech is 6 months behind.\n"
    )
    found = ages(text)
    assert "eight months" in found and "9 months" in found
    assert not any(a.startswith(("3", "7", "6")) for a in found)
