"""Where someone lives by the flat, room or pitch, and numbers as a caller says them (issue 16, helper anon9).
Every passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def spans(text):
    return [(e.text, e.type) for e in detect(text)]


def covered(text, part):
    return any(part in found for found, _ in spans(text))


def test_a_scottish_flat_by_its_floor_and_position():
    text = (
        "Lives at Flat 2/1, 40 Cathcart Road, Glasgow G42 7BE with her gran.\n"
        "Neighbour: Mrs Jean Sloan, Flat 1F2.\nAunt: 0/1, 17 Mill Street.\nScore 3/4 on the checklist.\n"
    )
    assert covered(text, "Flat 2/1") and covered(text, "Flat 1F2") and covered(text, "0/1, 17 Mill Street")
    assert not covered(text, "3/4")  # a score, not a flat


def test_a_room_or_flat_in_a_named_building_or_alone():
    text = (
        "Placement: Room 214, Travelodge Central.\nShe gave her address as Flat 9, Hazel Court, Leeds.\n"
        "He is held in Cell C-2-11.\nThey met in the staff room on Tuesday.\n"
    )
    assert covered(text, "Room 214") and covered(text, "Flat 9, Hazel Court") and covered(text, "Cell C-2-11")
    assert not covered(text, "staff room")


def test_a_plot_or_bay_on_a_site_and_a_street_typed_in_lower_case():
    text = "HV visit to the Travellers' site: the family are on Plot 4.\n"
    chat = "[12:01] Kai: meet me on ferndale rd by the chippy\n[12:02] Jo: its on its way\n[12:03] Kai: k\n"
    assert covered(text, "Plot 4")
    assert covered(chat, "ferndale rd") and not covered(chat, "its way")


def test_numbers_as_a_caller_says_them():
    call = (
        "Caller: We're at thirty-two Orchard Road, and my number is oh seven seven double oh, nine double oh, "
        "one four six. Postcode is L S 6 2 A B. His date of birth is the fourth of March two thousand and ten.\n"
        "Caller: It's Beech Lane, nineteen.\n"
    )
    found = spans(call)
    assert covered(call, "thirty-two Orchard Road") and covered(call, "Beech Lane, nineteen")
    assert ("oh seven seven double oh, nine double oh, one four six", "PHONE") in found
    assert covered(call, "L S 6 2 A B") and covered(call, "fourth of March")
    assert not covered(call, "two thousand")  # not said as a date we read; the day and month are enough
