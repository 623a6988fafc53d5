"""A new version of the report replaces the old one's findings at once, not when its own check ends."""

import pytest

from casereview.publication import services as service
from casereview.testing import IncidentFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    return ReviewFactory(partnership=partnership_a, incident=incident, title="Child R")


def test_a_new_version_shows_no_highlights_of_the_old_one_while_it_is_being_checked(client, alice, review):
    first = "Her mother Kelly Wilson rang the school on 3 March 2024 about the bruising."
    report = service.report_upload(actor=alice, review=review, name="v1.txt", data=first.encode())
    service.report_detect(report.pk)
    assert report.detections.filter(text="Kelly Wilson").exists()

    second = "A new teacher noticed it. Tara Wilson and Mr Raj Singh were told the same day."
    report = service.report_upload(actor=alice, review=review, name="v2.txt", data=second.encode())

    # The old positions would fall in the middle of the new words ("mo[ther Kelly ]Wilson" over new text).
    assert not report.detections.exists()
    client.force_login(alice)
    page = client.get(f"/reviews/{review.pk}/anonymise/").content.decode()
    assert "<mark" not in page
    service.report_detect(report.pk)
    assert {d.text for d in report.detections.all()} >= {"Tara Wilson", "Mr Raj Singh"}
