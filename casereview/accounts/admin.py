from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, audit_update, record_event, snapshot

from . import services, two_factor
from .forms import TwoFactorResetForm
from .models import Agency, Membership, Partnership, Subgroup, User

# django-otp's own device admin shows each secret and its QR code and edits devices without an audit
# event; a system administrator resets a person's two-factor sign-in from their user page instead.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


class AuditedAdminMixin:
    """System administrators' changes are audited like everyone else's: the record, its inlines (a user's
    memberships, a partnership's agencies) and its many-to-many fields (a user's groups)."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj)._base_manager.get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            if change:
                audit_update(actor=request.user, obj=obj, before=before, reason="Django admin")
            else:
                audit_create(actor=request.user, obj=obj, reason="Django admin")

    def delete_model(self, request, obj):
        with transaction.atomic():
            _audit_deletion(request.user, obj)
            super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        with transaction.atomic():
            before = {
                f.instance.pk: snapshot(type(f.instance)._base_manager.get(pk=f.instance.pk))
                for f in formset.initial_forms
                if f.instance.pk and f.has_changed() and f not in formset.deleted_forms
            }
            for deleted in formset.deleted_forms:
                if deleted.instance.pk:
                    _audit_deletion(request.user, deleted.instance)
            super().save_formset(request, form, formset, change)
            for obj in formset.new_objects:
                audit_create(actor=request.user, obj=obj, reason="Django admin")
            for obj, _fields in formset.changed_objects:
                if obj.pk in before:
                    audit_update(actor=request.user, obj=obj, before=before[obj.pk], reason="Django admin")

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        many = [f for f in obj._meta.many_to_many if f.name in form.cleaned_data]
        before = {f.name: sorted(str(o) for o in getattr(obj, f.name).all()) for f in many} if change else {}
        super().save_related(request, form, formsets, change)
        after = {f.name: sorted(str(o) for o in getattr(obj, f.name).all()) for f in many}
        changes = {
            name: [before.get(name, []), value] for name, value in after.items() if before.get(name, []) != value
        }
        if changes:
            record_event(actor=request.user, action=AuditAction.UPDATE, obj=obj, changes=changes, reason="Django admin")

    def get_actions(self, request):
        """Bulk actions run past save_model and delete_model (Django's bulk delete, django-axes' clean-up),
        so only an action that writes its own audit event (marked `audited = True`) is offered."""
        actions = super().get_actions(request)
        return {name: entry for name, entry in actions.items() if getattr(entry[0], "audited", False)}


def _audit_deletion(actor, obj):
    """The record and everything its deletion takes with it (a user's roles go with the user), each its own
    event, so nothing leaves the database without a trace."""
    from django.db import router
    from django.db.models.deletion import Collector

    collector = Collector(using=router.db_for_write(type(obj)))
    collector.collect([obj])
    taken = [o for instances in collector.data.values() for o in instances]
    taken += [o for queryset in collector.fast_deletes for o in queryset]
    for other in taken:
        if not (type(other) is type(obj) and other.pk == obj.pk):
            record_event(actor=actor, action=AuditAction.DELETE, obj=other, reason=f"Django admin: deleted with {obj}")
    record_event(actor=actor, action=AuditAction.DELETE, obj=obj, reason="Django admin")


class AuditedAdmin(AuditedAdminMixin, admin.ModelAdmin):
    pass


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]
    fk_name = "user"


@admin.register(User)
class UserAdmin(AuditedAdminMixin, DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]
    # when someone joined and last signed in are facts, not settings: the split date-time widget would also
    # drop their microseconds on every save and audit that as a change
    readonly_fields = ["two_factor_sign_in", "last_login", "date_joined"]
    fieldsets = DjangoUserAdmin.fieldsets + (("Two-factor sign-in", {"fields": ["two_factor_sign_in"]}),)

    @admin.display(description="Two-factor sign-in")
    def two_factor_sign_in(self, obj):
        device = two_factor.confirmed_device(obj) if obj.pk else None
        if device is None:
            return "Not set up. They set it up at their next sign-in if their role needs it."
        url = reverse("admin:accounts_user_two_factor_reset", args=[obj.pk])
        return format_html('Set up. <a href="{}">Reset two-factor sign-in</a> (for a lost or new phone)', url)

    def user_change_password(self, request, id, form_url=""):
        """Django's own password page saves the form itself, past save_model: the change is audited here,
        as changed, never with the hash."""
        with transaction.atomic():
            before = User._base_manager.filter(pk=id).values_list("password", flat=True).first()
            response = super().user_change_password(request, id, form_url)
            person = User._base_manager.filter(pk=id).first()
            if person is not None and before is not None and person.password != before:
                record_event(
                    actor=request.user,
                    action=AuditAction.UPDATE,
                    obj=person,
                    changes={"password": ["(restricted)", "(restricted)"]},
                    reason="Django admin: password set by a system administrator",
                )
        return response

    def get_urls(self):
        reset = path(
            "<int:pk>/reset-two-factor/",
            self.admin_site.admin_view(self.two_factor_reset_view),
            name="accounts_user_two_factor_reset",
        )
        return [reset, *super().get_urls()]

    def two_factor_reset_view(self, request, pk):
        """Recovery for a lost phone: removes the person's device after a reason, so they set up a new one
        at their next sign-in. System administrators only, audited (services.two_factor_reset)."""
        if not request.user.is_superuser:
            raise PermissionDenied
        person = get_object_or_404(User, pk=pk)
        form = TwoFactorResetForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.two_factor_reset(actor=request.user, user=person, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request, f"{person}'s two-factor sign-in is reset. They set it up again when they next sign in."
                )
                return redirect("admin:accounts_user_change", person.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Reset two-factor sign-in for {person}",
            "person": person,
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/accounts/user/two_factor_reset.html", context)


class AgencyInline(admin.TabularInline):
    model = Agency
    extra = 0


class SubgroupInline(admin.TabularInline):
    model = Subgroup
    extra = 0


@admin.register(Partnership)
class PartnershipAdmin(AuditedAdmin):
    list_display = ["name", "slug", "local_authority"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    inlines = [AgencyInline, SubgroupInline]


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "sector", "partnership"]
    list_filter = ["sector", "partnership"]
    search_fields = ["name"]


@admin.register(Subgroup)
class SubgroupAdmin(AuditedAdmin):
    list_display = ["name", "chair", "partnership"]
    list_filter = ["partnership"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "role", "partnership", "agency", "is_active"]
    list_filter = ["role", "partnership", "is_active"]
    search_fields = ["user__username", "user__last_name", "user__email"]
    autocomplete_fields = ["user", "agency"]


def _audited_registration(model):
    """Another app's admin (Django's groups, django-axes' lockouts and logs), registered again with the audit."""
    if not admin.site.is_registered(model):
        return
    current = type(admin.site.get_model_admin(model))
    if issubclass(current, AuditedAdminMixin):
        return
    admin.site.unregister(model)
    admin.site.register(model, type(f"Audited{current.__name__}", (AuditedAdminMixin, current), {}))


def _third_party_models():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group

    return [Group, AccessAttempt, AccessLog, AccessFailureLog]


for _model in _third_party_models():
    _audited_registration(_model)
