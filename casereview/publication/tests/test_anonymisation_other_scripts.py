"""Names written in another script in an English record (issue 16, helper anon12). Every passage is invented for
the test; each says what must stay."""

from casereview.publication.anonymisation import ReplacementTable, anonymise, detect


def test_a_name_in_another_script_by_its_cue_is_replaced():
    text = (
        "The mother, Amina Yusuf (أمينة يوسف), signed the form. Her son's name is Мария? No: his name is "
        "Дмитрий Иванов. A note in Arabic: محمد عبد الله came to the door.\n"
    )
    out = anonymise(text, ReplacementTable(pseudonym="Child T")).text
    for name in ("أمينة", "Дмитрий", "Иванов", "محمد"):
        assert name not in out
    assert "Amina" not in out


def test_other_text_in_another_script_is_left():
    text = 'The leaflet\'s title was "التعلم من المراجعة" (learning from the review). למידה מהבדיקה\n'
    assert [e.type for e in detect(text) if e.type == "PERSON"] == []
