"""Addresses the street list does not end (issue 16, helper anon10). Every passage is invented for the test; each
says what must stay."""

from casereview.publication.anonymisation import detect


def addresses(text):
    return [e.text for e in detect(text) if e.type == "ADDRESS"]


def test_a_house_number_makes_a_park_or_a_heath_a_street():
    text = "Kyle lives at 12 Ravensworth Park with his nan; his father is at 3 Copley Heath.\n"
    found = addresses(text)
    assert "12 Ravensworth Park" in found and "3 Copley Heath" in found


def test_a_park_without_a_number_and_a_junction_are_not_addresses():
    text = "They met in Ravensworth Park. The car left at Junction 4 Copley Park and Ride.\n"
    assert addresses(text) == []


def test_a_street_typed_short_in_lower_case_in_a_message():
    text = "jaz: meet me outside 14 hollin rd at 4\nkel: nah im on beeston ln\n"
    found = addresses(text)
    assert "14 hollin rd" in found and "beeston ln" in found
    assert addresses("kel: the 3rd rd on the left\n") == []
