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
    document.add_heading("Serious incidents recorded", level=2)
    for incident in report.incidents_recorded or []:
        document.add_paragraph(
            f"{incident.child_pseudonym} ({incident.reference}): {incident.get_harm_display().lower()}; "
            f"aware {incident.aware_date:%-d %B %Y}.",
            style="List Bullet",
        )
    if not report.incidents_recorded:
        document.add_paragraph("None in the period.")
    document.add_heading("Rapid reviews in progress", level=2)
    for rapid_review in report.rapid_reviews_in_progress:
        document.add_paragraph(
            f"{rapid_review.incident.child_pseudonym}: due {rapid_review.due_date:%-d %B %Y}.", style="List Bullet"
        )
    if not report.rapid_reviews_in_progress:
        document.add_paragraph("None.")
    document.add_heading("Decisions made and their rationale", level=2)
    for decision in report.decisions:
        document.add_paragraph(
            f"{decision.incident.child_pseudonym}, {decision.decided_on:%-d %B %Y}: {decision.get_outcome_display()}.",
            style="List Bullet",
        )
        document.add_paragraph(decision.rationale)
    if not report.decisions:
        document.add_paragraph("No decisions in the period.")
    document.add_heading("Reviews commissioned", level=2)
    for review in report.reviews_commissioned:
        document.add_paragraph(
            f"{review}: decided {review.decided_on:%-d %B %Y}, target completion {review.target_completion:%-d %B %Y}.",
            style="List Bullet",
        )
    if not report.reviews_commissioned:
        document.add_paragraph("None in the period.")
    document.add_heading("Reviews published", level=2)
    for review in report.reviews_published:
        document.add_paragraph(f"{review}: published {review.published_on:%-d %B %Y}.", style="List Bullet")
    if not report.reviews_published:
        document.add_paragraph("None in the period.")
    document.add_heading("Reviews in progress", level=2)
    for review in report.reviews_in_progress:
        late = " (late)" if review.target_completion < report.end else ""
        document.add_paragraph(
            f"{review}: {review.get_stage_display().lower()}, target completion "
            f"{review.target_completion:%-d %B %Y}{late}.",
            style="List Bullet",
        )
    if not report.reviews_in_progress:
        document.add_paragraph("None.")
    document.add_heading("Overdue actions by agency", level=2)
    for row in report.overdue_actions:
        document.add_paragraph(
            f"{row['owner_agency__name']}: {row['n']} action{'s' if row['n'] != 1 else ''}.", style="List Bullet"
        )
    if not report.overdue_actions:
        document.add_paragraph("None.")
    document.add_heading("Escalated actions", level=2)
    for row in report.escalated_actions:
        document.add_paragraph(
            f"{row['owner_agency__name']}: {row['n']} action{'s' if row['n'] != 1 else ''}.", style="List Bullet"
        )
    if not report.escalated_actions:
        document.add_paragraph("None.")
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
