"""Venues named by their name alone, known by where the sentence puts them (issue 16, helper anon10). Every
passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect
from casereview.publication.anonymisation.place_objects import place_object_finds


def found(text, kinds=("PLACE", "SCHOOL")):
    return [e.text for e in detect(text) if e.type in kinds]


def test_a_name_after_a_preposition_of_place_is_a_place():
    text = (
        "7.40pm: Four young people outside Crumbs. Later seen near Fenwick Steps and at The Paper Lantern.\n"
        "Jordan was sick behind Marlowes Arcade.\n"
    )
    places = found(text)
    for name in ("Crumbs", "Fenwick Steps", "The Paper Lantern", "Marlowes Arcade"):
        assert name in places


def test_the_with_a_capital_mid_sentence_begins_a_venue():
    text = (
        "She was seen drinking after The Velvet Owl closed and named Cobble Yard and The Hollow as places she goes.\n"
    )
    places = found(text)
    assert "The Velvet Owl" in places and "The Hollow" in places


def test_a_school_when_the_sentence_is_about_school():
    text = "Mia is in Year 8 at Kestonbury and is often late.\n"
    assert [e.text for e in detect(text) if e.type == "SCHOOL"] == ["Kestonbury"]


def test_towns_courts_agencies_languages_and_family_words_are_not_places():
    text = (
        "The hearing at Leeds was adjourned; at the Family Court at Norwich on Monday the order was made.\n"
        "He attends Punjabi classes and attended ESOL. She stays at Nan's at Christmas. They met at Children's "
        "Services. The case was heard at Dudley Magistrates. The flat is at Level 3. He was at O2 to pay a bill.\n"
    )
    names = " ".join(text[start:end] for start, end, *_ in place_object_finds(text, [], {}))
    for word in ("Leeds", "Norwich", "Punjabi", "ESOL", "Nan", "Christmas", "Services", "Magistrates", "Level", "O2"):
        assert word not in names


def test_a_heading_in_capitals_and_a_section_number_are_not_venues():
    text = "IN THE FAMILY COURT AT HARLOWE\n\n4.1 The Family Hub offered support.\n"
    assert found(text) == [] and list(place_object_finds(text, [], {})) == []


def test_a_person_found_there_stays_a_person():
    text = "Kayla Brennan (14) was at Jade's flat. Jade Brennan is her aunt.\n"
    assert not any("Jade" in p for p in found(text))
