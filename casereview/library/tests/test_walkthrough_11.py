"""Walkthrough 11, finding 15 (docs/walkthrough-11.md): a month is no reason for two reviews to be similar."""

import pytest

from casereview.library.similarity import Candidate, most_similar

pytestmark = pytest.mark.django_db


def test_a_shared_month_neither_ranks_nor_is_given_as_a_reason():
    text = "Child S was placed with foster carers in December and attended a new school."
    candidates = [
        Candidate(key="dated", title="BDS12", text="The incident happened in December, on a Monday."),
        Candidate(key="placed", title="Child R", text="Child R was placed with foster carers and attended school."),
        *[Candidate(key=f"other{n}", title=f"Other {n}", text="Neglect at home was missed.") for n in range(4)],
    ]
    matches = most_similar(text, candidates)
    assert "dated" not in [m.candidate.key for m in matches]
    assert all("december" not in m.shared_words for m in matches)


def test_an_entry_of_a_published_review_links_to_its_report(client, partnership_a, bob):
    """Finding 22: "Source: Our review: Child T" with no link to the report the viewer may open."""
    import datetime

    from django.urls import reverse

    from casereview.publication.models import Publication
    from casereview.testing import library_entry_in, page_text

    entry = library_entry_in(partnership_a)
    publication = Publication.objects.create(
        review=entry.review,
        published_on=datetime.date(2024, 3, 1),
        remove_after=datetime.date(2025, 3, 1),
        anonymised_text="Text",
        docx_file="publications/x/report.docx",
        pdf_file="publications/x/report.pdf",
        published_by=bob,
    )
    client.force_login(bob)  # a viewer
    response = client.get(reverse("library:entry", args=[entry.pk]))
    assert "Our review: Child P The published report (PDF) , published 1 March 2024" in page_text(response)
    assert reverse("publication:download_pdf", args=[publication.pk]) in response.content.decode()
