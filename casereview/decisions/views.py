from django.contrib import messages
from django.shortcuts import redirect, render

from casereview.accounts import permissions
from casereview.core.access import object_view
from casereview.core.forms import submitted
from casereview.incidents.models import Incident

from . import services
from .forms import (
    AnswerForm,
    DecisionForm,
    FamilyCommunicationForm,
    OpenRapidReviewForm,
    PanelResponseForm,
    RapidReviewForm,
    RecommendationForm,
)
from .models import Criterion, CriterionAssessment, InformationRequest, RapidReview, ReviewRecommendation


def _step_page(request, incident, form, title, template="decisions/step_form.html", **context):
    return render(request, template, {"incident": incident, "form": form, "title": title, **context})


@object_view(Incident, "open_rapid_review")
def rapid_review_open(request, incident):
    form = OpenRapidReviewForm(
        request.POST if request.method == "POST" else None,
        partnership=incident.partnership,
        initial={"agencies": incident.agencies_involved.all()},
    )
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
    return render(
        request,
        "decisions/rapid_review_detail.html",
        {
            "rapid_review": rapid_review,
            "incident": rapid_review.incident,
            "requests": InformationRequest.objects.visible_to(user)
            .filter(rapid_review=rapid_review)
            .select_related("agency", "responded_by"),
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


@object_view(InformationRequest, "answer")
def request_answer(request, info_request):
    form = AnswerForm(request.POST if request.method == "POST" else None, initial={"response": info_request.response})
    if submitted(
        request,
        form,
        lambda data: services.information_request_answer(
            actor=request.user, info_request=info_request, response=data["response"]
        ),
    ):
        messages.success(request, f"{info_request.agency}'s information has been sent to the rapid review.")
        return redirect("decisions:rapid_review", pk=info_request.rapid_review_id)
    return render(
        request,
        "decisions/answer_form.html",
        {
            "form": form,
            "info_request": info_request,
            "incident": info_request.rapid_review.incident,
            # A completed rapid review takes no more information: say so rather than offer a form that refuses.
            "closed": bool(info_request.rapid_review.completed_on),
        },
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
        request, incident, form, "Record the subgroup's recommendation", submit="Record the recommendation"
    )


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
        recommendation=ReviewRecommendation.objects.unscoped().filter(incident=incident).first(),
        rapid_review=RapidReview.objects.unscoped().filter(incident=incident).first(),
        assessments=CriterionAssessment.objects.unscoped().filter(rapid_review__incident=incident),
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
    return _step_page(request, incident, form, "Record telling the family", submit="Save")
