from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: administrators can search the trail but nobody can add, change or delete it."""

    list_display = ["at", "actor_name", "action", "object_repr", "partnership"]
    list_filter = ["action", "partnership"]
    search_fields = ["actor_name", "object_repr", "reason"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
