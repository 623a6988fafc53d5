"""Small named places in a line typed in capitals (issue 16, helper anonrecall12). Every passage is invented
for the test."""

from casereview.publication.anonymisation import detect


def places(text):
    return [e.text for e in detect(text) if e.type == "PLACE"]


def test_a_pub_in_a_line_of_capitals():
    text = (
        "OCCURRENCE 02/01/2026: SUBJECT ARRESTED AT THE ROSE AND CROWN, WITHAM, BY DC PHILIP ATKINSON.\n"
        "IP SAYS SUSPECT HAS BEEN DRINKING AT THE CAVENDISH ARMS SINCE HE LOST HIS JOB.\n"
    )
    found = " | ".join(places(text))
    assert "ROSE AND CROWN" in found and "CAVENDISH ARMS" in found
