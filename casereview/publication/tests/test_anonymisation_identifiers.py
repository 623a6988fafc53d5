"""What someone is known by that is not their name (issue 16, helper anon9): a handle after its platform, older
and spoken registrations, a nickname of "Big" or "Lil", the people and log-ins in an export's columns. Every
passage is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def found(text):
    return {(e.text, e.type) for e in detect(text)}


def test_a_handle_after_its_platform():
    text = "Her accounts: Instagram ellz_x0, Snapchat: jordy.b22. Her Facebook account was closed.\n"
    spans = found(text)
    assert ("ellz_x0", "OTHER") in spans and ("jordy.b22", "OTHER") in spans
    assert not any(t in ("account", "was") for t, _ in spans)


def test_registrations_in_their_older_spoken_and_misread_shapes():
    text = (
        "He drove a red Fiesta, M614 TPL. The caller said the plate was W-F-six-one, R-T-Z.\n"
        "Scanned note: silver Astra KX19 0PB seen at 23:10.\n"
    )
    spans = {t for t, _ in found(text)}
    assert "M614 TPL" in spans and "W-F-six-one, R-T-Z" in spans and "KX19 0PB" in spans


def test_a_nickname_of_big_or_lil():
    text = 'Kyle said he "works for Big Des" and that Lil T holds the phone. The Big Issue seller was a witness.\n'
    spans = {t for t, _ in found(text)}
    assert "Big Des" in spans and "Lil T" in spans
    assert not any("Issue" in s for s in spans)


def test_the_people_and_log_ins_of_an_exports_columns():
    export = (
        "logged_at,entered_by,agency,summary\n"
        '2025-03-02 10:14,PWhitlow,Police,"Visit to Jordan Reeve, no answer"\n'
        '2025-03-03 09:00,mkaur,Health,"HV visit"\n'
        "\n"
        "ID;Surname;Forename;Relationship\n"
        "1;Okonjo;Adaeze;mother\n"
    )
    spans = found(export)
    assert ("PWhitlow", "OTHER") in spans and ("mkaur", "OTHER") in spans
    assert ("Okonjo", "PERSON") in spans and ("Adaeze", "PERSON") in spans
    assert not any(t in ("Police", "Health", "mother") for t, _ in spans)


def test_initials_a_transcript_key_gives_to_an_officer():
    text = "Speakers: JT = PC Tanner; M = mother\nJT: Can I come in?\nM: Yes.\nExhibit JT/2, taken to the ED.\n"
    people = [e.text for e in detect(text) if e.type == "PERSON"]
    assert people.count("JT") >= 3 and "M" not in people and "ED" not in people
