"""Ages in the forms the other age rules miss (issue 16, dev7 round, helper anon8): after a name and a comma,
in words in brackets, spans of units with no "and", halves, Welsh, the answer to "how old", a CSV age
column. Every text is invented for the test."""

from casereview.publication.anonymisation import detect


def ages(text):
    return [e.text for e in detect(text) if e.type == "AGE"]


def test_an_age_after_a_name_and_a_comma_or_in_words_in_brackets():
    text = (
        "Pupil: Ruby Platt, twelve, Y8, lives with her aunt. Messages from @omz (Omar Dale, Y7, 11).\n"
        "Siblings: Mia Kerr (seven) and Ava Kerr (two and a half); Finn Kerr (4½)."
    )
    found = ages(text)
    for age in ("twelve", "11", "seven", "two and a half", "4½"):
        assert age in found


def test_spans_of_units_halves_and_welsh_ages():
    text = (
        "Baby Lola, aged 3 months 12 days, was weighed. DOB 01/02/2020   six years two months.\n"
        "Her brother was 2½ years and missed his 2½ year review. Plentyn: Cai Evans, 7 oed; ei chwaer (11 mis oed)."
    )
    found = ages(text)
    for age in ("3 months 12 days", "six years two months", "2½ years", "7 oed", "11 mis oed"):
        assert age in found
    assert "2½ year" not in found  # the review due at that age is no one's age


def test_the_answer_to_how_old_and_a_csv_age_column():
    text = (
        "PC: How old is your brother?\nCaller: Six. He's in bed.\n\n"
        "ref,name,age_at_referral,setting\nR-1,Josh Keane,14,Elm House\nR-2,Lacey Hart,15,foster\n"
    )
    found = ages(text)
    assert "Six" in found and "14" in found and "15" in found


def test_a_number_that_is_not_an_age_stays():
    text = "Tom Hale, 07700 900123, rang at 9. Ward 10, Flat 4, 12 hours later: Ella Cope, Flat 3."
    assert ages(text) == []
