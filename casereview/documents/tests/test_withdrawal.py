"""A document uploaded by mistake is withdrawn with a reason: it leaves the Documents list, stays
readable with its history, and nothing more can be added from it."""

from django.urls import reverse

from casereview.documents.models import Document
from casereview.testing import document_in


def test_a_withdrawn_document_leaves_the_list_and_keeps_its_history(client, alice, partnership_a):
    document = document_in(partnership_a)
    client.force_login(alice)
    url = reverse("documents:withdraw", args=[document.pk])
    assert "Withdraw review.txt?" in client.get(url).content.decode()
    assert "Say why" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Uploaded the wrong file"})

    listing = client.get(reverse("documents:list", args=[partnership_a.slug])).content.decode()
    assert "Withdrawn documents" in listing and "Uploaded the wrong file" in listing
    assert Document.objects.current().count() == 0
    page = client.get(reverse("documents:check", args=[document.pk])).content.decode()
    assert "Withdrawn on" in page and "Add the accepted items" not in page


def test_another_partnerships_document_cannot_be_withdrawn(client, charlie, partnership_a):
    document = document_in(partnership_a)
    client.force_login(charlie)
    assert client.post(reverse("documents:withdraw", args=[document.pk]), {"reason": "x"}).status_code == 404
    assert Document.objects.current().count() == 1
