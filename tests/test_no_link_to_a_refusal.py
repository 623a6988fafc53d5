"""Pages link a person only to pages they may open (probe 15: the rapid review's information requests for the
chair, the executive and the panel member; "escalated actions" for the panel member and an agency lead;
probe 16: the same requests in the incident page's case progress)."""

import re

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.testing import AgencyFactory, IncidentFactory, InformationRequestFactory, RapidReviewFactory, member

pytestmark = pytest.mark.django_db


def links_on(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(re.findall(r'href="(/[^"#?]*)', response.content.decode()))


@pytest.mark.parametrize(
    "role", [Role.CHAIR, Role.EXECUTIVE, Role.PANEL_MEMBER, Role.AGENCY_LEAD, Role.BUSINESS_MANAGER]
)
def test_every_link_on_the_rapid_review_and_action_pages_opens(client, partnership_a, role):
    police = AgencyFactory(partnership=partnership_a, name="Police")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a))
    InformationRequestFactory(rapid_review=rapid_review, agency=police)
    client.force_login(member(partnership_a, role, agency=police, username=f"person-{role}"))
    pages = [
        reverse("decisions:rapid_review", args=[rapid_review.pk]),
        # the incident's case progress lists the same requests (probe 16: linked for the chair, the
        # executive and the panel member, who are refused the answer page)
        reverse("incidents:detail", args=[rapid_review.incident_id]),
        reverse("reporting:deadlines", args=[partnership_a.slug]),  # and the due list (probe 16)
        reverse("actionplans:monitoring", args=[partnership_a.slug]),
        reverse("reporting:executive_report", args=[partnership_a.slug]),
    ]
    refused = []
    for page in pages:
        if client.get(page).status_code != 200:
            continue
        for link in links_on(client, page) - {reverse("accounts:logout")}:
            if link.startswith(("/static/", "/admin/")):
                continue
            status = client.get(link).status_code
            if status in (403, 404):
                refused.append((page, link, status))
    assert refused == []
