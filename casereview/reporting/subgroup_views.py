"""A subgroup's own pages: its members and chair, its meetings with their minutes and its work programme
(seeds/004 §2.2), which the yearly report summarises."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from casereview.accounts import permissions
from casereview.accounts.models import Partnership, Subgroup
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors

from . import services
from .forms import SubgroupMeetingForm, SubgroupMemberForm, WorkItemForm, WorkItemStatusForm
from .models import SubgroupMeeting, SubgroupMember, WorkProgrammeItem


@object_view(Partnership, "view_people", url_kwarg="slug", field="slug")
def subgroup_list(request, partnership):
    subgroups = Subgroup.objects.visible_to(request.user).filter(partnership=partnership)
    return render(request, "reporting/subgroups/list.html", {"partnership": partnership, "subgroups": subgroups})


def _detail(request, subgroup, **forms):
    user = request.user
    context = {
        "subgroup": subgroup,
        "partnership": subgroup.partnership,
        "members": SubgroupMember.objects.visible_to(user).filter(subgroup=subgroup),
        "meetings": SubgroupMeeting.objects.visible_to(user).filter(subgroup=subgroup),
        "items": WorkProgrammeItem.objects.visible_to(user).filter(subgroup=subgroup),
        "may_change": permissions.can(user, "change", subgroup),
        "member_form": forms.get("member_form") or SubgroupMemberForm(prefix="member"),
        "meeting_form": forms.get("meeting_form") or SubgroupMeetingForm(prefix="meeting"),
        "item_form": forms.get("item_form") or WorkItemForm(prefix="item"),
        "status_form": WorkItemStatusForm,
    }
    context["form"] = next((f for f in forms.values() if f is not None and f.errors), None)
    return render(request, "reporting/subgroups/detail.html", context, status=400 if context["form"] else 200)


@object_view(Subgroup, "view")
def subgroup_detail(request, subgroup):
    return _detail(request, subgroup)


def _added(request, subgroup, form, key, action, message):
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, message)
            return redirect("reporting:subgroup", subgroup.pk)
    return _detail(request, subgroup, **{key: form})


@require_POST
@object_view(Subgroup, "change")
def member_add(request, subgroup):
    form = SubgroupMemberForm(request.POST, prefix="member")
    return _added(
        request,
        subgroup,
        form,
        "member_form",
        lambda data: services.subgroup_member_add(actor=request.user, subgroup=subgroup, **data),
        "The member is added.",
    )


@require_POST
@object_view(Subgroup, "change")
def meeting_add(request, subgroup):
    form = SubgroupMeetingForm(request.POST, prefix="meeting")
    return _added(
        request,
        subgroup,
        form,
        "meeting_form",
        lambda data: services.subgroup_meeting_add(actor=request.user, subgroup=subgroup, **data),
        "The meeting and its minutes are recorded.",
    )


@require_POST
@object_view(Subgroup, "change")
def item_add(request, subgroup):
    form = WorkItemForm(request.POST, prefix="item")
    return _added(
        request,
        subgroup,
        form,
        "item_form",
        lambda data: services.work_item_add(actor=request.user, subgroup=subgroup, **data),
        "The item is added to the work programme.",
    )


@require_POST
@object_view(WorkProgrammeItem, "change")
def item_status(request, item):
    form = WorkItemStatusForm(request.POST)
    if form.is_valid():
        services.work_item_set_status(actor=request.user, item=item, status=form.cleaned_data["status"])
        messages.success(request, f"{item.title}: now {item.get_status_display().lower()}.")
    return redirect("reporting:subgroup", item.subgroup_id)
