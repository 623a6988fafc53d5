import io
import zipfile
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.actionplans import services
from casereview.testing import AgencyFactory, ReviewFactory, date_fields, member


def pdf_upload(name="minutes.pdf", size=None):
    body = b"%PDF-1.4\n% minutes of the LAC health steering group\n"
    if size:
        body += b"0" * (size - len(body))
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def docx_bytes(extra_parts=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name in extra_parts:
            archive.writestr(name, "x")
    return buffer.getvalue()


def post_update(client, action, *, follow=False, **fields):
    """The action's update form as the signed-in person sends it, dated today unless the fields give the
    date (posted_on_0, _1 and _2)."""
    data = {**date_fields("posted_on", timezone.localdate()), **fields}
    return client.post(reverse("actionplans:action_update", args=[action.pk]), data, follow=follow)


@pytest.fixture
def plan(partnership_a, alice):
    """Child R's review with two agencies, their leads, the chair and an executive member for children's
    services; one action owned by children's services, started a while ago and due in a month."""
    social_care = AgencyFactory(partnership=partnership_a, name="Southwark Children's Services")
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    today = timezone.localdate()
    action = services.action_create(
        actor=alice,
        review=review,
        description="Commission a return-interview service for young people missing from care",
        owner_agency=social_care,
        lead_role="Head of Looked After Children's Services",
        start_date=today - timedelta(days=60),
        due_date=today + timedelta(days=30),
        success_measure="Every young person returning from a missing episode is offered an interview within 72 hours",
    )
    return {
        "review": review,
        "action": action,
        "social_care": social_care,
        "police": police,
        "social_care_lead": member(partnership_a, Role.AGENCY_LEAD, agency=social_care, username="csc_lead"),
        "police_lead": member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead"),
        "chair": member(partnership_a, Role.CHAIR, username="chair"),
        "executive": member(
            partnership_a, Role.EXECUTIVE, agency=social_care, username="csc_exec", email="exec@example.org"
        ),
        "panel": member(partnership_a, Role.PANEL_MEMBER, username="panel"),
    }
