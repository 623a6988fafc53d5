"""A publish that fails after writing the report's files leaves none behind: probe 16 found the DOCX and PDF of
every failed or undone publish still in the publications folder (62 of them)."""

import pytest
from django.core.files.storage import default_storage

from casereview.publication import services as service
from casereview.publication.models import Publication, TermStatus
from casereview.publication.tests.test_publication import (  # noqa: F401 (review: the fixture)
    PUBLISH_ON,
    ready_for_publication,
    review,
)

pytestmark = pytest.mark.django_db


def _files(published):
    folder = f"publications/{published.pk}"
    return default_storage.listdir(folder)[1] if default_storage.exists(folder) else []


def test_a_publish_that_fails_after_writing_its_files_leaves_none_behind(alice, review, monkeypatch):  # noqa: F811
    ready_for_publication(alice, review, **{"Southwark": (TermStatus.ALLOWED, "")})

    def fails(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(service, "review_mark_published", fails)
    with pytest.raises(RuntimeError):
        service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    assert not Publication.objects.unscoped().filter(review=review).exists()
    assert _files(review) == []

    monkeypatch.undo()  # and publishing again afterwards keeps the files under their own names
    publication = service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    assert sorted(_files(review)) == ["report.docx", "report.pdf"]
    assert (publication.docx_file, publication.pdf_file) == (
        f"publications/{review.pk}/report.docx",
        f"publications/{review.pk}/report.pdf",
    )
