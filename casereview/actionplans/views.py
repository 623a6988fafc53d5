from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from casereview.accounts import permissions
from casereview.accounts.models import Partnership
from casereview.audit.selectors import record_history
from casereview.audit.services import audited_download
from casereview.core import exports as background
from casereview.core.access import object_view
from casereview.core.forms import form_page, posted, submitted, withdraw_page
from casereview.core.links import paths_to
from casereview.core.pagination import paginate
from casereview.reviews.models import Review

from . import selectors, services
from .forms import (
    ActionForm,
    CloseForm,
    DisseminationForm,
    MonitoringFilterForm,
    ProgressUpdateForm,
    ReopenForm,
    RiskForm,
    SinceForm,
    TrainingYearForm,
)
from .models import (
    Action,
    ActionPlanSettings,
    ActionStatus,
    DisseminationEvent,
    Evidence,
    EvidenceKind,
    Risk,
    TrainingYear,
)

PARTNERSHIP = {"url_kwarg": "slug", "field": "slug"}


# --- monitoring -------------------------------------------------------------------------------------


def _monitoring_filters(request, partnership):
    return monitoring_filters_from(request.GET, request.user, partnership)


# The monitoring page's table by review shows the reviews with most overdue and at-risk actions; the rest
# are a page of their own, so the page costs the same for a partnership of 300 reviews as for one of 3.
REVIEWS_SHOWN = 10


def _by_most_pressing(rows):
    return sorted(rows, key=lambda row: (-row.red, -row.amber, row.label))


def _monitoring_parts(request, partnership):
    """What both monitoring pages start from: the filters, the filtered actions, their summaries by review
    and agency, and what every page of them says alike."""
    form, filters = _monitoring_filters(request, partnership)
    actions = selectors.action_list(user=request.user, partnership=partnership, **filters)
    by_review, by_agency, count = selectors.rag_by_review_and_agency(actions)
    query = request.GET.copy()
    query.pop("page", None)
    shared = {
        "partnership": partnership,
        "query": query.urlencode(),
        "filtered": any(filters.values()),
        "may_open_reviews": permissions.has_role(request.user, partnership, *permissions.CASE_READERS),
    }
    return form, actions, by_review, by_agency, count, shared


def _link_to_actions(page):
    action = paths_to("actionplans:action")
    for row in page.object_list:
        row.url = action(row.pk)
    return page


def _link_to_plans(rows):
    plan = paths_to("actionplans:review_plan")
    for row in rows:
        row.url = plan(row.key)
    return rows


@object_view(Partnership, "view_action_plans", **PARTNERSHIP)
def monitoring(request, partnership):
    form, actions, by_review, by_agency, count, shared = _monitoring_parts(request, partnership)
    return render(
        request,
        "actionplans/monitoring.html",
        {
            **shared,
            "form": form,
            "page": _link_to_actions(paginate(request, selectors.monitoring_rows(actions), count=count)),
            "by_review": _link_to_plans(_by_most_pressing(by_review)[:REVIEWS_SHOWN]),
            "reviews_in_all": len(by_review),
            "by_agency": by_agency,
        },
    )


@object_view(Partnership, "view_action_plans", **PARTNERSHIP)
def monitoring_reviews(request, partnership):
    """Every review's actions by colour, a page at a time, with the monitoring page's filters."""
    _, _, by_review, _, _, shared = _monitoring_parts(request, partnership)
    page = paginate(request, by_review)
    _link_to_plans(page.object_list)
    return render(request, "actionplans/monitoring_reviews.html", {**shared, "page": page})


def monitoring_filters_from(query, user, partnership):
    form = MonitoringFilterForm(
        query or None,
        agencies=selectors.agencies(partnership=partnership),
    )
    return form, form.filters()


def _export(request, partnership, kind_name, what):
    """Every action, with the page's filters, prepared in the background (actionplans/exports.py)."""
    form, _filters = monitoring_filters_from(request.GET, request.user, partnership)
    described = form.described()
    return background.export_page(
        request,
        kind_name=kind_name,
        target=partnership,
        action="view_action_plans",
        title=f"Action plans of {partnership} ({what})" + (f": {described}" if described else ""),
        back_url=reverse("actionplans:monitoring", args=[partnership.slug]),
    )


@object_view(Partnership, "view_action_plans", **PARTNERSHIP)
def export_xlsx(request, partnership):
    return _export(request, partnership, "actions_xlsx", "Excel")


@object_view(Partnership, "view_action_plans", **PARTNERSHIP)
def export_docx(request, partnership):
    return _export(request, partnership, "actions_docx", "Word")


@object_view(Partnership, "view_action_plans", **PARTNERSHIP)
def changes(request, partnership):
    form = SinceForm(request.GET or None)
    items = None
    if request.GET and form.is_valid():
        if form.cleaned_data["since"] > timezone.localdate():
            form.add_error("since", "The date must be today or in the past")
        else:
            items = selectors.changes_since(
                user=request.user, partnership=partnership, since=form.cleaned_data["since"]
            )
    return render(
        request,
        "actionplans/changes.html",
        {"partnership": partnership, "form": form, "page": paginate(request, items) if items is not None else None},
    )


@object_view(Partnership, "view_escalations", **PARTNERSHIP)
def escalated(request, partnership):
    rule = ActionPlanSettings.for_partnership(partnership)
    return render(
        request,
        "actionplans/escalated.html",
        {
            "partnership": partnership,
            "page": paginate(request, selectors.escalated_actions(user=request.user, partnership=partnership)),
            "rule": rule,
        },
    )


# --- a review's action plan --------------------------------------------------------------------------


@object_view(Review)
def review_plan(request, review):
    actions = selectors.review_action_plan(user=request.user, review=review)
    return render(
        request,
        "actionplans/review_plan.html",
        {
            "review": review,
            "actions": actions,
            "rag": selectors.rag_by_review(actions),
            "may_add": permissions.can(request.user, "change", review),
        },
    )


@object_view(Review, "change")
def action_add(request, review):
    form = ActionForm(posted(request), review=review)
    created = {}

    def create(data):
        recommendation, learning_point = form.links()
        created["action"] = services.action_create(
            actor=request.user,
            review=review,
            recommendation=recommendation,
            learning_point=learning_point,
            description=data["description"],
            owner_agency=data["owner_agency"],
            lead_role=data["lead_role"],
            start_date=data["start_date"],
            due_date=data["due_date"],
            success_measure=data["success_measure"],
        )

    if submitted(request, form, create):
        messages.success(request, f"Action {created['action'].number} has been added to the action plan.")
        return redirect("actionplans:review_plan", pk=review.pk)
    return form_page(
        request,
        form,
        "Add an action",
        caption=review.title,
        submit="Add the action",
        back_url=_url("actionplans:review_plan", review.pk),
        template="actionplans/form_page.html",
    )


def _url(name, *args):
    from django.urls import reverse

    return reverse(name, args=args)


# --- one action -------------------------------------------------------------------------------------


@object_view(Action)
def action_detail(request, action):
    user = request.user
    return render(
        request,
        "actionplans/action_detail.html",
        {
            "action": action,
            **selectors.action_history(user=user, action=action),
            "may_update": permissions.can(user, "post_update", action) and action.status != ActionStatus.CLOSED,
            "may_change": permissions.can(user, "change", action) and action.status != ActionStatus.CLOSED,
            "may_close": permissions.can(user, "close", action) and action.status != ActionStatus.CLOSED,
            "may_reopen": permissions.can(user, "reopen", action) and action.status == ActionStatus.CLOSED,
            "may_see_review": permissions.can(user, "view", action.review),
            # what the action answers, shown to whoever RULES lets read it (an agency lead: their own actions')
            "may_see_answer": _may_see_answer(user, action),
        },
    )


def _may_see_answer(user, action):
    answered = action.recommendation or action.learning_point
    return answered is not None and permissions.can(user, "view", answered)


@object_view(Action, "change")
def action_edit(request, action):
    review = action.review
    form = ActionForm(posted(request), review=review, editing=True, initial=ActionForm.initial_for(action))

    def change(data):
        recommendation, learning_point = form.links()
        services.action_change(
            actor=request.user,
            action=action,
            reason=data["reason"],
            recommendation=recommendation,
            learning_point=learning_point,
            description=data["description"],
            owner_agency=data["owner_agency"],
            lead_role=data["lead_role"],
            start_date=data["start_date"],
            due_date=data["due_date"],
            success_measure=data["success_measure"],
            version=data["version"],
        )

    if submitted(request, form, change):
        messages.success(request, f"Action {action.number} has been changed.")
        return redirect("actionplans:action", pk=action.pk)
    return form_page(
        request,
        form,
        f"Change action {action.number}",
        caption=review.title,
        back_url=_url("actionplans:action", action.pk),
        template="actionplans/form_page.html",
    )


@object_view(Action, "post_update")
def action_update(request, action):
    form = ProgressUpdateForm(
        posted(request),
        request.FILES or None,
        initial={"posted_on": timezone.localdate(), "status": action.status if action.is_open else ""},
    )
    if submitted(
        request,
        form,
        lambda data: services.progress_update_post(
            actor=request.user,
            action=action,
            posted_on=data["posted_on"],
            text=data["text"],
            status=data["status"],
            evidence_file=data["evidence_file"],
            evidence_url=data["evidence_url"] or "",
            evidence_description=data["evidence_description"],
        ),
    ):
        messages.success(request, "Your update has been posted.")
        return redirect("actionplans:action", pk=action.pk)
    return form_page(
        request,
        form,
        "Post an update",
        caption=f"{action.review.title}: action {action.number}",
        submit="Post the update",
        back_url=_url("actionplans:action", action.pk),
        multipart=True,
        action=action,
        template="actionplans/form_page.html",
    )


@object_view(Action, "close")
def action_close(request, action):
    form = CloseForm(posted(request), initial={"closed_on": timezone.localdate()})
    if submitted(
        request,
        form,
        lambda data: services.action_close(
            actor=request.user,
            action=action,
            closed_on=data["closed_on"],
            note=data["note"],
        ),
    ):
        messages.success(request, f"Action {action.number} has been closed and the sign-off recorded.")
        return redirect("actionplans:action", pk=action.pk)
    return form_page(
        request,
        form,
        "Close the action",
        caption=f"{action.review.title}: action {action.number}",
        submit="Close the action",
        back_url=_url("actionplans:action", action.pk),
        template="actionplans/close_form.html",
        action=action,
        evidence=Evidence.objects.visible_to(request.user).filter(action=action),
    )


@object_view(Action, "reopen")
def action_reopen(request, action):
    if action.status != ActionStatus.CLOSED:
        messages.info(request, "This action is open: there is nothing to reopen.")
        return redirect("actionplans:action", pk=action.pk)
    form = ReopenForm(posted(request))
    if submitted(
        request,
        form,
        lambda data: services.action_reopen(
            actor=request.user,
            action=action,
            reason=data["reason"],
            due_date=data["due_date"],
        ),
    ):
        messages.success(request, f"Action {action.number} has been reopened.")
        return redirect("actionplans:action", pk=action.pk)
    return form_page(
        request,
        form,
        "Reopen the action",
        caption=f"{action.review.title}: action {action.number}",
        submit="Reopen the action",
        back_url=_url("actionplans:action", action.pk),
        template="actionplans/form_page.html",
    )


@object_view(Evidence)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def evidence_download(request, evidence):
    """Evidence is served only through this permission-checked view, never from a public media URL."""
    if evidence.kind != EvidenceKind.FILE or not evidence.file:
        raise Http404("This evidence is a link, not a file")
    return audited_download(request, evidence, what="Evidence")


# --- dissemination and training -----------------------------------------------------------------


@object_view(Partnership, "view_dissemination", **PARTNERSHIP)
def dissemination(request, partnership):
    events = selectors.dissemination_list(user=request.user, partnership=partnership)
    return render(
        request,
        "actionplans/dissemination.html",
        {
            "partnership": partnership,
            "page": paginate(request, events),
            "may_add": permissions.can(request.user, "record_dissemination", partnership),
        },
    )


@object_view(Partnership, "record_dissemination", **PARTNERSHIP)
def dissemination_add(request, partnership):
    reviews = Review.objects.visible_to(request.user).filter(partnership=partnership).order_by("title")
    form = DisseminationForm(posted(request), reviews=reviews)
    if submitted(
        request,
        form,
        lambda data: services.dissemination_event_record(
            actor=request.user,
            partnership=partnership,
            kind=data["kind"],
            title=data["title"],
            held_on=data["held_on"],
            reviews=list(data["reviews"]),
            audience=data["audience"],
            attendees=data["attendees"],
            organisations=data["organisations"],
            notes=data["notes"],
        ),
    ):
        messages.success(request, f"“{form.cleaned_data['title']}” has been recorded.")
        return redirect("actionplans:dissemination", slug=partnership.slug)
    return form_page(
        request,
        form,
        "Record a learning event",
        caption=partnership.name,
        submit="Record the event",
        back_url=_url("actionplans:dissemination", partnership.slug),
        template="actionplans/form_page.html",
    )


@object_view(Partnership, "view_dissemination", **PARTNERSHIP)
def training(request, partnership):
    years = selectors.training_years(user=request.user, partnership=partnership)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year is None or not 2000 <= year <= 2100:
        year = years[0] if years else selectors.year_starting(timezone.localdate())
    roll_up = selectors.training_roll_up(user=request.user, partnership=partnership, year=year)
    return render(
        request,
        "actionplans/training.html",
        {
            "partnership": partnership,
            "roll_up": roll_up,
            "years": years,
            "may_add": permissions.can(request.user, "record_dissemination", partnership),
        },
    )


@object_view(Partnership, "record_dissemination", **PARTNERSHIP)
def training_add(request, partnership):
    form = TrainingYearForm(posted(request))
    if submitted(
        request,
        form,
        lambda data: services.training_year_record(actor=request.user, partnership=partnership, **data),
    ):
        messages.success(request, "The training statistics have been saved.")
        return redirect(f"{_url('actionplans:training', partnership.slug)}?year={form.cleaned_data['year_starting']}")
    return form_page(
        request,
        form,
        "Record a year's training statistics",
        caption=partnership.name,
        back_url=_url("actionplans:training", partnership.slug),
        template="actionplans/form_page.html",
    )


@object_view(DisseminationEvent, "change")
def dissemination_event_withdraw(request, event):
    back_url = _url("actionplans:dissemination", event.partnership.slug)
    if event.is_withdrawn:
        return redirect(back_url)
    return withdraw_page(
        request,
        withdraw=lambda **data: services.dissemination_event_withdraw(actor=request.user, event=event, **data),
        title=f"Withdraw {event.title}?",
        caption=event.partnership.name,
        record_lines=[
            ("Event", f"{event.title} ({event.get_kind_display()})"),
            ("Date", f"{event.held_on:%-d %B %Y}"),
            ("Attendees", event.attendees if event.attendees is not None else "Not recorded"),
        ],
        back_url=back_url,
        consequence="It will no longer be listed or counted in the year's figures. Nothing is erased: "
        "it stays in its history, with your reason and your name.",
        submit="Withdraw this event",
        success=f"{event.title} has been withdrawn.",
    )


@object_view(DisseminationEvent)
def dissemination_event_history(request, event):
    return render(
        request,
        "actionplans/dissemination_event_history.html",
        {"event": event, "partnership": event.partnership, "history": record_history(event)},
    )


@object_view(TrainingYear, "change")
def training_year_withdraw(request, record):
    back_url = f"{_url('actionplans:training', record.partnership.slug)}?year={record.year_starting}"
    if record.is_withdrawn:
        return redirect(back_url)
    return withdraw_page(
        request,
        withdraw=lambda **data: services.training_year_withdraw(actor=request.user, record=record, **data),
        title=f"Withdraw the training statistics for {record.label}?",
        caption=record.partnership.name,
        record_lines=[
            ("Year", record.label),
            ("Face-to-face sessions", record.sessions),
            ("Individuals trained", record.individuals),
            ("Organisations", record.organisations),
            ("E-learning modules completed", record.elearning_modules),
        ],
        back_url=back_url,
        done_url=_url("actionplans:training", record.partnership.slug),
        consequence="They will no longer appear on the training page or in the yearly report. Nothing is "
        "erased: they stay in their history, with your reason and your name.",
        submit="Withdraw these statistics",
        success=f"The training statistics for {record.label} have been withdrawn.",
    )


@object_view(TrainingYear)
def training_year_history(request, record):
    return render(
        request,
        "actionplans/training_year_history.html",
        {"record": record, "partnership": record.partnership, "history": record_history(record)},
    )


# --- risk register ---------------------------------------------------------------------------------


@object_view(Partnership, "view_risk_register", **PARTNERSHIP)
def risk_register(request, partnership):
    show_closed = request.GET.get("show") == "all"
    risks = selectors.risk_list(user=request.user, partnership=partnership, show_closed=show_closed)
    return render(
        request,
        "actionplans/risk_register.html",
        {
            "partnership": partnership,
            "page": paginate(request, risks),
            "show_closed": show_closed,
            "may_add": permissions.can(request.user, "change_risk_register", partnership),
        },
    )


def _risk_form(request, partnership, risk=None):
    reviews = Review.objects.visible_to(request.user).filter(partnership=partnership).order_by("title")
    initial = None
    if risk is not None:
        initial = {name: getattr(risk, name) for name in services.RISK_FIELDS}
        initial.update(
            owner_agency=risk.owner_agency_id, reviews=list(risk.reviews.all()), themes=list(risk.themes.all())
        )
    return RiskForm(posted(request), partnership=partnership, reviews=reviews, initial=initial)


def _save_risk(request, partnership, form, risk=None):
    def save(data):
        data = dict(data)
        reviews, themes = list(data.pop("reviews")), list(data.pop("themes"))
        services.risk_save(
            actor=request.user,
            partnership=partnership,
            risk=risk,
            reviews=reviews,
            themes=themes,
            **data,
        )

    return submitted(request, form, save)


@object_view(Partnership, "change_risk_register", **PARTNERSHIP)
def risk_add(request, partnership):
    form = _risk_form(request, partnership)
    if _save_risk(request, partnership, form):
        messages.success(request, f"“{form.cleaned_data['title']}” has been added to the risk register.")
        return redirect("actionplans:risk_register", slug=partnership.slug)
    return form_page(
        request,
        form,
        "Add a risk",
        caption=partnership.name,
        submit="Add the risk",
        back_url=_url("actionplans:risk_register", partnership.slug),
        template="actionplans/form_page.html",
    )


@object_view(Risk, "change")
def risk_edit(request, risk):
    partnership = risk.partnership
    form = _risk_form(request, partnership, risk)
    if _save_risk(request, partnership, form, risk):
        messages.success(request, f"“{risk.title}” has been updated.")
        return redirect("actionplans:risk_register", slug=partnership.slug)
    return form_page(
        request,
        form,
        "Change a risk",
        caption=partnership.name,
        back_url=_url("actionplans:risk_register", partnership.slug),
        template="actionplans/form_page.html",
    )
