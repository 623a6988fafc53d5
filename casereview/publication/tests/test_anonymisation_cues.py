"""Identifying details by the cues around them (issue 16, fifth round): ranks, collar numbers and role
abbreviations before names, initials that spell a named person, chat threads' handles and lower-case names,
quoted aliases, ages as people say them, weeks written "w/c", settings with an everyday first word or "The",
places of worship with their district, and the words that stay (references, languages, durations). Every text
is invented for the test, in a general form, one or more per mechanism."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def found(text, kind=None):
    return [e.text for e in detect(text) if kind is None or e.type == kind]


def published(text):
    return anonymise(text, ReplacementTable(pseudonym="Child Q")).text


# People ----------------------------------------------------------------------------------------------------


def test_a_surname_after_a_rank_and_collar_number_is_a_name_in_any_case():
    text = "Attending: PC 4471 BRANAGH and PC 2208 Imam, with DS 915 T. OKAFOR-LEWIS.\n"
    people = found(text, "PERSON")
    assert "BRANAGH" in people
    assert "Imam" in people  # also a title elsewhere
    assert any("OKAFOR-LEWIS" in p for p in people)


def test_initials_after_a_rank_stand_for_that_officer_wherever_they_are_written():
    text = "Police (DS WQ): two call-outs since March.\nActions: 1. WQ – flag the address.\n"
    assert sum(p.endswith("WQ") for p in found(text, "PERSON")) == 2


def test_a_name_after_a_role_abbreviation_is_a_person():
    people = found("Present: HV Marguerite Ann Fenby by phone; IDVA Roshni Tallis.", "PERSON")
    assert any(p.endswith("Marguerite Ann Fenby") for p in people)
    assert "Roshni Tallis" in people


def test_initials_defined_beside_a_name_are_that_person_everywhere_even_when_they_are_a_rank():
    text = (
        "Resident: Delroy Carrick (DC), 17    Key worker: Ines Moya (IM)\n"
        "DC said he was behind on rent. IM to call DC on Monday.\n"
    )
    people = found(text, "PERSON")
    assert people.count("DC") == 3
    assert people.count("IM") == 2


def test_initials_before_or_after_the_name_they_spell_define_both():
    text = (
        "Present: QO – Quentin Ormsby, school nurse; Wilma Tsang (team manager, MASH) – WT\n"
        "Decision: joint visit QO/WT today.\n"
    )
    people = found(text, "PERSON")
    assert "Quentin Ormsby" in people and "Wilma Tsang" in people
    assert people.count("QO") == 2 and people.count("WT") == 2


def test_words_in_capitals_and_references_are_not_initials():
    text = "Ivo Frame (IF) attended.\nPOSITION STATEMENT ON BEHALF OF THE LOCAL AUTHORITY\nOur ref: IF/LR/0442\n"
    people = found(text, "PERSON")
    assert "OF" not in people
    assert people.count("IF") == 1


def test_brackets_that_give_an_age_or_a_birth_make_a_person():
    text = "Members: Zdenka (14, Northfield Academy), Kaiyo (born 30/05/2020) and mum (Harpreet)."
    people = found(text, "PERSON")
    assert {"Zdenka", "Kaiyo", "Harpreet"} <= set(people)


def test_a_name_found_in_one_case_is_found_in_the_other():
    text = "Suspect: Liam QUARMBY (19).\nQUARMBY arrested at 23:40.\nBaby Girl CHEN (to be named Mei Lin Chen)."
    people = found(text, "PERSON")
    assert "QUARMBY" in people
    assert any("CHEN" in p for p in people)


def test_a_surname_initial_after_a_forename_is_part_of_the_name():
    assert "Kathleen D." in found("Visit arranged through Kathleen D., who knows the family.", "PERSON")


def test_a_mc_surname_is_one_word():
    assert "Siobhan McCartney" in found("HV: Siobhan McCartney   Base: Hollins Health Centre", "PERSON")


# Chat threads, handles and aliases -------------------------------------------------------------------------


CHAT = (
    "[21:02] zzmoonfangZz: who's on tonight\n"
    "[21:03] toffee_brin: me!! parents out\n"
    "[21:04] zzmoonfangZz: brin how old r u again\n"
    "[21:05] toffee_brin: 12 lol why\n"
    "[21:06] Uncle Z 👑: leave her alone\n"
    "[21:07] Uncle Z 👑: go with jayden instead\n"
    'Note: "zzmoonfangZz" is registered to an adult; "Uncle Z" not traced.\n'
)


def test_chat_senders_named_by_handles_are_found_wherever_written():
    spans = found(CHAT)
    assert spans.count("zzmoonfangZz") == 3
    assert sum("Uncle Z" in s for s in spans) == 3


def test_words_of_a_handle_and_listed_forenames_in_lower_case_are_names_in_messages():
    people = found(CHAT, "PERSON")
    assert "brin" in people
    assert "jayden" in people


def test_the_answer_to_how_old_is_an_age_not_the_time_of_the_message():
    assert found(CHAT, "AGE") == ["12"]


def test_a_quoted_alias_after_what_introduces_one_is_found_and_its_other_mentions_too():
    text = (
        'He plays online under the name "Grimbolt". Boys calling themselves "Eastside Crew" chased him.\n'
        'A lad from Room 9, "Sprocket", brings people in; staff worry that Sprocket "chats to her".\n'
        'He was with "Nines" and "Little Q". She calls him "Linc".\n'
    )
    others = found(text, "OTHER") + found(text, "PERSON")
    for alias in ("Grimbolt", "Eastside Crew", "Nines", "Little Q", "Linc"):
        assert alias in others
    assert others.count("Sprocket") == 2


def test_a_quoted_name_beside_a_full_name_is_what_that_person_is_called():
    text = 'Linh Tran ("Lulu") (6) attends. Her stepdad "Mo" (Mohammed Qasim) was arrested; Mo denies it.'
    spans = found(text)
    assert "Lulu" in spans
    assert "6" in found(text, "AGE")
    assert spans.count("Mo") == 2


def test_a_quoted_profile_that_lists_details_is_not_one_alias():
    assert "JK, 19, Manny" not in found('Other account: (profile "JK, 19, Manny")')


# Ages and dates --------------------------------------------------------------------------------------------


def test_ages_in_compound_units_are_one_age():
    ages = found("Archie (4y 5m) fell. Amaan is now 2 years 2 months. She was 15 years and 10 months then.", "AGE")
    assert "4y 5m" in ages and "2 years 2 months" in ages and "15 years and 10 months" in ages


def test_ages_as_people_say_them_are_ages():
    text = (
        "You are 15 and can contact us yourself. He will be 17 on 15 February. "
        "She gave her age as 18. Teresa left school at 12. Mr Ravi Chow, 65\n"
        "Patient: Ms Kaur   34 y   DOB 05/02/1989\nBaby Amir   2/12 old\n"
    )
    ages = found(text, "AGE")
    for age in ("15", "17", "18", "12", "65", "34 y", "2/12 old"):
        assert age in ages


def test_durations_and_counts_stay():
    text = "Third referral in 12 months. He was kept there for about 3 months. Score: 4 out of 5."
    assert found(text, "AGE") == []


def test_a_week_commencing_takes_its_date():
    assert "w/c 19/6" in found("Seen on 12/06/2023. Jamal absent w/c 19/6; home visit.", "DATE")


# Settings and places ---------------------------------------------------------------------------------------


def test_a_setting_keeps_an_everyday_first_word_and_a_leading_the():
    assert "Spring Hollow Surgery" in found("Seen by the GP at Spring Hollow Surgery with mum.", "HEALTH_SETTING")
    assert "THE LARCHES SURGERY" in found("THE LARCHES SURGERY\n14 Mill Road, Hatton", "HEALTH_SETTING")
    assert "The Larches Surgery" in found("Letter from\nThe Larches Surgery, Mill Road", "HEALTH_SETTING")
    assert "The Grange Academy" in found("Callum's school (The Grange Academy) reported it.", "SCHOOL")


def test_the_local_surgery_keeps_no_determiner():
    assert found("He saw the Local Hollow Surgery nurse.", "HEALTH_SETTING") == ["Hollow Surgery"]


def test_a_place_of_worship_is_named_with_its_district():
    places = found("They attend St Barnaby's Church, Roathley. The gurdwara (Guru Nanak Gurdwara, Tipworth) helps.")
    assert "St Barnaby's Church, Roathley" in places
    assert "Guru Nanak Gurdwara, Tipworth" in places


def test_youth_settings_custody_and_hospitals_for_a_nation_are_named_whole():
    text = (
        "Seen at Knowlbury Youth Zone; conveyed to Longridge custody; taken to the Ark Children's Hospital for Wales.\n"
    )
    spans = found(text)
    assert "Knowlbury Youth Zone" in spans
    assert "Longridge custody" in spans
    assert "Ark Children's Hospital for Wales" in spans


def test_a_flat_and_a_house_number_make_an_address_and_a_pitch_is_where_a_family_lives():
    assert "Flat 2, 61 Whalley Range" in found("Move-on at Flat 2, 61 Whalley Range is not suitable.", "ADDRESS")
    assert "Pitch 6" in found("Visited Pitch 6 at the request of Mrs Ward.", "ADDRESS")


# Languages are not ethnicity -------------------------------------------------------------------------------


def test_languages_in_brackets_spoken_in_or_compared_are_not_ethnicity():
    text = (
        "Kacper asked me (in Polish) whether school tells the police. We spoke in Welsh. "
        "A DA leaflet (Portuguese) was given. Say Sylheti rather than Bengali. "
        "Ask the Somali women's group. Use the Scottish Child Interview Model."
    )
    assert found(text, "ETHNICITY") == []


def test_a_nationality_of_a_person_stays_an_ethnicity():
    assert found("Dorota is Polish; the family are Eritrean.", "ETHNICITY") == ["Polish", "Eritrean"]


def test_the_published_text_holds_no_rank_initials_or_handle():
    text = (
        "WITNESSED: PC 3390 J. CALDERBANK\n"
        "Resident: Delroy Carrick (DC), 17\nDC said no.\n"
        "[21:02] zzmoonfangZz: who's on\n[21:03] toffee_brin: me\n[21:04] zzmoonfangZz: ok\n"
    )
    out = published(text)
    for secret in ("CALDERBANK", "Carrick", "DC said", "zzmoonfangZz", "toffee_brin"):
        assert secret not in out


def test_a_quoted_name_with_an_age_in_brackets_and_one_called_by_a_nickname():
    text = 'Arrested with his cousin Pat Lowry ("Pads", 19). One, "Scarface", sells vapes. One called him "Tommo".'
    spans = found(text)
    assert {"Pads", "Scarface", "Tommo"} <= set(spans)
    assert "19" in found(text, "AGE")


def test_a_word_said_to_someone_in_quotes_and_a_quoted_title_are_not_aliases():
    text = 'He called her "gorgeous". We need one, "Working Together" says so. He is only 7.'
    assert found(text, "OTHER") == []
    assert found(text, "AGE") == ["7"]


def test_quoted_name_like_words_in_a_record_are_offered_as_aliases_but_speech_titles_and_pseudonyms_are_not():
    text = (
        'Cian says older boys from the flats – "Deeko" and "Fat Sam" – made him carry a blade. She left after an '
        'argument with her boyfriend, "Tiny". He said "Stop" twice. The "Bright Spots" survey and "Working '
        'Together" say so. The summary names her "Child W" and she uses "TikTok".'
    )
    assert found(text, "OTHER") == ["Deeko", "Fat Sam", "Tiny"]


def test_an_age_in_a_field_beside_a_date_of_birth_or_in_years_and_months_is_an_age_in_any_case():
    text = (
        "CHILD: NADIA KHAN   DOB: 17-MAY-2024   AGE: 9 MONTHS\n"
        "ZACHARY HOLT   DOB 30.04.2011   13 YEARS\n"
        "She is now 4 years 9 months old. On 12 March 2024, 3 weeks later, she came back; a stay in 2021, 4 months.\n"
    )
    assert found(text, "AGE") == ["9 MONTHS", "13 YEARS", "4 years 9 months old"]


def test_a_listed_forename_and_surname_are_a_person_but_not_a_park_or_a_road():
    text = "Caseworker Liam Osei will accompany the family. They met at Victoria Park, off Grace Road."
    assert "Liam Osei" in found(text, "PERSON")
    assert not any("Victoria" in name or "Grace" in name for name in found(text, "PERSON"))
