"""Streets and houses in the forms the English street list does not reach (issue 16, helper anon12). Every passage
is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def addresses(text):
    return [e.text for e in detect(text) if e.type == "ADDRESS"]


def test_streets_in_other_languages_are_addresses_with_their_number_and_town():
    text = (
        "The grandmother lives at 14 rue des Lilas, 69003 Lyon. The father's address is ul. Ogrodowa 7/2, Poznań;"
        " he wrote that he lives na ulicy Lipowej 3 w Krakowie. The aunt: Calle Sol 8, Málaga. Uncle: "
        "Gartenstraße 12, 50667 Köln.\n"
    )
    found = addresses(text)
    for street in (
        "14 rue des Lilas, 69003 Lyon",
        "ul. Ogrodowa 7/2, Poznań",
        "ulicy Lipowej 3 w Krakowie",
        "Calle Sol 8, Málaga",
        "Gartenstraße 12, 50667 Köln",
    ):
        assert street in found
    out = anonymise(text, ReplacementTable(pseudonym="Child T")).text
    assert "Lilas" not in out and "Ogrodowa" not in out and "Gartenstraße" not in out


def test_a_welsh_street_and_a_welsh_house_by_its_dwelling_word_are_addresses():
    text = (
        "Nain, Gwenda Hughes of Bryn Awelon, Llanrug, said Cai stays there. The family moved to Hafod Wen, "
        "4 Heol y Felin, Aberaeron SA46 0AB.\nDSL Bryn Roberts was told.\n"
    )
    found = " | ".join(addresses(text))
    assert "Bryn Awelon" in found and "Heol y Felin" in found and "Hafod Wen" in found
    assert "Bryn Roberts" not in found


def test_a_street_in_a_log_in_capitals_is_an_address():
    text = (
        "CALLER IS DEAN PRICE OF FLAT 2, 19 MILLER STREET, WIGAN. HE WAS DRINKING AT THE OLD BELL ON BRIDGE "
        "ROAD WITH HIS BROTHER.\n"
    )
    found = addresses(text)
    assert "FLAT 2, 19 MILLER STREET" in found and "BRIDGE ROAD" in found


def test_a_gate_street_and_a_house_by_its_number_are_addresses_and_a_bus_is_not():
    text = (
        "Police found him on Westgate at 2am. The house opposite, number 12, has a red door. He said \"it's "
        'number forty two." He took the number 7 bus to Margate.\n'
    )
    found = addresses(text)
    assert "Westgate" in found and "number 12" in found and "number forty two" in found
    assert "number 7" not in " ".join(found) and "Margate" not in found


def test_a_rank_after_its_is_no_house_number():
    # (review-12: "its number 3 priority area" was replaced as an address)
    text = "The family moved to its number 3 priority area. It's number one on the list. Mum's house is number 12."
    found = addresses(text)
    assert found == ["number 12"]
