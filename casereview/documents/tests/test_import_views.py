"""Bringing documents in through the pages: upload, background reading, checking every item, applying."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.documents.models import Document, DocumentStatus
from casereview.reviews.models import LearningPoint, Review
from casereview.testing import ReviewFactory, document_in

pytestmark = pytest.mark.django_db

SEED_003 = next(__import__("pathlib").Path(__file__).resolve().parents[3].parent.glob("shared/seeds/003_*.txt"), None)


def upload(client, files, capture):
    with capture(execute=True):
        response = client.post(reverse("documents:list", args=["southwark"]), {"files": files})
    assert response.status_code == 302, response.content.decode()[:1500]
    return client.get(response["Location"])


@pytest.mark.skipif(SEED_003 is None, reason="needs ../shared/seeds")
def test_uploading_a_seed_finds_child_rs_twelve_learning_points(client, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    page = upload(
        client, [SimpleUploadedFile("child-r.txt", SEED_003.read_bytes())], django_capture_on_commit_callbacks
    ).content.decode()
    assert "Check child-r.txt" in page and "(12 items found)" in page
    document = Document.objects.get()
    check = client.get(reverse("documents:check", args=[document.pk])).content.decode()
    assert "eighteen" in check  # the prose count is shown as a check
    assert check.count('class="app-mark"') == 12


def test_a_hostile_file_fails_alone_with_a_clear_message(client, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    page = upload(
        client,
        [
            SimpleUploadedFile("report.pdf", b"MZ\x90\x00program"),
            SimpleUploadedFile("ok.txt", b"Learning points:\n1. One thing.\n2. Another thing.\n"),
        ],
        django_capture_on_commit_callbacks,
    ).content.decode()
    assert "is a Windows program, not a document" in page
    assert "Check ok.txt" in page


def test_a_document_that_fails_to_be_read_has_its_file_removed(client, alice, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("documents:list", args=["southwark"]), {"files": [SimpleUploadedFile("r.pdf", b"MZ\x90program")]}
        )
    document = Document.objects.get()
    assert document.status == DocumentStatus.FAILED and document.problem
    assert not default_storage.exists(document.stored_as)


def test_nothing_is_applied_until_every_item_is_checked(client, alice, partnership_a):
    document = document_in(partnership_a)
    review = ReviewFactory(partnership=partnership_a, title="Child Q")
    items = list(document.items.all())
    client.force_login(alice)
    url = reverse("documents:check", args=[document.pk])
    page = client.post(
        url,
        {"review": review.pk, f"decision-{items[0].pk}": "accepted", f"text-{items[0].pk}": "Share information early."},
    ).content.decode()
    assert "Accept or reject every item" in page
    assert not LearningPoint.objects.exists()
    response = client.post(
        url,
        {
            "review": review.pk,
            f"decision-{items[0].pk}": "accepted",
            f"text-{items[0].pk}": "Share information early, edited.",
            f"decision-{items[1].pk}": "rejected",
            f"text-{items[1].pk}": "Escalate sooner.",
        },
    )
    assert response.status_code == 302
    assert list(LearningPoint.objects.values_list("number", "text")) == [(1, "Share information early, edited.")]
    document.refresh_from_db()
    assert document.status == "applied" and document.review == review


def test_items_can_start_a_new_review(client, alice, partnership_a):
    document = document_in(partnership_a)
    client.force_login(alice)
    data = {"review": "new", "new_review_title": "Child P"}
    for item in document.items.all():
        data[f"decision-{item.pk}"], data[f"text-{item.pk}"] = "accepted", item.text
    client.post(reverse("documents:check", args=[document.pk]), data)
    assert Review.objects.get(title="Child P").learning_points.count() == 2


def test_only_the_business_manager_brings_documents_in(client, bob, charlie, partnership_a):
    document = document_in(partnership_a)
    client.force_login(bob)
    assert client.get(reverse("documents:list", args=["southwark"])).status_code == 403
    assert client.get(reverse("documents:check", args=[document.pk])).status_code == 404
    client.force_login(charlie)
    assert client.get(reverse("documents:check", args=[document.pk])).status_code == 404


COMMITTEE_PAPER = """Item No. 7. Meeting Name: Health and Wellbeing Board
Report title: Northshire Safeguarding Children Partnership - Child T

RECOMMENDATIONS

1. The board is requested to:
a) Note the child safeguarding practice review report at appendix 1.
b) Comment on the key learning points from the review.

BACKGROUND

2. Child T, a baby, was seriously injured in March 2023. The review began in May 2023 and the report was
published in June 2024. The family had moved twice; domestic abuse and neglect featured throughout.

3. The review made the following recommendations:

a) The partnership should audit the use of the safer sleep assessment tool.
b) Health visitors should see fathers at every contact.
"""


def test_a_new_review_keeps_the_papers_dates_and_themes_and_gets_no_requests_to_the_meeting(
    client, alice, partnership_a, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    upload(client, [SimpleUploadedFile("paper.txt", COMMITTEE_PAPER.encode())], django_capture_on_commit_callbacks)
    document = Document.objects.get()
    offered = [item.text for item in document.items.filter(kind="recommendation")]
    assert offered == [
        "The partnership should audit the use of the safer sleep assessment tool.",
        "Health visitors should see fathers at every contact.",
    ]
    assert any("requests to its own meeting" in note for note in document.notes)

    data = {"review": "new", "new_review_title": "Child T"}
    for item in document.items.all():
        data[f"decision-{item.pk}"], data[f"text-{item.pk}"] = "accepted", item.text
    client.post(reverse("documents:check", args=[document.pk]), data)

    review = Review.objects.get(title="Child T")
    assert str(review.decided_on) == "2023-05-01"  # when the review began, not today
    assert str(review.published_on) == "2024-06-01" and review.stage == "published"
    assert {"Domestic abuse", "Neglect"} <= {theme.name for theme in review.themes.all()}
    assert review.recommendations.count() == 2


def test_a_long_documents_source_is_shown_a_part_at_a_time(client, alice, partnership_a):
    text = "Learning points:\n1. Share information early.\n\n" + "The family was visited at home. " * 10_000
    document = document_in(partnership_a, text=text)
    client.force_login(alice)
    page = client.get(reverse("documents:check", args=[document.pk])).content.decode()
    assert "shown a part at a time: this is part 1 of 4" in page
    assert len(page) < len(text)
