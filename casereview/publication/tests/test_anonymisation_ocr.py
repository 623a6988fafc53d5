"""Text read from a scan by OCR (issue 16, helper anon9): letters read for digits and digits for letters are
read back, only where a passage shows the signs more than once; digits spaced out one by one. Every passage
is invented for the test; each says what must stay."""

from casereview.publication.anonymisation import detect
from casereview.publication.anonymisation.ocr import normalised


def found(text):
    return {(e.text, e.type) for e in detect(text)}


SCANNED_FAX = (
    "[faxed referral, text as read by the scanner]\n"
    "Received l9/O2/2O25 from Brookfield Juni0r Schoo1\n"
    "Pupil: Aaron Pike   DOB O6.l1.2Ol6\n"
    "Address: 4l Tanner Street, Hexham NEl6 4PQ\n"
    "Carer: Mrs Dawn Pike, mob O7700 9OO l23\n"
    "Class teacher Mr Ke1th Lowe reports bruising.\n"
)


def test_digits_read_as_letters_are_read_back_in_a_scanned_passage():
    spans = {text for text, _ in found(SCANNED_FAX)}

    def covered(part):
        return any(part in span for span in spans)

    assert covered("l9/O2/2O25") and covered("O6.l1.2Ol6")  # dates
    assert covered("4l Tanner Street") and covered("NEl6 4PQ")  # the house number and the postcode
    assert covered("O7700 9OO l23")  # the phone
    assert covered("Ke1th")  # a name with a digit read for a letter
    assert covered("Brookfield Juni0r Schoo1")


def test_the_same_length_and_nothing_changed_in_ordinary_text():
    assert len(normalised(SCANNED_FAX)) == len(SCANNED_FAX)
    ordinary = "She bought an O2 phone and lives at Flat 1A; the IO group met in Room l.\n"
    assert normalised(ordinary) == ordinary  # one sign is not a scan


def test_digits_spaced_out_one_by_one():
    card = "[scanned card]\nSeen: 0 7 / 0 3 / 2 0 2 5\nNHS No: 4 8 5 7 7 7 3 4 5 6\nWeight 3 . 2 kg\n"
    spans = {(text, kind) for text, kind in found(card)}
    assert ("0 7 / 0 3 / 2 0 2 5", "DATE") in spans
    assert ("4 8 5 7 7 7 3 4 5 6", "NHS_NUMBER") in spans
