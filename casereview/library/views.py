from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from casereview.accounts import permissions
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors
from casereview.reviews.selectors import published_without_learning

from . import exports, selectors, services
from .forms import BriefingForm, EntryThemesForm, SearchForm
from .models import Briefing, Entry


@object_view("accounts.Partnership", "view_library", url_kwarg="slug", field="slug")
def library_search(request, partnership):
    known = selectors.known_filter_values(user=request.user, partnership=partnership)
    form = SearchForm(request.GET or None, known=known)
    result, page = None, None
    if form.is_bound and form.is_valid():
        query, filters = form.cleaned_data["q"], form.filters()
        if query is not None or any(filters.values()):
            result = selectors.entry_search(
                user=request.user, partnership=partnership, query=query, filters=filters, page=form.cleaned_data["page"]
            )
            page = Paginator(range(result.total), selectors.PER_PAGE).get_page(result.page)
    chosen = {
        k: v
        for k, v in (form.cleaned_data.items() if form.is_bound and form.is_valid() else [])
        if k in selectors.FILTERS and v
    }
    return render(
        request,
        "library/search.html",
        {
            "partnership": partnership,
            "form": form,
            "result": result,
            "page": page,
            "chosen": chosen,
            "labels": selectors.FILTER_LABELS,
            "query_text": request.GET.get("q", "")[:200],
            "briefings": selectors.briefing_list(user=request.user, partnership=partnership, published_only=True)[:3],
            "may_add_briefing": permissions.may_in_partnership(request.user, "add_briefing", partnership),
            # published reviews whose learning is not in the library, told to whoever may record it
            "unrecorded": published_without_learning(user=request.user, partnership=partnership),
        },
    )


def _published_report_of(user, entry):
    """The published report an entry of ours comes from, when the reader may open it: the entry named the
    review without a link (walkthrough 11, finding 22). Looked up through the registry: library reads."""
    from django.apps import apps

    if entry.review_id is None:
        return None
    publication = apps.get_model("publication", "Publication")
    return publication.objects.visible_to(user).filter(review_id=entry.review_id).first()


@object_view(Entry)
def entry_detail(request, entry):
    partnership = entry.partnership or _partnership_of_reader(request.user)
    may_change = entry.partnership is not None and permissions.can(request.user, "change", entry)
    form = EntryThemesForm(request.POST or None, initial={"themes": list(entry.themes.all())})
    if request.method == "POST":
        if not may_change:
            return render(request, "403.html", {"message": "The national collection is read-only."}, status=403)
        if form.is_valid():
            services.entry_themes_set(actor=request.user, entry=entry, themes=list(form.cleaned_data["themes"]))
            messages.success(request, "Themes saved")
            return redirect("library:entry", pk=entry.pk)
    return render(
        request,
        "library/entry_detail.html",
        {
            "entry": entry,
            "partnership": partnership,
            "related": selectors.entry_review(user=request.user, partnership=partnership, entry=entry)
            if partnership
            else [],
            "form": form,
            "may_change": may_change,
            "publication": _published_report_of(request.user, entry),
            "may_add_briefing": partnership is not None
            and permissions.may_in_partnership(request.user, "add_briefing", partnership),
        },
    )


def _partnership_of_reader(user):
    memberships = permissions.active_memberships(user)
    return memberships[0].partnership if memberships else None


@object_view("accounts.Partnership", "view_library", url_kwarg="slug", field="slug")
def themes_over_time(request, partnership):
    collection = "national" if request.GET.get("collection") == "national" else "ours"
    data = selectors.themes_by_year(user=request.user, partnership=partnership, collection=collection)
    return render(
        request,
        "library/themes.html",
        {"partnership": partnership, "collection": collection, "data": data},
    )


@object_view("accounts.Partnership", "view_library", url_kwarg="slug", field="slug")
def briefing_list(request, partnership):
    briefings = selectors.briefing_list(user=request.user, partnership=partnership)
    page = Paginator(briefings, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "library/briefing_list.html",
        {
            "partnership": partnership,
            "page": page,
            "may_add": permissions.may_in_partnership(request.user, "add_briefing", partnership),
        },
    )


@object_view("accounts.Partnership", "add_briefing", url_kwarg="slug", field="slug")
def briefing_create(request, partnership):
    review_key = request.GET.get("review", request.POST.get("review_key", ""))[:300]
    entries = (
        selectors.entries_of_review_key(user=request.user, partnership=partnership, review_key=review_key)
        if review_key
        else []
    )
    initial = services.briefing_draft_from(entries[0].review_title, entries) if entries else {}
    form = BriefingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            briefing = services.briefing_create(
                actor=request.user,
                partnership=partnership,
                review_key=review_key if entries else "",
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "Briefing saved as a draft")
            return redirect("library:briefing", pk=briefing.pk)
    return render(
        request,
        "library/briefing_form.html",
        {
            "partnership": partnership,
            "form": form,
            "review_key": review_key if entries else "",
            "title": "Write a seven-minute briefing",
        },
    )


@object_view(Briefing)
def briefing_detail(request, briefing):
    return render(
        request,
        "library/briefing_detail.html",
        {
            "briefing": briefing,
            "partnership": briefing.partnership,
            "may_change": permissions.can(request.user, "change", briefing),
        },
    )


@object_view(Briefing, "change")
def briefing_edit(request, briefing):
    form = BriefingForm(request.POST or None, initial={f: getattr(briefing, f) for f in services.BRIEFING_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.briefing_update(actor=request.user, briefing=briefing, data=form.cleaned_data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "Briefing saved")
            return redirect("library:briefing", pk=briefing.pk)
    return render(
        request,
        "library/briefing_form.html",
        {"partnership": briefing.partnership, "form": form, "briefing": briefing, "title": "Edit the briefing"},
    )


@require_POST
@object_view(Briefing, "change")
def briefing_publish(request, briefing):
    try:
        services.briefing_publish(actor=request.user, briefing=briefing, on=timezone.localdate())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("library:briefing_edit", pk=briefing.pk)
    messages.success(request, "Briefing published: viewers now see it first on their home page")
    return redirect("library:briefing", pk=briefing.pk)


@object_view(Briefing)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def briefing_download(request, briefing, fmt):
    if fmt == "pdf":
        body, content_type = exports.briefing_pdf(briefing), "application/pdf"
    else:
        body = exports.briefing_docx(briefing)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(body, content_type=content_type)
    name = "".join(c if c.isalnum() else "-" for c in briefing.title).strip("-").lower() or "briefing"
    response["Content-Disposition"] = f'attachment; filename="seven-minute-briefing-{name}.{fmt}"'
    return response
