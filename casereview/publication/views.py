"""Pages for anonymising a review's report and publishing it."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.db.models.functions import Lower
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST, require_safe

from casereview.accounts import permissions
from casereview.core.access import object_view
from casereview.core.file_checks import download_name
from casereview.core.forms import apply_service_errors, posted, submitted
from casereview.core.highlight import highlighted_window, text_parts
from casereview.reviews.models import Review, Stage

from . import services as service
from .forms import (
    HoldForm,
    HoldLiftForm,
    PublishForm,
    ReportUploadForm,
    SentForm,
    SignOffForm,
    TermAddForm,
    type_label,
)
from .models import (
    Publication,
    PublicationHold,
    ReplacementTerm,
    Report,
    ReportSignOffKind,
    ReportStatus,
    TermStatus,
)

TYPE_CLASSES = {
    "PERSON": "person",
    "ADDRESS": "place",
    "POSTCODE": "place",
    "PLACE": "place",
    "SCHOOL": "place",
    "HEALTH_SETTING": "place",
    "DATE": "date",
    "DATE_OF_BIRTH": "date",
    "AGE": "date",
}


# What a detail kept as written is, said of one and of several ("1 age kept as written").
KEPT_WORDS = {"AGE": ("age", "ages"), "DATE": ("date", "dates"), "DATE_OF_BIRTH": ("date of birth", "dates of birth")}


def details_to_decide(pending, to_decide, kept=0, kept_types=()):
    """How far the replacement table has got, in plain words. `to_decide` counts the details that need a
    decision; those kept as written by rule (an age, a month and year) need none and are counted apart:
    "14 details to decide; 1 age kept as written", "3 of 14 details still to decide", "All details decided
    (1 kept as written)". ("14 of 15 details still to decide" counted the age that needed no decision, and
    never read as "all but one done".)"""
    if not pending:
        if kept:
            return f"All details decided ({kept:,} kept as written)"
        if to_decide == 1:
            return "The 1 detail found is decided"
        return f"All {to_decide:,} details decided"
    if pending == to_decide:
        said = "1 detail to decide" if pending == 1 else f"{pending:,} details to decide"
    else:
        said = f"{pending:,} of {to_decide:,} details still to decide"
    if kept:
        kinds = set(kept_types)
        one, several = KEPT_WORDS.get(kinds.pop(), ("detail", "details")) if len(kinds) == 1 else ("detail", "details")
        said += f"; {kept:,} {one if kept == 1 else several} kept as written"
    return said


# A detail kept as written by rule: accepted as itself, and decided by nobody.
KEPT_BY_RULE = Q(status=TermStatus.ACCEPTED, replacement=F("original"), decided_by__isnull=True)


def table_counts(review):
    """The replacement table's counts in one pass over the review's terms, not three, and the sentence
    that says them."""
    terms = ReplacementTerm.objects.unscoped().filter(review=review)
    counts = terms.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(status=TermStatus.PROPOSED)),
        kept=Count("pk", filter=KEPT_BY_RULE),
    )
    kept_types = terms.filter(KEPT_BY_RULE).values_list("type", flat=True).distinct() if counts["kept"] else []
    counts["to_decide"] = counts["total"] - counts["kept"]
    counts["sentence"] = details_to_decide(counts["pending"], counts["to_decide"], counts["kept"], list(kept_types))
    return counts


def _draft_ready(report, counts):
    """The anonymised draft can be downloaded once the report is checked and every detail decided."""
    return report is not None and report.status == ReportStatus.READY and counts["total"] and not counts["pending"]


@object_view(Review, "manage_publication")
def overview(request, review):
    report = Report.objects.unscoped().filter(review=review).first()
    publication = Publication.objects.unscoped().filter(review=review).first()
    # "Run the checks" and "Publish" both post the form: a GET would put the CSRF token, which the Publish
    # button needs in the same form, into the address bar, the history and the server's log. No date is
    # filled in for the person: a publication date they had not chosen was checked and published as theirs.
    publish_form = PublishForm(posted(request))
    gate = confirm = publication_date = None
    if publish_form.is_bound and publish_form.is_valid():
        publication_date = publish_form.cleaned_data["publication_date"]
        gate = service.publication_gate(review, publication_date=publication_date)
        if "publish" in request.POST and gate.passed and "confirmed" not in request.POST:
            confirm = [(k, v) for k, v in request.POST.items() if k not in ("csrfmiddlewaretoken", "publish", "check")]
        elif "publish" in request.POST and gate.passed:
            try:
                service.review_publish(actor=request.user, review=review, **publish_form.cleaned_data)
            except ValidationError as exc:
                apply_service_errors(publish_form, exc)
            else:
                messages.success(request, f"{review.title}'s report has been published.")
                return redirect("publication:overview", pk=review.pk)
    counts = table_counts(review)
    holds = list(review.holds.select_related("placed_by", "lifted_by"))
    return render(
        request,
        "publication/publication.html",
        {
            "review": review,
            "report": report,
            "publication": publication,
            "gate": gate,
            "gate_steps": _gate_steps(review, gate) if gate else [],
            # Publish is offered only where the server would publish: every check passed, for a date not
            # to come (publishing on a later day is refused: the learning is read as soon as it is published)
            "may_publish_now": gate is not None and gate.passed and publication_date <= timezone.localdate(),
            "publication_date": publication_date,
            "confirm": confirm,
            "publish_form": publish_form,
            "upload_form": ReportUploadForm(),
            "sign_off_rows": _sign_off_rows(review, report) if publication is None else [],
            "holds": holds,
            "hold_stands": any(not h.lifted_on for h in holds),
            "terms_pending": counts["pending"],
            "terms_total": counts["total"],
            "details_to_decide": counts["sentence"],
            "draft_ready": publication is None and _draft_ready(report, counts),
        },
    )


def _sign_off_rows(review, report):
    """Each of the three sign-offs that make the partnership's (domain.md): (kind, label, the one recorded,
    whether it was given for the anonymised text as it is now). The text is worked out only when a sign-off
    is recorded (the one kept with the report's check, while it is current)."""
    recorded = {s.kind: s for s in review.sign_offs.all()}
    digest = None
    if recorded:
        text = service.current_text(review, report)
        digest = service.text_digest(text) if text is not None else None
    rows = []
    for kind, label in ReportSignOffKind.choices:
        signed = recorded.get(kind)
        if signed is not None:
            # the short fingerprint the draft prints under its mark, so a sign-off matches the draft it was for
            signed.fingerprint = signed.text_digest[: service.SHORT_FINGERPRINT]
            signed.fingerprint_now = digest[: service.SHORT_FINGERPRINT] if digest else ""
        rows.append((kind, label, signed, signed is not None and service.sign_off_given_for_this_text(signed, digest)))
    return rows


# Whose sign-off a link of the checks records, as a screen reader hears it after "Record the sign-off".
SIGNED_BY = {"panel": " of the review panel", "police": " of the police", "legal": " of the legal adviser"}


def _gate_steps(review, gate):
    """Each failure of the gate with the page that puts it right: (failure, link text, the words that tell
    two such links apart to a screen reader, address)."""
    from django.urls import reverse

    sign_off_kinds = gate.sign_offs_to_record
    holds = {f"Publication is on hold: {h.reason}": h.pk for h in review.holds.filter(lifted_on__isnull=True)}
    steps = []
    for failure in gate.failures:
        step = ("", "", "")
        if failure == gate.undecided_message:
            step = ("Decide them in the replacement table", "", reverse("publication:anonymise", args=[review.pk]))
        elif failure in sign_off_kinds:
            kind = sign_off_kinds[failure]
            url = reverse("publication:sign_off", args=[review.pk]) + f"?kind={kind.value}"
            again = failure not in service.SIGN_OFF_MISSING.values()
            step = ("Record the sign-off again" if again else "Record the sign-off", SIGNED_BY.get(kind, ""), url)
        elif failure.startswith("Record when the report was sent"):
            step = ("Record when it was sent", "", reverse("publication:report_sent", args=[review.pk]))
        elif failure in holds:
            step = ("See the hold and lift it", "", reverse("publication:hold_detail", args=[holds[failure]]))
        elif failure.startswith("The report's title still says it is a draft"):
            step = ("Upload the final version", "", reverse("publication:report_upload", args=[review.pk]))
        elif " is before the anonymised text to be published was made" in failure:
            step = ("Record when it was sent", "", reverse("publication:report_sent", args=[review.pk]))
        elif failure == "No report has been uploaded":
            step = ("Upload the final report", "", reverse("publication:report_upload", args=[review.pk]))
        steps.append((failure, *step))
    return steps


@object_view(Review, "anonymise")
def report_upload(request, review):
    refusal = service.published_refusal(review, "a new version of the report cannot be uploaded")
    if refusal:  # said before the form, not after a file was chosen and sent (walkthrough 11, finding 3)
        messages.info(request, f"{refusal}.")
        return redirect("publication:anonymise", pk=review.pk)
    form = ReportUploadForm(posted(request), request.FILES if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            service.report_upload(actor=request.user, review=review, name=upload.name, data=upload)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "The report has been uploaded and is being checked for identifying details.")
            return redirect("publication:anonymise", pk=review.pk)
    return render(
        request,
        "publication/simple_form.html",
        {
            "review": review,
            "form": form,
            "title": "Upload the final report",
            "submit": "Upload",
            "multipart": True,
            "may_publish": _may_publish(request, review),
        },
    )


def _may_publish(request, review):
    """The independent reviewer anonymises the report but does not open publication: their pages lead back
    to the review instead (a link to the publication page answered them "You cannot do this")."""
    return permissions.can(request.user, "manage_publication", review)


# The replacement table shows this many terms a page; a report full of names cannot make one huge form.
TERMS_PER_PAGE = 100


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _text_part(request, text):
    """The page of a long text asked for by ?page=N (parts of about 20,000 characters), and its bounds."""
    page = Paginator(text_parts(text), 1).get_page(request.GET.get("page"))
    start, end = page.object_list[0]
    return page, start, end


def _highlight(report, start, end):
    detections = report.detections.filter(start__lt=end, end__gt=start).order_by("start")
    return highlighted_window(
        report.text,
        [(d.start, d.end, {"type": type_label(d.type), "css": TYPE_CLASSES.get(d.type, "other")}) for d in detections],
        start,
        end,
    )


@object_view(Review, "anonymise")
def anonymise(request, review):
    return _anonymise_page(request, review)


def _anonymise_page(request, review, add_form=None):
    """The replacement table's page; `add_form` is the "add a detail" form sent and refused, shown again
    with its errors in the page's error summary."""
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        return redirect("publication:report_upload", pk=review.pk)
    all_terms = ReplacementTerm.objects.unscoped().filter(review=review).select_related("decided_by")
    publication = Publication.objects.unscoped().filter(review=review).first()
    errors = {}  # "replacement-<term id>" -> what is wrong with that row
    seen = {}  # term id -> (status, replacement) as the page that was sent showed them
    shown = {}  # term id -> (status, replacement) as the person left them, when a save was refused
    refused = ""  # a refusal of the whole table (after publication)
    if request.method == "POST" and add_form is None:
        # Only the terms on the page that was sent: the others keep their decisions.
        sent = [key.removeprefix("status-") for key in request.POST if key.startswith("status-")]
        decisions = {
            str(t.pk): (
                request.POST.get(f"status-{t.pk}", t.status),
                request.POST.get(f"replacement-{t.pk}", t.replacement),
            )
            for t in all_terms.filter(pk__in=[pk for pk in sent if _is_uuid(pk)])
        }
        # What the page showed of each row, so that a row left as it was does not undo another's decision.
        seen = {
            pk: (request.POST[f"was-status-{pk}"], request.POST[f"was-replacement-{pk}"])
            for pk in decisions
            if f"was-status-{pk}" in request.POST and f"was-replacement-{pk}" in request.POST
        }
        try:
            change = service.terms_decide(actor=request.user, review=review, decisions=decisions, seen=seen)
        except ValidationError as exc:
            # Shown again, not redirected: every choice and replacement posted is kept as the person left it,
            # and each refusal is said on its own row (one mistake threw away every decision on the page).
            if hasattr(exc, "error_dict"):
                errors = {field: " ".join(said) for field, said in exc.message_dict.items()}
                shown = decisions
            else:
                refused = " ".join(exc.messages)
        else:
            said = change.message if change is not None else ""
            messages.success(request, f"The replacement table has been saved. {said}".strip())
            return redirect(request.get_full_path())
    part, start, end = _text_part(request, report.text)
    counts = table_counts(review)
    # In one order whatever is decided: sorting by status moved a decided row away from where the person
    # was working, and a replacement typed into the row now in its place went to the wrong detail.
    terms = Paginator(all_terms.order_by(Lower("original"), "original", "pk"), TERMS_PER_PAGE).get_page(
        request.GET.get("terms")
    )
    for term in terms:
        status, replacement = shown.get(str(term.pk), (term.status, term.replacement))
        term.shown_status, term.shown_replacement = status, replacement
        term.error = errors.get(f"replacement-{term.pk}", "")
        # What the page showed: kept from the refused save, but as it is now on a row refused (so that, seen
        # and saved again, the person's choice is kept).
        term.was_status, term.was_replacement = (
            seen.get(str(term.pk), (term.status, term.replacement))
            if not term.error
            else (term.status, term.replacement)
        )
    return render(
        request,
        "publication/anonymise.html",
        {
            "review": review,
            "report": report,
            "terms": terms,
            "errors": [(f"replacement-{t.pk}", t.error) for t in terms if t.error],
            "refused": refused,
            "publication": publication,
            "pieces": _highlight(report, start, end),
            "page": part,
            "part_start": start,
            "part_end": end,
            "text_length": len(report.text),
            "add_form": add_form or TermAddForm(),
            "add_errors": [
                (add_form[name].auto_id if name in add_form.fields else "add-detail", error)
                for name, errors in add_form.errors.items()
                for error in errors
            ]
            if add_form is not None
            else [],
            "statuses": TermStatus.choices,
            # warned before the table is changed: the sign-offs given for the text as it is now
            "signed_now": service.sign_offs_named(s.kind for s in service.current_sign_offs(review, report))
            if publication is None and report.status == "ready"
            else "",
            "terms_pending": counts["pending"],
            "details_to_decide": counts["sentence"],
            "draft_ready": publication is None and _draft_ready(report, counts),
            "may_publish": _may_publish(request, review),
        },
    )


@object_view(Review, "anonymise")
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def draft_download(request, review, file_format):
    """The anonymised report as a draft, to send before publication (Word or PDF), marked as a draft."""
    try:
        draft = service.draft_export(actor=request.user, review=review, file_format=file_format)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("publication:anonymise", pk=review.pk)
    content_type = (
        "application/pdf"
        if file_format == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(draft.data, content_type=content_type)
    # Django's header: a title with quotes or accents was sent MIME-encoded whole ("=?utf-8?b?…"), which no
    # browser reads as an attachment, and so without the no-store that every download carries. The name
    # carries the time and the text's fingerprint, so one draft in an inbox is told from the next.
    response["Content-Disposition"] = content_disposition_header(
        True, download_name(draft.file_name(review, file_format), content_type)
    )
    return response


@require_POST
@object_view(Review, "anonymise")
def term_add(request, review):
    form = TermAddForm(request.POST)
    if submitted(request, form, lambda d: service.term_add(actor=request.user, review=review, **d)):
        messages.success(
            request, f"“{form.cleaned_data['original']}” will be replaced everywhere in this review's documents."
        )
        return redirect("publication:anonymise", pk=review.pk)
    return _anonymise_page(request, review, add_form=form)


@object_view(Review, "anonymise")
def diff(request, review):
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        return redirect("publication:report_upload", pk=review.pk)
    part, start, end = _text_part(request, report.text)
    return render(
        request,
        "publication/diff.html",
        {
            "review": review,
            "report": report,
            "original": report.text[start:end],
            "anonymised": service.anonymised_text(review, start=start, end=end),
            "page": part,
            "draft_ready": not Publication.objects.unscoped().filter(review=review).exists()
            and _draft_ready(report, table_counts(review)),
            "may_publish": _may_publish(request, review),
        },
    )


def _small_form(
    request, review, form_class, action, *, title, submit, success, warning=False, initial=None, intro="", extra=None
):
    """One step of publication on a page of its own (a form hidden in the overview's details left its
    button in the page, empty, for a screen reader or a narrow screen): shown again with its errors.
    `intro` names a template said above the form (what the step means, who does it)."""
    form = form_class(posted(request), initial=initial)
    if submitted(request, form, action):
        messages.success(request, success)
        return redirect("publication:overview", pk=review.pk)
    return render(
        request,
        "publication/simple_form.html",
        {
            "review": review,
            "form": form,
            "title": title,
            "submit": submit,
            "warning": warning,
            "may_publish": True,
            "intro_template": intro,
            **(extra or {}),
        },
    )


@object_view(Review, "manage_publication")
def sign_off(request, review):
    recorded = {}

    def record(data):
        recorded["sign_off"] = service.sign_off_record(actor=request.user, review=review, **data)

    report = Report.objects.unscoped().filter(review=review).first()
    text = service.current_text(review, report) if report is not None else None
    seen = service.text_digest(text) if text is not None else ""
    initial = {"text_seen": seen, **({"kind": request.GET["kind"]} if request.GET.get("kind") else {})}
    form = SignOffForm(posted(request), initial=initial)
    stage_before = Review.objects.unscoped().filter(pk=review.pk).values_list("stage", flat=True).first()
    if submitted(request, form, record):
        label = ReportSignOffKind(recorded["sign_off"].kind).label
        stage = Review.objects.unscoped().filter(pk=review.pk).values_list("stage", flat=True).first()
        if stage == Stage.PARTNERSHIP_SIGN_OFF and stage_before != stage:
            messages.success(
                request,
                f"The sign-off of the {label.lower()} has been recorded. With all three sign-offs recorded, the "
                "review is now at “Partnership sign-off”.",
            )
        else:
            messages.success(request, f"The sign-off of the {label.lower()} has been recorded.")
        return redirect("publication:overview", pk=review.pk)
    if form.is_bound and form.data.get("text_seen") != seen:
        # shown again with the text as it is now: sent again, once checked, it is recorded for that text
        form.data = form.data.copy()
        form.data["text_seen"] = seen
    return render(
        request,
        "publication/simple_form.html",
        {
            "review": review,
            "form": form,
            "title": "Record a sign-off",
            "submit": "Record the sign-off",
            "may_publish": True,
            "intro_template": "publication/partials/sign_off_intro.html",
            "undecided": ReplacementTerm.objects.unscoped().filter(review=review, status=TermStatus.PROPOSED).exists(),
            "report": report,
            "fingerprint": seen[: service.SHORT_FINGERPRINT],
        },
    )


@object_view(Review, "manage_publication")
def hold(request, review):
    published_on = Publication.objects.unscoped().filter(review=review).values_list("published_on", flat=True).first()
    if published_on is not None:  # said before the form, not after a reason was typed
        messages.info(request, service.published_hold_refusal(published_on))
        return redirect("publication:overview", pk=review.pk)
    return _small_form(
        request,
        review,
        HoldForm,
        lambda d: service.hold_place(actor=request.user, review=review, **d),
        title="Hold publication",
        submit="Hold publication",
        success="Publication is on hold.",
        warning=True,
        intro="publication/partials/hold_intro.html",
        extra={"holds": review.holds.filter(lifted_on__isnull=True).select_related("placed_by")},
    )


def _lifted_by_whom(partnership):
    """Who may lift a hold, by name: the holders of the roles permissions' "lift" rule names."""
    from casereview.notifications.recipients import role_holders

    return [str(user) for user in role_holders(partnership, *permissions.RULES["publication.publicationhold"]["lift"])]


@object_view(PublicationHold)
def hold_detail(request, hold):
    """A hold as everyone told of it reads it (the reviewer, the chair, the panel): why, by whom, since when,
    and how it is lifted and by whom. The business manager lifts it here."""
    review = hold.review
    return render(
        request,
        "publication/hold.html",
        {
            "hold": hold,
            "review": review,
            "may_lift": permissions.can(request.user, "lift", hold) and not hold.lifted_on,
            "may_publish": _may_publish(request, review),
            "lifters": _lifted_by_whom(review.partnership),
        },
    )


@object_view(Review, "manage_publication")
def sent(request, review):
    return _small_form(
        request,
        review,
        SentForm,
        lambda d: service.report_sent_record(actor=request.user, review=review, **d),
        title="Record when the report was sent",
        submit="Save",
        success="Recorded when the report was sent.",
    )


@object_view(PublicationHold, "lift")
def hold_lift(request, hold):
    """Lifting a hold asks, as putting it on does, why: the trail shows why it ended (a verdict, the police's
    agreement), and the question is the confirmation (one click lifted it)."""
    review = hold.review
    if hold.lifted_on:
        messages.error(request, "This hold was already lifted.")
        return redirect("publication:hold_detail", pk=hold.pk)
    form = HoldLiftForm(posted(request))
    if submitted(request, form, lambda d: service.hold_lift(actor=request.user, hold=hold, **d)):
        messages.success(request, "The hold has been lifted. The report can be published once every check passes.")
        return redirect("publication:overview", pk=hold.review_id)
    return render(
        request,
        "publication/simple_form.html",
        {
            "review": review,
            "hold": hold,
            "form": form,
            "title": "Lift the hold on publication",
            "submit": "Lift the hold",
            "warning": True,
            "may_publish": True,
            "intro_template": "publication/partials/hold_lift_intro.html",
        },
    )


def _download(publication, which):
    from django.core.files.storage import default_storage

    path = publication.pdf_file if which == "pdf" else publication.docx_file
    content_type = (
        "application/pdf"
        if which == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    return FileResponse(
        default_storage.open(path, "rb"),
        as_attachment=True,
        filename=download_name(f"{publication.review.title}.{which}", content_type),
        content_type=content_type,
    )


@object_view(Publication)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def download_pdf(request, publication):
    return _download(publication, "pdf")


@object_view(Publication)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def download_docx(request, publication):
    return _download(publication, "docx")
