"""Uploads stream to disk and stop being kept past the largest limit; forms refuse them by size."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings
from django.test.client import encode_multipart

from casereview.core import uploads

MB = 1024 * 1024


@override_settings(CASEREVIEW_UPLOAD_MAX_MB={"chronology": 1, "report": 2})
def test_a_file_over_the_largest_limit_is_counted_but_not_kept():
    body = encode_multipart("BoUnDaRy", {"file": SimpleUploadedFile("big.csv", b"x" * (5 * MB))})
    request = RequestFactory().post("/", body, content_type="multipart/form-data; boundary=BoUnDaRy")
    upload = request.FILES["file"]
    assert upload.size == 5 * MB  # the real size, for the message
    with open(upload.temporary_file_path(), "rb") as handle:
        kept = len(handle.read())
    assert kept <= 2 * MB + 1
    assert uploads.too_large("report", upload.size).startswith("The selected file must be smaller than 2 MB")


@override_settings(CASEREVIEW_UPLOAD_MAX_MB={"chronology": 1})
def test_an_upload_over_half_a_megabyte_goes_to_disk_not_memory():
    body = encode_multipart("BoUnDaRy", {"file": SimpleUploadedFile("a.csv", b"y" * (600 * 1024))})
    request = RequestFactory().post("/", body, content_type="multipart/form-data; boundary=BoUnDaRy")
    upload = request.FILES["file"]
    assert hasattr(upload, "temporary_file_path") and upload.size == 600 * 1024
