"""An abbreviation the passage shows to be a role, a service or a field is no person (issue 16, helper anon11).
Every passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_letters_defined_by_words_that_are_no_name_are_no_person():
    text = (
        "Return home interview (RHI) record – Wakefield\n"
        "Child: Maya Doyle, 14.\n"
        "RHI offered on 3 March; Maya declined. DSL phoned the Family Advice & Support (FAS) team.\n"
        "FAS advised monitoring.\n"
    )
    found = people(text)
    assert "RHI" not in found and "FAS" not in found
    assert "Maya Doyle" in found


def test_letters_in_a_bracket_after_a_name_are_a_role_unless_they_are_the_initials():
    text = (
        "Crew: Olu Bankole (paramedic), Tariq Hussain (ECP). Attending: Priya Shah (PS), duty social worker.\n"
        "PS said the flat was cold. The ECP gave oxygen.\n"
    )
    found = people(text)
    assert "ECP" not in found
    assert "PS" in found and "Tariq Hussain" in found


def test_letters_labelling_a_full_name_or_a_field_are_no_person():
    text = "WLO: Dana Pryce, 07700 900 118\nHOC: mum reports the baby rolled off the bed.\nChild: Kyle Marsh, 4.\n"
    found = people(text)
    assert "WLO" not in found and "HOC" not in found
    assert "Dana Pryce" in found and "Kyle Marsh" in found


def test_initials_of_a_person_named_in_full_stay_a_person():
    text = (
        "Present: Rebecca O'Dowd, designated safeguarding lead; Tom Leigh, police.\n"
        "ROD: the children were late four times this month.\n"
        "TL: agreed to visit.\n"
    )
    found = people(text)
    assert "ROD" in found and "TL" in found
