"""Schools and nurseries named by a short name or a brand, known by the words around them (issue 16, helper
anon9). Every passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def schools(text):
    return [e.text for e in detect(text) if e.type == "SCHOOL"]


def test_a_setting_after_its_kind():
    text = "Ava's nursery (Tiny Steps @ Lowfield) reports good attendance. Her brother's nursery is Acorn Tree.\n"
    found = schools(text)
    assert "Tiny Steps @ Lowfield" in found and "Acorn Tree" in found


def test_a_setting_after_a_verb_of_attending_where_the_sentence_is_about_school():
    text = (
        "Year 8 pupil Omar attends Rushcliffe Spencer and was excluded from Becket Keys in Year 7.\n"
        "Omar attends Boxing Club on Fridays.\n"
    )
    found = schools(text)
    assert "Rushcliffe Spencer" in found and "Becket Keys" in found
    assert not any("Boxing" in s for s in found)  # no school in that sentence


def test_no_role_day_or_person_is_taken_for_a_school():
    text = "The school (DSL Mrs Carr) phoned. The nursery is Monday to Friday. Jo attends Mass on Sunday.\n"
    found = " ".join(schools(text))
    assert "Carr" not in found and "Monday" not in found and "Mass" not in found


def test_a_first_or_middle_school():
    assert schools("She moved to Ashby First School in May.\n") == ["Ashby First School"]


def test_a_small_place_after_its_kind_in_a_bracket():
    text = "He was kept above a barber's (Sharp Fades, Mill Road). She fell at soft play (Monkey Mayhem at the park).\n"
    places = [e.text for e in detect(text) if e.type == "PLACE"]
    assert "Sharp Fades" in places and "Monkey Mayhem" in places
