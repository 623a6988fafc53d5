"""Names in message transcripts as people type them (issue 16, seventh round): a name the passage knows in
any case or with a possessive typed without its apostrophe, and a listed forename in lower case where a
message names someone. Every transcript is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect


def people(text):
    return [e.text for e in detect(text) if e.type == "PERSON"]


EXPORT = (
    "[02/05/2024, 19:02:11] Tamsin: where r u\n"
    "[02/05/2024, 19:03:40] Femi: at Rhiannons. back by 10\n"
    "[02/05/2024, 19:05:02] +44 7700 900111: femi owes me. tell him\n"
    "[02/05/2024, 19:07:15] Tamsin: FEMI ANSWER YOUR PHONE\n"
    "[02/05/2024, 19:09:30] Femi: im fine. two girls from school are here\n"
    "[02/05/2024, 19:10:00] Tamsin: i will ring Rhiannon's mum\n"
)


def test_a_name_the_passage_knows_is_a_name_in_any_case_and_with_a_possessive_s():
    found = people(EXPORT)
    assert "femi" in found and "FEMI" in found  # the speaker Femi, written as a message writer types it
    assert any(p.startswith("Rhiannon") for p in found)
    assert "Rhiannons" in [e.text for e in detect(EXPORT)]  # "at Rhiannons": her home, no apostrophe
    words = " ".join(found).lower()
    assert "girls" not in words and "will" not in words and "school" not in words


def test_a_listed_forename_in_lower_case_where_a_message_names_someone():
    chat = (
        "k4yd3n_rns: u still at the park or wot\n"
        "jess.xo.amk: nah at mia's. her mum thinks im staying\n"
        "k4yd3n_rns: come with dean later\n"
        "jess.xo.amk: ok. may be late, will text\n"
    )
    found = people(chat)
    assert "mia's" in found or "mia" in found
    assert "may" not in found and "will" not in found  # words, not the names May and Will


def test_lines_of_a_log_with_times_are_not_a_transcript_of_speakers():
    log = (
        "00:41  Informant reports two girls, approx 14, in the pub toilets.\n"
        "00:52  Unit on scene. Male detained.\n"
        "Girls identified: Mia Kowalski, 14, and Ellie Grant, 15.\n"
        "01:10  Ambulance requested for both girls.\n"
    )
    found = " ".join(people(log)).lower()
    assert "girls" not in found and "male" not in found
    assert "mia kowalski" in found


PRINTED_CHAT = (
    "[Messages copied from a tablet by the foster carer]\n"
    "rio: u coming to the skate park\n"
    "bo: cant, grounded\n"
    "rio: tell miss okafor ur ill then\n"
    "bo: she rang my nan already\n"
    "rio: me and kieran are going anyway\n"
    "bo: ok dont tell rio's mum\n"
    'Carer\'s note: "rio" is Rio Danvers (13); "kieran" is his cousin.\n'
)


def test_a_chat_printed_without_times_has_its_lower_case_senders_named():
    found = people(PRINTED_CHAT)
    assert found.count("rio") >= 3 and found.count("bo") >= 3  # the senders, where they speak and are quoted
    assert "okafor" in found  # a lower-case title before a word names someone
    assert found.count("kieran") == 2  # named in a message, then quoted in the note
    words = " ".join(found).lower().split()
    assert "nan" not in words and "skate" not in words and "grounded" not in words


def test_lines_of_a_form_in_lower_case_are_not_a_chat():
    form = "name: Ellis Brook\nschool: Hill Top\nnotes: seen by nurse\naction: review\nnotes: none\n"
    found = " ".join(people(form)).lower()
    assert "notes" not in found and "action" not in found and "school" not in found


TIMED_CHAT = (
    "[03/04/2025, 21:02] Deon: u at the spar or tesco extra\n"
    "[03/04/2025, 21:03] Kerys: spar. jb says hes coming\n"
    "[03/04/2025, 21:05] Deon: tell jb to bring it\n"
    "[03/04/2025, 21:06] Kerys: ok\n"
    'Officer\'s note: "jb" may be Jamal Brooks (17).\n'
)


def test_a_quoted_lower_case_name_in_the_note_and_chains_in_the_messages():
    spans = [(e.text, e.type) for e in detect(TIMED_CHAT)]
    assert spans.count(("jb", "PERSON")) == 3  # quoted in the note and named twice in the messages
    assert ("spar", "PLACE") in spans and ("tesco extra", "PLACE") in spans
    assert not any(t in ("ok", "bring") for t, _ in spans)
