from django.contrib import admin

from casereview.accounts.admin import AuditedAdmin

from .models import (
    Action,
    ActionPlanSettings,
    DisseminationEvent,
    Escalation,
    Evidence,
    ProgressUpdate,
    Risk,
    SignOff,
    TrainingYear,
)


@admin.register(ActionPlanSettings)
class ActionPlanSettingsAdmin(AuditedAdmin):
    list_display = ["partnership", "escalate_after_working_days", "escalate_after_at_risk_updates"]


class ProgressUpdateInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    fields = ["posted_on", "status", "text", "posted_by"]
    readonly_fields = fields
    can_delete = False


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["kind", "description", "file_name", "url", "added_by"]
    readonly_fields = fields
    can_delete = False


class SignOffInline(admin.TabularInline):
    model = SignOff
    extra = 0
    fields = ["kind", "on", "by", "note"]
    readonly_fields = fields
    can_delete = False


@admin.register(Action)
class ActionAdmin(AuditedAdmin):
    list_display = ["__str__", "owner_agency", "due_date", "status"]
    list_filter = ["status", "partnership"]
    search_fields = ["description", "review__title", "owner_agency__name"]
    raw_id_fields = ["review", "recommendation", "learning_point", "owner_agency", "lead_person", "closed_by"]
    inlines = [ProgressUpdateInline, EvidenceInline, SignOffInline]


@admin.register(Escalation)
class EscalationAdmin(AuditedAdmin):
    list_display = ["action", "reason", "escalated_on"]
    readonly_fields = ["action", "reason", "trigger", "escalated_on", "recipients"]

    def has_add_permission(self, request):
        return False


@admin.register(DisseminationEvent)
class DisseminationEventAdmin(AuditedAdmin):
    list_display = ["title", "kind", "held_on", "partnership"]
    list_filter = ["kind", "partnership"]


@admin.register(TrainingYear)
class TrainingYearAdmin(AuditedAdmin):
    list_display = ["partnership", "year_starting", "sessions", "individuals", "organisations", "elearning_modules"]


@admin.register(Risk)
class RiskAdmin(AuditedAdmin):
    list_display = ["title", "partnership", "status", "escalated", "review_date"]
    list_filter = ["status", "escalated", "partnership"]
