"""Factories shared by every app's tests (factory_boy). Test-only; imported by conftest.py."""

import factory
from django.db import models

from casereview.accounts.models import Agency, Membership, Partnership, Role, Sector, Subgroup, User

PASSWORD = "correct-horse-battery-staple"


def next_free_number(model, field="number", **within):
    """A factory attribute: the next `field` after the highest already in the database among `model`'s rows
    with `within` (attribute paths on the object being built, e.g. review="review"), as the app's services
    number them. A global factory.Sequence would collide with a number a service gave in the same review
    (a fixture's first action is 1, the sequence's first too), and only when a test ran alone or first."""

    def number(obj):
        scope = {name: _path(obj, path) for name, path in within.items()}
        if any(getattr(value, "pk", 0) is None for value in scope.values()):
            return 1  # built, not saved: nothing to collide with
        highest = model.objects.unscoped().filter(**scope).aggregate(n=models.Max(field))["n"]
        return (highest or 0) + 1

    return factory.LazyAttribute(number)


def _path(obj, path):
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Borough {n} Safeguarding Children Partnership")
    slug = factory.Sequence(lambda n: f"borough-{n}")
    local_authority = factory.Sequence(lambda n: f"Borough {n} Council")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Agency {n}")
    sector = Sector.CHILDRENS_SOCIAL_CARE


class SubgroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subgroup

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Subgroup {n}")
    chair = "Director of Children's Services"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = Role.BUSINESS_MANAGER


def member(partnership, role, agency=None, **user_fields):
    """A user holding `role` in `partnership`."""
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, partnership=partnership, role=role, agency=agency)
    return user


def date_fields(name, day):
    """The three boxes of a GOV.UK date input called `name` (core.forms' date field), filled in with `day`."""
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# --- cases -----------------------------------------------------------------------------------------

import datetime  # noqa: E402

from django.core.files.base import ContentFile  # noqa: E402

from casereview.decisions.models import InformationAttachment, InformationRequest, RapidReview  # noqa: E402
from casereview.incidents.models import ChildIdentity, Incident, NotificationDuty  # noqa: E402
from casereview.incidents.services import _next_reference  # noqa: E402
from casereview.reviews.models import Review  # noqa: E402


def incident_facts(**overrides):
    """What incidents.services.incident_create needs to record a case (a looked-after child's death, abuse
    suspected, in the area), with `overrides`."""
    return dict(
        {
            "child_pseudonym": "Child T",
            "harm": "death",
            "incident_date": datetime.date(2025, 4, 16),
            "aware_date": datetime.date(2025, 4, 17),
            "abuse_or_neglect": "suspected",
            "looked_after": True,
            "location": "in_area",
        },
        **overrides,
    )


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident
        skip_postgeneration_save = True

    partnership = factory.SubFactory(PartnershipFactory)
    # The next free 2025 reference in the partnership, as incident_create gives them (a global sequence took
    # "2025-001" again after a test had recorded its first incident through the service).
    reference = factory.LazyAttribute(
        lambda o: _next_reference(o.partnership, 2025) if o.partnership.pk is not None else "2025-001"
    )
    child_pseudonym = factory.Sequence(lambda n: f"Child {chr(65 + n % 26)}")
    harm = "serious_harm"
    incident_date = datetime.date(2025, 4, 16)
    aware_date = datetime.date(2025, 4, 17)
    abuse_or_neglect = "suspected"
    location = "in_area"
    identity = factory.RelatedFactory("casereview.testing.ChildIdentityFactory", factory_related_name="incident")


class ChildIdentityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChildIdentity

    incident = factory.SubFactory(IncidentFactory, identity=None)
    full_name = "Rosie Example"
    date_of_birth = datetime.date(2010, 5, 1)


class NotificationDutyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationDuty

    incident = factory.SubFactory(IncidentFactory)
    kind = "national_panel"
    reason = "Abuse suspected"
    due_date = datetime.date(2025, 4, 28)


class RapidReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RapidReview

    incident = factory.SubFactory(IncidentFactory)
    opened_on = datetime.date(2025, 4, 22)
    due_date = datetime.date(2025, 5, 13)


class InformationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InformationRequest

    rapid_review = factory.SubFactory(RapidReviewFactory)
    agency = factory.LazyAttribute(lambda o: AgencyFactory(partnership=o.rapid_review.incident.partnership))
    requested_on = datetime.date(2025, 4, 22)
    due_date = datetime.date(2025, 5, 6)


class InformationAttachmentFactory(factory.django.DjangoModelFactory):
    """A PDF an agency sent with its information (stored as it would be: under the record's key)."""

    class Meta:
        model = InformationAttachment

    info_request = factory.SubFactory(InformationRequestFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 chronology extract", name="chronology.pdf"))
    file_name = "chronology.pdf"
    content_type = "application/pdf"
    size = 27
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    sent_by = factory.SubFactory(UserFactory)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Child {chr(65 + n % 26)}")
    review_type = "local_cspr"
    decided_on = datetime.date(2025, 5, 20)
    target_completion = datetime.date(2025, 11, 20)


# --- reviews -------------------------------------------------------------------------------------------

from casereview.reviews.models import (  # noqa: E402
    AgencyContribution,
    ChronologyEntry,
    ChronologyImport,
    DuplicatePair,
    LearningPoint,
    PanelMember,
    Recommendation,
)


class AgencyContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgencyContribution

    review = factory.SubFactory(ReviewFactory)
    agency = factory.LazyAttribute(lambda o: AgencyFactory(partnership=o.review.partnership))
    kind = "chronology"
    requested_on = datetime.date(2025, 6, 2)
    due_date = datetime.date(2025, 6, 30)


class ChronologyEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChronologyEntry

    contribution = factory.SubFactory(AgencyContributionFactory)
    review = factory.SelfAttribute("contribution.review")
    agency = factory.SelfAttribute("contribution.agency")
    event_date = datetime.date(2014, 3, 3)
    sort_date = factory.SelfAttribute("event_date")
    event_type = "Home visit"
    description = "Social worker visited the placement."


class LearningPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LearningPoint

    review = factory.SubFactory(ReviewFactory)
    number = next_free_number(LearningPoint, review="review")
    text = "Knowledge of a child's psycho-social history is essential."


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    review = factory.SubFactory(ReviewFactory)
    number = next_free_number(Recommendation, review="review")
    text = "The partnership should audit transfer summaries."


class TermsOfReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.TermsOfReference"

    review = factory.SubFactory(ReviewFactory)
    scope_start = datetime.date(2025, 1, 1)
    scope_end = datetime.date(2025, 6, 1)
    lines_of_enquiry = "Lines"
    methodology = "other"


class ReviewerAppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.ReviewerAppointment"

    review = factory.SubFactory(ReviewFactory)
    user = factory.LazyAttribute(lambda o: member(o.review.partnership, Role.REVIEWER))
    appointed_on = datetime.date(2025, 6, 1)
    independence_declaration = "I am independent."
    declared_on = datetime.date(2025, 6, 1)


def contribution_with_lead(partnership, *, agency_name, username, **fields):
    """A review of `partnership` with one agency's contribution, and that agency's lead: (contribution, lead).
    The review is `contribution.review`, the agency `contribution.agency`."""
    agency = AgencyFactory(partnership=partnership, name=agency_name)
    contribution = AgencyContributionFactory(review__partnership=partnership, agency=agency, **fields)
    return contribution, member(partnership, Role.AGENCY_LEAD, agency=agency, username=username)


def duplicate_pair_in(partnership):
    contribution = AgencyContributionFactory(review__partnership=partnership)
    other = AgencyContributionFactory(review=contribution.review)
    first = ChronologyEntryFactory(contribution=contribution)
    second = ChronologyEntryFactory(contribution=other)
    return DuplicatePair.objects.create(review=contribution.review, first=first, second=second, similarity=95)


def chronology_import_in(partnership):
    contribution = AgencyContributionFactory(review__partnership=partnership)
    return ChronologyImport.objects.create(
        contribution=contribution,
        file_name="x.csv",
        stored_as="x",
        uploaded_by=UserFactory(),
        status="failed",
        problems=["Row 2, date: enter the date"],
    )


def panel_member_in(partnership):
    review = ReviewFactory(partnership=partnership)
    return PanelMember.objects.create(review=review, agency=AgencyFactory(partnership=partnership), name="Pat Panel")


# --- documents -----------------------------------------------------------------------------------------

from casereview.documents.models import Document, ExtractedItem, ImportBatch  # noqa: E402


def document_in(
    partnership, *, status="ready", text="Learning points:\n1. Share information early.\n2. Escalate sooner.\n"
):
    user = UserFactory()
    batch = ImportBatch.objects.create(partnership=partnership, uploaded_by=user, total=1, processed=1)
    document = Document.objects.create(
        partnership=partnership,
        batch=batch,
        file_name="review.txt",
        uploaded_by=user,
        status=status,
        text=text,
        pages=1,
    )
    for position, phrase in enumerate(["Share information early.", "Escalate sooner."], start=1):
        start = text.find(phrase)
        if start >= 0:
            ExtractedItem.objects.create(
                document=document,
                kind="learning_point",
                position=position,
                text=phrase,
                final_text=phrase,
                start=start,
                end=start + len(phrase),
                confidence=0.9,
            )
    return document


def publication_in(partnership):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from casereview.publication.models import Publication

    review = ReviewFactory(partnership=partnership)
    docx = default_storage.save(f"publications/{review.pk}/report.docx", ContentFile(b"docx"))
    pdf = default_storage.save(f"publications/{review.pk}/report.pdf", ContentFile(b"%PDF-1.4"))
    return Publication.objects.create(
        review=review,
        published_on=datetime.date(2025, 6, 2),
        remove_after=datetime.date(2026, 6, 2),
        anonymised_text="Text",
        docx_file=docx,
        pdf_file=pdf,
        published_by=UserFactory(),
    )


def hold_in(partnership):
    from casereview.publication.models import PublicationHold

    return PublicationHold.objects.create(
        review=ReviewFactory(partnership=partnership),
        reason="Criminal proceedings",
        placed_on=datetime.date(2025, 6, 2),
        placed_by=UserFactory(),
    )


# --- action plans ----------------------------------------------------------------------------------


from casereview.actionplans.models import (  # noqa: E402
    Action,
    DisseminationEvent,
    Evidence,
    ProgressUpdate,
    Risk,
    TrainingYear,
)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    review = factory.SubFactory(ReviewFactory)
    number = next_free_number(Action, review="review")
    description = "Commission a return-interview service for young people missing from care"
    owner_agency = factory.LazyAttribute(lambda o: AgencyFactory(partnership=o.review.partnership))
    lead_role = "Head of Looked After Children's Services"
    start_date = datetime.date(2025, 6, 1)
    due_date = datetime.date(2025, 12, 1)
    success_measure = "Every young person returning from a missing episode is offered an interview within 72 hours"


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    posted_on = datetime.date(2025, 7, 1)
    text = "Service specification agreed"
    status = "on_track"
    posted_by = factory.SubFactory(UserFactory)


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    action = factory.SubFactory(ActionFactory)
    kind = "file"
    description = "Service specification"
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 test evidence", name="specification.pdf"))
    file_name = "specification.pdf"
    content_type = "application/pdf"
    size = 22
    added_by = factory.SubFactory(UserFactory)


class DisseminationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisseminationEvent

    partnership = factory.SubFactory(PartnershipFactory)
    kind = "cascade"
    title = "Cascade of Child R's learning"
    held_on = datetime.date(2015, 9, 15)


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Escalation between agencies is slow"
    description = "Disagreements about a child's plan are not escalated promptly"
    owner = "Chair of the Quality and Effectiveness subgroup"
    likelihood = 4
    impact = 4
    mitigation = "Refresh the escalation protocol; audit its use"
    residual_likelihood = 2
    residual_impact = 4
    review_date = datetime.date(2025, 12, 1)


# --- files made in the test ---------------------------------------------------------------------------


def make_pdf(path, pages, *, header="Safeguarding Board paper", numbered=True):
    """A report-like PDF: each page is a list of lines; a running header and 'Page n of N' on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        pdf.setFont("Helvetica", 9)
        if header:
            pdf.drawString(72, height - 40, header)
        if numbered:
            pdf.drawRightString(width - 72, 30, f"Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", 11)
        y = height - 90
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return path


def make_image_only_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return path


# --- library -------------------------------------------------------------------------------------------


def library_entry_in(partnership):
    """A learning point of a published review: its library entry (made by the library's signal)."""
    from casereview.library.models import Entry

    review = ReviewFactory(
        partnership=partnership, stage="published", published_on=datetime.date(2024, 3, 1), title="Child P"
    )
    point = LearningPointFactory(review=review, text="Information sharing between schools and health failed.")
    return Entry.objects.get(finding_id=point.pk)


def briefing_in(partnership):
    from casereview.library.models import Briefing

    return Briefing.objects.create(
        partnership=partnership,
        title="Child P",
        what_happened="What happened.",
        key_learning="Share information.",
        for_practice="Ask.",
        questions="What would you do?",
        published_on=datetime.date(2024, 4, 1),
    )


class TrainingYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingYear

    partnership = factory.SubFactory(PartnershipFactory)
    year_starting = 2024
    sessions = 12
    individuals = 300
    organisations = 40
    elearning_modules = 150


class LearningEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reviews.LearningEvent"

    review = factory.SubFactory(ReviewFactory)
    held_on = datetime.date(2025, 3, 12)
    attendees = 14
    themes_discussed = "Placement stability and missing episodes"


def make_two_column_pdf(path, pages, *, footer="Learning brief - Northshire Safeguarding Partnership"):
    """A newsletter-like PDF: each page is (title, left lines, right lines); the columns are drawn line by
    line across the page, as many publishing tools write them, with a footer and page number on each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, (title, left, right) in enumerate(pages, 1):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(50, height - 60, title)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(50, 30, footer)
        pdf.drawRightString(width - 50, 30, str(number))
        pdf.setFont("Helvetica", 10)
        y = height - 100
        for n in range(max(len(left), len(right))):
            for x, column in ((50, left), (width / 2 + 10, right)):
                if n < len(column) and column[n]:
                    pdf.drawString(x, y, column[n])
            y -= 13
        pdf.showPage()
    pdf.save()
    return path


# --- background exports (core/exports.py) -----------------------------------------------------------


def exported(client, url, query=None, *, capture):
    """Ask for an export the way a person does (open its page, press the button), let the background job
    run, open the progress page and download the file; returns the download response."""
    from urllib.parse import urlencode

    full = f"{url}?{urlencode(query, doseq=True)}" if query else url
    assert client.get(full).status_code == 200
    with capture(execute=True):
        started = client.post(full)
    assert started.status_code == 302, started.status_code
    progress = client.get(started["Location"])
    assert "Your file is ready" in progress.content.decode(), progress.content.decode()[:3000]
    download = client.get(started["Location"] + "download")
    assert download.status_code == 200
    from django.http import HttpResponse

    return HttpResponse(b"".join(download.streaming_content), headers=dict(download.items()))


def export_job_in(partnership):
    """A finished export of the partnership's audit log, asked for by the matrix's insider when there is one."""
    from datetime import timedelta

    from django.core.files.storage import default_storage
    from django.utils import timezone

    from casereview.core.models import ExportJob, ExportStatus

    requester = User.objects.filter(username="insider").first() or UserFactory()
    return ExportJob.objects.create(
        partnership=partnership,
        requested_by=requester,
        kind="audit_csv",
        title="Audit log",
        target_model="accounts.partnership",
        target_id=str(partnership.pk),
        target_action="view_audit",
        status=ExportStatus.DONE,
        stored_as=default_storage.save("exports/matrix.csv", ContentFile(b"When,Who\n")),
        file_name="audit.csv",
        content_type="text/csv",
        expires_at=timezone.now() + timedelta(hours=1),
    )


def recommendation_in(partnership, outcome="local_review"):
    from casereview.decisions.models import ReviewRecommendation

    return ReviewRecommendation.objects.create(
        incident=IncidentFactory(partnership=partnership),
        outcome=outcome,
        rationale="Three criteria met",
        made_on=datetime.date(2025, 5, 13),
        recorded_by=UserFactory(),
    )


def decision_in(partnership, outcome="no_review"):
    """A chair's decision on a case (with its recommendation); "no review" so that no review is made."""
    from casereview.decisions.models import ChairDecision

    recommendation = recommendation_in(partnership, outcome)
    return ChairDecision.objects.create(
        incident=recommendation.incident,
        outcome=outcome,
        rationale="Agreed with the subgroup",
        decided_on=datetime.date(2025, 5, 20),
        decided_by=UserFactory(),
    )


def report_uploaded_on(review, day):
    """Date a review's uploaded report, and its replacement table's decisions so far, back to `day`: the
    sign-offs and the sending cannot be dated before the report was uploaded (nor a sign-off before the table
    made the text it is for), and tests of those steps date them in the past."""
    from django.utils import timezone

    from casereview.publication.models import ReplacementTerm, Report

    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    Report.objects.unscoped().filter(review=review).update(created=moment)
    # the table's decisions too: a sign-off cannot be dated before the anonymised text it is for was made
    ReplacementTerm.objects.unscoped().filter(review=review, updated__gt=moment).update(updated=moment)


def working_days_ago(n, today=None):
    """The day `n` working days before `today` as the pages count them (`working_days_between(day, today) == n`).

    `add_working_days(today, -n)` is that day only when today is a working day: on a Saturday, Sunday or bank
    holiday the days a page counts end at the last working day, so a test that meant "10 working days ago"
    would be a day short and fail at weekends."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days, is_working_day

    today = today or timezone.localdate()
    last = today if is_working_day(today) else add_working_days(today, -1)
    return add_working_days(last, -n)


def page_text(response):
    """The page as a reader sees it: tags taken out, entities decoded, white space collapsed."""
    import html
    import re

    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


def police_information_sent(partnership):
    """A rapid review's information request the police lead has answered: (the request, the lead)."""
    from casereview.decisions import services as decision_services

    police = AgencyFactory(partnership=partnership, name="Metropolitan Police Service")
    request = InformationRequestFactory(
        rapid_review=RapidReviewFactory(incident=IncidentFactory(partnership=partnership)), agency=police
    )
    lead = member(partnership, Role.AGENCY_LEAD, agency=police, username="pl", first_name="Police", last_name="Lead")
    decision_services.information_request_answer(actor=lead, info_request=request, response="Two call-outs in March.")
    return request, lead
