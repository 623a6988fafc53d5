"""People the model labels an organisation or a building (issue 16, helper anon10). Every passage is invented
for the test; each says what must stay."""

from casereview.publication.anonymisation import detect
from casereview.publication.anonymisation.detection import _clean_person
from casereview.publication.anonymisation.name_shapes import person_shaped_finds


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_a_name_the_model_calls_an_organisation_is_a_person_and_its_other_mentions_too():
    text = (
        "As agreed, Emrys Pritchard should not visit the house while enquiries continue. Emrys says he understands.\n"
    )
    found = people(text)
    assert "Emrys Pritchard" in found and found.count("Emrys") == 1


def shaped(text, label="ORG"):
    return [text[s:e] for s, e, *_ in person_shaped_finds(text, [(0, len(text), label)], _clean_person)]


def test_only_a_name_shaped_span_with_a_listed_name_and_no_organisation_word():
    assert shaped("Emrys Pritchard") == ["Emrys Pritchard"]
    assert shaped("Pritchard Solicitors") == []  # an organisation's word
    assert shaped("Emrys Prichard") == []  # neither word on the lists: left to the model
    assert shaped("Grace Church") == []  # a setting's kind
    assert shaped("Emrys Pritchard", label="GPE") == []  # a town is never replaced


def test_a_span_running_into_the_next_field_is_cut():
    text = "Bola Pritchard\nSent: 4 May"  # "From: ...\nSent:": the next line is a field
    assert [text[s:e] for s, e, *_ in person_shaped_finds(text, [(0, 19, "ORG")], _clean_person)] == ["Bola Pritchard"]
    assert shaped("Bola Pritchard\nGwen") == ["Bola Pritchard\nGwen"]  # a name split over a line stays whole
    assert shaped("Officers Gwen Pritchard") == []  # a plural role word: not a name
