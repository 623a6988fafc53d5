from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from casereview.accounts.models import Partnership, User
from casereview.core.access import object_view, public_view, signed_in_view
from casereview.core.pagination import page_number, paginate

from . import dashboard, exports, selectors, services
from .forms import PeriodForm
from .models import CalendarFeed


@signed_in_view
def home(request):
    """What each of the person's roles needs first, in each of their partnerships (domain.md)."""
    from casereview.notifications.selectors import notification_list

    sections = selectors.home_sections(user=request.user, last_looked=_last_looked(request))
    return render(
        request,
        "reporting/home.html",
        {
            "sections": sections,
            "viewer_only": bool(sections) and all(s.is_viewer_only for s in sections),
            "notifications": selectors.still_asked(list(notification_list(user=request.user)[:20]), sections)[:5],
            "may_create_partnership": request.user.is_superuser,
        },
    )


# The session keeps, for this sign-in, where the list of changes starts: reloading the home page keeps the
# same list, and a new sign-in starts from when the home page was last seen.
_LAST_LOOKED = "home_changes_since"


def _last_looked(request):
    """When the person last saw their home page in an earlier sign-in, or None on their first. "Last signed
    in" alone lost changes: most of a manager's sign-ins come from an e-mail's link to a record, and the
    home page, where the changes are listed, was never seen in those."""
    from datetime import datetime

    from casereview.accounts.services import user_mark_home_seen

    user = request.user
    this_sign_in = selectors.latest_sign_in(user)
    marker = this_sign_in.isoformat() if this_sign_in else ""
    kept = request.session.get(_LAST_LOOKED)
    if kept and kept[0] == marker:
        since = datetime.fromisoformat(kept[1]) if kept[1] else None
    else:
        # before home_seen_at was kept, the sign-in before this one is the best there is
        since = user.home_seen_at or selectors.sign_in_before_this_one(user)
        request.session[_LAST_LOOKED] = [marker, since.isoformat() if since else ""]
    user_mark_home_seen(user=user)
    return since


@object_view(Partnership, "view_deadlines", url_kwarg="slug", field="slug")
def deadlines(request, partnership):
    """A page of the partnership's deadlines: only the list up to the page asked for is built (a page past
    the end shows the last, as paginate does, and the list up to there is the whole list)."""
    per_page = settings.CASEREVIEW_PAGE_SIZE
    found = selectors.first_deadlines(user=request.user, partnership=partnership, first=page_number(request) * per_page)
    page = paginate(request, found.deadlines, per_page=per_page, count=found.total)
    reminded = selectors.last_reminded(deadline.key for deadline in page.object_list)
    for deadline in page.object_list:
        deadline.last_reminded = reminded.get(deadline.key)
    return render(
        request,
        "reporting/deadlines.html",
        {"partnership": partnership, "total": found.total, "page": page, "overdue": found.overdue},
    )


def _active_feed(user):
    return CalendarFeed.objects.filter(user=user, revoked_on__isnull=True).first()


@signed_in_view
def calendar_settings(request):
    feed = _active_feed(request.user)
    if request.method == "POST":
        if request.POST.get("action") == "create":
            services.calendar_feed_create(actor=request.user)
            messages.success(request, "Your calendar address is ready. Any earlier address no longer works.")
        else:
            services.calendar_feed_revoke(actor=request.user)
            messages.success(request, "Your calendar address has been switched off.")
        return redirect("reporting:calendar")
    feed_url = request.build_absolute_uri(f"/calendar/{feed.token}.ics") if feed else None
    return render(
        request,
        "reporting/calendar.html",
        {"feed": feed, "feed_url": feed_url, "confirm_revoke": request.GET.get("confirm") == "revoke"},
    )


@public_view
def calendar_feed(request, token):
    """The secret address is the credential: an unknown or revoked one is simply not found."""
    feed = CalendarFeed.objects.filter(token=token, revoked_on__isnull=True).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar")
    user = User.objects.get(pk=feed.user_id)
    body = exports.deadlines_ical(
        selectors.deadlines_across(user=user), site_url=request.build_absolute_uri("/").rstrip("/")
    )
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@object_view(Partnership, "view_executive_report", url_kwarg="slug", field="slug")
def executive_report(request, partnership):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = selectors.executive_report(user=request.user, partnership=partnership, start=start, end=end)
    return render(
        request,
        "reporting/executive_report.html",
        {"partnership": partnership, "form": form, "report": report, "query": request.GET.urlencode()},
    )


@object_view(Partnership, "view_executive_report", url_kwarg="slug", field="slug")
def executive_report_docx(request, partnership):
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    report = selectors.executive_report(user=request.user, partnership=partnership, start=start, end=end)
    services.executive_report_export_recorded(actor=request.user, partnership=partnership, start=start, end=end)
    # The executive dashboard's charts, for the year the period ends in.
    board = dashboard.dashboard(user=request.user, partnership=partnership, year_starting=dashboard.current_year(end))
    response = HttpResponse(
        exports.executive_report_docx(report, charts=board.charts),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="executive-report-{partnership.slug}-{end:%Y-%m-%d}.docx"'
    return response
