from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy

from casereview.core.access import object_view, public_view, signed_in_view
from casereview.core.pagination import paginate

from . import permissions, selectors, services
from .forms import AgencyForm, GovukPasswordChangeForm, GovukSetPasswordForm, QueuedPasswordResetForm, SignInForm
from .models import Agency, Partnership, Role

sign_in = public_view(
    auth_views.LoginView.as_view(
        template_name="accounts/sign_in.html", authentication_form=SignInForm, redirect_authenticated_user=True
    )
)
sign_out = signed_in_view(auth_views.LogoutView.as_view())
password_reset = public_view(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=QueuedPasswordResetForm,
        email_template_name="accounts/email/password_reset.txt",
        subject_template_name="accounts/email/password_reset_subject.txt",
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = public_view(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)
password_reset_confirm = public_view(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_reset_confirm.html",
        form_class=GovukSetPasswordForm,
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = public_view(
    auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html")
)
password_change = signed_in_view(
    auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_change.html",
        form_class=GovukPasswordChangeForm,
        success_url=reverse_lazy("accounts:password_change_done"),
    )
)
password_change_done = signed_in_view(
    auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html")
)


@object_view(Partnership, url_kwarg="slug", field="slug")
def partnership_detail(request, partnership):
    user = request.user
    may_view_people = permissions.can(user, "view_people", partnership)
    people = selectors.membership_list(user=user, partnership=partnership) if may_view_people else None
    return render(
        request,
        "accounts/partnership_detail.html",
        {
            "partnership": partnership,
            "agencies": selectors.agency_list(user=user, partnership=partnership),
            "subgroups": selectors.subgroup_list(user=user, partnership=partnership),
            "may_view_people": may_view_people,
            "people_count": people.count() if people is not None else 0,
            "leaders": people.filter(role__in=[Role.BUSINESS_MANAGER, Role.CHAIR, Role.EXECUTIVE])
            if people is not None
            else [],
            "may_add_agency": permissions.can(user, "add_agency", partnership),
            "my_roles": [m for m in permissions.active_memberships(user) if m.partnership_id == partnership.pk],
        },
    )


@object_view(Partnership, "view_people", url_kwarg="slug", field="slug")
def people(request, partnership):
    query = request.GET.get("q", "").strip()
    role = request.GET.get("role", "")
    if role not in Role.values:
        role = ""
    memberships = selectors.membership_list(user=request.user, partnership=partnership, query=query, role=role)
    return render(
        request,
        "accounts/people.html",
        {
            "partnership": partnership,
            "page": paginate(request, memberships),
            "query": query,
            "role": role,
            "roles": Role.choices,
        },
    )


@object_view(Agency)
def agency_detail(request, agency):
    may_view_people = permissions.can(request.user, "view_people", agency.partnership)
    members = (
        selectors.membership_list(user=request.user, partnership=agency.partnership, agency=agency)
        if may_view_people
        else []
    )
    return render(
        request,
        "accounts/agency_detail.html",
        {"agency": agency, "members": members, "may_view_people": may_view_people},
    )


@object_view(Partnership, "add_agency", url_kwarg="slug", field="slug")
def agency_create(request, partnership):
    form = AgencyForm(request.POST if request.method == "POST" else None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.agency_create(actor=request.user, partnership=partnership, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"{agency.name} has been added to {partnership}.")
            return redirect("accounts:partnership_detail", slug=partnership.slug)
    return render(request, "accounts/agency_form.html", {"partnership": partnership, "form": form})


@signed_in_view
def home(request):
    """Straight to the partnership for the usual one-partnership user; a choice for the rest."""
    partnerships = list(selectors.partnership_list(user=request.user))
    if len(partnerships) == 1:
        return redirect("accounts:partnership_detail", slug=partnerships[0].slug)
    return render(request, "accounts/home.html", {"partnerships": partnerships})
