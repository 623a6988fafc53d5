"""Pages for the partnership's boards: the executive dashboard, the national picture export and committee
papers."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from casereview.accounts import permissions
from casereview.accounts.models import Partnership
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors

from . import dashboard as boards
from . import document, papers, services
from .annual import parse_year, year_label
from .forms import PaperForm, PaperReviewsForm
from .models import CommitteePaper

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _year(request):
    """The year asked for in ?year=, or this year; a bad one is reported, not guessed."""
    text = request.GET.get("year", "").strip()
    if not text:
        return boards.current_year(), None
    try:
        return parse_year(text), None
    except ValueError as exc:
        return boards.current_year(), str(exc)


@object_view(Partnership, "view_dashboard", url_kwarg="slug", field="slug")
def dashboard(request, partnership):
    year, error = _year(request)
    board = boards.dashboard(user=request.user, partnership=partnership, year_starting=year)
    return render(
        request,
        "reporting/dashboard.html",
        {"partnership": partnership, "board": board, "year_error": error, "year_text": request.GET.get("year", "")},
    )


@object_view(Partnership, "export_national_picture", url_kwarg="slug", field="slug")
def national_picture(request, partnership):
    year, error = _year(request)
    rows = list(
        boards.national_rows(boards.national_incidents(user=request.user, partnership=partnership, year_starting=year))
    )
    file_format = request.GET.get("format", "")
    if file_format in ("csv", "xlsx") and not error:
        services.national_picture_export_recorded(actor=request.user, partnership=partnership, year=year_label(year))
        name = f"national-picture-{partnership.slug}-{year_label(year)}.{file_format}"
        if file_format == "csv":
            response = HttpResponse(boards.national_csv(rows), content_type="text/csv; charset=utf-8")
        else:
            body = boards.national_xlsx(rows, title=f"{partnership.name}: incidents {year_label(year)}")
            response = HttpResponse(body, content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "reporting/national_picture.html",
        {
            "partnership": partnership,
            "label": year_label(year),
            "year_error": error,
            "year_text": request.GET.get("year", ""),
            "rows": rows,
            "summary": boards.national_summary(rows),
        },
    )


@object_view(Partnership, "view_committee_papers", url_kwarg="slug", field="slug")
def paper_list(request, partnership):
    return render(
        request,
        "reporting/papers/list.html",
        {
            "partnership": partnership,
            "papers": CommitteePaper.objects.visible_to(request.user).filter(partnership=partnership),
            "may_prepare": permissions.may_in_partnership(request.user, "prepare_committee_paper", partnership),
        },
    )


@object_view(Partnership, "prepare_committee_paper", url_kwarg="slug", field="slug")
def paper_new(request, partnership):
    reviews = papers.reviews_for_paper(user=request.user, partnership=partnership)
    query = request.GET.copy()
    query.setlist("reviews", [value for value in query.getlist("reviews") if value.strip()])
    chooser = PaperReviewsForm(query if "reviews" in request.GET or "chosen" in request.GET else None, reviews=reviews)
    if not chooser.is_bound or not chooser.is_valid():
        return render(request, "reporting/papers/choose.html", {"partnership": partnership, "form": chooser})
    chosen = chooser.cleaned_data["reviews"]
    form = PaperForm(
        request.POST or None, initial=papers.first_draft(user=request.user, partnership=partnership, reviews=chosen)
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PaperForm.Meta.fields}
        try:
            paper = services.committee_paper_create(
                actor=request.user, partnership=partnership, reviews=chosen, data=data
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "The paper is saved. Check it, then download it.")
            return redirect("reporting:committee_paper", paper.pk)
    return render(
        request,
        "reporting/papers/edit.html",
        {"partnership": partnership, "form": form, "reviews": chosen, "title": "New committee paper"},
    )


@object_view(CommitteePaper, "view")
def paper_detail(request, paper):
    return render(
        request,
        "reporting/papers/detail.html",
        {
            "paper": paper,
            "partnership": paper.partnership,
            "doc": papers.paper_document(paper),
            "may_change": permissions.can(request.user, "change", paper),
        },
    )


@object_view(CommitteePaper, "change")
def paper_edit(request, paper):
    form = PaperForm(request.POST or None, instance=paper)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in PaperForm.Meta.fields}
        paper.refresh_from_db()
        try:
            services.committee_paper_update(actor=request.user, paper=paper, data=data)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, "The paper is saved.")
            return redirect("reporting:committee_paper", paper.pk)
    return render(
        request,
        "reporting/papers/edit.html",
        {
            "partnership": paper.partnership,
            "form": form,
            "reviews": paper.reviews.all(),
            "title": "Edit the committee paper",
            "back_url": reverse("reporting:committee_paper", args=[paper.pk]),
        },
    )


@object_view(CommitteePaper, "view")
def paper_docx(request, paper):
    services.committee_paper_export_recorded(actor=request.user, paper=paper)
    response = HttpResponse(document.to_docx(papers.paper_document(paper)), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="committee-paper-{paper.meeting_date:%Y-%m-%d}.docx"'
    return response
