"""How far a setting or an address runs (issue 16, sixth round): the capitalised words after a setting's
keyword, its district after a comma, a pub named "The ... and ...", a dwelling by a lower-case unit word and
a number, a street named alone after "on". Every text is invented for the test."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def found(text, kind=None):
    return [e.text for e in detect(text) if kind is None or e.type == kind]


def published(text):
    return anonymise(text, ReplacementTable(pseudonym="Child Q")).text


def test_a_setting_takes_the_capitalised_words_that_finish_its_name():
    text = (
        "Her mother works at Larchfield Lodge Nursing Home. The baby was placed at Ferndale Lodge Parent and "
        "Child Unit, and the referrer was at Exeter Royal Hospital for Children ED."
    )
    places = found(text)
    assert "Larchfield Lodge Nursing Home" in places
    assert "Ferndale Lodge Parent and Child Unit" in places
    assert "Exeter Royal Hospital for Children" in places  # "ED", a department, stays out


def test_a_setting_takes_its_district_after_a_comma_but_not_a_person_or_another_setting():
    text = (
        "He stayed at Harbour View Hotel, Seaton. She worships at Grace Fellowship, Lower Dunmore. "
        "At Brookside Surgery, Priya said she was fine. Seen at Alder Clinic, Birchwood Pharmacy and home."
    )
    places = found(text)
    assert "Harbour View Hotel, Seaton" in places
    assert "Grace Fellowship, Lower Dunmore" in places
    assert "Brookside Surgery" in places and "Priya" in found(text, "PERSON")
    assert "Alder Clinic" in places and "Birchwood Pharmacy" in places


def test_a_shop_with_its_district_and_a_pub_named_with_the():
    text = "Kian works at Lidl, Heavitree. The boys met at The Plough and Harrow and went towards The Old Swan."
    places = found(text, "PLACE")
    assert "Lidl, Heavitree" in places
    assert "The Plough and Harrow" in places
    assert "The Old Swan" in places
    out = published(text)
    assert "Plough" not in out and "Swan" not in out and "Heavitree" not in out


def test_an_agency_named_with_the_stays():
    text = "She was referred to The Children's Society and wrote to The Home Office."
    assert not found(text, "PLACE")


def test_a_dwelling_by_a_lower_case_unit_word_and_a_street_named_alone():
    text = (
        "The family live on pitch 7 and the grandmother on plot 3. Tia was found in room 418. Mr Dean (no. 22) "
        "saw him on Mill Street. The bedroom is 9 m². House 2, 17 Canal Road Central, was inspected."
    )
    addresses = found(text, "ADDRESS")
    for expected in ("pitch 7", "plot 3", "room 418", "no. 22", "Mill Street", "House 2, 17 Canal Road Central"):
        assert expected in addresses
    assert not any("9" == a.split()[-1] for a in addresses)


def test_a_setting_whose_name_runs_into_another_kind_takes_the_last_keyword():
    kinds = {(e.text, e.type) for e in detect("She was taken to Denmark Hill College Hospital that night.")}
    assert ("Denmark Hill College Hospital", "HEALTH_SETTING") in kinds


# People ----------------------------------------------------------------------------------------------------


def test_a_name_takes_its_other_words_beside_a_part_found():
    text = (
        "Mrs Hartley phoned. Her husband, Paddy Hartley, was away. Tutor Eurig Price recorded it verbatim. "
        "The note names Kenzie B and Rhys ab Emyr. Ottilie (Ottilie Pryce, 12) also said so."
    )
    people = found(text, "PERSON")
    for name in ("Paddy Hartley", "Eurig Price", "Kenzie B", "Rhys ab Emyr", "Ottilie Pryce"):
        assert name in people, name


def test_a_person_before_and_the_agency_is_no_part_of_the_agency():
    people = found("A copy went to his YOT worker Abigail Tenby and the Kent Police liaison officer.", "PERSON")
    assert "Abigail Tenby" in people


def test_a_name_in_brackets_after_a_role_whatever_follows_it():
    people = found("IDVA (Oksana Hrytsenko, Safer Places): she wants a sanctuary scheme.", "PERSON")
    assert "Oksana Hrytsenko" in people


def test_an_everyday_word_name_known_as_a_person_is_found_where_a_sentence_opens_with_it():
    text = "Children present: Ruby (5) and Leo. Officers on scene. Ruby hiding in a cupboard. Ruby attends school."
    assert found(text, "PERSON").count("Ruby") == 3
    assert found("Rose bushes at the front were cut back.", "PERSON") == []


# A passage in capitals ---------------------------------------------------------------------------------------


def test_names_in_a_passage_typed_in_capitals_are_found_by_their_cues():
    text = (
        "ON MONDAY I WAS AT WORK. MY DAUGHTER HOPE (13) WAS WAITING FOR ME AT THE STATION. HOPE SAID A MAN "
        "CALLED DECLAN TALKED TO HER.\nCALL FROM GWENLLIAN ROBERTS (44) STATING HUSBAND IFOR WYN ROBERTS (47) "
        "HAD LEFT. SEEN BY PS ELERI HUWS 0743 AND MR T. OYELARAN. I HAVE NO HOPE OF A REPLY."
    )
    out = published(text)
    for name in ("HOPE (13)", "HOPE SAID", "GWENLLIAN", "ROBERTS", "IFOR", "ELERI HUWS", "OYELARAN"):
        assert name not in out, name
    assert "NO HOPE OF" in out  # the everyday word stays
    assert "WAS WAITING FOR ME" in out


# Ages ------------------------------------------------------------------------------------------------------


def test_an_age_as_an_item_of_a_bracket_or_after_a_role_and_a_comma():
    text = (
        "Re: Aleks (DOB 02.03.2024, 5 months) and Mia (2 years, DOB 1 May 2022); Kit (9 days, born at home).\n"
        "| Jordan Vale | boyfriend, 19 | 07700 900111 |\nPupil: Zainab Ali (Y6, 10). The girls said they were 18.\n"
        "He stayed with his aunt before (2021, 4 months) and Leanne left at 5."
    )
    ages = found(text, "AGE")
    for age in ("5 months", "2 years", "9 days", "19", "10", "18"):
        assert age in ages, age
    assert "4 months" not in ages and "5" not in ages  # a stay's length and a time stay


# Output a reader can publish -------------------------------------------------------------------------------


def test_a_setting_in_capitals_keeps_the_words_before_its_name():
    text = (
        "STATEMENT OF WITNESS TYPED IN CAPITALS. SHE WAS BOOKED LATE AT QUEEN MARY HOSPITAL AT 28 WEEKS. "
        "HE GOES TO ST PAUL'S RC CHURCH ON SUNDAYS. THEY CAME FROM THE HOWARD ARMS WHERE SHE WORKS."
    )
    out = published(text)
    assert "BOOKED LATE AT" in out and "HE GOES TO" in out and "CAME FROM" in out
    assert "QUEEN MARY" not in out and "PAUL'S" not in out and "HOWARD" not in out


def test_a_date_of_birth_in_capitals_reads_born_in():
    out = published("MY DAUGHTER HOPE WAS BORN ON 22 NOVEMBER 2011. I WILL ATTEND COURT IF NEEDED TODAY.")
    assert "BORN IN" in out and "BORN ON" not in out and "22 NOVEMBER" not in out


def test_an_ex_partner_named_is_not_followed_by_the_partner():
    out = published("Call from Kayleigh Dunn (24): ex-partner Connor Hale banging on the window.")
    assert "ex-partner the partner" not in out and "Connor" not in out and "Hale" not in out


def test_a_forename_before_a_surname_found_in_a_field_or_a_cell():
    text = (
        "Pupil: Jordan Delacey\nSibling on roll: Brook Delacey (Year 7)\n| June Atkins | grandmother |\n| Lee Atkins |"
    )
    people = found(text, "PERSON")
    assert "Brook Delacey" in people and "June Atkins" in people
    later = found("Tanya Reid rang back. Says Leo and Kai fight all the time.", "PERSON")
    assert "Says Leo" not in later


def test_a_unit_and_a_site_with_the_street_or_district_after_it_are_one_address():
    text = "Visit to Plot 3, Larkfield Council Site, Mill Lane, Bedford. Church at Unit 7, Canal Park, Tyseley, B11."
    addresses = found(text, "ADDRESS")
    assert any(a.startswith("Plot 3, Larkfield Council Site, Mill Lane") for a in addresses)
    assert "Unit 7, Canal Park, Tyseley" in addresses


def test_a_pub_after_a_lower_case_the_and_halls_and_stops_by_their_kind():
    text = (
        "His dad works at the Swan and can get us in. Come down the Golden Fleece now. The group meets at "
        "Mapleton Community Hall. She was last seen near Oldham Mumps tram stop. He was referred to the Police."
    )
    places = found(text, "PLACE")
    for place in ("Swan", "Golden Fleece", "Mapleton Community Hall", "Oldham Mumps tram stop"):
        assert place in places, place
    assert not any("Police" in p for p in places)


def test_a_date_in_welsh_becomes_its_month_and_year_in_welsh():
    out = published("Dyddiad: 5 Mawrth 2025 / 5 March 2025. Mai Jones phoned on 17 Chwefror 2025.")
    assert "5 Mawrth" not in out and "17 Chwefror" not in out and "5 March" not in out
    assert "Mawrth 2025" in out and "Chwefror 2025" in out


def test_streets_whose_kind_comes_first_in_welsh_and_polish():
    text = "LOCATION: 5 MAES GLAS, BETHESDA. She moved to 3 Stryd Fawr. Father | ul. Długa 14/3, Gdańsk |"
    addresses = found(text, "ADDRESS")
    assert "5 MAES GLAS" in addresses and "3 Stryd Fawr" in addresses and "ul. Długa 14/3" in addresses
