"""Walkthrough 9's finding 20 (docs/walkthrough-9.md): a report numbers its findings 3.1 and 3.2 and its
recommendations 4.1 and 4.2. The review keeps its own whole number (order, moves, renumbering); the number
in the report is kept beside it and is what a reader is shown, in the review, the library and the exports.
"""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.library.models import Entry
from casereview.reviews import services
from casereview.reviews.models import FindingRevision, LearningPoint, Recommendation
from casereview.testing import (
    ActionFactory,
    AgencyFactory,
    ReviewerAppointmentFactory,
    ReviewFactory,
    UserFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(
        partnership=partnership_a, title="Child T", stage="published", published_on=datetime.date(2026, 12, 3)
    )


@pytest.fixture
def reviewer(review, partnership_a):
    return ReviewerAppointmentFactory(
        review=review, user=member(partnership_a, Role.REVIEWER, username="reviewer")
    ).user


def _add(client, review, **data):
    return client.post(reverse("reviews:learning_point_add", args=[review.pk]), {"number": 1, **data})


def test_the_reviewer_adds_finding_3_1_and_reads_it_so_on_the_review_and_in_the_library(client, reviewer, review):
    client.force_login(reviewer)
    form = client.get(reverse("reviews:learning_point_add", args=[review.pk])).content.decode()
    assert "Number in the report" in form
    assert "As numbered in the published report, for example 3.1. Leave blank if the report does not number it." in form
    response = _add(client, review, report_number="3.1", text="Nobody asked the father about the injuries.")
    assert response.status_code == 302
    findings = client.get(response.url).content.decode()
    assert "Learning point 3.1 has been saved." in findings
    assert "<strong>3.1.</strong> Nobody asked the father" in findings
    point = LearningPoint.objects.get()
    assert (point.number, point.report_number, point.label) == (1, "3.1", "3.1")

    entry = Entry.objects.get(finding_id=point.pk)
    assert (entry.number, entry.report_number) == (1, "3.1")
    page = client.get(reverse("library:entry", args=[entry.pk])).content.decode()
    assert "Learning point 3.1</h1>" in page and "Learning point 1<" not in page
    search = client.get(reverse("library:search", args=[review.partnership.slug]), {"q": "father injuries"})
    assert "Learning point 3.1 · Child T" in search.content.decode()


def test_a_number_the_report_could_not_print_is_refused_plainly_and_the_typed_text_is_kept(client, reviewer, review):
    client.force_login(reviewer)
    page = _add(client, review, report_number="3.1.x", text="Supervision was not recorded.").content.decode()
    assert (
        "The number in the report must be numbers separated by full stops, like 3 or 3.1 or 3.1.2, "
        "with at most one letter at the end, like 3.1a"
    ) in page
    assert 'value="3.1.x"' in page and "Supervision was not recorded." in page
    assert not LearningPoint.objects.exists()
    # "3.1" typed in our own number's box: told where it goes instead
    page = client.post(
        reverse("reviews:learning_point_add", args=[review.pk]), {"number": "3.1", "text": "Supervision."}
    ).content.decode()
    assert "If the report numbers it 3.1, enter 3.1 under “Number in the report”" in page


def test_the_number_is_kept_as_reports_print_it_and_one_report_number_is_not_given_twice(alice, review):
    first = services.finding_save(
        actor=alice, review=review, model=LearningPoint, number=1, text="One.", report_number=" 3.1A. "
    )
    assert first.report_number == "3.1a"
    with pytest.raises(ValidationError) as refused:
        services.finding_save(
            actor=alice, review=review, model=LearningPoint, number=2, text="Two.", report_number="3.1a"
        )
    assert "3.1a is already the report's number of “One.…”" in refused.value.message_dict["report_number"][0]
    # a recommendation may carry the same printed number as a learning point: they are numbered apart
    rec = services.finding_save(
        actor=alice, review=review, model=Recommendation, number=1, text="Train.", report_number="3.1a"
    )
    assert rec.label == "3.1a"
    with pytest.raises(ValidationError) as refused:
        services.finding_save(
            actor=alice, review=review, model=LearningPoint, number=2, text="Two.", report_number="3..1"
        )
    assert "report_number" in refused.value.message_dict


def test_an_edit_keeps_the_version_check_and_the_history_the_number_in_the_report(client, reviewer, review):
    client.force_login(reviewer)
    _add(client, review, report_number="3.1", text="First version")
    point = LearningPoint.objects.get()
    edit = reverse("reviews:learning_point_edit", args=[point.pk])
    assert 'value="3.1"' in client.get(edit).content.decode()
    client.post(edit, {"number": 1, "report_number": "3.2", "text": "Second version", "version": 1})
    stale = client.post(edit, {"number": 1, "report_number": "3.9", "text": "Late", "version": 1}).content.decode()
    assert "Someone else saved this item while you were editing it" in stale and 'value="3.9"' in stale
    point.refresh_from_db()
    assert (point.report_number, point.version) == ("3.2", 2)
    assert list(FindingRevision.objects.order_by("version").values_list("report_number", flat=True)) == ["3.1", "3.2"]
    history = client.get(reverse("reviews:learning_point_history", args=[point.pk])).content.decode()
    assert "History of learning point 3.2" in history and "Version 1, 3.1 in the report" in history
    # a save that does not say (the documents' import) keeps it; an empty box clears it
    services.finding_save(
        actor=reviewer, review=review, model=LearningPoint, finding=point, number=1, text="Third", expected_version=2
    )
    point.refresh_from_db()
    assert point.report_number == "3.2"
    client.post(edit, {"number": 1, "report_number": "", "text": "Fourth", "version": 3})
    point.refresh_from_db()
    assert (point.report_number, point.label) == ("", "1")
    assert Entry.objects.get(finding_id=point.pk).report_number == ""


def test_a_withdrawal_renumbers_our_numbers_and_leaves_the_reports(alice, review):
    make = services.finding_save
    first = make(actor=alice, review=review, model=LearningPoint, number=1, text="Entered twice.", report_number="3.1")
    second = make(actor=alice, review=review, model=LearningPoint, number=2, text="Two.", report_number="3.2")
    services.finding_withdraw(actor=alice, finding=first, reason="Entered twice")
    second.refresh_from_db()
    assert (second.number, second.label) == (1, "3.2")


def test_recommendation_4_1_answering_3_1_is_so_named_in_the_action_plan_and_its_export(
    client, alice, review, partnership_a
):
    from casereview.actionplans import exports, selectors
    from casereview.actionplans.forms import ActionForm

    point = services.finding_save(
        actor=alice, review=review, model=LearningPoint, number=1, text="Fathers were unseen.", report_number="3.1"
    )
    rec = services.finding_save(
        actor=alice,
        review=review,
        model=Recommendation,
        number=1,
        text="See fathers.",
        report_number="4.1",
        learning_points=[point],
    )
    client.force_login(alice)
    findings = client.get(reverse("reviews:findings", args=[review.pk])).content.decode()
    assert "Answers learning point 3.1." in findings and "<strong>4.1.</strong> See fathers." in findings
    ActionFactory(review=review, recommendation=rec, owner_agency=AgencyFactory(partnership=partnership_a))
    (row,) = exports.rows(selectors.action_list(user=alice, partnership=partnership_a))
    assert row[1] == "Recommendation 4.1: See fathers."
    choices = dict(ActionForm(review=review).fields["answers"].choices)
    assert choices[f"r:{rec.pk}"] == "Recommendation 4.1: See fathers."
    assert choices[f"l:{point.pk}"] == "Learning point 3.1: Fathers were unseen."


def test_the_national_import_keeps_an_extracts_report_number_when_it_reads_as_one(tmp_path):
    from casereview.library import services as library

    extract = {
        "child_pseudonyms": ["Child F"],
        "learning_points": [
            {"text": "Chronologies matter.", "number": "3.1"},
            {"text": "Fathers matter.", "number": "see below"},
            "Schools matter.",
        ],
        "recommendations": [{"text": "Audit chronologies.", "number": 4}],
    }
    (tmp_path / "flat.json").write_text(json.dumps(extract), encoding="utf-8")
    library.national_import(actor=UserFactory(is_superuser=True), folder=tmp_path)
    numbers = dict(Entry.objects.values_list("text", "report_number"))
    assert numbers == {
        "Chronologies matter.": "3.1",
        "Fathers matter.": "",
        "Schools matter.": "",
        "Audit chronologies.": "4",
    }


def test_a_recommendation_sent_without_its_addressee_says_what_to_select(client, alice, partnership_a):
    """fixsmall11's probe: "This field is required." was the only message, with no field named."""
    from django.urls import reverse

    from casereview.testing import ReviewFactory, page_text

    review = ReviewFactory(partnership=partnership_a)
    client.force_login(alice)
    page = page_text(
        client.post(
            reverse("reviews:recommendation_add", args=[review.pk]), {"text": "Train staff", "report_number": "4.1"}
        )
    )
    assert "Select who the recommendation is addressed to" in page and "This field is required" not in page
