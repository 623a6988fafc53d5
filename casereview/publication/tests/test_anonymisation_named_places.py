"""Named places the keyword rules left half-found (issue 16, seventh round): shops, food businesses, sites and
open spaces by the word their name ends with; a business named after its street; a venue written before its
address; a setting before a kind of place written in lower case. Every text is invented for the test; each
says what must stay."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def found(text, kind=None):
    return [e.text for e in detect(text) if kind is None or e.type == kind]


def published(text):
    return anonymise(text, ReplacementTable(pseudonym="Child Q")).text


def test_shops_food_businesses_sites_and_open_spaces_by_the_word_their_name_ends_with():
    text = (
        "She works at Aldgate Mini Mart with her uncle. They ate at Ormskirk Fish Bar after school. He has a job "
        "at Hanworth Food & Wine. Found with wraps at Holbeck Moor; later seen at Fletton Quays. Her mother is "
        "in HMP & YOI Stirling. Referred to St Agnes SARC."
    )
    places = found(text)
    for name in ("Aldgate Mini Mart", "Ormskirk Fish Bar", "Hanworth Food & Wine", "Holbeck Moor", "Fletton Quays"):
        assert name in places, places
    assert "HMP & YOI Stirling" in places and "St Agnes SARC" in found(text, "HEALTH_SETTING")
    assert "at the shop" in published("She works at Aldgate Mini Mart.")
    assert "the takeaway" in published("They ate at Ormskirk Fish Bar.")


def test_a_business_or_site_named_after_its_street_is_one_setting_but_a_town_after_a_street_is_not():
    text = (
        "He was held in a flat above Whitfield Road Pizza. Seen at Wynyard Road Primary Care Centre by the nurse. "
        "The family are on the Priory Lane Traveller site."
    )
    assert "Whitfield Road Pizza" in found(text, "PLACE")
    assert "Wynyard Road Primary Care Centre" in found(text, "HEALTH_SETTING")
    assert "Priory Lane Traveller site" in found(text, "PLACE")
    town = found("She lives on Grange Road Leeds with her mum.")
    assert "Grange Road" in town and "Grange Road Leeds" not in town


def test_a_venue_written_before_its_address_is_the_place_there():
    log = "Location: The Moon Under Water, Deansgate, Manchester M3 2BW\nInformant: door staff"
    assert any("The Moon Under Water" in p and "Deansgate" in p for p in found(log))
    visit = "Licensing visit – The Black Bull, 33 Market Place, Pontefract WF8 1AG"
    assert "The Black Bull" in found(visit, "PLACE")
    field = "Accommodation: Foyer, Room 12, Hope House, 18 Princess Street"
    assert "Foyer" not in found(field)  # a kind of place alone is no name


def test_a_setting_before_a_kind_of_place_in_lower_case():
    text = (
        "Filip attends Busy Bees Colchester nursery. Marcus is locked in a shed at the Hasland allotments. "
        "Arrested at Pen-y-bont industrial estate. He posted on the Facebook site. It began after Kaiya's nursery "
        "rang."
    )
    assert "Busy Bees Colchester nursery" in found(text, "SCHOOL")
    assert "Hasland allotments" in found(text, "PLACE")
    assert "Pen-y-bont industrial estate" in found(text, "PLACE")
    places = " ".join(found(text))
    assert "Facebook" not in places and "Kaiya's nursery" not in places


def test_a_name_of_only_the_words_that_sit_inside_names_with_its_tail():
    text = (
        "I referred him to the burns clinic at Royal Hospital for Children. His mother was at Royal Infirmary "
        "of Edinburgh. Ellie attends Our Lady's RC Primary."
    )
    assert "Royal Hospital for Children" in found(text, "HEALTH_SETTING")
    assert "Royal Infirmary of Edinburgh" in found(text, "HEALTH_SETTING")
    assert "Our Lady's RC Primary" in found(text, "SCHOOL")
    assert not found("The Royal Hospital said no.", "HEALTH_SETTING")  # no name without its tail


def test_the_value_of_a_field_labelled_by_a_kind_of_setting_is_that_setting():
    form = (
        "HV: Bethany Lumb   GP: Newland Group Medical Practice\n"
        "Home: Flat 31, Brandon Estate · GP: Aylesbury Partnership, Taplow\n"
        "Previous school: Ashgate Secondary (excluded 13 Oct 2023)\n"
    )
    assert "Newland Group Medical Practice" in found(form, "HEALTH_SETTING")
    assert "Aylesbury Partnership, Taplow" in found(form, "HEALTH_SETTING")
    assert "Ashgate Secondary" in found(form, "SCHOOL")
    other = "GP: Dr Amir Khan\nSchool: Year 9\n| 14/01/2022 | GP: bruise to ear, mum says her brother hit her |"
    settings = found(other, "SCHOOL") + found(other, "HEALTH_SETTING")
    assert not settings, settings  # a doctor, a school year and what the GP saw


def test_a_name_after_a_who_field_or_spoke_to_and_a_form_s_column_gap_ends_a_name():
    """Names people, in records' own fields and entries; three spaces part a form's columns, so the next
    column's label is no part of the name (nor makes the name an agency's)."""
    text = (
        "Reported by: Adeola Martins, case worker   Date: 21 February 2025\n"
        "Offender manager: Ross McAllister   Police MOSOVO: DC Tanvir Ahmed\n"
        "Spoke to Pradeep Mistry, ref 25/00412. Recorded by: Smt. Hetal Joshi\n"
        "22:40, Houseparent Nikhil Bhattacharya\n"
    )
    people = found(text, "PERSON")
    for name in ("Adeola Martins", "Ross McAllister", "Pradeep Mistry", "Nikhil Bhattacharya"):
        assert name in people, people
    assert any("Hetal Joshi" in p for p in people)
    assert not any("Police" in p or "Date" in p for p in people)
    assert "Children's Social Care" not in " ".join(found("She spoke to Children's Social Care about it."))


def test_a_setting_and_the_street_it_stands_on_are_one_place():
    text = "Zé is from the Kingdom Hall on Northgate Street. They met behind the Co-op on Shirley Road."
    places = found(text, "PLACE")
    assert "Kingdom Hall on Northgate Street" in places
    assert any(p.endswith("Co-op on Shirley Road") for p in places)
    assert "Shirley Road" not in published(text) and "Northgate" not in published(text)
    assert "from the place of worship." in published(text)  # not "the place of worship on Address A"


def test_a_setting_named_before_a_lower_case_kind_keeps_that_kind_when_replaced():
    assert "attends the nursery." in published("Filip attends Busy Bees Colchester nursery.")
    assert "at the allotments" in published("Marcus hides in a shed at the Hasland allotments.")
    assert "on the site" in published("The family are on the Priory Lane Traveller site.")
