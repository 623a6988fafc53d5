"""A progress update whose evidence file was cut off mid-way (the connection dropped, or a Content-Length
that lies) is refused whole with a page that says so, not saved without its file and without a word."""

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.actionplans.models import Evidence, ProgressUpdate
from casereview.testing import ActionFactory, ReviewFactory

pytestmark = pytest.mark.django_db
BOUNDARY = "cutoffboundary"


def multipart(fields, *, file_name, file_bytes, finished):
    parts = "".join(
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    )
    parts += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="evidence_file"; filename="{file_name}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    )
    return parts.encode() + file_bytes + (f"\r\n--{BOUNDARY}--\r\n".encode() if finished else b"")


@pytest.mark.parametrize("finished", [False, True])
def test_an_update_whose_file_was_cut_off_is_refused_whole(client, alice, partnership_a, agency_a, finished):
    action = ActionFactory(review=ReviewFactory(partnership=partnership_a), owner_agency=agency_a)
    today = timezone.localdate()
    fields = {
        "posted_on_0": today.day,
        "posted_on_1": today.month,
        "posted_on_2": today.year,
        "text": "Training booked",
        "status": "on_track",
        "evidence_description": "Attendance list",
    }
    client.force_login(alice)
    body = multipart(fields, file_name="list.txt", file_bytes=b"Names of those trained\n" * 2000, finished=finished)
    response = client.generic(
        "POST",
        reverse("actionplans:action_update", args=[action.pk]),
        data=body,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )
    if finished:  # the same form whole is saved with its file: the refusal is the cut, not the form
        assert response.status_code == 302
        assert Evidence.objects.unscoped().filter(action=action).count() == 1
        return
    assert response.status_code == 400
    assert "The file did not arrive whole" in response.content.decode()
    assert not ProgressUpdate.objects.unscoped().filter(action=action).exists()
