"""A sports club, a youth group or a uniformed group named by its own name is a place (issue 16, helper anon11).
Every passage is invented for the test; each says what must stay unfound."""

from casereview.publication.anonymisation import detect


def places(text):
    return [e.text for e in detect(text) if e.type == "PLACE"]


def test_a_club_is_a_place_by_its_suffix():
    text = (
        "Welfare Officer Incident Report – Moxley Rovers JFC (submitted to the County FA)\n"
        "Tyler plays for Dudley Town Youth and trains at Wednesbury ABC on Fridays.\n"
    )
    found = places(text)
    assert "Moxley Rovers JFC" in found and "Dudley Town Youth" in found and "Wednesbury ABC" in found


def test_a_uniformed_group_and_a_place_named_sport_are_places():
    text = (
        "Safeguarding Incident Report – 3rd Tipton Scout Group\nSafeguarding Concern – Riverside Gymnastics, Harlow\n"
    )
    found = places(text)
    assert "3rd Tipton Scout Group" in found and "Riverside Gymnastics" in found


def test_a_heading_of_sport_words_or_a_national_body_is_no_club():
    text = "Boxing Club – Welfare Log\nThe coach holds an England Boxing licence and a British Gymnastics award.\n"
    found = " ".join(e.text for e in detect(text))
    assert "England Boxing" not in found and "British Gymnastics" not in found


def test_a_club_keeps_its_kind_in_the_published_text():
    from casereview.publication.anonymisation import anonymise

    text = "Tyler plays for Dudley Town Youth and is in the 3rd Tipton Scout Group.\n"
    out = anonymise(text).text
    assert "the sports club" in out and "the youth group" in out
    assert "Dudley" not in out and "Tipton" not in out
