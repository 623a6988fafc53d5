"""A long report gives pages of bounded size: the text a part at a time, the table a page at a time,
the gate a readable number of problems."""

from datetime import date

import pytest
from django.urls import reverse

from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db

FIRST = ["Mary", "John", "Sarah", "David", "Emma", "James", "Laura", "Peter", "Grace", "Simon"]
LAST = ["Jones", "Smith", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright"]


def long_report(paragraphs):
    lines = []
    for n in range(paragraphs):
        name = f"{FIRST[n % 10]} {LAST[(n // 10) % 10]}"
        lines.append(f"On {1 + n % 28} March 2014 the social worker {name} visited the family at home. " * 3)
    return "\n\n".join(lines)


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a, title="Child R")


@pytest.fixture
def long_review(alice, review):
    text = long_report(400)  # about 90,000 characters, a hundred people named
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=text.encode())
    service.report_detect(report.pk)
    return review, text


def test_the_anonymise_page_shows_one_part_of_a_long_report_and_says_so(client, alice, long_review):
    review, text = long_review
    client.force_login(alice)
    response = client.get(reverse("publication:anonymise", args=[review.pk]))
    page = response.content.decode()
    assert len(page) < 250_000
    assert "shown a part at a time: this is part 1 of" in page
    phrase = "visited the family at home"
    assert 0 < page.count(phrase) < text.count(phrase) / 3
    last = client.get(reverse("publication:anonymise", args=[review.pk]) + "?page=999").content.decode()
    assert "this is part 1 of" not in last and phrase in last


def test_the_replacement_table_is_paged_and_saving_one_page_keeps_the_others(client, alice, long_review):
    review, _ = long_review
    total = ReplacementTerm.objects.filter(review=review).count()
    assert total > 100
    client.force_login(alice)
    page = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    assert f"{total} details were found in the report. They are shown 100 at a time" in page
    shown = [t for t in ReplacementTerm.objects.filter(review=review) if f'name="status-{t.pk}"' in page]
    assert len(shown) == 100
    data = {f"status-{t.pk}": "accepted" for t in shown} | {f"replacement-{t.pk}": "Person X" for t in shown}
    client.post(reverse("publication:anonymise", args=[review.pk]), data)
    assert ReplacementTerm.objects.filter(review=review, status="accepted").count() == 100
    assert ReplacementTerm.objects.filter(review=review, status="proposed").count() == total - 100


def test_the_gate_says_in_one_sentence_how_many_details_need_a_decision_naming_the_first_five(
    client, alice, long_review
):
    review, _ = long_review
    terms = ReplacementTerm.objects.filter(review=review).order_by("original")
    total = terms.count()
    gate = service.publication_gate(review, publication_date=date(2025, 9, 1))
    first = ", ".join(f"“{t.original}”" for t in terms[:5])
    expected = (
        f"{total:,} details found in the report still need a decision, to replace or to allow: "
        f"{first} and {total - 5:,} more"
    )
    assert gate.undecided_message == expected and gate.failures.count(expected) == 1
    assert not any("neither replaced nor allowed" in f for f in gate.failures)
    client.force_login(alice)
    page = client.post(
        reverse("publication:overview", args=[review.pk]),
        {"check": "1", "publication_date_0": "1", "publication_date_1": "9", "publication_date_2": "2025"},
    ).content.decode()
    assert "Decide them in the replacement table" in page


def test_the_compare_page_shows_the_same_part_of_both_texts(client, alice, long_review):
    review, text = long_review
    client.force_login(alice)
    page = client.get(reverse("publication:diff", args=[review.pk])).content.decode()
    assert len(page) < 200_000
    assert "compared a part at a time: this is part 1 of" in page


def test_detection_that_breaks_ends_failed_with_a_message_on_the_page(client, alice, review, monkeypatch):
    def broken(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(service, "anonymise", broken)
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=b"Mary Jones visited.")
    report = service.report_detect(report.pk)
    assert report.status == "failed"
    client.force_login(alice)
    page = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    assert "could not be checked for identifying details" in page and "updates itself" not in page


BEING_CHECKED = "The published text is being checked again after the latest changes"


def counting_anonymise(monkeypatch):
    calls = []
    real = service.anonymise

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "anonymise", counted)
    return calls


def test_a_long_reports_text_is_checked_in_the_background_and_the_gate_then_answers_at_once(
    alice, long_review, monkeypatch, django_capture_on_commit_callbacks
):
    review, _ = long_review
    calls = counting_anonymise(monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        failures = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    assert BEING_CHECKED in " ".join(failures)  # the request did not wait for the detector
    assert len(calls) == 1  # the queued check ran (at once, in tests), outside the gate
    failures = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    assert BEING_CHECKED not in " ".join(failures)
    assert len(calls) == 1  # the kept check was used


def test_a_decision_makes_the_kept_check_out_of_date_and_queues_it_again(
    alice, long_review, monkeypatch, django_capture_on_commit_callbacks
):
    review, _ = long_review
    with django_capture_on_commit_callbacks(execute=True):
        service.publication_gate(review, publication_date=date(2025, 9, 1))
    term = ReplacementTerm.objects.filter(review=review, type="PERSON").order_by("original").first()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        service.terms_decide(actor=alice, review=review, decisions={str(term.pk): ("accepted", "Social Worker 9")})
        failures = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    assert BEING_CHECKED in " ".join(failures)
    assert queued  # the decision queued the check again
    for callback in queued:
        callback()
    failures = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    assert BEING_CHECKED not in " ".join(failures)
    assert "Social Worker 9" in service.text_check(review, review.report).output


def test_a_short_reports_check_is_made_in_the_request_once_and_kept(alice, review, monkeypatch):
    report = service.report_upload(actor=alice, review=review, name="r.txt", data=b"Mary Jones visited Child R.")
    service.report_detect(report.pk)
    calls = counting_anonymise(monkeypatch)
    first = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    again = service.publication_gate(review, publication_date=date(2025, 9, 1)).failures
    assert first == again and BEING_CHECKED not in " ".join(first)
    assert len(calls) == 1


def test_the_publication_page_says_how_many_details_still_need_a_decision(client, alice, long_review):
    review, _ = long_review
    total = ReplacementTerm.objects.filter(review=review).count()
    client.force_login(alice)
    page = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert f"report.txt has been checked for identifying details. {total:,} details to decide." in page
    first = ReplacementTerm.objects.filter(review=review).order_by("original")[:3].values_list("pk", flat=True)
    ReplacementTerm.objects.filter(pk__in=list(first)).update(status="allowed")
    page = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert f"{total - 3:,} of {total:,} details still to decide" in page
    ReplacementTerm.objects.filter(review=review).update(status="allowed")
    page = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert f"All {total:,} details decided" in page


def test_the_compare_page_leads_on_to_publication(client, alice, long_review):
    review, _ = long_review
    client.force_login(alice)
    page = client.get(reverse("publication:diff", args=[review.pk])).content.decode()
    assert reverse("publication:overview", args=[review.pk]) in page and "Continue to publication" in page
