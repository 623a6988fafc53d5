"""Pages of the partnership's yearly report: start a year, enter the figures kept elsewhere and the partners'
contributions, write and sign off the narrative, preview, download as DOCX or PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from casereview.accounts import permissions
from casereview.accounts.models import Partnership
from casereview.core.access import object_view
from casereview.core.forms import apply_service_errors

from . import annual, document, services
from .forms import ContributionFormSet, FiguresForm, SectionForm, YearForm
from .models import AnnualReport, Section

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@object_view(Partnership, "view_annual_reports", url_kwarg="slug", field="slug")
def report_list(request, partnership):
    reports = AnnualReport.objects.visible_to(request.user).filter(partnership=partnership)
    return render(
        request,
        "reporting/annual/list.html",
        {
            "partnership": partnership,
            "reports": reports,
            "form": YearForm(),
            "may_prepare": permissions.may_in_partnership(request.user, "prepare_annual_report", partnership),
            "who_prepares": permissions.who_may("prepare_annual_report", Partnership),
            "may": {
                action: permissions.may_in_partnership(request.user, action, partnership)
                for action in ("view_dashboard", "view_committee_papers", "view_people", "export_national_picture")
            },
        },
    )


@object_view(Partnership, "prepare_annual_report", url_kwarg="slug", field="slug")
def report_start(request, partnership):
    form = YearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = services.annual_report_start(
            actor=request.user, partnership=partnership, year_starting=form.cleaned_data["year"]
        )
        return redirect("reporting:annual_report", report.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": "Start a yearly report",
            "caption": partnership.name,
            "submit": "Start the report",
            "back_url": reverse("reporting:annual_reports", args=[partnership.slug]),
        },
    )


@object_view(AnnualReport, "view")
def report_detail(request, report):
    content = annual.annual_content(user=request.user, report=report, with_charts=False)
    sections = [(section, content.narrative.get(section)) for section in Section]
    return render(
        request,
        "reporting/annual/detail.html",
        {
            "report": report,
            "partnership": report.partnership,
            "content": content,
            "sections": sections,
            "may_change": permissions.can(request.user, "change", report),
            "may_sign_off": permissions.can(request.user, "sign_off", report),
        },
    )


@object_view(AnnualReport, "change")
def figures_edit(request, report):
    form = FiguresForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            services.annual_figures_set(actor=request.user, report=report, figures=form.figures)
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(request, f"The figures for {report.label} are saved.")
            return redirect("reporting:annual_report", report.pk)
    return render(request, "reporting/annual/figures.html", {"report": report, "form": form})


@object_view(AnnualReport, "change")
def contributions_edit(request, report):
    saved = [
        {"contributor": c.contributor, "amount": f"{c.amount}", "source": c.source} for c in report.contributions.all()
    ]
    formset = ContributionFormSet(request.POST or None, initial=saved, prefix="partner")
    if request.method == "POST" and formset.is_valid():
        rows = [form.cleaned_data["row"] for form in formset if form.cleaned_data.get("row")]
        try:
            services.contributions_set(actor=request.user, report=report, rows=rows)
        except ValidationError as exc:
            formset._non_form_errors = formset.error_class(exc.messages)
        else:
            messages.success(request, f"The contributions for {report.label} are saved.")
            return redirect("reporting:annual_report", report.pk)
    return render(request, "reporting/annual/contributions.html", {"report": report, "formset": formset})


def _section_from(request):
    try:
        return Section(request.GET.get("section") or request.POST.get("section") or "")
    except ValueError:
        return None


@object_view(AnnualReport, "change")
def section_edit(request, report):
    section = _section_from(request)
    if section is None:
        return redirect("reporting:annual_report", report.pk)
    versions = list(report.section_versions.filter(section=section).select_related("written_by", "signed_off_by"))
    latest = versions[0] if versions else None
    form = SectionForm(request.POST or None, initial={"text": latest.text if latest else ""}, label=section.label)
    if request.method == "POST" and form.is_valid():
        try:
            _, made = services.section_save(
                actor=request.user, report=report, section=section, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            apply_service_errors(form, exc)
        else:
            messages.success(
                request, f"{section.label} saved as a new version." if made else f"{section.label}: nothing changed."
            )
            return redirect("reporting:annual_report", report.pk)
    return render(
        request,
        "reporting/annual/section.html",
        {"report": report, "section": section, "form": form, "versions": versions, "latest": latest},
    )


@require_POST
@object_view(AnnualReport, "sign_off")
def section_sign_off(request, report):
    section = _section_from(request)
    version = (
        report.section_versions.filter(section=section, pk=request.POST.get("version")).first() if section else None
    )
    if version is None:
        messages.error(request, "Choose a section that has been written before signing it off.")
        return redirect("reporting:annual_report", report.pk)
    try:
        services.section_sign_off(actor=request.user, version=version)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, f"{section.label} (version {version.number}) is signed off.")
    return redirect("reporting:annual_report", report.pk)


@object_view(AnnualReport, "view")
def report_preview(request, report):
    content = annual.annual_content(user=request.user, report=report)
    doc = annual.annual_document(content)
    return render(request, "reporting/annual/preview.html", {"report": report, "doc": doc})


def _download(request, report, file_format):
    content = annual.annual_content(user=request.user, report=report)
    doc = annual.annual_document(content)
    body = document.to_docx(doc) if file_format == "docx" else document.to_pdf(doc)
    services.annual_report_export_recorded(actor=request.user, report=report, file_format=file_format)
    response = HttpResponse(body, content_type=DOCX if file_format == "docx" else "application/pdf")
    name = f"annual-report-{report.partnership.slug}-{report.label}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@object_view(AnnualReport, "view")
def report_docx(request, report):
    return _download(request, report, "docx")


@object_view(AnnualReport, "view")
def report_pdf(request, report):
    return _download(request, report, "pdf")
