"""Identifying details as forms, logs and letters write them (issue 16, fourth round): short dates in figures,
phone numbers with a digit too many or broken over a line, ages as a form's field or after a date of birth,
addresses as a field's value or before a postcode, languages that are not an ethnicity, hyphenated forenames,
surnames in capitals after a forename, and more kinds of small place. Each test is written in a general form
(invented names and places), one or more per mechanism."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def found(text, kind=None):
    return [e.text for e in detect(text) if kind is None or e.type == kind]


def published(text):
    return anonymise(text, ReplacementTable(pseudonym="Child Q")).text


# Dates -----------------------------------------------------------------------------------------------------


def test_a_document_with_day_first_dates_writes_its_short_dates_the_same_way():
    text = "Seen at home on 04/02/2024.\nPlan: revisit 21/9 when mum is in; court 22/05. Visits: 06/02, 13/02.\n"
    dates = found(text, "DATE")
    for short in ("21/9", "22/05", "06/02", "13/02"):
        assert short in dates


def test_a_range_of_days_in_figures_is_a_date():
    assert "20–22/03" in found("Born 01/03/2024. Phototherapy 20–22/03. Home since.", "DATE")


def test_scores_fractions_and_short_dates_without_a_dated_document_stay():
    assert found("Attendance 4/5 this week, open 24/7, scored 7/10 on the quiz.", "DATE") == []
    assert found("Seen on 04/02/2024. He scored 3/4 on the test, and 1/2 of the class agreed.", "DATE") == [
        "04/02/2024"
    ]


# Phones ----------------------------------------------------------------------------------------------------


def test_a_number_with_a_digit_too_many_is_still_taken_as_a_phone_and_flagged():
    entities = [e for e in detect("Ring the duty desk on 01234 567 8901 today.") if e.type == "PHONE"]
    assert [e.text for e in entities] == ["01234 567 8901"]
    assert entities[0].source == "doubtful"


def test_a_phone_broken_over_a_line_between_its_groups_is_one_phone():
    assert "01234 567\n890" in found("Please ring me on 01234 567\n890 after six.", "PHONE")


# Ages ------------------------------------------------------------------------------------------------------


def test_an_age_field_takes_its_value_in_any_unit():
    assert "16 yrs 10 mths" in found("Young person: A B   Age: 16 yrs 10 mths   DOB 14-06-2007", "AGE")
    assert "12 days" in found("Age at visit: 12 days   NHS", "AGE")
    assert "16" in found("Age at sentence: 16\nCourt: Youth Court", "AGE")
    assert "4/12" in found("DOB 01/05/2023  Age 4/12\n", "AGE")


def test_the_number_after_a_date_of_birth_is_an_age():
    assert "15" in found("YP: Name Here   DOB 10-03-2009   15   White British", "AGE")
    assert "4" in found("Child: Name Here (DOB 05/06/2019, 4)   Date: 23/01/2024", "AGE")


def test_ages_in_short_units_and_in_brackets_before_other_details():
    assert "2 yrs 8 mths" in found("her son Tomasz (2 yrs 8 mths) was seen", "AGE")
    assert "16y" in found("DOB: 22/01/2007 (16y)", "AGE")
    assert "2 wks" in found("Siblings: Dovid (2 wks)", "AGE")
    ages = found("Oliwia (14, Northgate Academy), Filip (10, Northgate Academy)", "AGE")
    assert "14" in ages and "10" in ages
    assert found("children of her own (17, 13, 10); she works", "AGE") == ["17", "13", "10"]
    assert "22" in found("found at the station with a male 22\tPC Quinn", "AGE")


def test_age_groups_and_ranges_are_not_ages():
    assert found("Age group 10-15 attended the session.", "AGE") == []


# Addresses -------------------------------------------------------------------------------------------------


def test_an_address_field_is_an_address_up_to_its_postcode():
    text = "Address: Pitch 9, Moorside Caravan Site, Bank Lane, M44 6GT\nNOK: mother"
    assert "Pitch 9, Moorside Caravan Site, Bank Lane, M44 6GT" in found(text, "ADDRESS")
    assert found("Address: not known\n", "ADDRESS") == []


def test_a_house_number_and_any_street_name_before_a_postcode_is_an_address():
    assert "23 Larkfield Park, NW10 8RL" in found("Address: 23 Larkfield Park, NW10 8RL     Tel", "ADDRESS")
    assert "3 Heol Tegfan" in found("from his place at 3 Heol Tegfan,\nLlantrisant CF72 8AB.", "ADDRESS")


def test_a_house_number_after_lives_at_or_of_is_an_address_whatever_the_street_word():
    assert "9 Dacre Wynd" in found("Her grandmother, of 9 Dacre Wynd, offered care.", "ADDRESS")
    assert "27 Heol Iestyn" in found("She lives at 27 Heol Iestyn. Both children were seen.", "ADDRESS")


def test_number_ranges_flats_written_as_fractions_and_floors_start_an_address():
    assert "22–24 Chapel Lane, Handsworth" in found("Practice\n22–24 Chapel Lane, Handsworth\nTel", "ADDRESS")[0]
    assert found("She lives at\nFlat 2/1, 58 Kelvin Road, G11 6NX, with", "ADDRESS")[0].startswith("Flat 2/1")
    assert found("Floor 2, Civic Centre, 15 Market Street, WN1 1RP", "ADDRESS")[0].startswith("Floor 2")


def test_a_street_after_on_is_a_street_even_when_it_starts_with_a_forename():
    assert "Hope Street" in found("He fell off his bike by the shop on Hope Street.", "ADDRESS")
    assert "Hope Street" not in published("He fell off his bike by the shop on Hope Street.")


# Ethnicity is not a language -------------------------------------------------------------------------------


def test_languages_in_an_interpreting_or_language_field_are_not_ethnicity():
    for text in (
        "Nationality: Polish   Lang: Polish/English\n",
        "Interpreter: telephone, Vietnamese, via Language Line.\n",
        "Interpreter: Mr Anton Dumitru (Romanian; the family speak Romani at home)\n",
    ):
        assert found(text, "ETHNICITY") == [] or found(text, "ETHNICITY") == ["Polish"]
    assert found("Nationality: Polish   Lang: Polish/English\n", "ETHNICITY") == ["Polish"]


def test_what_someone_understands_or_is_taught_in_is_a_language():
    assert found("She understands some Turkish but prefers Kurmanji.", "ETHNICITY") == []
    assert found("The meeting will continue in Romanian.", "ETHNICITY") == []
    assert found("He goes to a Saturday Gujarati + music class.", "ETHNICITY") == []
    assert found("a Welsh-medium nursery", "ETHNICITY") == []


def test_a_people_before_a_person_noun_stays_an_ethnicity():
    assert found("He said some Roma families may not trust services.", "ETHNICITY") == ["Roma"]
    assert found("| Name | Gypsy/Roma/Traveller | 4 |", "ETHNICITY") == ["Gypsy", "Roma", "Traveller"]


def test_a_traveller_site_or_movement_is_not_a_persons_ethnicity():
    assert found("Visit to the Cold Lane Traveller site, pitch 14.", "ETHNICITY") == []
    assert found("a visit from the Traveller Movement youth worker", "ETHNICITY") == []


# People ----------------------------------------------------------------------------------------------------


def test_a_hyphenated_forename_made_of_listed_names_is_a_forename():
    assert "Ellie-Rose Gaskell" in found("We met Ellie-Rose Gaskell at school today.", "PERSON")
    assert "Harley-Jay Bell" in found("Harley-Jay Bell was born at 36 weeks.", "PERSON")
    assert found("a follow-up with the Multi-Agency team", "PERSON") == []


def test_a_forename_before_a_surname_in_capitals_is_one_name():
    assert "Liam GORMLEY" in found("Partner Liam GORMLEY (02/04/1990) has bail conditions.", "PERSON")
    assert "Ellie-Mae FINCH" in found("Multi-agency chronology — Ellie-Mae FINCH (DOB 14/08/2012)", "PERSON")
    assert found("Referred by the DSL to CSC and MARAC.", "PERSON") == []


# Places and settings ---------------------------------------------------------------------------------------


def test_more_kinds_of_small_place_by_their_keyword():
    assert "Hull Paragon Interchange" in found("graffiti at Hull Paragon Interchange, 2 Jan", "PLACE")
    assert "Elmstead Approved Premises" in found("He lives at Elmstead Approved Premises until May.")[0]
    assert "Ardwick Sports Hall" in found("football at Ardwick Sports Hall.", "PLACE")
    assert "Leeds Park Juniors FC" in found("training at Leeds Park Juniors FC on Saturdays.", "PLACE")
    assert "Westgate Food Bank" in found("Referral to Westgate Food Bank – mum to attend.", "PLACE")


def test_a_name_before_a_lower_case_kind_of_place():
    assert "Red Lion public house" in found("assaulted at the Red Lion public house, in the evening", "PLACE")
    assert "Shell garage" in found("seen at the Shell garage at 20:15", "PLACE")


def test_a_school_for_girls_or_boys_is_named_whole():
    assert "Hutton Grammar School for Boys" in found("Her brother attends Hutton Grammar School for Boys.", "SCHOOL")
