"""Every chronology import ends, done or failed with a message, and leaves no file behind."""

import io
import zipfile

import pytest
from django.core.files.storage import default_storage
from openpyxl import Workbook

from casereview.accounts.models import Role
from casereview.reviews import services
from casereview.reviews.models import ImportStatus
from casereview.testing import AgencyContributionFactory, AgencyFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db

HEADER = "date,time,date precision,event type,description,practitioner role,source reference\n"


@pytest.fixture
def contribution(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    police = AgencyFactory(partnership=partnership_a, name="Police", sector="police")
    return AgencyContributionFactory(review=review, agency=police)


@pytest.fixture
def lead(partnership_a, contribution):
    return member(partnership_a, Role.AGENCY_LEAD, agency=contribution.agency, username="lead")


def run_import(contribution, lead, name, data, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.chronology_upload(actor=lead, contribution=contribution, name=name, data=data)
    job.refresh_from_db()
    return job


def _xlsx_with_entity():
    buffer = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["date", "event type", "description"])
    workbook.active.append(["17/04/2014", "Home visit", "Visit"])
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY e "expanded">]>\n<worksheet', 1
                ).replace(b">Visit<", b">&e;<")
            target.writestr(item, data)
    return out.getvalue()


def test_a_workbook_with_a_dtd_entity_fails_with_a_message(contribution, lead, django_capture_on_commit_callbacks):
    job = run_import(contribution, lead, "chronology.xlsx", _xlsx_with_entity(), django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.FAILED
    assert job.problems and "Excel" in job.problems[0]
    assert not default_storage.exists(job.stored_as)


def test_a_csv_field_over_the_csv_modules_limit_fails_with_a_message(
    contribution, lead, django_capture_on_commit_callbacks
):
    data = (HEADER + "17/04/2014,,exact,Home visit," + "x" * 140_000 + ",,\n").encode()
    job = run_import(contribution, lead, "chronology.csv", data, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.FAILED
    assert "Row 2 has a cell longer than" in job.problems[0]
    assert not default_storage.exists(job.stored_as)


def test_an_unexpected_error_still_ends_the_import_with_a_message(
    contribution, lead, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(services.chronology, "read_chronology_file", broken)
    job = run_import(
        contribution, lead, "chronology.csv", (HEADER + "x\n").encode(), django_capture_on_commit_callbacks
    )
    assert job.status == ImportStatus.FAILED
    assert "could not be read" in job.problems[0]
    assert "parser bug" not in job.problems[0]
    assert not default_storage.exists(job.stored_as)


def test_a_failed_import_removes_the_uploaded_file(contribution, lead, django_capture_on_commit_callbacks):
    bad = (HEADER + "31/02/2014,,exact,Home visit,Bad date,,\n").encode()
    job = run_import(contribution, lead, "chronology.csv", bad, django_capture_on_commit_callbacks)
    assert job.status == ImportStatus.FAILED
    assert not default_storage.exists(job.stored_as)


def test_an_import_whose_worker_died_ends_failed_when_its_page_is_opened(client, contribution, lead):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from casereview.reviews.models import ChronologyImport

    job = services.chronology_upload(actor=lead, contribution=contribution, name="c.csv", data=HEADER.encode())
    ChronologyImport.objects.filter(pk=job.pk).update(
        status=ImportStatus.CHECKING, created=timezone.now() - timedelta(hours=1)
    )
    client.force_login(lead)
    page = client.get(reverse("reviews:import_progress", args=[job.pk])).content.decode()
    assert "The import stopped before it finished" in page
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and not default_storage.exists(job.stored_as)
