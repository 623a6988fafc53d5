"""A word the passage uses as an area is no person (issue 16, helper anon12). Every passage is invented for the
test; each says what must stay."""

import re

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_a_forename_that_names_an_agency_s_area_is_no_person_anywhere_in_the_passage():
    text = (
        "Referral summary (Kent)\nFirst responder: Kent County Council, Children's Services.\n"
        "Kieran Doyle was found by Kent Police at the station. Referral made to Brent Children's Social Care.\n"
    )
    found = people(text)
    assert "Kieran Doyle" in found
    assert "Kent" not in found and "Brent" not in found


def test_both_areas_of_a_joined_council_are_no_people():
    text = "SEND officer Moira Tennant, Westmorland and Furness Council, wrote to Blackburn with Darwen LADO.\n"
    found = people(text)
    assert "Moira Tennant" in found
    assert not any(w in " ".join(found) for w in ("Westmorland", "Furness", "Darwen"))


def test_an_area_ending_a_setting_s_phrase_is_no_person():
    text = (
        "Placement: Larchfield House (children's home, Hexham), 2 Market Street.\n"
        "Outreach log – town centre, Nelson\nStaff on shift: Harriet Oduya and Sam Ellis.\n"
    )
    found = people(text)
    assert "Harriet Oduya" in found and "Sam Ellis" in found
    assert "Hexham" not in found and "Nelson" not in found


def test_a_person_named_with_the_area_word_or_after_a_title_stays():
    text = (
        "Kent Mensah (father) rang Kent County Council. Kent said he would attend.\n"
        "PC 2034 Lister   YJS officer: Paulina Kaczmarek. Sarah Jones MASH referral completed.\n"
        "Paige's school, Durham Johnston, reports she is frightened.\n"
    )
    found = people(text)
    assert "Kent Mensah" in found and "Kent" in found
    assert "Lister" in found and "Sarah Jones" in found
    assert any("Durham Johnston" in e.text for e in detect(text))


def test_an_area_word_acting_as_a_person_elsewhere_stays_a_person():
    # (review-12: every mention of an area word alone was dropped, so these names were published)
    text = "Brent Children's Social Care received the referral. Brent told his teacher he was hungry. Brent was 9."
    assert people(text).count("Brent") == 2
    text = "Brent, aged 9, lives with his mother. Brent Council housed them."
    assert people(text).count("Brent") == 1
    text = "Barry Police attended. Barry shouted at the officers and Barry was arrested."
    assert people(text).count("Barry") == 2


def test_a_forename_after_a_school_that_speaks_later_is_a_person_throughout():
    text = "Contact: Greenfield Primary School, Priya\nPriya said Tyler had bruises. Priya rang the MASH."
    assert people(text).count("Priya") == 2  # (the first goes with the school's span)
    assert all(any(e.start <= m.start() < e.end for e in detect(text)) for m in re.finditer("Priya", text))
