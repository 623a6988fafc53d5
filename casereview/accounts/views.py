from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from casereview.core.access import object_view, public_view, signed_in_view
from casereview.core.forms import submitted
from casereview.core.pagination import paginate

from . import permissions, selectors, services, two_factor
from .forms import (
    AgencyForm,
    EndMembershipForm,
    GovukPasswordChangeForm,
    GovukSetPasswordForm,
    InviteForm,
    MembershipForm,
    PartnershipForm,
    QueuedPasswordResetForm,
    SignInForm,
    TwoFactorCodeForm,
)
from .middleware import before_two_factor
from .models import Agency, Membership, Partnership, Role, User
from .tokens import invitation_token

sign_in = public_view(
    auth_views.LoginView.as_view(
        template_name="accounts/sign_in.html", authentication_form=SignInForm, redirect_authenticated_user=True
    )
)
sign_out = before_two_factor(signed_in_view(auth_views.LogoutView.as_view()))


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page with two limits (services.note_password_reset): an address is sent a few links
    an hour at most, and a client that asks too often is told to wait."""

    def form_valid(self, form):
        answer = services.note_password_reset(
            email=form.cleaned_data["email"], client=get_client_ip_address(self.request)
        )
        if answer is services.ResetAnswer.TOO_MANY:
            form.add_error(
                None,
                "You have asked for too many password reset links in the last hour. Wait an hour and try "
                "again, or ask your partnership's business manager for help.",
            )
            return self.form_invalid(form)
        if answer is services.ResetAnswer.QUIET:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


password_reset = public_view(
    PasswordResetView.as_view(
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


def _next_page(request):
    """Where the person was going before the second factor was asked for; only a page of this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


@never_cache
@before_two_factor
@signed_in_view
def two_factor_setup(request):
    """Add casereview to an authenticator app (scan the code or type the secret), then enter a code to show
    it works. Only before a device is set up: changing it afterwards is a system administrator's reset, so
    someone who has only the password cannot replace the person's phone with their own."""
    user = request.user
    if not permissions.must_use_two_factor(user) or user.is_verified():
        return redirect(_next_page(request))
    if two_factor.confirmed_device(user):
        return redirect(f"{reverse('accounts:two_factor_verify')}?{request.GET.urlencode()}")
    device = two_factor.device_being_set_up(user)
    form = TwoFactorCodeForm(request.POST or None)
    confirmed = {}

    def confirm(data):
        confirmed["device"] = services.two_factor_confirm(user=user, device=device, code=data["code"])

    if submitted(request, form, confirm):
        otp_login(request, confirmed["device"])
        messages.success(
            request, "Two-factor sign-in is set up. Next time, enter a code from your app after your password."
        )
        return redirect(_next_page(request))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device),
            "secret": two_factor.secret_text(device),
            "next": _next_page(request),
        },
    )


@never_cache
@before_two_factor
@signed_in_view
def two_factor_verify(request):
    user = request.user
    if not permissions.must_use_two_factor(user) or user.is_verified():
        return redirect(_next_page(request))
    device = two_factor.confirmed_device(user)
    if device is None:
        return redirect(f"{reverse('accounts:two_factor_setup')}?{request.GET.urlencode()}")
    form = TwoFactorCodeForm(request.POST or None)
    checked = {}

    def check(data):
        checked["device"] = services.two_factor_check(user=user, device=device, code=data["code"])

    if submitted(request, form, check):
        otp_login(request, checked["device"])
        return redirect(_next_page(request))
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": _next_page(request), "managers": _their_business_managers(user)},
    )


def _their_business_managers(user):
    """Who a person who lost their phone should tell: the business managers of their partnerships (not
    themselves), by name and e-mail address, as the people who know who runs casereview."""
    from .models import Membership

    partnerships = Membership.objects.unscoped().filter(user=user, is_active=True).values("partnership_id")
    return list(
        Membership.objects.unscoped()  # names and addresses only, of the person's own partnerships
        .filter(partnership_id__in=partnerships, role=Role.BUSINESS_MANAGER, is_active=True, user__is_active=True)
        .exclude(user=user)
        .select_related("user", "partnership")
        .order_by("partnership__name", "user__last_name")[:5]
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
    page = paginate(request, memberships)
    locked = selectors.locked_usernames([m.user.username for m in page.object_list])
    for membership in page.object_list:
        membership.is_locked = membership.user.username in locked
    return render(
        request,
        "accounts/people.html",
        {
            "partnership": partnership,
            "page": page,
            "query": query,
            "role": role,
            "roles": Role.choices,
            "may_manage": permissions.may_in_partnership(request.user, "invite_person", partnership),
        },
    )


@object_view(Partnership, "invite_person", url_kwarg="slug", field="slug")
def person_invite(request, partnership):
    form = InviteForm(request.POST or None, partnership=partnership)
    made = {}

    def invite(data):
        made["membership"] = services.person_invite(
            actor=request.user, partnership=partnership, site_url=request.build_absolute_uri("/"), **data
        )

    if submitted(request, form, invite):
        membership = made["membership"]
        messages.success(
            request, f"{membership.user} has been invited. The e-mail is on its way to {membership.user.email}."
        )
        return redirect("accounts:people", slug=partnership.slug)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Invite a person",
            "caption": partnership.name,
            "submit": "Send the invitation",
            "back_url": reverse("accounts:people", args=[partnership.slug]),
        },
    )


@object_view(Membership, "change")
def membership_detail(request, membership):
    partnership = membership.partnership
    initial = {"role": membership.role, "agency": membership.agency, "job_title": membership.job_title}
    form = MembershipForm(request.POST or None, partnership=partnership, initial=initial)

    def change(data):
        services.membership_change(actor=request.user, membership=membership, **data)

    if submitted(request, form, change):
        messages.success(request, f"{membership.user}'s role has been saved.")
        return redirect("accounts:membership", pk=membership.pk)
    user = membership.user
    return render(
        request,
        "accounts/membership_detail.html",
        {
            "membership": membership,
            "person": user,
            "partnership": partnership,
            "form": form,
            "other_roles": Membership.objects.visible_to(request.user)
            .filter(user=user, partnership=partnership, is_active=True)
            .exclude(pk=membership.pk),
            "is_locked": services.is_locked_out(user),
            "invitation_pending": not user.has_usable_password(),
        },
    )


def _refused(request, exc):
    for message in exc.messages:
        messages.error(request, message)


@object_view(Membership, "change")
def membership_end(request, membership):
    form = EndMembershipForm(request.POST or None)

    def end(data):
        services.membership_end(actor=request.user, membership=membership, reason=data["reason"])

    if submitted(request, form, end):
        messages.success(request, f"{membership.user} no longer has the {membership.get_role_display().lower()} role.")
        return redirect("accounts:people", slug=membership.partnership.slug)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": f"End {membership.user}'s role as {membership.get_role_display().lower()}",
            "caption": membership.partnership.name,
            "submit": "End this role",
            "back_url": reverse("accounts:membership", args=[membership.pk]),
        },
    )


@object_view(Membership, "change")
def account_unlock(request, membership):
    if request.method == "POST":
        try:
            services.account_unlock(actor=request.user, membership=membership)
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, f"{membership.user} can sign in again.")
    return redirect("accounts:membership", pk=membership.pk)


@object_view(Membership, "change")
def invitation_resend(request, membership):
    if request.method == "POST":
        try:
            services.invitation_resend(
                actor=request.user, membership=membership, site_url=request.build_absolute_uri("/")
            )
        except ValidationError as exc:
            _refused(request, exc)
        else:
            messages.success(request, f"A new invitation is on its way to {membership.user.email}.")
    return redirect("accounts:membership", pk=membership.pk)


def _invited_user(uidb64):
    try:
        return User.objects.filter(pk=int(force_str(urlsafe_base64_decode(uidb64))), is_active=True).first()
    except (TypeError, ValueError, OverflowError):
        return None


@public_view
def invitation_accept(request, uidb64, token):
    user = _invited_user(uidb64)
    if user is not None and user.has_usable_password():
        problem = "This invitation has already been used. Sign in, or reset your password if you have forgotten it."
        return render(request, "accounts/invitation_invalid.html", {"problem": problem}, status=410)
    if user is None or not invitation_token.check_token(user, token):
        problem = "This invitation link has expired or is not complete. Ask your business manager to send a new one."
        return render(request, "accounts/invitation_invalid.html", {"problem": problem}, status=410)
    form = GovukSetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        messages.success(request, f"Your password is set. Sign in with your username, {user.username}.")
        return redirect("accounts:login")
    return render(request, "accounts/invitation_accept.html", {"form": form, "person": user})


@signed_in_view
def partnership_create(request):
    """A system administrator's page: the partnership and its first business manager, who invites the rest."""
    if not request.user.is_superuser:
        raise PermissionDenied("Only a system administrator can set up a partnership.")
    form = PartnershipForm(request.POST or None)
    made = {}

    def create(data):
        made["partnership"] = services.partnership_create(
            actor=request.user, site_url=request.build_absolute_uri("/"), **data
        )

    if submitted(request, form, create):
        partnership = made["partnership"]
        messages.success(request, f"{partnership} has been set up and its business manager invited.")
        return redirect("home")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Set up a partnership",
            "submit": "Set up the partnership",
            "back_url": reverse("home"),
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
