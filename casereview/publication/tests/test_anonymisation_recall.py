"""What the name lists, structural cues and agency handling catch and leave alone: the misses and false
alarms a reviewer met before (first names alone, full names the model missed, named places with no keyword,
agencies' names)."""

from casereview.publication.anonymisation import anonymise, detect
from casereview.publication.anonymisation.model import clear_cache, model_entities
from casereview.publication.anonymisation.names import forenames, surnames
from casereview.publication.anonymisation.patterns import alternation


def found(text):
    return {(e.text, e.type) for e in detect(text)}


def covered(text, phrase):
    """Is every letter of `phrase` inside some detection (of any type)?"""
    start = text.index(phrase)
    spans = [(e.start, e.end) for e in detect(text)]
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(phrase)) if text[i].isalnum())


def test_a_first_name_alone_in_a_list_of_children_is_caught():
    text = "The household comprised the mother, her partner and four children: Kayden, Harley, Skye and Macie."
    people = {e.text for e in detect(text) if e.type == "PERSON"}
    assert {"Kayden", "Harley", "Skye", "Macie"} <= people


def test_a_first_name_with_no_verb_after_it_is_caught_and_its_possessive_too():
    text = "Referral from the school: Jayden, Year 2, had a burn on his arm. Jayden's mother did not attend."
    assert [e.text for e in detect(text) if e.type == "PERSON"] == ["Jayden", "Jayden"]


def test_full_names_from_the_name_lists_are_caught_whole():
    text = "Their parents, Kojo Mensah and Efua Boateng, attended with Amelia Rose Cooper's aunt."
    people = {e.text for e in detect(text) if e.type == "PERSON"}
    assert {"Kojo Mensah", "Efua Boateng", "Amelia Rose Cooper"} <= people


def test_a_surname_that_is_an_everyday_word_is_caught_after_a_title():
    assert ("Ms Young", "PERSON") in found("The IDVA reported that Ms Young was pregnant.")


def test_agencies_named_after_people_and_places_stay():
    text = (
        "Chronologies came from Guy's and St Thomas' NHS Foundation Trust, King's College Hospital NHS "
        "Foundation Trust, Leeds Community Healthcare NHS Trust and the Metropolitan Police."
    )
    assert detect(text) == []


def test_towns_apps_and_what_children_call_parents_are_not_people():
    text = (
        'Ethan joined the school after the family moved from Kent. Nobody asked him. "Daddy did it," he said. '
        "Her Snapchat name was known to police. The family lived at 3 Pinfold Close, Castleford."
    )
    people = {e.text for e in detect(text) if e.type == "PERSON"}
    assert people == {"Ethan"}


def test_named_places_and_settings_without_a_usual_keyword_are_caught():
    text = (
        "She was seen at The Havens the next day and later at Sheffield Children's Hospital and the "
        "Bristol Royal Hospital for Children. The family lived at The Old Rectory, 34 Bird in Bush Road."
    )
    for phrase in [
        "The Havens",
        "Sheffield Children's Hospital",
        "Bristol Royal Hospital for Children",
        "The Old Rectory",
        "34 Bird in Bush Road",
    ]:
        assert covered(text, phrase), phrase


def test_exact_ages_after_is_and_in_brackets_are_caught():
    text = "Shanice disclosed that her boyfriend is 24. Mother (Chantelle Brooks, 19) was present."
    ages = {e.text for e in detect(text) if e.type == "AGE"}
    assert ages == {"24", "19"}


def test_a_first_name_alone_is_replaced_like_the_rest():
    result = anonymise("Alfie, Grace and their mother were seen. Alfie said he was hungry.")
    assert "Alfie" not in result.text and "Grace" not in result.text


def test_the_name_lists_are_read_from_the_package_and_mark_everyday_words():
    plain, ambiguous = forenames()
    assert "Jayden" in plain and "Grace" in ambiguous and "Grace" not in plain
    assert "Osei" in surnames()[0]


def test_the_model_answer_is_remembered_for_text_already_read():
    clear_cache()
    text = "Kerry Adams visited the family in Camberwell."
    first = list(model_entities(text))
    assert list(model_entities(text)) == first


def test_a_trie_alternation_prefers_the_longest_word():
    import re

    pattern = re.compile(r"\b(?:" + alternation(["nurse", "nurse specialist", "son", "sister"]) + r")\b")
    assert [m.group() for m in pattern.finditer("the nurse specialist, her sister and son")] == [
        "nurse specialist",
        "sister",
        "son",
    ]


def test_a_name_said_to_hold_a_role_or_named_after_a_crew_or_an_interpreter():
    text = (
        "His social worker is Maartje van Dijk. Crew: Idris Pughe (paramedic). Interpreter: Ilinca Stanescu.\n"
        "Now in foster care with Adwoa Boakye. Interpreter: LanguageLine, by phone.\n"
    )
    people = [e.text for e in detect(text) if e.type == "PERSON"]
    assert any("Maartje van Dijk" in p for p in people)
    assert "Idris Pughe" in people and "Ilinca Stanescu" in people and "Adwoa Boakye" in people
    assert "LanguageLine" not in people  # an interpreting service


def test_forenames_of_more_origins_are_listed():
    text = "Ardit said he was scared; Thandiwe told the nurse, and Gruffudd went home with Nyasha."
    people = [e.text for e in detect(text) if e.type == "PERSON"]
    assert {"Ardit", "Thandiwe", "Gruffudd", "Nyasha"} <= set(people)
