from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from casereview.accounts import permissions
from casereview.audit.selectors import record_history
from casereview.audit.services import audited_download
from casereview.core.access import object_view
from casereview.core.dates import long_date
from casereview.core.forms import posted, submitted, withdraw_page
from casereview.incidents.models import Incident

from . import selectors, services
from .forms import (
    AnswerForm,
    AttachmentForm,
    DecisionCorrectionForm,
    DecisionForm,
    FamilyCommunicationForm,
    OpenRapidReviewForm,
    PanelResponseForm,
    RapidReviewForm,
    RecommendationCorrectionForm,
    RecommendationForm,
)
from .models import (
    ChairDecision,
    Criterion,
    CriterionAssessment,
    InformationAttachment,
    InformationRequest,
    RapidReview,
    ReviewRecommendation,
    outcome_label,
)


def _step_page(request, incident, form, title, template="decisions/step_form.html", **context):
    return render(request, template, {"incident": incident, "form": form, "title": title, **context})


def _information_due_hint(incident):
    """The due date each agency will be given, said before it is set (walkthrough 11, finding 22)."""
    from casereview.core.working_days import add_working_days

    partnership = incident.partnership
    rapid_review_due = add_working_days(services.rapid_review_start(incident), partnership.rapid_review_working_days)
    today = timezone.localdate()
    due = min(add_working_days(today, partnership.agency_information_working_days), rapid_review_due)
    return (
        f"Each agency is asked to reply within {partnership.agency_information_working_days} working days: by "
        f"{long_date(due)} if the rapid review opens today. The rapid review is due {long_date(rapid_review_due)}."
    )


@object_view(Incident, "open_rapid_review")
def rapid_review_open(request, incident):
    form = OpenRapidReviewForm(
        request.POST if request.method == "POST" else None,
        partnership=incident.partnership,
        initial={"agencies": incident.agencies_involved.all()},
    )
    form.fields["agencies"].help_text = _information_due_hint(incident)
    if submitted(
        request,
        form,
        lambda data: services.rapid_review_open(
            actor=request.user,
            incident=incident,
            agencies=data["agencies"],
            opened_on=data["opened_on"],
        ),
    ):
        messages.success(request, "The rapid review is open and the agencies have been asked for information.")
        return redirect("decisions:rapid_review", pk=incident.rapid_review.pk)
    return _step_page(request, incident, form, "Open a rapid review", submit="Open the rapid review")


@object_view(RapidReview)
def rapid_review_detail(request, rapid_review):
    user = request.user
    assessments = {
        a.criterion: a for a in CriterionAssessment.objects.visible_to(user).filter(rapid_review=rapid_review)
    }
    requests = list(
        InformationRequest.objects.visible_to(user)
        .filter(rapid_review=rapid_review)
        .select_related("agency", "responded_by")
    )
    documents = selectors.information_attachments_by_request(user=user, rapid_review=rapid_review)
    with_documents = selectors.requests_with_documents(requests=requests)
    for info_request in requests:
        info_request.documents = documents.get(info_request.pk, [])
        info_request.documents_received = info_request.pk in with_documents
    return render(
        request,
        "decisions/rapid_review_detail.html",
        {
            "rapid_review": rapid_review,
            "incident": rapid_review.incident,
            "requests": requests,
            "criteria": [(criterion, assessments.get(criterion.value)) for criterion in Criterion],
            "may_change": permissions.can(user, "change", rapid_review),
            "is_case_reader": permissions.has_role(user, rapid_review.incident.partnership, *permissions.CASE_READERS),
        },
    )


@object_view(RapidReview, "change")
def rapid_review_edit(request, rapid_review):
    initial = {
        "facts_gathered": rapid_review.facts_gathered,
        "immediate_actions": rapid_review.immediate_actions,
        "sent_to_panel_on": rapid_review.sent_to_panel_on,
        "complete": bool(rapid_review.completed_on),
    }
    for assessment in rapid_review.assessments.all():
        initial[f"met_{assessment.criterion}"] = assessment.met
        initial[f"evidence_{assessment.criterion}"] = assessment.evidence
    form = RapidReviewForm(request.POST if request.method == "POST" else None, initial=initial)
    if submitted(
        request,
        form,
        lambda data: services.rapid_review_update(
            actor=request.user,
            rapid_review=rapid_review,
            facts_gathered=data["facts_gathered"],
            immediate_actions=data["immediate_actions"],
            sent_to_panel_on=data["sent_to_panel_on"],
            assessments=form.assessments(),
            complete=data["complete"],
        ),
    ):
        messages.success(request, "The rapid review has been saved.")
        return redirect("decisions:rapid_review", pk=rapid_review.pk)
    return _step_page(
        request,
        rapid_review.incident,
        form,
        "Rapid review",
        template="decisions/rapid_review_form.html",
        rapid_review=rapid_review,
        awaited=[
            r.agency
            for r in InformationRequest.objects.visible_to(request.user)
            .filter(rapid_review=rapid_review)
            .select_related("agency")
            if not r.is_answered
        ],
    )


def _request_page(request, info_request, *, form=None, attach_form=None, status=200):
    """The agency's request: what was asked, what was sent, the documents sent with it, and the two
    forms (add to the information, attach documents) while the rapid review is open."""
    sent = info_request.is_answered
    documents = selectors.information_attachments_for(user=request.user, info_request=info_request)
    return render(
        request,
        "decisions/answer_form.html",
        {
            "form": form or AnswerForm(adding=sent),
            "attach_form": attach_form or AttachmentForm(),
            "info_request": info_request,
            "incident": info_request.rapid_review.incident,
            # A completed rapid review takes no more information: say so rather than offer a form that refuses.
            "closed": bool(info_request.rapid_review.completed_on),
            "sent": sent,
            "documents": documents,
            # the same people as may answer the request, but asked of the rule for documents
            "may_withdraw": bool(documents) and permissions.can(request.user, "withdraw", documents[0]),
        },
        status=status,
    )


@object_view(InformationRequest, "answer")
def request_answer(request, info_request):
    sent = info_request.is_answered
    form = AnswerForm(posted(request), adding=sent)
    if submitted(
        request,
        form,
        lambda data: services.information_request_answer(
            actor=request.user, info_request=info_request, response=data["response"]
        ),
    ):
        messages.success(
            request,
            f"What you added has been sent to the rapid review, below {info_request.agency}'s information."
            if sent
            else f"{info_request.agency}'s information has been sent to the rapid review.",
        )
        return redirect("decisions:rapid_review", pk=info_request.rapid_review_id)
    return _request_page(request, info_request, form=form)


@object_view(InformationRequest, "answer")
def request_attach(request, info_request):
    """The documents form posts here; its errors are shown on the request's page."""
    if request.method != "POST":
        return redirect("decisions:request_answer", pk=info_request.pk)
    form = AttachmentForm(request.POST, request.FILES)
    attached = []
    if submitted(
        request,
        form,
        lambda data: attached.append(
            services.information_request_attach(actor=request.user, info_request=info_request, files=data["files"])
        ),
    ):
        result = attached[0]
        if result.added:
            names = ", ".join(a.file_name for a in result.added)
            messages.success(request, f"Sent to the rapid review with {info_request.agency}'s information: {names}.")
        for name, held in result.already_sent:
            when = long_date(timezone.localtime(held.created))
            messages.info(request, f"{name} was already sent, on {when} by {held.sent_by}: it was not attached again.")
        return redirect("decisions:request_answer", pk=info_request.pk)
    return _request_page(request, info_request, attach_form=form)


@object_view(InformationAttachment)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def information_attachment_download(request, attachment):
    """Served only through this permission-checked view, never from a public media URL; every download is
    in the access log, and the response is never cached (core.middleware)."""
    if attachment.is_withdrawn:
        raise Http404("This document was withdrawn")
    return audited_download(request, attachment, what="Document")


@object_view(InformationAttachment, "withdraw")
def information_attachment_withdraw(request, attachment):
    info_request = attachment.info_request
    back_url = reverse("decisions:request_answer", args=[info_request.pk])
    if attachment.is_withdrawn:
        messages.info(request, f"{attachment.file_name} was already withdrawn.")
        return redirect(back_url)
    return withdraw_page(
        request,
        withdraw=lambda **data: services.information_attachment_withdraw(
            actor=request.user, attachment=attachment, **data
        ),
        title=f"Withdraw {attachment.file_name}?",
        caption=f"{info_request.rapid_review.incident.child_pseudonym} · information from {info_request.agency}",
        record_lines=[
            ("Document", attachment.file_name),
            ("Sent", f"{long_date(timezone.localtime(attachment.created))} by {attachment.sent_by}"),
        ],
        back_url=back_url,
        consequence="The rapid review will no longer be able to open it. Nothing is erased: it stays listed as "
        "withdrawn, with your reason and your name.",
        submit="Withdraw this document",
        success=f"{attachment.file_name} has been withdrawn.",
    )


@object_view(Incident, "recommend")
def recommend(request, incident):
    form = RecommendationForm(
        request.POST if request.method == "POST" else None, partnership=incident.partnership, incident=incident
    )
    if submitted(
        request,
        form,
        lambda data: services.recommendation_make(
            actor=request.user,
            incident=incident,
            outcome=data["outcome"],
            rationale=data["rationale"],
            made_on=data["made_on"],
            subgroup=data["subgroup"],
        ),
    ):
        messages.success(request, "The recommendation has been recorded and is waiting for the independent chair.")
        return redirect("incidents:detail", pk=incident.pk)
    return _step_page(
        request,
        incident,
        form,
        "Record the subgroup's recommendation",
        submit="Record the recommendation",
        **_gaps(
            incident,
            "The subgroup recommends on the rapid review: check that what is missing would not change the "
            "recommendation.",
        ),
    )


def _gaps(incident, advice):
    """What the rapid review lacks, warned above the Save button of a step taken on it."""
    rapid_review = RapidReview.objects.unscoped().filter(incident=incident).first()
    return {
        "rapid_review_gaps": selectors.rapid_review_gaps(rapid_review),
        "gaps_advice": advice,
        "rapid_review_completed_on": rapid_review.completed_on if rapid_review else None,
        "panel_reply_note": selectors.panel_reply_note(rapid_review),
    }


@object_view(Incident, "decide")
def decide(request, incident):
    form = DecisionForm(request.POST if request.method == "POST" else None, incident=incident)
    if submitted(
        request,
        form,
        lambda data: services.chair_decide(
            actor=request.user,
            incident=incident,
            outcome=data["outcome"],
            rationale=data["rationale"],
            decided_on=data["decided_on"],
            confidential=data["confidential"],
        ),
    ):
        messages.success(request, "Your decision has been recorded.")
        return redirect("incidents:detail", pk=incident.pk)
    return _step_page(
        request,
        incident,
        form,
        "Decide whether to review",
        template="decisions/decision_form.html",
        submit="Record the decision",
        recommendation=ReviewRecommendation.objects.unscoped().filter(incident=incident).first(),
        rapid_review=RapidReview.objects.unscoped().filter(incident=incident).first(),
        assessments=CriterionAssessment.objects.unscoped().filter(rapid_review__incident=incident),
        **_gaps(incident, "You decide on the rapid review: check that what is missing would not change your decision."),
    )


@object_view(Incident, "record_outcome")
def panel_response(request, incident):
    form = PanelResponseForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        lambda data: services.panel_response_record(
            actor=request.user,
            incident=incident,
            response=data["response"],
            received_on=data["received_on"],
            notes=data["notes"],
        ),
    ):
        messages.success(request, "The national panel's response has been recorded.")
        return redirect("incidents:detail", pk=incident.pk)
    return _step_page(request, incident, form, "Record the national panel's response", submit="Record the response")


@object_view(Incident, "record_outcome")
def family_communication(request, incident):
    form = FamilyCommunicationForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        lambda data: services.family_communication_record(
            actor=request.user,
            incident=incident,
            communicated_on=data["communicated_on"],
            method=data["method"],
            communicated_by=data["communicated_by"],
            notes=data["notes"],
        ),
    ):
        messages.success(request, "Recorded how the family was told of the decision.")
        return redirect("incidents:detail", pk=incident.pk)
    decision = ChairDecision.objects.visible_to(request.user).filter(incident=incident).first()
    return _step_page(
        request,
        incident,
        form,
        "Record telling the family",
        template="decisions/family_form.html",
        submit="Save",
        decision=decision,
        decision_label=outcome_label(decision.outcome, incident) if decision else "",
    )


# --- the decision and the recommendation as recorded, their history and their correction ------------


def _record_page(request, record, *, title, rows, correct_url, correct_text):
    return render(
        request,
        "decisions/record_detail.html",
        {
            "incident": record.incident,
            "title": title,
            "rows": rows,
            "history": record_history(record),
            "correct_url": correct_url if permissions.can(request.user, "correct", record) else None,
            "correct_text": correct_text,
        },
    )


@object_view(ChairDecision)
def decision_detail(request, decision):
    return _record_page(
        request,
        decision,
        title="Independent chair's decision",
        rows=[
            ("Decision", decision.get_outcome_display()),
            ("Date of the decision", decision.decided_on),
            ("Decided by", decision.decided_by),
            ("Rationale", decision.rationale),
        ],
        correct_url=reverse("decisions:decision_correct", args=[decision.pk]),
        correct_text="Correct this decision",
    )


@object_view(ChairDecision, "correct")
def decision_correct(request, decision):
    incident = decision.incident
    initial = {"outcome": decision.outcome, "rationale": decision.rationale, "decided_on": decision.decided_on}
    form = DecisionCorrectionForm(
        request.POST if request.method == "POST" else None, incident=incident, initial=initial
    )
    if submitted(
        request,
        form,
        lambda data: services.chair_decision_correct(
            actor=request.user,
            decision=decision,
            outcome=data["outcome"],
            rationale=data["rationale"],
            decided_on=data["decided_on"],
            reason=data["reason"],
        ),
    ):
        messages.success(request, "Your decision has been corrected. The earlier one is kept in its history.")
        return redirect("decisions:decision", pk=decision.pk)
    return _step_page(
        request,
        incident,
        form,
        "Correct the decision",
        template="decisions/correction_form.html",
        intro="Correct the decision as it was recorded, if it was recorded wrongly. What was recorded before "
        "stays in the decision's history, with your reason. If the family was told of the earlier decision, "
        "tell them of the correction.",
        submit="Save the correction",
        history=record_history(decision),
        back_url=reverse("decisions:decision", args=[decision.pk]),
    )


@object_view(ReviewRecommendation)
def recommendation_detail(request, recommendation):
    return _record_page(
        request,
        recommendation,
        title="Subgroup's recommendation",
        rows=[
            ("Recommendation", recommendation.get_outcome_display()),
            ("Date of the recommendation", recommendation.made_on),
            ("Made by", recommendation.subgroup or "Not recorded"),
            ("Rationale", recommendation.rationale),
            ("Recorded by", recommendation.recorded_by),
        ],
        correct_url=reverse("decisions:recommendation_correct", args=[recommendation.pk]),
        correct_text="Correct this recommendation",
    )


@object_view(ReviewRecommendation, "correct")
def recommendation_correct(request, recommendation):
    incident = recommendation.incident
    initial = {
        "outcome": recommendation.outcome,
        "rationale": recommendation.rationale,
        "made_on": recommendation.made_on,
        "subgroup": recommendation.subgroup,
    }
    form = RecommendationCorrectionForm(
        request.POST if request.method == "POST" else None,
        partnership=incident.partnership,
        incident=incident,
        initial=initial,
    )
    if submitted(
        request,
        form,
        lambda data: services.recommendation_correct(
            actor=request.user,
            recommendation=recommendation,
            outcome=data["outcome"],
            rationale=data["rationale"],
            made_on=data["made_on"],
            subgroup=data["subgroup"],
            reason=data["reason"],
        ),
    ):
        said = "The recommendation has been corrected. The earlier one is kept in its history."
        if ChairDecision.objects.unscoped().filter(incident_id=recommendation.incident_id).exists():
            # the chair's decision may quote the recommendation it followed
            said += " The chair's decision rests on it: tell the independent chair, who can correct the decision."
        messages.success(request, said)
        return redirect("decisions:recommendation", pk=recommendation.pk)
    return _step_page(
        request,
        incident,
        form,
        "Correct the recommendation",
        template="decisions/correction_form.html",
        intro="Correct the recommendation as it was recorded, if it was recorded wrongly. What was recorded "
        "before stays in its history, with your reason.",
        submit="Save the correction",
        history=record_history(recommendation),
        back_url=reverse("decisions:recommendation", args=[recommendation.pk]),
    )
