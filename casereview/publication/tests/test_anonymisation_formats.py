"""Formats of dates, phone numbers, schools, health settings, addresses and identity words that English
professionals write and the detector once let through; and what looks like them but is not (a score, a
fraction, a sum of money, an NHS number, a language, a charity's name)."""

from casereview.publication.anonymisation import anonymise, detect


def published(text):
    return anonymise(text).text


def kinds(text):
    return {(e.text, e.type) for e in detect(text)}


# Dates ------------------------------------------------------------------------------------------------------


def test_dates_written_the_short_ways_do_not_reach_the_published_text():
    text = (
        "03-Apr-2023 Approach by the mother. 20 Apr 23 keys handed over. Seen at school on March 28th.\n"
        "The family stayed with an aunt 3-5 Aug 2021 and again 15 & 16 Jun."
    )
    out = published(text)
    for written in ("03-Apr", "20 Apr 23", "28th", "3-5", "15 & 16"):
        assert written not in out
    assert "August 2021" in out  # a range becomes its month, as other dates do


def test_a_day_alone_is_a_date_after_a_weekday_or_once_a_month_is_named():
    text = "In January the family moved. On the 14th the mother rang; the nursery rang on the 7th, 8th and 10th."
    assert {"14th", "7th", "8th", "10th"} <= {e.text for e in detect(text) if e.type == "DATE"}
    assert "3rd" in {e.text for e in detect("Tayla arrived late, Tues 3rd, with her mum.") if e.type == "DATE"}


def test_an_ordinal_that_is_not_a_day_is_left():
    text = "In March she moved to the 2nd floor; it was the 3rd occasion, his 16th birthday, on the 5th attempt."
    assert not [e for e in detect(text) if e.type == "DATE" and e.text != "March"]


def test_a_day_and_month_in_figures_is_a_date_only_where_the_context_says_so():
    assert "3/4" in {e.text for e in detect("Mon 3/4 – health visitor asked for a call back.")}
    assert "17/04" in {e.text for e in detect("Next meeting 17/04 14:00 at the school.")}
    left = detect("He scored 7/10 on the scale, waited 3/4 of a term and had support 24/48 hours later.")
    assert not [e for e in left if e.type == "DATE"]


def test_dates_of_birth_in_short_forms_are_dates_of_birth():
    found = kinds("DOB 3.4.15. d.o.b. 3.4.06. Maureen (d.o.b 12.12.60) and Derek, born 03/04/1958.")
    assert {("3.4.15", "DATE_OF_BIRTH"), ("12.12.60", "DATE_OF_BIRTH"), ("03/04/1958", "DATE_OF_BIRTH")} <= found


# Telephone numbers ------------------------------------------------------------------------------------------


def test_uk_numbers_in_any_grouping_are_phones_and_leave_the_published_text():
    text = (
        "Mob: +44 (0)7700 900 563. Uncle on 0044 7700 900 227. HV on 07700 90 05 44; mum now 0 7700 900 123 "
        "(was 077009 00865). GP (0151) 496-0234, desk 0161 496 0329 ext 2207, 07700  900 468."
    )
    phones = {e.text for e in detect(text) if e.type == "PHONE"}
    assert phones == {
        "+44 (0)7700 900 563",
        "0044 7700 900 227",
        "07700 90 05 44",
        "0 7700 900 123",
        "077009 00865",
        "(0151) 496-0234",
        "0161 496 0329 ext 2207",
        "07700  900 468",
    }
    out = published(text)
    assert "7700" not in out and "2207" not in out


def test_an_nhs_number_money_a_crime_reference_and_a_date_are_not_phones():
    text = "NHS number 943 476 5870; crime ref 13230145678; cash £2,450; seen 03/04/2022 14:32; case 0412/23."
    assert not [e for e in detect(text) if e.type == "PHONE"]


# Schools and health settings ----------------------------------------------------------------------------------


def test_schools_of_every_kind_are_caught_whole():
    text = (
        "She attends Hollybrook Pri; her brother Kingsmead High and then Priory Woods PRU. The twins go to "
        "Tottington Pre-School and Jack and Jill Playgroup. Later: Our Lady of Walsingham Catholic Primary, "
        "Ravenscliffe High School & Sports College and Beis Aharon Yeshiva."
    )
    schools = {e.text for e in detect(text) if e.type == "SCHOOL"}
    assert {
        "Hollybrook Pri",
        "Kingsmead High",
        "Priory Woods PRU",
        "Tottington Pre-School",
        "Jack and Jill Playgroup",
        "Our Lady of Walsingham Catholic Primary",
        "Ravenscliffe High School & Sports College",
        "Beis Aharon Yeshiva",
    } <= schools


def test_high_is_not_a_school_in_a_street_a_court_or_a_risk_level():
    text = "Risk: Very High. The family lived near Kingsmead High Street; the High Court made an order."
    assert not [e for e in detect(text) if e.type == "SCHOOL"]


def test_health_settings_of_many_shapes_are_caught():
    text = (
        "Seen at University Hospital of North Tees, then Hartlepool Urgent Care Centre, North Manchester "
        "General, Northenden Group Practice, Litherland Dental Care, Bramley Pharmacy and the Oldham Child "
        "and Family Clinic. She was admitted to the Larkspur Unit, the adolescent inpatient ward."
    )
    settings = {e.text for e in detect(text) if e.type == "HEALTH_SETTING"}
    assert {
        "University Hospital of North Tees",
        "Hartlepool Urgent Care Centre",
        "North Manchester General",
        "Northenden Group Practice",
        "Litherland Dental Care",
        "Bramley Pharmacy",
        "Oldham Child and Family Clinic",
        "Larkspur Unit",
    } <= {s.removeprefix("the ") for s in settings}


def test_a_police_unit_is_not_a_health_setting_and_a_ward_is_not_labelled():
    text = "DC Shah of the Child Abuse Investigation Unit and the Gang Unit visited. She was on Rainbow Ward."
    assert not [e for e in detect(text) if e.type == "HEALTH_SETTING"]


def test_a_name_the_text_introduces_as_a_setting_is_that_setting():
    text = (
        "She went to Little Acorns (a childminder-run pre-school, Burscough) and then The Rathbone Centre, "
        "an alternative provision, two days a week."
    )
    found = kinds(text)
    assert ("Little Acorns", "SCHOOL") in found


def test_settings_and_addresses_in_capitals_are_caught_and_read_as_their_kind():
    text = (
        "ROYAL OLDHAM HOSPITAL\nSchool: ST MATTHEW'S RC HIGH SCHOOL\nAddress: FLAT 2, 115 BOROUGH ROAD, MIDDLESBROUGH"
    )
    found = kinds(text)
    assert ("ROYAL OLDHAM HOSPITAL", "HEALTH_SETTING") in found
    assert ("ST MATTHEW'S RC HIGH SCHOOL", "SCHOOL") in found
    out = published(text)
    assert "OLDHAM" not in out and "MATTHEW" not in out and "BOROUGH" not in out


# Addresses --------------------------------------------------------------------------------------------------


def test_a_floor_a_house_name_and_a_street_written_in_letterhead_lines_are_one_address():
    text = "Second Floor Flat, 41 Granby Street, Loughborough.\n\nAddress:\nThe Old Forge\nBack Lane\nSlaidburn"
    out = published(text)
    assert "Second Floor" not in out and "Granby" not in out and "Forge" not in out and "Back Lane" not in out


def test_a_numbered_street_of_common_words_is_an_address():
    assert "North Road" not in published("Home visit to 89 NORTH ROAD, DARLINGTON. Nobody in.")
    assert "High Street" not in published("She lived at 12 High Street with her aunt.")


# Ethnicity and religion -------------------------------------------------------------------------------------


def test_ethnicity_as_forms_and_police_write_it_is_caught():
    text = (
        "Ethnicity: Mixed – White and Black African. Victim: White – Polish. Two IC1 males and a white "
        "female; self-defined ethnicity: W1. The grandparents are white British; the family Irish Travellers."
    )
    found = {e.text for e in detect(text) if e.type == "ETHNICITY"}
    assert {"Mixed – White and Black African", "White – Polish", "IC1", "white", "W1", "white British"} <= found
    assert "Irish Travellers" in found


def test_faith_words_on_forms_are_religions():
    found = {
        e.text for e in detect("Religion: C of E. The family are Orthodox; the father is Jain.") if e.type == "RELIGION"
    }
    assert {"C of E", "Orthodox", "Jain"} <= found


def test_a_language_a_charity_and_a_job_are_not_ethnicities():
    text = (
        "A Polish interpreter is needed; she speaks Polish and is helped by the Polish Family Association.\n"
        "| Dentist | Litherland Dental Care |\n| Paediatrician | Dr Kate Ormerod |"
    )
    assert not [e for e in detect(text) if e.type == "ETHNICITY"]


def test_a_catholic_school_is_a_school_not_a_religion():
    found = kinds("Her brother attends St Francis Catholic Primary School.")
    assert ("St Francis Catholic Primary School", "SCHOOL") in found
    assert not [t for t, kind in found if kind == "RELIGION"]


def test_dates_year_first_in_capitals_and_in_a_table_cell_are_caught():
    text = (
        "Exported 2024/03/14 and 2024-03-14T09:12. DATE OF BIRTH: 14 MARCH 2011. Stayed 3rd/4th April.\n| 5th | Visit |"
    )
    dates = {e.text for e in detect(text) if e.type in ("DATE", "DATE_OF_BIRTH")}
    assert {"2024/03/14", "2024-03-14", "14 MARCH 2011", "3rd/4th April", "5th"} <= dates


def test_two_numbers_parted_by_a_slash_and_a_number_after_a_colon_are_both_phones():
    phones = {e.text for e in detect("Call 07700 900 000/07700 900 001 or Tel:0161 496 0000.") if e.type == "PHONE"}
    assert phones == {"07700 900 000", "07700 900 001", "0161 496 0000"}


def test_a_faith_word_in_a_charity_name_is_not_a_religion_but_an_upbringing_is():
    found = detect("Islamic Relief helped; the Catholic Children's Society too. She had an Islamic upbringing.")
    assert [e.text for e in found if e.type == "RELIGION"] == ["Islamic"]


def test_a_plot_on_a_site_is_part_of_the_address():
    assert "Plot 6" not in published("The family live at Plot 6, Hill View Lane, with the grandparents.")


def test_a_setting_named_in_full_once_is_found_and_named_alike_when_written_for_short():
    text = (
        "She was taken to the Whittington Hospital on 3 May. At the Whittington she was seen by a nurse. "
        "Later she went to Alder Hey Children's Hospital; Alder Hey referred her on. She lives in Whittington."
    )
    out = published(text)
    assert "Alder Hey" not in out and "the Whittington" not in out
    assert "At the hospital she was seen" in out and "the second hospital referred her" in out
