"""Issue 16 item 3, read as a published report: the words a replacement leaves around itself. Each test gives
the detector's findings itself (`spans`), so what is tested is the replacement, whatever detection finds."""

import re

from casereview.publication.anonymisation import Entity, ReplacementTable, anonymise


def spans(text, *found):
    """Entities for the (type, words) pairs, at their first place in `text` after the previous one."""
    entities, position = [], 0
    for type_, words in found:
        start = text.index(words, position)
        entities.append(Entity(start, start + len(words), type_, words))
        position = start + len(words)
    return entities


def published(text, *found, pseudonym="Child T"):
    table = ReplacementTable(pseudonym=pseudonym)
    return anonymise(text, table, spans(text, *found)).text, table


def test_one_person_written_twice_side_by_side_is_written_once():
    text = "Seen: MO (Marek Olszewski, 41), TB = Tess Blythe, DH (Dana Hurst)."
    result, table = published(
        text,
        ("PERSON", "MO"),
        ("PERSON", "Marek Olszewski"),
        ("PERSON", "TB"),
        ("PERSON", "Tess Blythe"),
        ("PERSON", "DH"),
        ("PERSON", "Dana Hurst"),
    )
    assert result == "Seen: Person A (41), Person B, Person C.", result
    assert table.entry_for("Marek Olszewski").replacement == "Person A"


def test_two_people_side_by_side_both_stay():
    text = "Present: Marek Olszewski, Tess Blythe."
    result, _ = published(text, ("PERSON", "Marek Olszewski"), ("PERSON", "Tess Blythe"))
    assert result == "Present: Person A, Person B."


def test_a_relative_named_after_the_relation_is_the_relation_alone():
    text = (
        "She lives with her father, Gary Holt (51), and her uncle, Dev Rao. Her brother Lee Hart (12) and "
        "her half-sister Mia Hart share a room."
    )
    found = [("PERSON", "Gary Holt"), ("PERSON", "Dev Rao"), ("PERSON", "Lee Hart"), ("PERSON", "Mia Hart")]
    result, table = published(text, *found, pseudonym="")
    assert result.startswith("She lives with her father (51), and her uncle. Her brother (12) and her half-sister "), (
        result
    )
    assert table.entry_for("Lee Hart").replacement == "the brother"
    assert table.entry_for("Mia Hart").replacement == "the sister"
    assert "Sibling" not in result


def test_a_role_written_after_the_name_at_a_fields_end_is_not_written_again():
    text = "Prepared by: Nia Evans, social worker\nReviewed by: Omar Saleh, team manager   Date: today"
    result, _ = published(text, ("PERSON", "Nia Evans"), ("PERSON", "Omar Saleh"))
    assert result == "Prepared by: Social Worker 1\nReviewed by: Manager 1   Date: today"


def test_the_role_is_the_whole_word_nearest_the_name():
    text = "Booked by midwife Carys Bell. Later her boyfriend Jay Cole (19) called."
    result, table = published(text, ("PERSON", "Carys Bell"), ("PERSON", "Jay Cole"))
    assert table.entry_for("Carys Bell").replacement == "Midwife 1"  # not the "wife" in "midwife"
    assert table.entry_for("Jay Cole").replacement == "the partner"  # not the "friend" in "boyfriend"
    assert result == "Booked by Midwife 1. Later her boyfriend (19) called."


def test_a_role_said_of_someone_else_is_not_theirs():
    text = (
        "Kayla Price (per mother) said no. Eve Lloyd, since his mother left, cares for him. "
        "Counsel for the mother, Ms Ana Ruiz, spoke."
    )
    found = [("PERSON", "Kayla Price"), ("PERSON", "Eve Lloyd"), ("PERSON", "Ms Ana Ruiz")]
    result, table = published(text, *found)
    for name in ("Kayla Price", "Eve Lloyd", "Ms Ana Ruiz"):
        assert "mother" not in table.entry_for(name).replacement, name
    assert "since his mother left" in result
    assert "Counsel for the mother, Person C, spoke." in result


def test_a_role_on_the_next_line_belongs_to_the_next_line():
    text = "Contact: Ellie Shaw\n(mother not present)\nSocial worker: Tom Reed"
    _, table = published(text, ("PERSON", "Ellie Shaw"), ("PERSON", "Tom Reed"), pseudonym="")
    assert table.entry_for("Ellie Shaw").replacement == "Person A"
    assert table.entry_for("Tom Reed").replacement == "Social Worker 1"


def test_a_tables_role_column_gives_the_role():
    text = "Name\tRole\tAgency\nNia Evans\tHealth visitor\tNHS\nTom Reed\tTeacher\tSchool"
    result, _ = published(text, ("PERSON", "Nia Evans"), ("PERSON", "Tom Reed"))
    assert result.splitlines()[1:] == ["Health Visitor 1\tHealth visitor\tNHS", "Teacher 1\tTeacher\tSchool"]


def test_a_kind_written_beside_a_setting_is_not_written_twice():
    text = "Registered with GP Hill Top Surgery. Copy to Park Lane Health Centre GP. He goes to the Rowan school."
    found = [("HEALTH_SETTING", "Hill Top Surgery"), ("HEALTH_SETTING", "Park Lane Health Centre"), ("PLACE", "Rowan")]
    result, _ = published(text, *found)
    assert result == ("Registered with the GP surgery. Copy to the second GP surgery. He goes to the school."), result


def test_a_kind_word_ending_a_phrase_or_a_cell_stays():
    text = "Boys' school Hill Top Primary informed.\nGP\tHill Top Surgery"
    found = [("SCHOOL", "Hill Top Primary"), ("HEALTH_SETTING", "Hill Top Surgery")]
    result, _ = published(text, *found)
    assert result.startswith("Boys' school the primary school informed.\nGP\t"), result


def test_of_two_children_alike_the_first_named_takes_the_pseudonym():
    text = "Children: Ishaan Karim (11) and Inaya Karim (8)."
    for _ in range(3):
        result, _ = published(text, ("PERSON", "Ishaan Karim"), ("PERSON", "Inaya Karim"))
        assert result == "Children: Child T (11) and Person A (8)."


def test_no_fitted_sentence_doubles_a_word():
    text = (
        "Caller: My husband, Stephen, Stephen Lomax. He is drunk. I spoke to his mother, Kerry Adams, "
        "Kerry said no. The ED nurse, Sean Mulvaney, completed the checklist."
    )
    found = [
        ("PERSON", "Stephen"),
        ("PERSON", "Stephen Lomax"),
        ("PERSON", "Kerry Adams"),
        ("PERSON", "Kerry"),
        ("PERSON", "Sean Mulvaney"),
    ]
    result, _ = published(text, *found)
    assert "My husband. He is drunk." in result
    assert "his mother said no." in result
    assert "Nurse 1 completed" in result and "The ED Nurse 1" not in result
    assert not re.search(r"\b(\w+),? (?:the )?\1\b", result, re.I), result


def test_an_adult_sharing_the_childs_surname_is_not_the_child():
    text = "Re: Lily-Mae Whitfield (2). Lily-Mae's father, Mr Whitfield, is in prison. Mrs Whitfield said he calls."
    found = [
        ("PERSON", "Lily-Mae Whitfield"),
        ("PERSON", "Lily-Mae"),
        ("PERSON", "Mr Whitfield"),
        ("PERSON", "Mrs Whitfield"),
    ]
    result, table = published(text, *found)
    assert result.startswith("Re: Child T (2). Child T's father is in prison."), result
    assert "Child T said" not in result
    assert table.entry_for("Lily-Mae Whitfield").replacement == "Child T"


def test_a_girl_written_with_miss_can_still_be_the_child():
    text = "Young person: Ola Nowak (14). Miss Nowak said she wants to stay."
    result, _ = published(text, ("PERSON", "Ola Nowak"), ("PERSON", "Miss Nowak"))
    assert result == "Young person: Child T (14). Child T said she wants to stay."


def test_a_title_rules_out_a_role_of_the_other_sex():
    text = "Parents: Paddy Ward (father). Mrs Ward has low mood."
    _, table = published(text, ("PERSON", "Paddy Ward"), ("PERSON", "Mrs Ward"), pseudonym="")
    assert table.entry_for("Paddy Ward").replacement == "the father"
    assert table.entry_for("Mrs Ward").replacement == "Person A"


def test_a_role_after_a_verb_and_a_preposition_is_someone_elses():
    text = "Dawit Tesfaye was brought by his aunt. Mary Jones was the allocated social worker."
    _, table = published(text, ("PERSON", "Dawit Tesfaye"), ("PERSON", "Mary Jones"), pseudonym="")
    assert table.entry_for("Dawit Tesfaye").replacement == "Person A"
    assert table.entry_for("Mary Jones").replacement == "Social Worker 1"


def test_a_roles_qualifier_after_a_semicolon_goes_with_it():
    text = "A man keeps knocking at night; hotel manager Vikram Shah is aware. Please call our nurse, Ann Lee."
    result, _ = published(text, ("PERSON", "Vikram Shah"), ("PERSON", "Ann Lee"))
    assert "at night; Manager 1 is aware." in result and "Please call Nurse 1." in result, result


def test_the_child_named_on_a_form_takes_the_pseudonym():
    text = "Child's name: Oisín Connors   Age: 11\nHis sister Mary Connors (15) has left school."
    result, _ = published(text, ("PERSON", "Oisín Connors"), ("PERSON", "Mary Connors"))
    assert result.startswith("Child's name: Child T   Age: 11\nHis sister (15) has left school."), result


def test_a_role_said_in_a_bracket_with_more_is_not_written_twice():
    text = "Household: Gemma Lane (mother, 29), Rob Lane (stepfather, 41). Mam: Cerys Pugh (36)."
    found = [("PERSON", "Gemma Lane"), ("PERSON", "Rob Lane"), ("PERSON", "Cerys Pugh")]
    result, _ = published(text, *found, pseudonym="")
    assert result == "Household: the mother (29), the stepfather (41). Mam: the second mother (36).", result


def test_sw_before_a_name_is_a_social_worker():
    text = "Present: SW Hope Mackintosh; Amber Ridgeway."
    result, _ = published(text, ("PERSON", "SW Hope Mackintosh"), ("PERSON", "Amber Ridgeway"))
    assert result == "Present: Social Worker 1; Person A."


def test_a_titled_surname_is_the_one_of_that_sex_among_those_sharing_it():
    text = (
        "Applicant: Dwayne Campbell. The paternal grandmother, Mrs Hyacinth Campbell, offered to help. "
        "Mr Campbell appeared in person. Amara Nwosu came with her father, Obiora Nwosu; her mother is Chiamaka "
        "Nwosu. Mr Nwosu waited."
    )
    found = [
        ("PERSON", "Dwayne Campbell"),
        ("PERSON", "Mrs Hyacinth Campbell"),
        ("PERSON", "Mr Campbell"),
        ("PERSON", "Amara Nwosu"),
        ("PERSON", "Obiora Nwosu"),
        ("PERSON", "Chiamaka Nwosu"),
        ("PERSON", "Mr Nwosu"),
    ]
    result, table = published(text, *found, pseudonym="")
    assert "Person A appeared in person" in result, result  # Dwayne, not his mother
    assert table.entry_for("Mr Nwosu").replacement not in ("Person B", "the mother"), (
        result
    )  # not Amara, not her mother


def test_a_label_the_replacement_already_says_is_not_written_again():
    text = "Address 12 Hill Road, Leeds\nCHRONOLOGY – Child Kacper Nowak (3)\nKey person Amy Cole."
    found = [("ADDRESS", "12 Hill Road, Leeds"), ("PERSON", "Kacper Nowak"), ("PERSON", "Amy Cole")]
    result, _ = published(text, *found)
    assert result == "Address A\nCHRONOLOGY – Child T (3)\nKey person Person A.", result


def test_a_bracket_naming_the_same_one_again_goes():
    text = "MO (father, Michael Owusu) hit him. Seen at the Evelina (Evelina) ED."
    found = [
        ("PERSON", "MO"),
        ("PERSON", "Michael Owusu"),
        ("HEALTH_SETTING", "Evelina"),
        ("HEALTH_SETTING", "Evelina"),
    ]
    result, _ = published(text, *found)
    assert result == "The father hit him. Seen at the health setting ED.", result


def test_a_settings_short_name_before_its_full_one_is_the_same_setting():
    text = "CP medical at Evelina (Evelina London Children's Hospital). Seen at Ulster Hospital (the Ulster) ED."
    found = [
        ("HEALTH_SETTING", "Evelina"),
        ("HEALTH_SETTING", "Evelina London Children's Hospital"),
        ("HEALTH_SETTING", "Ulster Hospital"),
        ("HEALTH_SETTING", "Ulster"),
    ]
    result, table = published(text, *found)
    assert result == "CP medical at the hospital. Seen at the second hospital ED.", result
    assert table.entry_for("Evelina").replacement == "the hospital"


def test_a_bracket_taken_with_what_was_found_is_put_back():
    text = "Health visitor Joanne Tromans (07700 900 442) shares my concern."
    result, _ = published(text, ("PERSON", "Joanne Tromans"), ("PHONE", "(07700 900 442"))
    assert result == "Health Visitor 1 ([phone number]) shares my concern.", result
