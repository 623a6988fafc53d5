from django.shortcuts import render
from django.urls import reverse

from casereview.core import exports as background
from casereview.core.access import object_view
from casereview.core.pagination import paginate_uncounted

from .exports import filtered_events


def _filtered_events(request, partnership):
    return filtered_events(request.GET, request.user, partnership)


@object_view("accounts.Partnership", "view_audit", url_kwarg="slug", field="slug")
def event_list(request, partnership):
    form, events = _filtered_events(request, partnership)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {
            "partnership": partnership,
            "form": form,
            "page": paginate_uncounted(request, events),
            "query": query.urlencode(),
        },
    )


@object_view("accounts.Partnership", "view_audit", url_kwarg="slug", field="slug")
def event_export(request, partnership):
    """The filtered trail as CSV, prepared in the background (audit/exports.py); the export is audited."""
    return background.export_page(
        request,
        kind_name="audit_csv",
        target=partnership,
        action="view_audit",
        title=f"Audit log of {partnership} (CSV)",
        back_url=reverse("audit:event_list", args=[partnership.slug]),
    )
