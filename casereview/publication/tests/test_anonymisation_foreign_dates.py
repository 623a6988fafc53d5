"""Dates written in another language (issue 16, helper anon12). Every passage is invented for the test; each says
what must stay."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def test_a_day_a_month_in_another_language_and_a_year_is_a_date_and_after_a_birth_word_a_birth_date():
    text = (
        "Mon fils Théo est né le 9 février 2016. Urodzona 12 października 2010 r. w Łodzi. Am 5. Juni 2018 kam "
        "er nach England. Il 7 luglio 2019 è arrivato.\n"
    )
    found = {e.text: e.type for e in detect(text) if e.type in ("DATE", "DATE_OF_BIRTH")}
    assert found.get("9 février 2016") == "DATE_OF_BIRTH"
    assert any("października 2010" in t and k == "DATE_OF_BIRTH" for t, k in found.items())
    assert any("Juni 2018" in t for t in found) and any("luglio 2019" in t for t in found)
    out = anonymise(text, ReplacementTable(pseudonym="Child T")).text
    assert "9 février" not in out and "12 października" not in out


def test_a_month_word_with_no_year_is_left():
    text = "The Mars bar cost 4 mars. Maj said 3 maj was fine.\n"
    assert [e.text for e in detect(text) if e.type in ("DATE", "DATE_OF_BIRTH")] == []
