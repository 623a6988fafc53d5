"""Background exports: only the person who asked downloads the file, while they still may; every job
ends ready or failed with a message; files go after a day; the Word file is written a row at a time."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from docx import Document

from casereview.accounts.models import Membership, Role
from casereview.core import exports
from casereview.core.models import ExportJob, ExportStatus
from casereview.core.word import write_table_document
from casereview.testing import exported, member

pytestmark = pytest.mark.django_db


def ask(client, user, partnership, capture):
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("audit:event_export", args=[partnership.slug]))
    return ExportJob.objects.unscoped().get(pk=response["Location"].split("/")[-2])


def test_the_progress_page_refreshes_itself_until_the_file_is_ready(client, alice, partnership_a):
    """By the small script the other progress pages use, with a "Refresh now" link without JavaScript: a
    <meta> refresh is a timing axe-core refuses (WCAG 2.2.1), seen on the page that waits for the worker."""
    client.force_login(alice)
    response = client.post(reverse("audit:event_export", args=[partnership_a.slug]))  # the task has not run
    page = client.get(response["Location"]).content.decode()
    assert 'data-refresh-every="3"' in page and "casereview/refresh.js" in page and "Preparing your file" in page
    assert "http-equiv" not in page and ">Refresh now</a>" in page


def test_only_the_person_who_asked_may_download(
    client, alice, partnership_a, charlie, django_capture_on_commit_callbacks
):
    job = ask(client, alice, partnership_a, django_capture_on_commit_callbacks)
    assert job.status == ExportStatus.DONE
    download = reverse("exports:download", args=[job.pk])
    assert client.get(download).status_code == 200
    another_manager = member(partnership_a, Role.BUSINESS_MANAGER, username="another-manager")
    for outsider in (another_manager, charlie):
        client.force_login(outsider)
        assert client.get(download).status_code == 404
        assert client.get(reverse("exports:progress", args=[job.pk])).status_code == 404


def test_a_requester_who_lost_the_pages_permission_cannot_download(
    client, alice, partnership_a, django_capture_on_commit_callbacks
):
    job = ask(client, alice, partnership_a, django_capture_on_commit_callbacks)
    Membership.objects.filter(user=alice, partnership=partnership_a).update(role=Role.CHAIR)
    assert client.get(reverse("exports:download", args=[job.pk])).status_code == 403


def test_the_download_is_never_stored_by_a_browser(client, alice, partnership_a, django_capture_on_commit_callbacks):
    client.force_login(alice)
    download = exported(
        client, reverse("audit:event_export", args=[partnership_a.slug]), capture=django_capture_on_commit_callbacks
    )
    assert "no-store" in download["Cache-Control"]
    assert download.content.startswith(b"When,Who")


def test_files_are_removed_after_a_day(client, alice, partnership_a, django_capture_on_commit_callbacks):
    job = ask(client, alice, partnership_a, django_capture_on_commit_callbacks)
    assert default_storage.exists(job.stored_as)
    ExportJob.objects.unscoped().filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(reverse("exports:download", args=[job.pk])).status_code == 404
    assert "The file has been removed" in client.get(reverse("exports:progress", args=[job.pk])).content.decode()
    assert exports.remove_expired() == 1
    assert not default_storage.exists(job.stored_as)


def test_an_export_that_breaks_ends_failed_with_a_message(
    client, alice, partnership_a, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("bug")

    monkeypatch.setitem(
        exports._KINDS,
        "audit_csv",
        exports.kind("audit_csv").__class__("audit_csv", broken, lambda t, p: "x.csv", "text/csv", "x"),
    )
    job = ask(client, alice, partnership_a, django_capture_on_commit_callbacks)
    assert job.status == ExportStatus.FAILED
    page = client.get(reverse("exports:progress", args=[job.pk])).content.decode()
    assert "The file could not be prepared" in page and "bug" not in page


def test_a_streamed_word_table_opens_with_every_row_and_survives_odd_characters(tmp_path):
    path = tmp_path / "table.docx"
    rows = ([f"{n}", "Line one\nline two", "a \x0b control & <tag>"] for n in range(500))
    assert write_table_document(path, heading="Title", intro=["Intro"], headings=["N", "Text", "Odd"], rows=rows) == 500
    table = Document(io.BytesIO(path.read_bytes())).tables[0]
    assert len(table.rows) == 501
    assert table.rows[1].cells[1].text == "Line one\nline two"
    assert table.rows[500].cells[2].text == "a  control & <tag>"


def test_an_export_whose_worker_died_ends_failed_when_its_page_is_opened(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(reverse("audit:event_export", args=[partnership_a.slug]))  # the task has not run
    job_id = response["Location"].split("/")[-2]
    ExportJob.objects.unscoped().filter(pk=job_id).update(
        created=timezone.now() - timedelta(hours=1), status=ExportStatus.RUNNING
    )
    page = client.get(response["Location"]).content.decode()
    assert "stopped being prepared" in page and "refresh" not in page


def test_an_export_the_worker_never_took_up_says_so_when_it_is_given_up(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(reverse("audit:event_export", args=[partnership_a.slug]))  # the task has not run
    job_id = response["Location"].split("/")[-2]
    ExportJob.objects.unscoped().filter(pk=job_id).update(created=timezone.now() - timedelta(hours=1))
    page = client.get(response["Location"]).content.decode()
    assert "The file was never started" in page and "background worker did not take it up in 30 minutes" in page
    assert "stopped being prepared" not in page and "refresh" not in page


def test_the_progress_page_leads_back_with_the_filters_and_counts_the_day_from_when_the_file_is_ready(
    client, alice, partnership_a, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("audit:event_export", args=[partnership_a.slug]) + "?who=nobody-at-all")
    job = ExportJob.objects.unscoped().get(pk=response["Location"].split("/")[-2])
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("audit:event_list", args=[partnership_a.slug])}?who=nobody-at-all"' in page
    assert "Your file is ready, but it is empty" in page and "nothing matched" in page
    assert "govuk-panel--confirmation" not in page
    assert job.expires_at - job.updated > timedelta(hours=23, minutes=59)


def test_a_file_still_waiting_after_twenty_seconds_says_it_waits_for_the_background_worker(
    client, alice, partnership_a, settings
):
    """With `runserver` alone and no task worker, the page refreshed for ever saying only "Preparing your
    file": after a short wait it says what it waits for, that the request is kept, and whom to tell."""
    client.force_login(alice)
    response = client.post(reverse("audit:event_export", args=[partnership_a.slug]))  # the task has not run
    page = client.get(response["Location"]).content.decode()
    assert "background worker" not in page
    job = ExportJob.objects.unscoped().get(pk=response["Location"].split("/")[-2])
    ExportJob.objects.unscoped().filter(pk=job.pk).update(created=timezone.now() - timedelta(seconds=30))
    page = client.get(response["Location"]).content.decode()
    waiting = r"The file is waiting for casereview's background worker, which has not started on it after 3\d seconds"
    assert re.search(waiting, page)
    assert "tell whoever runs casereview for your partnership" in page
    assert 'data-refresh-every="3"' in page and "refresh.js" in page  # it carries on once the worker starts
    assert "make run" not in page  # a command line is for a developer's own server only
    settings.DEBUG = True
    ExportJob.objects.unscoped().filter(pk=job.pk).update(created=timezone.now() - timedelta(minutes=3))
    page = client.get(response["Location"]).content.decode()
    assert "after 3 minutes" in page and "<code>make run</code> starts the worker" in page


def test_a_chronology_file_is_named_after_the_review_not_its_key(alice, partnership_a):
    from casereview.reviews.exports import chronology_file_name
    from casereview.testing import ReviewFactory

    review = ReviewFactory(partnership=partnership_a, title="Child R")
    assert chronology_file_name(review, "docx") == f"chronology-child-r-{timezone.localdate():%Y-%m-%d}.docx"
    assert str(review.pk) not in chronology_file_name(review, "docx")
