from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.db import transaction

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, audit_update, record_event, snapshot

from .models import Agency, Membership, Partnership, Subgroup, User


class AuditedAdmin(admin.ModelAdmin):
    """System administrators' changes are audited like everyone else's."""

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change else None
            super().save_model(request, obj, form, change)
            if change:
                audit_update(actor=request.user, obj=obj, before=before, reason="Django admin")
            else:
                audit_create(actor=request.user, obj=obj, reason="Django admin")

    def delete_model(self, request, obj):
        with transaction.atomic():
            record_event(actor=request.user, action=AuditAction.DELETE, obj=obj, reason="Django admin")
            super().delete_model(request, obj)

    def get_actions(self, request):
        # Bulk delete would bypass delete_model and so the audit trail.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["agency"]
    fk_name = "user"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "email", "first_name", "last_name", "is_active", "is_staff"]


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
