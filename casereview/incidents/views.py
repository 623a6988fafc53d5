from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from casereview.accounts import permissions
from casereview.accounts.models import Partnership
from casereview.audit.selectors import record_history
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors, submitted
from casereview.core.pagination import paginate

from . import rules, selectors, services
from .forms import DutyCorrectionForm, DutySentForm, IdentityForm, IncidentEditForm, LocalReferralForm, NewIncidentForm
from .models import ChildIdentity, Incident, NotificationDuty


@object_view(Partnership, "list_cases", url_kwarg="slug", field="slug")
def incident_list(request, partnership):
    query = request.GET.get("q", "").strip()
    incidents = selectors.incident_list(user=request.user, partnership=partnership, query=query)
    return render(
        request,
        "incidents/incident_list.html",
        {
            "partnership": partnership,
            "page": paginate(request, incidents),
            "query": query,
            "may_add": permissions.can(request.user, "add_incident", partnership),
        },
    )


@object_view(Partnership, "add_incident", url_kwarg="slug", field="slug")
def incident_create(request, partnership):
    form = NewIncidentForm(request.POST if request.method == "POST" else None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.incident_create(
                actor=request.user,
                partnership=partnership,
                facts=form.facts(),
                agencies=form.cleaned_data["agencies_involved"],
                identity=form.identity(),
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, f"{incident.child_pseudonym}'s incident has been recorded as {incident.reference}."
            )
            return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/incident_form.html", {"partnership": partnership, "form": form, "creating": True})


@object_view(Incident)
def incident_detail(request, incident):
    user = request.user
    facts = incident.facts()
    return render(
        request,
        "incidents/incident_detail.html",
        {
            "incident": incident,
            "duties": selectors.duties_for(user=user, incident=incident),
            "no_panel_reason": rules.why_no_national_panel_notification(facts),
            "tell_panel_of_death": services.panel_told_of_harm_only(incident),
            "regime": incident.regime,
            "may": {
                action: permissions.can(user, action, incident) for action in permissions.RULES["incidents.incident"]
            },
            "may_open_identity": ChildIdentity.objects.visible_to(user).filter(incident=incident).exists(),
        },
    )


@object_view(Incident, "change")
def incident_edit(request, incident):
    form = IncidentEditForm(
        request.POST if request.method == "POST" else None,
        instance=incident,
        partnership=incident.partnership,
        initial={"agencies_involved": incident.agencies_involved.all()},
    )
    if request.method == "POST" and form.is_valid():
        facts = form.facts()
        agencies = form.cleaned_data["agencies_involved"]
        incident.refresh_from_db()  # the form wrote into the instance; the service compares before and after
        try:
            services.incident_update(
                actor=request.user,
                incident=incident,
                facts=facts,
                agencies=agencies,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, "The incident's facts have been updated and its notification duties worked out again."
            )
            tell_panel = services.panel_told_of_harm_only(incident)
            if tell_panel:
                messages.warning(request, f"{tell_panel}.")
            return redirect("incidents:detail", pk=incident.pk)
    return render(
        request,
        "incidents/incident_form.html",
        {"partnership": incident.partnership, "form": form, "incident": incident},
    )


@object_view(ChildIdentity, url_kwarg="pk", field="incident__pk")
@never_cache
def identity_detail(request, identity):
    return render(
        request,
        "incidents/identity_detail.html",
        {
            "identity": identity,
            "incident": identity.incident,
            "may_change": permissions.can(request.user, "change", identity),
        },
    )


@object_view(ChildIdentity, "change", url_kwarg="pk", field="incident__pk")
@never_cache
def identity_edit(request, identity):
    form = IdentityForm(request.POST if request.method == "POST" else None, instance=identity)
    if request.method == "POST" and form.is_valid():
        details = {name: form.cleaned_data[name] for name in form.Meta.fields}
        identity.refresh_from_db()
        try:
            services.identity_update(actor=request.user, identity=identity, details=details)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "The restricted record has been updated.")
            return redirect("incidents:identity", pk=identity.incident_id)
    return render(request, "incidents/identity_form.html", {"form": form, "incident": identity.incident})


@object_view(NotificationDuty, "change")
def duty_sent(request, duty):
    form = DutySentForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        lambda data: services.duty_mark_sent(
            actor=request.user, duty=duty, sent_on=data["sent_on"], reference=data["reference"]
        ),
    ):
        # The duty's own words ("Notify the Child Safeguarding Practice Review Panel"), not lower-cased: the
        # panel, Ofsted and the Secretary of State are names.
        messages.success(request, f"Recorded as sent: {duty.get_kind_display()}.")
        return redirect("incidents:detail", pk=duty.incident_id)
    duty.refresh_from_db()
    if duty.sent_on:
        # a bookmark, the back button or a second tab: say it is recorded and lead to the correction
        return render(
            request,
            "incidents/duty_already_sent.html",
            {"form": form, "duty": duty, "incident": duty.incident},
        )
    return render(request, "incidents/duty_sent_form.html", {"form": form, "duty": duty, "incident": duty.incident})


@object_view(Incident, "change")
def refer_locally(request, incident):
    form = LocalReferralForm(request.POST if request.method == "POST" else None)
    if submitted(
        request,
        form,
        lambda data: services.incident_refer_locally(
            actor=request.user,
            incident=incident,
            referred_on=data["referred_on"],
            reason=data["reason"],
        ),
    ):
        messages.success(request, "The case has been referred for local consideration.")
        return redirect("incidents:detail", pk=incident.pk)
    return render(request, "incidents/refer_locally_form.html", {"form": form, "incident": incident})


@object_view(NotificationDuty, "change")
def duty_correct(request, duty):
    initial = {"sent_on": duty.sent_on, "reference": duty.sent_reference}
    form = DutyCorrectionForm(request.POST if request.method == "POST" else None, initial=initial)
    if submitted(
        request,
        form,
        lambda data: services.duty_correct_sent(
            actor=request.user,
            duty=duty,
            sent_on=data["sent_on"] if data["what"] == DutyCorrectionForm.SENT_ANOTHER_DAY else None,
            reference=data["reference"],
            reason=data["reason"],
        ),
    ):
        messages.success(request, f"Corrected: {duty.get_kind_display()}.")
        return redirect("incidents:duty_history", pk=duty.pk)
    return render(
        request,
        "incidents/duty_correct_form.html",
        {
            "form": form,
            "duty": duty,
            "incident": duty.incident,
            "history": record_history(duty),
            "back_url": reverse("incidents:detail", args=[duty.incident_id]),
        },
    )


@object_view(NotificationDuty)
def duty_history(request, duty):
    return render(
        request,
        "incidents/duty_history.html",
        {
            "duty": duty,
            "incident": duty.incident,
            "history": record_history(duty),
            "may_correct": permissions.can(request.user, "change", duty) and duty.sent_on,
        },
    )
