"""OCR's small l for a capital I opening a name, and an age after "age" read as letters only (issue 16, helper
anon12). Every passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect

SCAN = (
    "Re: Yasmin Ahmed (DOB l4/O2/2Ol3, age ll) and her brother lmran (aged lO)\n"
    "Tel O77OO 9OO 65O. lmran's teacher said he was tired. I saw lsaac at the clinic; lots of bruises.\n"
)


def test_a_name_opening_with_a_small_l_for_a_capital_i_is_found():
    people = [e.text for e in detect(SCAN) if e.type == "PERSON"]
    assert "lmran" in people and "lsaac" in people
    assert "lots" not in " ".join(people)


def test_an_age_read_as_letters_after_age_is_found():
    ages = [e.text for e in detect(SCAN) if e.type == "AGE"]
    assert "ll" in ages and "lO" in ages


def test_ordinary_text_is_not_read_as_a_scan():
    text = "Age ll is not how we write ages. The lads said lmao and laughed.\n"
    assert [e.text for e in detect(text)] == []
