"""Things taken for a person or a place that are none (issue 16, helper anon10): vehicles. Every passage is
invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type in ("PERSON", "PLACE")]


def test_a_make_or_model_after_an_article_or_a_colour_is_a_vehicle():
    text = (
        "Tamsin was seen getting into a silver Corsa outside the chip shop. At ten Marek Zielinski drove off in the "
        "Audi. Her uncle drives a Mercedes.\n"
    )
    found = " ".join(people(text))
    assert "Corsa" not in found and "Audi" not in found and "Mercedes" not in found
    assert "Marek Zielinski" in people(text)


def test_a_capitalised_word_with_a_registration_after_it_is_a_vehicle():
    text = (
        "Vehicles: Ford Ranger LR70 PWK. Grey Skoda, reg FV19 KXO, seen leaving. Pass Zafira registration to police.\n"
    )
    found = " ".join(people(text))
    assert "Ford" not in found and "Skoda" not in found and "Zafira" not in found


def test_a_person_with_a_forename_that_is_a_make_stays_a_person():
    text = "Mercedes Alvarez (mother) attended. Mercedes said the children were asleep.\n"
    assert "Mercedes Alvarez" in people(text)
    assert people(text).count("Mercedes") == 1


def test_a_person_beside_a_registration_stays_a_person():
    text = "Driver: Kieran Walsh (LK70 FDE) was stopped on the A6.\n"
    assert "Kieran Walsh" in people(text)


def test_a_name_used_as_a_modifier_of_a_team_or_a_service_is_no_person():
    text = "Plan: refer to the specialist Gateway team; Kerry Moss to call. Lena Marsh's team called back.\n"
    found = people(text)
    assert "Gateway" not in found
    assert "Kerry Moss" in found and "Lena Marsh" in found


def groups(text):
    return [e.text for e in detect(text) if e.type == "ETHNICITY"]


def test_a_nationality_word_used_as_a_language_is_no_ethnicity():
    text = (
        "Interpreter needed for mum: Lithuanian. The leaflet was left in Welsh and English. Ana uses a few "
        "Romanian words. Translated note of interview – Albanian to English.\n"
        "The family are Lithuanian and Catholic.\n"
    )
    assert groups(text) == ["Lithuanian"]  # the family's, on the last line
