"""Ethnicity and faith as records write them (issue 16, seventh round): in a line typed in capitals, and a
colour before a nationality on a form. Every text is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def found(text):
    return {(e.text, e.type) for e in detect(text)}


def test_ethnicity_and_faith_in_a_line_typed_in_capitals():
    text = "CALLER THINKS THE FAMILY ARE NIGERIAN, PENTECOSTAL. MOTHER SAYS I AM ZIMBABWEAN AND MUSLIM."
    assert {("NIGERIAN", "ETHNICITY"), ("PENTECOSTAL", "RELIGION"), ("ZIMBABWEAN", "ETHNICITY")} <= found(text)
    assert ("MUSLIM", "RELIGION") in found(text)


def test_a_colour_before_a_nationality_on_a_form_is_part_of_the_ethnicity():
    assert ("White Polish", "ETHNICITY") in found("Ethnicity on SIMS: White Polish   Religion: Roman Catholic")
    words = {t for t, _ in found("He wore a white shirt and a black coat to the Polish shop.")}
    assert not any("white" in w.lower() or "black" in w.lower() for w in words)
