"""Issue 16: what a reader of the published report sees (replacements that fit the sentence), what the
detector catches in other people's writing (general mechanisms, not the wording of one example), and bad
input that must never break it."""

import re

import pytest

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect
from casereview.publication.anonymisation.replacement import age_replacement, date_replacement, setting_kind

STORY = (
    "Jade Smith (14) lived with her mother Kerry Adams. Her social worker Mary Jones visited on Monday "
    "3 March 2014. Jade was born on 14 March 2011. Later, Ms Adams said her grandmother Jean Brown had "
    "visited. Mary Jones saw Jade at King's College Hospital. They stayed at the Premier Inn Southwark. "
    "Jade, aged 15, attended Oakfield Primary School."
)


@pytest.fixture
def published():
    table = ReplacementTable(pseudonym="Child T")
    return anonymise(STORY, table), table


def test_the_child_takes_the_reviews_pseudonym_and_others_a_role(published):
    result, table = published
    assert result.text.startswith("Child T (14) lived with her mother.")
    assert table.entry_for("Jade Smith").replacement == "Child T"
    assert table.entry_for("Kerry Adams").replacement == "the mother"
    assert table.entry_for("Mary Jones").replacement == "Social Worker 1"
    assert "Later, the mother said" in result.text  # "Later" is not a name; "Ms Adams" follows "Kerry Adams"


def test_no_doubled_words_and_dates_read_as_english(published):
    result, _ = published
    assert "her grandmother had visited" in result.text  # not "her grandmother the grandmother"
    assert not re.search(r"\b(\w+) \1\b", result.text, re.I)
    assert "visited in March 2014" in result.text  # not "on Monday March 2014"
    assert "born in spring 2011" in result.text and "born on 2011" not in result.text


def test_settings_keep_their_own_kind(published):
    result, _ = published
    assert "at the hospital" in result.text  # not "the secondary school"
    assert "stayed at the hotel" in result.text  # not "Premier Person C"
    assert "attended the primary school" in result.text
    assert setting_kind("King's College Hospital", "HEALTH_SETTING") == "hospital"
    assert setting_kind("HMYOI Cookham Wood", "PLACE") == "young offender institution"
    assert setting_kind("Tesco Express", "PLACE") == "shop"


def test_every_replacement_dates_and_ages_included_is_in_the_table(published):
    result, table = published
    originals = {entry.original for entry in table}
    for replaced in result.replaced:
        assert table.entry_for(replaced.entity.text) is not None, replaced.entity.text
    assert {"3 March 2014", "14 March 2011", "15"} <= originals


def test_ages_stay_ages_as_written_or_as_a_band():
    assert age_replacement("15", "exact") == "15"
    assert age_replacement("15 years old", "band") == "12 to 15 years old"
    assert age_replacement("19", "band") == "over 18"  # "aged over 18", never "aged adult"
    assert age_replacement("4 months", "band") == "under one year"
    assert age_replacement("15-year-old", "band") == "12-to-15-year-old"
    text = "Jade, aged 15, and her brother, aged 19, moved."
    banded = anonymise(text, ReplacementTable(), age_style="band").text
    assert "aged 12 to 15" in banded and "aged over 18" in banded and "adult" not in banded


def test_dates_become_month_and_year_and_a_written_date_of_birth_its_season():
    assert date_replacement("21/09/2017") == "September 2017"
    assert date_replacement("the 3rd of Feb") == "February"
    assert date_replacement("14.03.11", "DATE_OF_BIRTH") == "spring 2011"
    text = "Date of birth: 02/12/2010. On 5 June 2019 she moved."
    assert anonymise(text).text == "Date of birth: winter 2010. In June 2019 she moved."


def test_a_role_beside_the_name_decides_it_not_one_further_away():
    text = "Tom Reilly lived with his mother. His stepfather, Dean Walsh, was violent. PC Sarah Hill attended."
    table = ReplacementTable()
    result = anonymise(text, table)
    assert table.entry_for("Dean Walsh").replacement == "the stepfather"
    assert table.entry_for("Tom Reilly").replacement != "the mother"
    assert "His stepfather was violent" in result.text
    assert table.entry_for("PC Sarah Hill").replacement == "Police Officer 1"  # "Hill" is a surname here


# Recall by general mechanisms ---------------------------------------------------------------------------


def covered(text, phrase, found=None):
    found = detect(text) if found is None else found
    start = text.index(phrase)
    return all(any(e.start <= i < e.end for e in found) for i in range(start, start + len(phrase)) if text[i].isalnum())


@pytest.mark.parametrize(
    "text, phrase",
    [
        (
            "She moved to 41 Canal Street, Walworth, London SE17 2QT in May.",
            "41 Canal Street, Walworth, London SE17 2QT",
        ),
        ("Address: Room 3, Kenmore House, 2 Kenton Lane, Harrow HA3 8RT", "Room 3, Kenmore House, 2 Kenton Lane"),
        ("The Grange Surgery\n14 Moor View\nLeeds\nLS9 8AB", "14 Moor View\nLeeds\nLS9 8AB"),
        ("DS Harrow and Insp. Brannigan reviewed the log.", "Brannigan"),
        ("The statement was taken by J. Okoro-Watts on the ward.", "J. Okoro-Watts"),
        ("Seen by Dr S. Venkataraman and named nurse Bethan\nMorgan.", "S. Venkataraman"),
        ("Seen by Dr S. Venkataraman and named nurse Bethan\nMorgan.", "Bethan\nMorgan"),
        ("Her brother is in HMYOI Werrington and her father in HMP Hewell.", "HMYOI Werrington"),
        ("They met outside Tesco Express and went to the Fox and Hounds pub.", "Fox and Hounds"),
        ("They met outside Tesco Express and went to the Fox and Hounds pub.", "Tesco Express"),
        ("He attends Kingstanding Community Hub and the Beeches Youth Centre.", "Kingstanding Community Hub"),
        ("He attends Kingstanding Community Hub and the Beeches Youth Centre.", "Beeches Youth Centre"),
        ("She was found at Clifton Recreation Ground at 2am.", "Clifton Recreation Ground"),
        ("Her sister (18 months) was asleep.", "18 months"),
        ("Saved as 'Big D' in her phone; his handle is deshawn_x7.", "deshawn_x7"),
        ("Patient: ELLIE-MAY FORSYTH   DOB: 30.04.2021", "ELLIE-MAY FORSYTH"),
    ],
)
def test_recall_mechanisms(text, phrase):
    assert covered(text, phrase), [(e.text, e.type) for e in detect(text)]


def test_identifier_shaped_numbers_are_redacted_and_flagged_as_doubtful():
    found = {(e.text, e.source) for e in detect("NI number TN 987654 C; NHS no. 485 777 3456; phone 020 7946 0123.")}
    assert ("TN 987654 C", "doubtful") in found
    assert ("485 777 3456", "rule") in found  # "NHS no." before it
    assert ("020 7946 0123", "rule") in found


def test_a_column_that_holds_names_holds_names_in_every_row():
    text = (
        "Date\tOfficer\tContact\tOutcome\n"
        "04/02/2021\tPC Danny Whitlock\tMercy Adjei (mother)\tWords of advice\n"
        "02/05/2021\tSam Ferris\tKwabena Adjei\tNo further action\n"
        "28/06/2021\tLucy Tanaka\tKofi\tMissing report\n"
    )
    found = detect(text)
    for phrase in ("Sam Ferris", "Lucy Tanaka", "Kofi", "Danny Whitlock"):
        assert covered(text, phrase, found), phrase
    assert not any("Words" in e.text or "Missing" in e.text for e in found)
    piped = (
        "| Date | Officer | Person seen |\n| 12.08.22 | DC Marsh | Tyrell Okafor |\n"
        "| 14.08.22 | Gary Lomax | Precious Okafor |\n"
    )
    found = detect(piped)
    assert covered(piped, "Gary Lomax", found) and covered(piped, "Precious Okafor", found)


def test_speakers_of_a_transcript_and_initials_in_minutes_are_people():
    thread = "[21:04] Kayla: u still coming\n[21:06] Deshawn: yh in 10\n[21:07] Deshawn: where r u\n"
    assert covered(thread, "Deshawn")
    minutes = "Present: Joanne Lister (JL), social worker.\nJL: the plan stands.\nJL said she would visit.\n"
    assert sum(e.text == "JL" for e in detect(minutes)) == 3


# Bad input --------------------------------------------------------------------------------------------------


def test_a_table_of_2000_rows_is_read_and_its_names_caught():
    rows = [f"{i % 28 + 1:02d}/03/2021\tPC Danny Whitlock\tKwabena Adjei\tWords of advice" for i in range(2000)]
    text = "Date\tOfficer\tContact\tOutcome\n" + "\n".join(rows) + "\n"
    result = anonymise(text)
    assert "Whitlock" not in result.text and "Adjei" not in result.text


def test_a_passage_all_in_capitals():
    text = "JADE SMITH TOLD HER TEACHER THAT KERRY ADAMS HAD HIT HER AT 12 ALBION STREET."
    result = anonymise(text)
    assert "JADE" not in result.text and "ADAMS" not in result.text


def test_names_that_are_places_and_words():
    text = "Chelsea told her teacher there was no hope. Hope Okafor, her aunt, lives in Chelsea."
    found = [(e.text, e.type) for e in detect(text)]
    assert ("Chelsea", "PERSON") in found and ("Hope Okafor", "PERSON") in found
    assert "no hope" in anonymise(text).text


def test_the_same_person_written_five_ways_is_one_person():
    text = (
        "Kerry-Ann Adams, the mother, was seen. Ms Adams said Kerry-Ann was tired. "
        "K. Adams signed the plan. KERRY-ANN ADAMS was listed. Kerry-Ann\u200b Adams was present."
    )
    table = ReplacementTable()
    result = anonymise(text, table)
    assert "Adams" not in result.text and "Kerry" not in result.text and "ADAMS" not in result.text
    assert result.text.count("the mother") + result.text.count("The mother") == 6  # every mention, one person


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t", "12345", "(((", "Ça va? Je m'appelle Marie Dupont, j'habite 3 rue de la Paix.", "🙂" * 50],
)
def test_odd_input_never_breaks(text):
    result = anonymise(text)
    assert isinstance(result.text, str)


def test_a_role_said_beside_the_name_is_not_said_twice():
    text = "Kerry Adams, the allocated social worker, visited. Nicola Hale, her mother, said no."
    assert anonymise(text).text == "Social Worker 1 visited. The mother said no."


def test_a_numbered_role_in_an_aside_before_the_name_leaves_no_stray_comma():
    text = "His social worker, Maria Lopez, visited twice. The police officer, PC John Davies, spoke to him."
    assert anonymise(text).text == "Social Worker 1 visited twice. Police Officer 1 spoke to him."


def test_nicknames_sign_off_initials_and_ages_written_loosely():
    text = 'Tyrone "T-Bone" Walsh turned 16; his sisters are ages 4 and 7.\n\nThanks,\nDM\n'
    found = {(e.text, e.type) for e in detect(text)}
    assert {("T-Bone", "OTHER"), ("Walsh", "PERSON"), ("16", "AGE"), ("4 and 7", "AGE"), ("DM", "PERSON")} <= found


@pytest.mark.parametrize(
    "text, reads",
    [
        ("Jade told her class teacher Mrs Ann Patel that she was hungry.", "told Teacher 1 that she was hungry"),
        ("Her school nurse Jenny Lowe saw her twice.", "Nurse 1 saw her twice"),
        ("Mum spoke to the new class teacher Mrs Ann Patel.", "Mum spoke to Teacher 1."),
        ("The allocated social worker Mary Jones visited.", "Social Worker 1 visited"),
        ("Class teacher Mrs Ann Patel said no.", "Teacher 1 said no"),
    ],
)
def test_the_words_qualifying_a_role_go_with_it_into_the_numbered_role(text, reads):
    """ "her class teacher Mrs Ann Patel" read "her class Teacher 1": the role word went into the pseudonym
    and its qualifier was left in front of it."""
    result = anonymise(text).text
    assert reads in result, result
    assert not re.search(r"\b(?:class|school|new|allocated) (?:Teacher|Nurse|Social Worker) \d", result, re.I)


def test_a_verb_before_a_role_is_never_taken_for_its_qualifier():
    assert "Mum phoned" in anonymise("Mum phoned class teacher Mrs Ann Patel.").text
    # "tutor" is one of the ways the teacher's role is written, so it goes into "Teacher 1" like "class teacher"
    assert "told Teacher 1." in anonymise("Jade told her form tutor Mr Ben Cole.").text
