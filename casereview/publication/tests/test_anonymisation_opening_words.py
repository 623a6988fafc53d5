"""Words that open a sentence or a line are no part of the name after them (issue 16, helper anon12). Every
passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_a_clipped_sentence_s_first_verb_is_cut_from_the_name():
    text = "12/03 Told Bernadette (manager). Rang Ifeoma at 3pm. I rang Mr Okonjo about the visit.\n"
    found = people(text)
    assert "Bernadette" in found and "Ifeoma" in found and "Mr Okonjo" in found
    assert not any(name.startswith(("Told", "Rang", "I rang")) for name in found)


def test_a_verb_before_an_agency_or_a_language_leaves_no_person():
    text = "Rang LADO at 10:00. Speaks Welsh at home. Attends Tues/Thurs only.\n"
    assert people(text) == []


def test_welsh_words_and_a_welsh_agency_are_no_person_and_a_welsh_greeting_is_cut():
    text = (
        "Annwyl Gwenllian,\nDiolch am eich llythyr. Roedd Gwenllian yn drist. Ysgol / School: closed.\n"
        "Cyngor Gwynedd / Gwynedd Council\n"
    )
    found = people(text)
    assert found and all(name == "Gwenllian" for name in found)


def test_a_log_in_capitals_is_cut_where_its_verb_starts():
    text = "ON ARRIVAL DESMOND WAS HIDING IN THE KITCHEN. SUSPECT LOCATED AT 01:20. DESMOND STATED HE WAS FINE.\n"
    found = people(text)
    assert found and all(name == "DESMOND" for name in found)


def test_initials_in_capitals_and_a_surname_that_is_a_verb_after_a_title_stay():
    text = (
        "Present: Amara Nwosu (AN), Ben Yates (BY), Mr Said and Ms Told.\nAN to write to the school. BY to send "
        "the minutes.\n"
    )
    found = people(text)
    assert found.count("AN") == 2 and found.count("BY") == 2
    assert "Mr Said" in found and "Ms Told" in found


def test_a_welsh_word_before_a_listed_surname_is_a_forename_wherever_it_stands():
    # (review-12: "Medi" and "Mae" are Welsh words and forenames; cut, they were published)
    found = people("Medi Jones said she was scared. Medi went home.")
    assert "Medi Jones" in found and "Medi" in found
    assert "Mae Thompson" in people("A social worker and Mae Thompson attended.")


def test_an_opening_verb_followed_by_a_verb_of_saying_is_a_person():
    found = people("Plant said the baby was fine. Heard told the GP.")
    assert "Plant" in found and "Heard" in found
