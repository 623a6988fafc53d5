"""A word for someone's sex, age, role or part in a form is no name (issue 16, helper anon11). Every passage is
invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_a_speaker_named_by_sex_or_age_is_no_person():
    text = (
        "PC Rudd: Is this your son?\n"
        "Female: Yes. His name is Oskar.\n"
        "PC Rudd: How old is he?\n"
        "Female: Six.\n"
        "Boy: I want to go home.\n"
        "Boy: Where is my mum?\n"
    )
    found = people(text)
    assert "Female" not in found and "Boy" not in found
    assert "Oskar" in found


def test_a_field_or_a_salutation_naming_a_role_is_no_person():
    text = "Dear Colleague,\nTenant: Shannon Price. Landlord: Vikram Sethi. Passenger: unknown male.\n"
    found = people(text)
    assert not {"Colleague", "Tenant", "Landlord", "Passenger"} & set(found)
    assert "Shannon Price" in found and "Vikram Sethi" in found


def test_a_role_before_a_name_stays_outside_it_and_a_title_keeps_a_surname():
    text = "Receptionist Joy gave Ella a drink. Mr Driver, the deputy head, rang her mother.\n"
    found = people(text)
    assert "Joy" in found and not any(f.startswith("Receptionist") for f in found)
    assert any("Driver" in f for f in found)
