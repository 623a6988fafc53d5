from django.shortcuts import render
from django.urls import reverse

from casereview.core import exports as background
from casereview.core.access import object_view
from casereview.core.pagination import paginate_keyset

from .forms import AuditFilterForm
from .selectors import AUDIT_CURSOR, audit_event_parts


def _filters(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, {k: v for k, v in filters.items() if v}


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
    """The filtered trail as CSV, prepared in the background (audit/exports.py); the export is audited."""
    return background.export_page(
        request,
        kind_name="audit_csv",
        target=partnership,
        action="view_audit",
        title=f"Audit log of {partnership} (CSV)",
        back_url=reverse("audit:event_list", args=[partnership.slug]),
    )
