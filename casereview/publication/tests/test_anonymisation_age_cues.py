"""Ages by where the sentence or the table puts them (issue 16, helper anon12). Every passage is invented for the
test; each says what must stay."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_a_number_after_a_name_and_a_comma_or_a_cell_is_the_age():
    text = (
        'Defendant: Ruslan Petrenko, known as "Rus", 23, Ukrainian national.\n'
        "Nadia Qureshi | 9 | Lea Primary | lives with mum\nOwen Qureshi | 14 | Lea Academy | young carer\n"
        "Her partner, Callum Dreyer, twenty-one, was not present. Baby: Ivy Dreyer, 5 months at the time.\n"
    )
    found = ages(text)
    for age in ("23", "9", "14", "twenty-one", "5 months"):
        assert age in found


def test_the_rest_of_a_list_after_aged_and_an_age_by_a_word_of_judging_are_ages():
    text = (
        "Three other children were there, aged 4, 6 and 11. He presented as 16 or younger; the assessment found "
        'him likely to be 17. A WOMAN OF 41 WAS SEEN. Josh said he has driven "since I was ten".\n'
    )
    found = ages(text)
    for age in ("6", "11", "16", "17", "41", "ten"):
        assert age in found


def test_in_a_message_a_number_after_a_name_the_passage_holds_is_an_age():
    text = "Tia Marsh: jaz is outside\nJaz Cole: im here\nTia Marsh: hes 13 jaz 13\nJaz Cole: that lad's 20 ffs\n"
    assert ages(text).count("13") == 2 and "20" in ages(text)


def test_a_count_in_a_table_without_an_age_column_and_a_time_or_a_room_are_not_ages():
    text = (
        "| Ref | Victim | Perpetrator | Children | Risk |\n|---|---|---|---|---|\n"
        "| 1 | Ana Silva | Rui Costa | 3 | High |\n"
        "Ana Silva, 12 Hill Road, rang at 10. Rui Costa, room 4, was asleep.\n"
    )
    assert ages(text) == []
