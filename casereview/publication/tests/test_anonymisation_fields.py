"""An export's field names and a file's name are not handles (issue 16, dev7 round, helper anon8). Every text is
invented for the test."""

from casereview.publication.anonymisation import detect


def test_an_exports_field_names_and_file_name_are_not_handles():
    text = (
        "Attached: referrals_q3.csv\n"
        "ref,young_person,date_seen,seen_by\nR-7,Josh Keane,2025-01-04,Dana Lowe\n"
        "Josh messaged from josh_k_2009 on Snapchat."
    )
    other = [e.text for e in detect(text) if e.type == "OTHER"]
    assert "josh_k_2009" in other
    assert not any(w in other for w in ("referrals_q3.csv", "young_person", "date_seen", "seen_by"))


def test_a_speakers_role_label_is_not_a_name():
    text = "Operator: Is anyone hurt?\nCaller: My son Dawid. He fell.\nCaller: Please hurry.\nReferrer: Sian Pugh"
    found = [e.text for e in detect(text) if e.type == "PERSON"]
    assert "Dawid" in found and "Sian Pugh" in found
    assert not any(w in p for p in found for w in ("Caller", "Operator", "Referrer"))
