from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from casereview.accounts import permissions
from casereview.accounts.models import Membership, Partnership, Role
from casereview.audit.models import AuditAction
from casereview.audit.selectors import record_history
from casereview.audit.services import audited_download, record_event
from casereview.core import exports as background
from casereview.core.access import object_view, signed_in_view
from casereview.core.dates import long_date
from casereview.core.forms import apply_service_errors, form_page, submitted, withdraw_page
from casereview.core.pagination import paginate

from . import chronology, exports, milestones, selectors, services
from .forms import (
    ChronologyFilterForm,
    ChronologyRowForm,
    ChronologyUploadForm,
    ContributionRequestForm,
    DuplicateForm,
    FamilyForm,
    FindingForm,
    LearningEventForm,
    MonitoringCheckForm,
    PanelMemberForm,
    RecommendationForm,
    ReportForm,
    ReviewerForm,
    ReviewForm,
    StageForm,
    TermsForm,
)
from .models import (
    AgencyContribution,
    ChronologyEntry,
    ChronologyImport,
    ContributionKind,
    DuplicatePair,
    FindingRevision,
    LearningEvent,
    LearningPoint,
    PanelMember,
    Recommendation,
    Review,
    Stage,
)


@object_view(Partnership, "list_reviews", url_kwarg="slug", field="slug")
def review_list(request, partnership):
    query, stage = request.GET.get("q", "").strip(), request.GET.get("stage", "")
    stage = stage if stage in Stage.values else ""
    reviews = selectors.review_list(user=request.user, partnership=partnership, query=query, stage=stage)
    return render(
        request,
        "reviews/review_list.html",
        {
            "partnership": partnership,
            "page": paginate(request, reviews),
            "query": query,
            "stage": stage,
            "stages": Stage.choices,
            "may_add": permissions.can(request.user, "add_review", partnership),
        },
    )


@object_view(Partnership, "add_review", url_kwarg="slug", field="slug")
def review_create(request, partnership):
    form = ReviewForm(request.POST if request.method == "POST" else None, partnership=partnership)
    created = {}
    if submitted(
        request,
        form,
        lambda d: created.update(review=services.review_create(actor=request.user, partnership=partnership, **d)),
    ):
        messages.success(request, "The review has been created.")
        return redirect("reviews:detail", pk=created["review"].pk)
    return render(
        request,
        "reviews/form_page.html",
        {"form": form, "title": "Start a review", "submit": "Create the review", "partnership": partnership},
    )


@object_view(Review)
def review_detail(request, review):
    user = request.user
    # Each part through its own scope: an agency lead may open the review but not read its terms, panel,
    # family notes or history.
    parts = selectors.review_parts(user=user, review=review)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "review": review,
            **parts,
            # a reader of the review sees its whole panel, so the list shown tells which sectors are missing
            "missing_sectors": services.panel_missing_sectors(review, parts["panel"] if parts["is_reader"] else None),
            "contributions": selectors.contributions_for(user=user, review=review),
            "may_change": permissions.can(user, "change", review),
            "may_anonymise": permissions.can(user, "anonymise", review),
            # a reviewer or agency lead may read the review but not the incident: no link to a page not found
            # asked by its key: the page links to the incident and needs nothing else of it
            "may_view_incident": review.incident_id is not None
            and permissions.can_by_key(
                user, "view", review._meta.get_field("incident").related_model, review.incident_id
            ),
            "today": timezone.localdate(),
            # the completion target has its own row above
            "milestones": [
                m
                for _, m in (selectors.review_milestones(user=user, review=review) if parts["is_reader"] else [])
                if m.kind != milestones.COMPLETION
            ],
            "monitoring_checks": selectors.monitoring_checks_for(user=user, review=review),
        },
    )


@object_view(Review, "change")
def monitoring_check_add(request, review):
    form = MonitoringCheckForm(
        request.POST if request.method == "POST" else None, initial={"checked_on": timezone.localdate()}
    )
    if submitted(request, form, lambda d: services.monitoring_check_record(actor=request.user, review=review, **d)):
        messages.success(request, "The partners' check of the review's time and quality has been recorded.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(
        request,
        form,
        "Record the partners' check of the review's time and quality",
        template="reviews/form_page.html",
        review=review,
    )


@object_view(Review, "change")
def stage_change(request, review):
    form = StageForm(request.POST if request.method == "POST" else None, initial={"changed_on": timezone.localdate()})
    if submitted(request, form, lambda d: services.review_stage_change(actor=request.user, review=review, **d)):
        messages.success(request, f"The review is now at '{review.get_stage_display()}'.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(
        request, form, "Move the review to its next stage", template="reviews/form_page.html", review=review
    )


@object_view(Review, "change")
def terms_edit(request, review):
    terms = getattr(review, "terms", None) if hasattr(review, "terms") else None
    initial = (
        {
            f: getattr(terms, f)
            for f in ["scope_start", "scope_end", "lines_of_enquiry", "methodology", "methodology_other", "agreed_on"]
        }
        if terms
        else {}
    )
    form = TermsForm(request.POST if request.method == "POST" else None, initial=initial)
    if submitted(request, form, lambda d: services.terms_save(actor=request.user, review=review, **d)):
        messages.success(request, "The terms of reference have been saved.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(request, form, "Terms of reference", template="reviews/form_page.html", review=review)


@object_view(Review, "change")
def panel_add(request, review):
    form = PanelMemberForm(request.POST if request.method == "POST" else None, partnership=review.partnership)
    if submitted(request, form, lambda d: services.panel_member_add(actor=request.user, review=review, **d)):
        messages.success(request, "The panel member has been added.")
        return redirect("reviews:detail", pk=review.pk)
    missing = services.panel_missing_sectors(review)
    return form_page(
        request,
        form,
        "Add a panel member",
        template="reviews/form_page.html",
        review=review,
        intro=f"The panel should include {', '.join(missing).lower()}." if missing else "",
    )


@object_view(PanelMember, "change")
def panel_remove(request, member):
    if request.method == "POST":
        services.panel_member_remove(actor=request.user, member=member)
        messages.success(request, f"{member.name} has been removed from the panel.")
        return redirect("reviews:detail", pk=member.review_id)
    return render(
        request,
        "reviews/confirm.html",
        {
            "review": member.review,
            "title": f"Remove {member.name} from the panel?",
            "body": f"{member.name} ({member.agency}) will no longer be listed on the review panel.",
            "submit": "Yes, remove them",
        },
    )


@object_view(Review, "change")
def reviewer_appoint(request, review):
    form = ReviewerForm(request.POST if request.method == "POST" else None, partnership=review.partnership)
    if submitted(request, form, lambda d: services.reviewer_appoint(actor=request.user, review=review, **d)):
        messages.success(request, "The independent reviewer has been appointed.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(
        request,
        form,
        "Appoint an independent reviewer",
        template="reviews/form_page.html",
        review=review,
        submit="Appoint",
    )


@object_view(Review, "change")
def contributions_request(request, review):
    form = ContributionRequestForm(request.POST if request.method == "POST" else None, partnership=review.partnership)
    made = []
    if submitted(
        request, form, lambda d: made.extend(services.contributions_request(actor=request.user, review=review, **d))
    ):
        due = form.cleaned_data["due_date"]
        if made:
            messages.success(request, _contributions_confirmation(made, due))
        else:
            messages.info(
                request, f"Those agencies had already been asked for these, due {long_date(due)}: nothing changed."
            )
        warning = services.contribution_due_warning(review, due)
        if warning:
            messages.warning(request, warning)
        return redirect("reviews:detail", pk=review.pk)
    return form_page(
        request,
        form,
        "Ask agencies for chronologies and reports",
        template="reviews/form_page.html",
        review=review,
        submit="Send the requests",
    )


def _contributions_confirmation(made, due):
    """What was asked and what moved: "Also move requests …" changed other requests' dates, and the banner
    said only that agencies had been asked (walkthrough 10, finding 12)."""

    def what(c):
        return f"{c.agency}'s {c.get_kind_display().lower()}"

    asked = [c for c in made if not hasattr(c, "moved_from")]
    moved = [c for c in made if hasattr(c, "moved_from")]
    parts = []
    if asked:
        parts.append(f"Asked for, due {long_date(due)}: {'; '.join(what(c) for c in asked)}.")
    if moved:
        parts.append(
            f"Moved to {long_date(due)}: "
            + "; ".join(f"{what(c)} (was due {long_date(c.moved_from)})" for c in moved)
            + ". Each agency has been told."
        )
    return " ".join(parts)


@object_view(AgencyContribution)
def contribution_detail(request, contribution):
    user = request.user
    may_submit = permissions.can(user, "submit", contribution)
    return render(
        request,
        "reviews/contribution_detail.html",
        {
            "contribution": contribution,
            "review": contribution.review,
            "entries": contribution.entries.all()[:200],
            "entry_count": contribution.entries.count(),
            # the merged chronology's marks on the agency's own page too: a lead coming back later could not
            # see which rows to remove (walkthrough 11, finding 20)
            "scope": selectors.chronology_scope(review=contribution.review),
            "may_submit": may_submit,
            # the agency's own lead is asked to send it; anyone else (the business manager) records what
            # the agency sent them, an agency with nobody in casereview included
            "is_own_agency": Membership.objects.unscoped()  # the person's own memberships
            .filter(user=user, agency_id=contribution.agency_id, is_active=True)
            .exists(),
            "may_qa": permissions.can(user, "quality_assure", contribution),
            "upload_form": ChronologyUploadForm(),
            "row_form": ChronologyRowForm(),
            "report_form": ReportForm(initial={"text": contribution.report_text}),
            "imports": contribution.imports.all()[:5],
            # an agency with nobody in casereview was told nothing: the page says so, as the review's does
            "agency_has_lead": Membership.objects.unscoped()  # whether a lead exists, never who
            .filter(agency_id=contribution.agency_id, role=Role.AGENCY_LEAD, is_active=True)
            .exists(),
        },
    )


@object_view(AgencyContribution, "submit")
def chronology_upload(request, contribution):
    form = ChronologyUploadForm(
        request.POST if request.method == "POST" else None, request.FILES if request.method == "POST" else None
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.chronology_upload(
                actor=request.user,
                contribution=contribution,
                name=upload.name,
                data=upload,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            return redirect("reviews:import_progress", pk=job.pk)
    return render(
        request, "reviews/upload_form.html", {"form": form, "contribution": contribution, "review": contribution.review}
    )


@object_view(ChronologyImport)
def import_progress(request, job):
    job = services.chronology_import_give_up_if_stalled(job)
    return render(
        request,
        "reviews/import_progress.html",
        {"job": job, "contribution": job.contribution, "review": job.contribution.review},
    )


@object_view(AgencyContribution, "submit")
def chronology_row_add(request, contribution):
    form = ChronologyRowForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        lambda d: services.chronology_entry_add(actor=request.user, contribution=contribution, record=form.record()),
    ):
        messages.success(request, "The event has been added to your agency's chronology.")
        return redirect("reviews:contribution", pk=contribution.pk)
    return render(
        request,
        "reviews/form_page.html",
        {
            "form": form,
            "review": contribution.review,
            "title": f"Add an event to {contribution.agency}'s chronology",
            "submit": "Add the event",
        },
    )


@object_view(AgencyContribution, "submit")
def report_submit(request, contribution):
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial={"text": contribution.report_text},
        has_file=bool(contribution.report_file),
    )
    if submitted(
        request,
        form,
        lambda d: services.contribution_submit_report(
            actor=request.user, contribution=contribution, text=d["text"], document=d.get("document")
        ),
    ):
        messages.success(request, "Your agency report has been sent to the review.")
        return redirect("reviews:contribution", pk=contribution.pk)
    return render(
        request,
        "reviews/form_page.html",
        {
            "form": form,
            "review": contribution.review,
            "title": f"{contribution.agency}: agency report",
            "submit": "Send the report",
        },
    )


@object_view(AgencyContribution)
@require_safe  # a download answers GET and HEAD only, after the access check
def report_file_download(request, contribution):
    """Served only through this permission-checked view, never from a public media URL; every download is
    in the access log."""
    if not contribution.report_file:  # an old link, or none sent yet: the report's page says which
        messages.info(request, f"{contribution.agency} has not attached its report as a file.")
        return redirect("reviews:contribution", pk=contribution.pk)
    return audited_download(
        request,
        contribution,
        what="Agency report",
        file=contribution.report_file,
        file_name=contribution.report_file_name,
        content_type=contribution.report_content_type,
    )


@require_POST
@object_view(AgencyContribution, "quality_assure")
def quality_assure(request, contribution):
    try:
        services.contribution_quality_assure(actor=request.user, contribution=contribution)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{contribution} marked as quality-assured.")
    return redirect("reviews:contribution", pk=contribution.pk)


@signed_in_view
def chronology_template(request, fmt):
    if fmt == "xlsx":
        response = HttpResponse(
            chronology.template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        response = HttpResponse(chronology.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="chronology-template.{fmt}"'
    return response


CHRONOLOGY_PAGE_COLUMNS = (
    "event_date",
    "event_time",
    "date_precision",
    "event_type",
    "event_type_as_sent",
    "description",
    "practitioner_role",
    "agency__name",
    "sort_date",
)


def _chronology_filters(request, review):
    return chronology_filters_from(request.GET, request.user, review)


def chronology_filters_from(query, user, review, summary=None):
    """The filter form and the entries it selects, from the page's query (or an export's saved copy).
    `summary`: the page's ChronologySummary, which already holds the filter's choices."""
    form = ChronologyFilterForm(
        query or None,
        review=review,
        event_types=summary.event_types if summary else selectors.event_types_in(user=user, review=review),
        agencies=selectors.chronology_agencies(user=user, review=review, summary=summary),
        agency_names=summary.agency_names() if summary else None,
    )
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_bound and form.is_valid() else {}
    return form, selectors.merged_chronology(user=user, review=review, **filters)


def _gap_days(request):
    """The longest silence worth reporting, from ?gap=N (days); 90 by default."""
    try:
        return min(max(int(request.GET.get("gap", 90)), 1), 3650)
    except ValueError:
        return 90


@object_view(Review)
def merged_chronology(request, review):
    if review.partnership_id not in permissions.partnership_ids_allowing(request.user, "view", ChronologyEntry):
        return _merged_chronology_not_shown(request, review)
    summary = selectors.chronology_summary(user=request.user, review=review)
    form, entries = chronology_filters_from(request.GET, request.user, review, summary)
    # the columns the page shows (a hundred rows and their agencies; the export reads the rest)
    entries = entries.only(*CHRONOLOGY_PAGE_COLUMNS)
    filtered = form.is_bound and form.is_valid() and any(form.cleaned_data.values())
    page = paginate(request, entries, per_page=100, count=None if filtered else summary.total)
    return render(
        request,
        "reviews/chronology.html",
        {
            "review": review,
            "form": form,
            "page": page,
            "duplicates": selectors.duplicates_by_entry(
                user=request.user, review=review, entry_ids=[e.pk for e in page.object_list]
            ),
            "facts": selectors.derived_facts(
                user=request.user, review=review, gap_days=_gap_days(request), summary=summary
            ),
            "types": {
                "social_worker": chronology.SOCIAL_WORKER_ALLOCATED,
                "placement": chronology.PLACEMENT_START,
                "missing": chronology.MISSING_EPISODE,
                "school_move": chronology.SCHOOL_MOVE,
            },
            "timeline": selectors.timeline_series(user=request.user, review=review, summary=summary),
            "may_judge": permissions.can(request.user, "judge_duplicates", review),
            "may_export": permissions.can(request.user, "export", review),
            "query": request.GET.urlencode(),
        },
    )


def _merged_chronology_not_shown(request, review):
    """An agency lead reads a review only for what it asks of their agency: the merged chronology holds the
    other agencies' events, so it is not shown to them. Said plainly, with what their own agency sent; the
    empty page said "No agency has sent its chronology yet" to the lead who had just sent one."""
    own = list(
        AgencyContribution.objects.visible_to(request.user)
        .filter(review=review, kind=ContributionKind.CHRONOLOGY)
        .select_related("agency")
    )
    counts = dict(
        ChronologyEntry.objects.unscoped()  # the lead's own agency's events only: the contributions they may see
        .filter(contribution__in=own)
        .values_list("contribution_id")
        .annotate(n=Count("pk"))
        .values_list("contribution_id", "n")
    )
    return render(
        request,
        "reviews/chronology_not_shown.html",
        {"review": review, "own": [(c, counts.get(c.pk, 0)) for c in own]},
    )


@object_view(Review, "export")
def chronology_export(request, review, fmt):
    if fmt == "docx":
        # Word files of a long chronology take a while: prepared in the background (core/exports.py).
        return background.export_page(
            request,
            kind_name="chronology_docx",
            target=review,
            action="export",
            title=f"Merged chronology of {review.title} (Word)",
            back_url=reverse("reviews:chronology", args=[review.pk]),
        )
    form, entries = _chronology_filters(request, review)
    entries = list(entries)
    record_event(
        actor=request.user,
        action=AuditAction.EXPORT,
        obj=review,
        object_repr=f"Merged chronology of {review.title} ({len(entries)} events, {fmt.upper()})",
    )
    response = HttpResponse(
        exports.chronology_xlsx(review, entries),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.chronology_file_name(review, fmt)}"'
    return response


@require_POST
@object_view(DuplicatePair, "judge")
def duplicate_judge(request, pair):
    form = DuplicateForm(request.POST)
    if form.is_valid():
        services.duplicate_judge(actor=request.user, pair=pair, status=form.cleaned_data["status"])
        messages.success(
            request,
            "Recorded: " + ("the same event." if form.cleaned_data["status"] == "linked" else "different events."),
        )
    return redirect(
        request.POST.get("next")
        if str(request.POST.get("next", "")).startswith("/reviews/")
        else reverse("reviews:chronology", args=[pair.review_id])
    )


@object_view(Review, "change")
def learning_event_add(request, review):
    form = LearningEventForm(request.POST if request.method == "POST" else None, partnership=review.partnership)
    if submitted(request, form, lambda d: services.learning_event_add(actor=request.user, review=review, **d)):
        messages.success(request, "The learning event has been recorded.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(request, form, "Record a learning event", template="reviews/form_page.html", review=review)


@object_view(Review, "change")
def family_edit(request, review):
    family = getattr(review, "family", None) if hasattr(review, "family") else None
    initial = (
        {"invited_on": family.invited_on, "participation": family.participation, "notes": family.notes}
        if family
        else {}
    )
    form = FamilyForm(request.POST if request.method == "POST" else None, initial=initial)
    if submitted(request, form, lambda d: services.family_save(actor=request.user, review=review, **d)):
        messages.success(request, "The family's involvement has been recorded.")
        return redirect("reviews:detail", pk=review.pk)
    return form_page(request, form, "The family's involvement", template="reviews/form_page.html", review=review)


# --- findings ------------------------------------------------------------------------------------------


@object_view(Review)
def findings(request, review):
    points, recommendations = selectors.findings_for(user=request.user, review=review)
    return render(
        request,
        "reviews/findings.html",
        {
            "review": review,
            "points": points,
            "recommendations": recommendations,
            "withdrawn": selectors.withdrawn_findings_for(user=request.user, review=review),
            "may_edit": permissions.can(request.user, "edit_findings", review),
            "who_adds": permissions.who_may("edit_findings", Review).replace(
                "an independent reviewer", "the review's independent reviewer"
            ),
        },
    )


def _finding_fields(model, data):
    if model is Recommendation:
        return {
            "addressee": data["addressee"],
            "agency": data["agency"] if data["addressee"] == "agency" else None,
            "national_body": data["national_body"] if data["addressee"] == "national" else "",
        }
    return {}


def _finding_edit(request, review, model, finding=None):
    form_class = RecommendationForm if model is Recommendation else FindingForm
    kwargs = {"review": review} if model is Recommendation else {}
    initial = {}
    if finding is not None:
        initial = {
            "number": finding.number,
            "report_number": finding.report_number,
            "text": finding.text,
            "version": finding.version,
            "themes": finding.themes.all(),
        }
        if model is Recommendation:
            initial.update(
                addressee=finding.addressee,
                agency=finding.agency,
                national_body=finding.national_body,
                learning_points=finding.learning_points.all(),
            )
    else:
        initial = {}
    form = form_class(request.POST if request.method == "POST" else None, initial=initial, **kwargs)
    saved = {}

    def save(data):
        saved["item"] = services.finding_save(
            actor=request.user,
            review=review,
            model=model,
            finding=finding,
            number=data["number"],
            text=data["text"],
            report_number=data["report_number"],
            expected_version=data.get("version"),
            themes=data["themes"],
            learning_points=data["learning_points"] if model is Recommendation else None,
            **_finding_fields(model, data),
        )

    if submitted(request, form, save):
        label = "Learning point" if model is LearningPoint else "Recommendation"
        messages.success(request, f"{label} {saved['item'].label} has been saved.")
        return redirect("reviews:findings", pk=review.pk)
    noun = "learning point" if model is LearningPoint else "recommendation"
    title = f"Edit {noun} {finding.label}" if finding else f"Add a {noun}"
    return render(
        request,
        "reviews/finding_form.html",
        {
            "form": form,
            "review": review,
            "title": title,
            "finding": finding,
            "kind": "learning_point" if model is LearningPoint else "recommendation",
        },
    )


@object_view(Review, "edit_findings")
def learning_point_add(request, review):
    return _finding_edit(request, review, LearningPoint)


@object_view(Review, "edit_findings")
def recommendation_add(request, review):
    return _finding_edit(request, review, Recommendation)


@object_view(LearningPoint, "change")
def learning_point_edit(request, point):
    return _finding_edit(request, point.review, LearningPoint, point)


@object_view(Recommendation, "change")
def recommendation_edit(request, recommendation):
    return _finding_edit(request, recommendation.review, Recommendation, recommendation)


def _move(request, finding):
    if request.method == "POST":
        services.finding_move(actor=request.user, finding=finding, direction=request.POST.get("direction", "up"))
    return redirect("reviews:findings", pk=finding.review_id)


@require_POST
@object_view(LearningPoint, "change")
def learning_point_move(request, point):
    return _move(request, point)


@require_POST
@object_view(Recommendation, "change")
def recommendation_move(request, recommendation):
    return _move(request, recommendation)


def _history(request, finding, kind):
    revisions = FindingRevision.objects.filter(kind=kind, finding_id=finding.pk).select_related("edited_by")
    return render(
        request,
        "reviews/finding_history.html",
        {
            "finding": finding,
            "review": finding.review,
            "revisions": revisions,
            "history": record_history(finding),
            "noun": "learning point" if kind == "learning_point" else "recommendation",
        },
    )


def _withdraw(request, finding):
    noun = "learning point" if isinstance(finding, LearningPoint) else "recommendation"
    back_url = reverse("reviews:findings", args=[finding.review_id])
    if finding.is_withdrawn:
        messages.info(request, f"That {noun} was already withdrawn.")
        return redirect(back_url)
    return withdraw_page(
        request,
        withdraw=lambda **data: services.finding_withdraw(actor=request.user, finding=finding, **data),
        title=f"Withdraw {noun} {finding.label}?",
        caption=str(finding.review),
        record_lines=[(noun.capitalize(), f"{finding.label}. {finding.text}")],
        back_url=back_url,
        submit=f"Withdraw {noun} {finding.label}",
        success=f"{noun.capitalize()} {finding.label} has been withdrawn; later ones were renumbered.",
    )


@object_view(LearningPoint, "change")
def learning_point_withdraw(request, point):
    return _withdraw(request, point)


@object_view(Recommendation, "change")
def recommendation_withdraw(request, recommendation):
    return _withdraw(request, recommendation)


@object_view(LearningPoint)
def learning_point_history(request, point):
    return _history(request, point, "learning_point")


@object_view(Recommendation)
def recommendation_history(request, recommendation):
    return _history(request, recommendation, "recommendation")


@object_view(LearningEvent, "change")
def learning_event_withdraw(request, event):
    back_url = reverse("reviews:detail", args=[event.review_id])
    if event.is_withdrawn:
        return redirect(back_url)
    return withdraw_page(
        request,
        withdraw=lambda **data: services.learning_event_withdraw(actor=request.user, event=event, **data),
        title=f"Withdraw the learning event on {event.held_on:%-d %B %Y}?",
        caption=str(event.review),
        record_lines=[
            ("Attendees", event.attendees),
            ("Themes discussed", event.themes_discussed or "Not recorded"),
        ],
        back_url=back_url,
        submit="Withdraw this learning event",
        success=f"The learning event on {event.held_on:%-d %B %Y} has been withdrawn.",
    )
