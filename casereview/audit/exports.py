"""The audit trail as CSV, prepared in the background (core/exports.py) and written a row at a time."""

import csv

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from casereview.core import exports as background
from casereview.core.spreadsheets import spreadsheet_safe

from .forms import AuditFilterForm
from .models import AuditAction
from .selectors import audit_event_list
from .services import record_event

HEADINGS = ["When", "Who", "Action", "Record type", "Record", "Changes", "Reason", "IP address"]


def _cells(event):
    return [
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


def filtered_events(query, user, partnership):
    form = AuditFilterForm(query or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, audit_event_list(user=user, partnership=partnership, **{k: v for k, v in filters.items() if v})


def write_audit_csv(path, events, *, progress=lambda done: None):
    """Rows straight from the database cursor (iterator) to the file: memory stays at one chunk."""
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADINGS)
        for count, event in enumerate(background.reported(events.iterator(chunk_size=2000), progress, 5000), 1):
            writer.writerow(_cells(event))
    return count


def _build_audit_csv(*, job, target, user, path, progress):
    _form, events = filtered_events(background.params_query(job.params), user, target)
    with transaction.atomic():  # one snapshot of the trail, and PostgreSQL's cursor needs a transaction
        count = write_audit_csv(path, events.select_related("object_type"), progress=progress)
        record_event(
            actor=user,
            action=AuditAction.EXPORT,
            obj=target,
            object_repr=f"Audit log of {target} ({count} events)",
            reason=background.params_query(job.params).urlencode(),
        )
    return count


def audit_file_name(partnership, params):
    """ "audit-southwark-export-alice-2026-12-03.csv": the filters the trail was exported with, in a few words."""
    form = AuditFilterForm(background.params_query(params) or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    parts = [
        filters.get("action", ""),
        slugify(filters.get("who", ""))[:30],
        slugify(filters.get("text", ""))[:30],
        f"from-{filters['date_from']:%Y-%m-%d}" if filters.get("date_from") else "",
        f"to-{filters['date_to']:%Y-%m-%d}" if filters.get("date_to") else "",
    ]
    hint = "-".join(part for part in parts if part)
    return f"audit-{partnership.slug}{'-' + hint if hint else ''}-{timezone.localdate():%Y-%m-%d}.csv"


background.register(
    "audit_csv",
    build=_build_audit_csv,
    file_name=audit_file_name,
    content_type="text/csv; charset=utf-8",
    description="The audit trail (the events the page shows, with its filters) as a CSV file for a spreadsheet.",
)
