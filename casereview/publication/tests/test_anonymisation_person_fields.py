"""A name in a form's field for a person is a person, though its words are everyday or unlisted (issue 16, helper
anon11). Every passage is invented for the test; each says what must stay unfound."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_an_everyday_forename_and_an_unlisted_surname_in_a_persons_field():
    text = (
        "Volunteer: Hope Treharne. Date: 10/12/2025.\n"
        "Reporter: Faith Okonjo-Uba, Club Welfare Officer.\n"
        "Patient: Mason Ferriby, 2 years.\n"
    )
    found = people(text)
    assert "Hope Treharne" in found and "Faith Okonjo-Uba" in found and "Mason Ferriby" in found


def test_a_setting_or_a_phrase_in_a_persons_field_is_no_person():
    text = "Patient: Royal Infirmary transfer. Client: Housing Solutions.\nChild: Not Known.\n"
    assert people(text) == []
