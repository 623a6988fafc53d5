import csv

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from casereview.core.access import object_view
from casereview.core.pagination import paginate_keyset
from casereview.core.spreadsheets import spreadsheet_safe

from .forms import AuditFilterForm
from .models import AuditAction
from .selectors import AUDIT_CURSOR, audit_event_list, audit_event_parts
from .services import record_event


def _filters(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, {k: v for k, v in filters.items() if v}


def _filtered_events(request, partnership):
    form, filters = _filters(request)
    return form, audit_event_list(user=request.user, partnership=partnership, **filters)


@object_view("accounts.Partnership", "view_audit", url_kwarg="slug", field="slug")
def event_list(request, partnership):
    form, filters = _filters(request)
    parts = audit_event_parts(user=request.user, partnership=partnership, **filters)
    query = request.GET.copy()
    for name in ("page", "after", "before"):
        query.pop(name, None)
    return render(
        request,
        "audit/event_list.html",
        {
            "partnership": partnership,
            "form": form,
            "page": paginate_keyset(request, parts, cursor=AUDIT_CURSOR),
            "query": query.urlencode(),
        },
    )


@object_view("accounts.Partnership", "view_audit", url_kwarg="slug", field="slug")
def event_export(request, partnership):
    """The filtered trail as CSV; the export is itself audited."""
    form, events = _filtered_events(request, partnership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="audit-{partnership.slug}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["When", "Who", "Action", "Record type", "Record", "Changes", "Reason", "IP address"])
    with transaction.atomic():
        count = 0
        for event in events.iterator():
            writer.writerow(
                [
                    spreadsheet_safe(v)
                    for v in [
                        timezone.localtime(event.at).isoformat(timespec="seconds"),
                        event.actor_name,
                        event.get_action_display(),
                        event.object_type.name if event.object_type else "",
                        event.object_repr,
                        "; ".join(f"{k}: {v[0]!r} → {v[1]!r}" for k, v in event.changes.items()),
                        event.reason,
                        event.ip_address or "",
                    ]
                ]
            )
            count += 1
        record_event(
            actor=request.user,
            action=AuditAction.EXPORT,
            obj=partnership,
            object_repr=f"Audit log of {partnership} ({count} events)",
            reason=request.GET.urlencode(),
        )
    return response
