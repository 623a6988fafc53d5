"""The publication gate and publishing, through the services the pages call."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.audit.models import AuditAction, AuditEvent
from casereview.core.working_days import add_working_days
from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm, Report, TermStatus
from casereview.reviews.models import ReviewType, Stage
from casereview.testing import IncidentFactory, ReviewFactory, report_uploaded_on

pytestmark = pytest.mark.django_db

PUBLISH_ON = date(2025, 9, 1)
REPORT = (
    "Ro\u200bsie Example was 14 when she moved to foster carers. Her social worker, Mary Jones, visited on "
    "3 March 2014. The review was carried out for Southwark Safeguarding Children Board.\n\n"
    "Learning: agencies must share information."
)


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")  # identity: Rosie Example
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


def ready_for_publication(alice, review, **overrides):
    """The report uploaded, every detail decided (as `overrides` says, the rest replaced), then the three
    sign-offs of that anonymised text and the report sent."""
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    decide_all(alice, review, **overrides)
    sign_all(alice, review)
    service.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -7))
    return report


def sign_all(alice, review, on=date(2025, 8, 1)):
    report_uploaded_on(review, min(on, date(2025, 7, 1)))  # the report was written before it was signed off
    for kind in ("panel", "police", "legal"):
        service.sign_off_record(actor=alice, review=review, kind=kind, signed_on=on, signed_by="Signer")


def decide_all(alice, review, **overrides):
    decisions = {}
    for term in ReplacementTerm.objects.filter(review=review):
        status, replacement = overrides.get(
            term.original.replace("\u200b", ""), (TermStatus.ACCEPTED, term.replacement)
        )
        decisions[str(term.pk)] = (status, replacement)
    service.terms_decide(actor=alice, review=review, decisions=decisions)
    # decided on the day the (test's) report is dated: its sign-offs are dated after that, in the past
    report = Report.objects.get(review=review)
    ReplacementTerm.objects.filter(review=review, updated__gt=report.created).update(updated=report.created)


def test_the_childs_name_with_a_zero_width_space_is_refused_until_replaced(alice, review):
    # Someone wrongly allows the child's name as "not identifying": the final scan still refuses it.
    ready_for_publication(alice, review, **{"Rosie Example": (TermStatus.ALLOWED, "")})
    names = [t.original for t in ReplacementTerm.objects.filter(review=review, type="PERSON")]
    assert any("sie Example" in n for n in names), names
    failures = service.publication_gate(review, publication_date=PUBLISH_ON).failures
    assert any("contains the name of the restricted record" in f for f in failures), failures
    decide_all(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    sign_all(alice, review)  # the text changed: the sign-offs are given again for it
    gate = service.publication_gate(review, publication_date=PUBLISH_ON)
    assert gate.passed, gate.failures


def test_every_failing_check_is_listed(alice, review):
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    service.hold_place(actor=alice, review=review, reason="Criminal proceedings are running")
    service.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -3))
    failures = " | ".join(service.publication_gate(review, publication_date=PUBLISH_ON).failures)
    assert "found in the report still need" in failures and "to replace or to allow" in failures
    assert "The review panel has not signed the report off" in failures
    assert "The police have not signed the report off (criminal proceedings)" in failures
    assert "at least 7 working days before publication" in failures
    # the manager is told the date that would pass, not a count of working days to work back from
    assert "it was sent on 27 August 2025, so the earliest publication date is 5 September 2025" in failures
    assert "Publication is on hold: Criminal proceedings are running" in failures


def test_publishing_produces_pdf_and_docx_without_the_childs_details_and_records_dates(alice, review):
    from io import BytesIO

    from django.core.files.storage import default_storage
    from pypdf import PdfReader

    ready_for_publication(
        alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R"), "Southwark": (TermStatus.ALLOWED, "")}
    )
    publication = service.review_publish(
        actor=alice, review=review, publication_date=PUBLISH_ON, public_url="https://example.org/child-r"
    )
    text = " ".join(
        page.extract_text() for page in PdfReader(BytesIO(default_storage.open(publication.pdf_file).read())).pages
    )
    assert "Child R" in text and "Rosie" not in text and "Mary Jones" not in text
    assert publication.remove_after == date(2026, 9, 1)
    review.refresh_from_db()
    assert (review.stage, review.published_on) == (Stage.PUBLISHED, PUBLISH_ON)
    # the review's own history shows when it was published, and the audit trail the stage it left
    assert review.stage_changes.filter(stage=Stage.PUBLISHED, changed_on=PUBLISH_ON, changed_by=alice).exists()
    stage_event = AuditEvent.objects.filter(object_id=str(review.pk), action=AuditAction.UPDATE).latest("at")
    assert stage_event.changes["stage"][1] == "Published"
    with pytest.raises(ValidationError, match="already been published"):
        service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)


def test_a_missed_term_added_by_the_reviewer_is_caught_everywhere(alice, review, django_capture_on_commit_callbacks):
    report = service.report_upload(
        actor=alice,
        review=review,
        name="report.txt",
        data=b"The family lived near the Blue Anchor. The Blue Anchor was where R met him.",
    )
    service.report_detect(report.pk)
    with django_capture_on_commit_callbacks(execute=True):
        service.term_add(actor=alice, review=review, original="Blue Anchor", type="PLACE", replacement="a local pub")
    assert "Blue Anchor" not in service.anonymised_text(review)
    assert service.anonymised_text(review).count("a local pub") == 2


def test_running_the_checks_posts_and_never_publishes_only_the_publish_button_does(client, alice, review):
    from django.urls import reverse

    from casereview.publication.models import Publication

    ready_for_publication(alice, review)
    client.force_login(alice)
    url = reverse("publication:overview", args=[review.pk])
    page = client.get(url).content.decode()
    # The form that carries the CSRF token posts: a GET put the token in the address bar and the logs.
    assert '<form method="get"' not in page
    date_fields = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    checked = client.post(url, {**date_fields, "check": "1"}).content.decode()
    assert "Every check passes" in checked and not Publication.objects.filter(review=review).exists()
    # Publish asks first: what publishing opens to whom, with a way back
    asked = client.post(url, {**date_fields, "publish": "1"}).content.decode()
    assert "Yes, publish it" in asked and "practitioners included" in asked
    assert not Publication.objects.filter(review=review).exists()
    client.post(url, {**date_fields, "publish": "1", "confirmed": "1"})
    assert Publication.objects.filter(review=review).exists()


def test_a_report_is_not_published_with_a_date_to_come(client, alice, review):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from casereview.publication.models import Publication

    ready_for_publication(alice, review)
    client.force_login(alice)
    later = timezone.localdate() + timedelta(days=10)
    date_fields = {"publication_date_0": later.day, "publication_date_1": later.month, "publication_date_2": later.year}
    page = client.post(
        reverse("publication:overview", args=[review.pk]), {**date_fields, "publish": "1", "confirmed": "1"}
    ).content.decode()
    assert "cannot be in the future" in page
    assert not Publication.objects.filter(review=review).exists()


def test_a_review_still_scoping_is_not_published_whatever_else_is_recorded(client, alice, review):
    """Sign-offs and the report sent do not make a review publishable while its stage says it is scoping:
    the page says what must happen first, and publishing is refused."""
    from django.urls import reverse

    from casereview.publication.models import Publication
    from casereview.reviews.services import review_stage_change

    ready_for_publication(alice, review)
    assert service.publication_gate(review, publication_date=PUBLISH_ON).passed
    # The business manager puts the stage right: the uploaded report was an early draft.
    review.refresh_from_db()
    assert review.stage == Stage.SENT_TO_PANEL
    review_stage_change(actor=alice, review=review, stage=Stage.SCOPING, changed_on=PUBLISH_ON, note="Draft only")
    review.refresh_from_db()
    client.force_login(alice)
    url = reverse("publication:overview", args=[review.pk])
    date_fields = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    page = client.post(url, {**date_fields, "publish": "1", "confirmed": "1"}).content.decode()
    assert "The review is still at the stage “Scoping”" in page
    assert "it can be published only once it has reached its final report" in page
    assert not Publication.objects.filter(review=review).exists()
    with pytest.raises(ValidationError, match="still at the stage"):
        service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING


def test_each_publication_step_is_a_page_of_its_own_with_its_errors_on_it(client, alice, review):
    """The overview links to each step; a form hidden in a closed details box left an empty button in the
    page (read out, and laid out at 390 px, with no text)."""
    client.force_login(alice)
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert "govuk-details" not in overview
    assert reverse("publication:sign_off", args=[review.pk]) in overview
    assert reverse("publication:hold", args=[review.pk]) in overview

    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    decide_all(alice, review)
    url = reverse("publication:sign_off", args=[review.pk])
    page = client.get(url).content.decode()
    assert '<h1 class="govuk-heading-l">Record a sign-off</h1>' in page and "Record the sign-off</button>" in page
    refused = client.post(url, {"kind": "panel", "signed_by": ""}).content.decode()
    assert "There is a problem" in refused and 'href="#id_signed_by"' in refused
    done = client.post(
        url,
        {"kind": "panel", "signed_by": "Chair of the panel", "signed_on_0": 1, "signed_on_1": 8, "signed_on_2": 2025},
    )
    assert done.status_code == 302 and done.url == reverse("publication:overview", args=[review.pk])
    assert review.sign_offs.get().signed_by == "Chair of the panel"

    hold = client.get(reverse("publication:hold", args=[review.pk])).content.decode()
    assert "govuk-button--warning" in hold


def test_the_publication_steps_are_refused_to_a_panel_member_and_hidden_from_an_outsider(client, dora, charlie, review):
    url = reverse("publication:sign_off", args=[review.pk])
    client.force_login(dora)
    assert client.get(url).status_code == 403
    assert client.post(url, {"kind": "panel", "signed_by": "Someone"}).status_code == 403
    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_each_problem_the_checks_find_links_to_the_page_that_puts_it_right(client, alice, review):
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    client.force_login(alice)
    url = reverse("publication:overview", args=[review.pk])
    dates = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    page = client.post(url, {**dates, "check": "1"}).content.decode()
    failures = re.search(r'<ul class="govuk-list govuk-list--bullet" id="gate-failures">(.*?)</ul>', page, re.S).group(
        1
    )
    sign_off = reverse("publication:sign_off", args=[review.pk])
    assert (
        "The police have not signed the report off (criminal proceedings). "
        f'<a class="govuk-link" href="{sign_off}?kind=police">' in failures
    )
    assert f'href="{reverse("publication:report_sent", args=[review.pk])}"' in failures
    assert f'href="{reverse("publication:anonymise", args=[review.pk])}"' in failures
    # the link opens the sign-off the check named
    form = client.get(f"{sign_off}?kind=police").content.decode()
    assert re.search(r'<option value="police" selected>', form)


def _buttons(page):
    return re.findall(r"<button[^>]*>(.*?)</button>", page.split('<main class="govuk-main-wrapper"', 1)[1], re.S)


def test_publish_is_offered_only_once_the_checks_pass_and_no_date_is_chosen_for_the_person(client, alice, review):
    """Walkthrough 7: the page filled in today's date and showed Publish beside "Run the checks" while
    nothing had been checked, though the server refuses to publish until every check passes."""
    client.force_login(alice)
    url = reverse("publication:overview", args=[review.pk])
    page = client.get(url).content.decode()
    assert _buttons(page) == ["Run the checks"]
    assert not re.search(r'name="publication_date_\d"[^>]*value="\d', page), "a date the person had not chosen"
    assert "Enter the day the report goes online and run the checks" in page
    assert "You can check a day to come, but publish only on the day itself" in page
    # checks run without a date ask for one instead of choosing it
    assert "Enter the publication date" in client.post(url, {"check": "1"}).content.decode()

    dates = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    failing = client.post(url, {**dates, "check": "1"}).content.decode()
    assert "The report cannot be published yet" in failing
    assert _buttons(failing) == ["Run the checks"]
    assert "Put right what is listed above, then run the checks again" in failing

    ready_for_publication(alice, review)
    passing = client.post(url, {**dates, "check": "1"}).content.decode()
    assert "Every check passes for publication on 1 September 2025." in passing
    assert _buttons(passing) == ["Publish", "Run the checks again"]
    assert 'name="publication_date_0" value="1"' in passing  # the date the person chose is kept


def test_a_date_to_come_that_passes_the_checks_is_not_offered_for_publishing(client, alice, review):
    from datetime import timedelta

    from django.utils import timezone

    ready_for_publication(alice, review)
    client.force_login(alice)
    later = timezone.localdate() + timedelta(days=10)
    dates = {"publication_date_0": later.day, "publication_date_1": later.month, "publication_date_2": later.year}
    page = client.post(reverse("publication:overview", args=[review.pk]), {**dates, "check": "1"}).content.decode()
    assert f"Every check passes for publication on {later.day} {later:%B %Y}" in page
    assert "can be published on that day, not before" in page
    assert "Publish" not in _buttons(page)


def test_the_publication_and_sign_off_pages_say_who_signs_the_report_off_for_the_partnership(client, alice, review):
    """The partnership's sign-off is not a fourth kind: it is the panel's, the police's and the legal
    adviser's together (domain.md; the review reaches "Partnership sign-off" when all three are in)."""
    client.force_login(alice)
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    form = client.get(reverse("publication:sign_off", args=[review.pk])).content.decode()
    for page in (overview, form):
        assert "The partnership signs the report off through three sign-offs" in page
        assert "when all three are recorded, the review is at “Partnership sign-off”" in page
    sign_offs = re.search(r'<dl class="govuk-summary-list" id="sign-offs">(.*?)</dl>', overview, re.S).group(1)
    for kind in ("panel", "police", "legal"):
        assert f"?kind={kind}" in sign_offs
    assert sign_offs.count("Not recorded yet") == 3
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))
    decide_all(alice, review)
    service.sign_off_record(actor=alice, review=review, kind="panel", signed_on=date(2025, 8, 1), signed_by="Ann Lee")
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    sign_offs = re.search(r'<dl class="govuk-summary-list" id="sign-offs">(.*?)</dl>', overview, re.S).group(1)
    assert "Signed off by Ann Lee on 1 August 2025" in sign_offs and sign_offs.count("Not recorded yet") == 2


def test_a_hold_says_who_put_it_on_when_and_why_and_who_lifts_it(client, alice, review, partnership_a):
    from casereview.accounts.models import Role
    from casereview.notifications.models import Notification
    from casereview.reviews.services import reviewer_appoint
    from casereview.testing import member

    reviewer = member(partnership_a, Role.REVIEWER, first_name="Independent", last_name="Reviewer")
    reviewer_appoint(actor=alice, review=review, user=reviewer, appointed_on=date(2025, 1, 6), declaration="None")
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings are running")
    url = reverse("publication:hold_detail", args=[hold.pk])
    # the reviewer is told, and the notice leads to a page they may open (publication's answered 403)
    assert Notification.objects.filter(recipient=reviewer, path=url).exists()
    client.force_login(reviewer)
    page = client.get(url).content.decode()
    summary = re.search(r'<dl class="govuk-summary-list" id="hold">(.*?)</dl>', page, re.S).group(1)
    placed = hold.placed_on
    for said in ("Criminal proceedings are running", "Alice Adams", f"{placed.day} {placed:%B %Y}"):
        assert said in summary
    assert "How the hold is lifted" in page
    assert "Only the business manager can lift it (Alice Adams)" in page and "Lift the hold" not in page
    assert client.post(reverse("publication:hold_lift", args=[hold.pk]), {"reason": "Verdict"}).status_code == 403

    client.force_login(alice)
    dates = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    checks = client.post(reverse("publication:overview", args=[review.pk]), {**dates, "check": "1"}).content.decode()
    assert f'Publication is on hold: Criminal proceedings are running. <a class="govuk-link" href="{url}">' in checks
    assert "put on hold by Alice Adams: Criminal proceedings are running" in checks
    page = client.get(url).content.decode()
    assert "Lift the hold</a>" in page
    client.post(reverse("publication:hold_lift", args=[hold.pk]), {"reason": "The trial ended"})
    page = client.get(url).content.decode()
    assert "This hold on publication was lifted" in page and "by Alice Adams" in page
    assert "Lift the hold</a>" not in page
    placing = client.get(reverse("publication:hold", args=[review.pk])).content.decode()
    assert "Only the business manager can lift the hold" in placing


def test_the_anonymise_page_has_one_save_button_and_a_key_not_highlighted_words(client, alice, review):
    """Walkthrough 7: two "Save the table" buttons above and below a long table were taken for two saves,
    and the key's highlighted words in boxes for filters."""
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    service.report_detect(report.pk)
    for n in range(12):  # a table long enough that the old page showed a second Save button above it
        ReplacementTerm.objects.create(review=review, original=f"Detail {n}", type="OTHER")
    client.force_login(alice)
    page = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    assert page.count("Save the table</button>") == 1
    key = re.search(r'<div class="app-key" id="colour-key">(.*?)</div>', page, re.S).group(1)
    assert "Key to the colours" in key and "<mark" not in key and "<button" not in key and "<a " not in key
    assert [re.sub(r"<[^>]+>", "", item).strip() for item in re.findall(r"<li>(.*?)</li>", key)] == [
        "a person",
        "a place",
        "a date or an age",
        "another detail",
    ]
    terms = ReplacementTerm.objects.filter(review=review)
    pending, total = terms.filter(status=TermStatus.PROPOSED).count(), terms.count()
    assert 0 < pending < total  # the report's age is kept as written, so it is decided already
    kept = terms.filter(status=TermStatus.ACCEPTED, decided_by__isnull=True).count()
    assert kept and f"{pending} details to decide; {kept} age{'s' if kept > 1 else ''} kept as written." in page


@pytest.mark.parametrize(
    "pending, to_decide, kept, kept_types, said",
    [
        (15, 15, 0, [], "15 details to decide"),
        (3, 15, 0, [], "3 of 15 details still to decide"),
        (0, 15, 0, [], "All 15 details decided"),
        (1, 1, 0, [], "1 detail to decide"),
        (0, 1, 0, [], "The 1 detail found is decided"),
        (1200, 1500, 0, [], "1,200 of 1,500 details still to decide"),
        # walkthrough 8, finding 12: the age that needs no decision is not counted among those to decide
        (14, 14, 1, ["AGE"], "14 details to decide; 1 age kept as written"),
        (3, 14, 2, ["AGE"], "3 of 14 details still to decide; 2 ages kept as written"),
        (3, 14, 2, ["AGE", "DATE"], "3 of 14 details still to decide; 2 details kept as written"),
        (0, 14, 1, ["AGE"], "All details decided (1 kept as written)"),
    ],
)
def test_how_far_the_replacement_table_has_got_is_said_plainly(pending, to_decide, kept, kept_types, said):
    from casereview.publication.views import details_to_decide

    assert details_to_decide(pending, to_decide, kept, kept_types) == said


def test_an_age_published_as_written_is_shown_kept_and_asks_for_no_decision(client, alice, review):
    """The partnership publishes ages as they are: "9 -> 9" is no question for the reviewer."""
    from django.urls import reverse

    review.partnership.published_ages = "exact"
    review.partnership.save()
    text = "Mary Jones, aged 9, lived with her mother Kerry Adams in Leeds."
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=text.encode())
    service.report_detect(report.pk)
    terms = {t.original: t for t in ReplacementTerm.objects.filter(review=review)}
    age = next(t for t in terms.values() if t.type == "AGE")
    assert age.replacement == age.original and age.status == TermStatus.ACCEPTED
    assert terms["Kerry Adams"].status == TermStatus.PROPOSED
    client.force_login(alice)
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    undecided = len(terms) - 1
    assert f"{undecided} details to decide; 1 age kept as written. Replace or allow each one" in overview
    page = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    row = next(r for r in page.split('<tr class="govuk-table__row">') if f'value="{age.original}"' in r)
    # walkthrough 8, finding 12: a detail kept as written is decided; its select does not offer "Not decided"
    assert "Kept as written" in row and "Not decided</option>" not in row
    assert re.search(r'<option value="accepted" selected>Kept as written</option>', row)
    # once the people are decided the gate has nothing left to ask
    decide_all(alice, review, **{age.original: (TermStatus.ACCEPTED, age.original)})
    failures = service.publication_gate(review, publication_date=PUBLISH_ON).failures
    assert not any("still need" in f for f in failures)
    overview = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert "All details decided (1 kept as written)." in overview


def test_a_band_replacing_an_age_still_asks_for_a_decision(alice, review):
    review.partnership.published_ages = "band"
    review.partnership.save()
    report = service.report_upload(actor=alice, review=review, name="report.txt", data=b"Mary Jones, aged 9, moved.")
    service.report_detect(report.pk)
    age = ReplacementTerm.objects.get(review=review, type="AGE")
    assert age.replacement != age.original and age.status == TermStatus.PROPOSED
