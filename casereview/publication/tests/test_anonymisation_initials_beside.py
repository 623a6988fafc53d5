"""Initials defined by the name written after a role or a rank beside them (issue 16, helper anon10). Every passage
is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_initials_that_are_also_an_abbreviation_count_when_a_role_and_the_name_follow():
    text = (
        "Attendees: BT (school nurse, Bethan Tudor), GP (Dr Ravi Menon)\n"
        "BT – weight static at 30 kg. Referral to the dietitian.\n"
        "DJ DS Dawn Jarvis, Op Harbour\n"
        "DJ: the phones were seized.\n"
    )
    found = people(text)
    assert found.count("BT") == 2 and found.count("DJ") == 2
    assert "GP" not in found  # no name with its letters beside it


def test_an_abbreviation_with_no_name_beside_it_stays():
    text = "BT (broadband provider) confirmed the account. DJ at the party was a friend.\n"
    found = people(text)
    assert "BT" not in found and "DJ" not in found
