"""Documents built from reporting selectors."""

import io
from datetime import datetime, timedelta

from docx import Document
from icalendar import Calendar, Event


def executive_report_docx(report, charts=()):
    document = Document()
    document.add_heading(f"{report.partnership.name}: case reviews", level=1)
    document.add_paragraph(
        f"Executive group standing item. Period {report.start:%-d %B %Y} to {report.end:%-d %B %Y}. "
        "Generated from casereview's live records."
    )
    document.add_heading("Notifications to the national panel, Secretary of State and Ofsted", level=2)
    if report.notifications:
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Child", "Notification", "Sent"]):
            cell.text = text
        for duty in report.notifications:
            row = table.add_row().cells
            row[0].text, row[1].text, row[2].text = (
                duty.incident.child_pseudonym,
                duty.get_kind_display(),
                f"{duty.sent_on:%-d %B %Y}",
            )
    else:
        document.add_paragraph("No notifications were sent in the period.")
    _bullets(
        document,
        "Serious incidents recorded",
        report.incidents_recorded,
        lambda incident: f"{incident.child_pseudonym} ({incident.reference}): {incident.get_harm_display().lower()}; "
        f"aware {incident.aware_date:%-d %B %Y}.",
        "None in the period.",
    )
    _bullets(
        document,
        "Rapid reviews in progress",
        report.rapid_reviews_in_progress,
        lambda rapid_review: f"{rapid_review.incident.child_pseudonym}: due {rapid_review.due_date:%-d %B %Y}.",
        "None.",
    )
    document.add_heading("Decisions made and their rationale", level=2)
    for decision in report.decisions:
        document.add_paragraph(
            f"{decision.incident.child_pseudonym}, {decision.decided_on:%-d %B %Y}: {decision.get_outcome_display()}.",
            style="List Bullet",
        )
        document.add_paragraph(decision.rationale)
    if not report.decisions:
        document.add_paragraph("No decisions in the period.")
    _bullets(
        document,
        "Reviews commissioned",
        report.reviews_commissioned,
        lambda review: f"{review}: decided {review.decided_on:%-d %B %Y}, "
        f"target completion {review.target_completion:%-d %B %Y}.",
        "None in the period.",
    )
    _bullets(
        document,
        "Reviews published",
        report.reviews_published,
        lambda review: f"{review}: published {review.published_on:%-d %B %Y}.",
        "None in the period.",
    )
    _bullets(
        document,
        "Reviews in progress",
        report.reviews_in_progress,
        lambda review: f"{review}: at “{review.get_stage_display()}”, target completion "
        f"{review.target_completion:%-d %B %Y}{' (late)' if review.target_completion < report.end else ''}.",
        "None.",
    )
    _bullets(document, "Overdue actions by agency", report.overdue_actions, _actions_line, "None.")
    _bullets(document, "Escalated actions", report.escalated_actions, _actions_line, "None.")
    if charts:
        from docx.shared import Cm

        from .document import display

        document.add_heading("The picture this year", level=2)
        for chart in charts:
            document.add_paragraph(chart.title, style="Caption")
            document.add_picture(io.BytesIO(chart.png), width=Cm(15))
            document.inline_shapes[-1]._inline.docPr.set("descr", chart.alt)
            table = document.add_table(rows=1, cols=len(chart.columns))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, chart.columns):
                cell.text = str(text)
            for row in chart.rows:
                for cell, value in zip(table.add_row().cells, row):
                    cell.text = display(value)
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def deadlines_ical(deadlines, *, site_url):
    calendar = Calendar()
    calendar.add("prodid", "-//casereview//deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "casereview deadlines")
    stamp = datetime.now()
    for deadline in deadlines:
        event = Event()
        # Stable per deadline, so calendar programs update the event rather than duplicate it.
        event.add("uid", f"{deadline.key}@casereview")
        event.add("dtstamp", stamp)
        event.add("summary", f"{deadline.what} — {deadline.child}")
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + timedelta(days=1))
        event.add("url", site_url + deadline.url)
        event.add("description", f"{deadline.partnership.name}. Open casereview for details.")
        calendar.add_component(event)
    return calendar.to_ical()


def _bullets(document, heading, items, line, empty):
    """A section of the executive group's report: its heading, a bullet a row, or what to say when there are none."""
    document.add_heading(heading, level=2)
    items = list(items or [])
    for item in items:
        document.add_paragraph(line(item), style="List Bullet")
    if not items:
        document.add_paragraph(empty)


def _actions_line(row):
    return f"{row['owner_agency__name']}: {row['n']} action{'s' if row['n'] != 1 else ''}."
