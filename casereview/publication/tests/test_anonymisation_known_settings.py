"""Health settings a record names for short (issue 16, dev7 round, helper anon8): a real hospital by its short
name or initials, a hospital's everyday-word short name where the sentence is about care, and a setting named
before the service it is visited for. Every text is invented for the test."""

from casereview.publication.anonymisation import detect


def settings(text):
    return [e.text for e in detect(text) if e.type == "HEALTH_SETTING"]


def test_a_big_hospital_by_its_short_name_or_initials():
    text = (
        "Noah was taken by ambulance to Ninewells and later moved to the RVI for surgery. His sister had been "
        "treated at GOSH in 2023 and the family were last seen at LGI on 4 March."
    )
    found = settings(text)
    assert "Ninewells" in found and "the RVI" in found
    assert "GOSH" in found and "LGI" in found


def test_an_everyday_short_name_is_a_hospital_only_where_the_sentence_is_about_care():
    text = (
        "Her aunt works nights at the Royal on a surgical ward. Amira was admitted to King's with a scald. "
        "They walked down King's Road to the Royal Mail depot."
    )
    found = settings(text)
    assert "the Royal" in found and "King's" in found
    assert len(found) == 2  # neither the street nor the post office is a hospital


def test_a_setting_named_before_the_service_it_was_visited_for():
    text = (
        "Leo attended Priory Vale walk-in on Sunday and was referred to Oakham Lane SARC. "
        "He has an appointment at Bramley clinic. Missed clinic twice in May."
    )
    found = settings(text)
    assert "Priory Vale" in found  # the service ("walk-in") stays out
    assert "Oakham Lane SARC" in found and "Bramley clinic" in found
    assert not any(s.startswith("Missed") for s in found)


def test_a_hospital_trust_is_an_agency_not_a_setting():
    text = "The referral went to Birmingham Children's Trust and the exploitation hub."
    assert settings(text) == []


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


def test_a_town_or_county_is_not_taken_for_a_person():
    text = (
        "Kian was placed by Wiltshire.\nWiltshire agreed to fund it. Tanya Marr rang Swindon. "
        "Leeds Children and Families Service and Hounslow MASH were told."
    )
    found = people(text)
    assert "Kian" in found and "Tanya Marr" in found
    assert not any(w in p for p in found for w in ("Wiltshire", "Swindon", "Leeds", "Hounslow"))


def test_a_forename_that_is_also_a_place_stays_a_person():
    text = "Skye said she was scared. Skye's brother Lincoln Abara (9) was at home with Ms Durham."
    found = people(text)
    assert "Skye" in found and "Lincoln Abara" in found and any("Durham" in p for p in found)


def test_more_hospitals_by_the_names_families_use():
    text = (
        "She was born at Whipps Cross and later seen at Liverpool Women's. In 2024 he was admitted to Heartlands "
        "after a fall, then to the Children's for a scan.\n"
        "Partners: Birmingham Women's and Children's NHS Foundation Trust; Heartlands ward councillors.\n"
    )
    settings = [e.text for e in detect(text) if e.type == "HEALTH_SETTING"]
    assert "Whipps Cross" in settings and "Liverpool Women's" in settings and "Heartlands" in settings
    assert any("Children's" in s for s in settings)
    assert not any("Birmingham Women's" in s for s in settings)  # an agency of the review


def test_settings_named_by_kinds_of_the_later_sets():
    text = (
        "Her brother is at Kelvinside Secondary and her sister at Burnside ELC. He signs on at Walthamstow "
        "Jobcentre; the family prays at Bethel Tabernacle. The family are Eastern Orthodox.\n"
    )
    found = {(e.text, e.type) for e in detect(text)}
    assert ("Kelvinside Secondary", "SCHOOL") in found and ("Burnside ELC", "SCHOOL") in found
    assert any("Walthamstow Jobcentre" in t for t, _ in found) and ("Bethel Tabernacle", "PLACE") in found
    assert ("Eastern Orthodox", "RELIGION") in found
