"""The executive dashboard (seeds/001 §23: case reviews as a standing item of the executive group) and the
national picture: what the national panel and the DfE count about the year's incidents. Reads through the
scoped querysets and the other apps' selectors; each figure is one grouped query."""

import csv
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone

from casereview.actionplans import selectors as actionplans
from casereview.decisions.models import ChairDecision, Outcome
from casereview.incidents.models import Incident, NotificationDuty, Sex
from casereview.reviews.models import STAGE_ORDER, LearningPoint, Review, Stage

from . import charts
from .annual import MONTHS, year_label

CLOSED_STAGES = {Stage.PUBLISHED, Stage.NOT_PUBLISHED, Stage.ACTION_PLAN, Stage.CLOSED}


def current_year(today=None):
    today = today or timezone.localdate()
    return today.year if today.month >= 4 else today.year - 1


@dataclass
class Dashboard:
    partnership: object
    year_starting: int
    charts: list
    conversion: dict

    @property
    def label(self):
        return year_label(self.year_starting)


def dashboard(*, user, partnership, year_starting=None, today=None):
    today = today or timezone.localdate()
    year = year_starting if year_starting is not None else current_year(today)
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    label = year_label(year)
    made = []

    sent = (
        NotificationDuty.objects.visible_to(user)
        .filter(incident__partnership=partnership, sent_on__range=(start, end))
        .values_list("sent_on", flat=True)
    )
    by_month = [0] * 12
    for day in sent:
        by_month[(day.month - 4) % 12] += 1
    if any(by_month):
        made.append(
            charts.bar(
                f"Notifications sent by month, {label}",
                ["Month", "Notifications"],
                list(zip(MONTHS, by_month)),
                alt=f"Bar chart of notifications by month in {label}: {sum(by_month)} in all.",
            )
        )

    outcomes = dict(
        ChairDecision.objects.visible_to(user)
        .filter(incident__partnership=partnership, decided_on__range=(start, end))
        .order_by()
        .values_list("outcome")
        .annotate(n=Count("pk"))
    )
    decided = sum(outcomes.values())
    to_local = outcomes.get(Outcome.LOCAL_REVIEW, 0)
    conversion = {
        "decided": decided,
        "local": to_local,
        "learning": outcomes.get(Outcome.LEARNING_REVIEW, 0),
        "none": outcomes.get(Outcome.NO_REVIEW, 0),
        "rate": round(100 * to_local / decided) if decided else None,
    }

    stage_rows = (
        Review.objects.visible_to(user)
        .filter(partnership=partnership)
        .exclude(stage__in=CLOSED_STAGES)
        .order_by()
        .values("stage")
        .annotate(
            on_time=Count("pk", filter=~_overdue(today)),
            late=Count("pk", filter=_overdue(today)),
        )
    )
    rows = sorted(
        ([Stage(r["stage"]).label, r["on_time"], r["late"]] for r in stage_rows),
        key=lambda r: STAGE_ORDER.index(_stage_value(r[0])),
    )
    if rows:
        made.append(
            charts.stacked_bar(
                "Open reviews by stage against their timescale",
                ["Stage", "Within timescale", "Past target completion"],
                rows,
                alt="Stacked bar chart of open reviews by stage: "
                + "; ".join(f"{r[0]} {r[1]} within timescale, {r[2]} late" for r in rows)
                + ".",
                colours=["#00703c", "#d4351c"],
            )
        )

    rag = [r for r in actionplans.rag_by_agency(actionplans.action_list(user=user, partnership=partnership)) if r.total]
    if rag:
        made.append(
            charts.stacked_bar(
                "Actions by progress and agency",
                ["Agency", "Overdue", "At risk", "On track", "Completed", "Closed"],
                [[r.label, r.red, r.amber, r.green, r.done, r.closed] for r in rag],
                alt="Stacked bar chart of each agency's actions: "
                + "; ".join(f"{r.label} {r.red} overdue, {r.amber} at risk of {r.total}" for r in rag)
                + ".",
            )
        )

    escalated = actionplans.escalations_by_agency(user=user, partnership=partnership, today=today)
    if escalated:
        made.append(
            charts.bar(
                "Escalated actions by agency",
                ["Agency", "Escalated actions"],
                [[r["owner_agency__name"], r["n"]] for r in escalated],
                alt="Bar chart of escalated actions: "
                + "; ".join(f"{r['owner_agency__name']} {r['n']}" for r in escalated)
                + ".",
                horizontal=True,
            )
        )

    this_year = _themes(user, partnership, start, end)
    last_year = _themes(user, partnership, date(year - 1, 4, 1), date(year, 3, 31))
    names = sorted(set(this_year) | set(last_year), key=lambda n: (-this_year.get(n, 0), -last_year.get(n, 0), n))[:10]
    if names:
        made.append(
            charts.grouped_bar(
                f"Themes in the learning, {label} and {year_label(year - 1)}",
                ["Theme", label, year_label(year - 1)],
                [[n, this_year.get(n, 0), last_year.get(n, 0)] for n in names],
                alt="Bar chart comparing the themes of this year's and last year's learning points: "
                + "; ".join(f"{n} {this_year.get(n, 0)} against {last_year.get(n, 0)}" for n in names)
                + ".",
            )
        )
    return Dashboard(partnership, year, made, conversion)


def _overdue(today):
    from django.db.models import Q

    return Q(target_completion__lt=today)


def _stage_value(display):
    return next(value for value, label in Stage.choices if label == display)


def _themes(user, partnership, start, end):
    """Themes of the learning points of reviews decided in the period (one grouped query)."""
    rows = (
        LearningPoint.objects.visible_to(user)
        .filter(review__partnership=partnership, review__decided_on__range=(start, end), themes__isnull=False)
        .order_by()
        .values_list("themes__name")
        .annotate(n=Count("pk"))
    )
    return dict(rows)


# --- the national picture --------------------------------------------------------------------------------------


def age_band(years):
    if years is None:
        return "Not known"
    if years < 1:
        return "Under 1"
    if years <= 4:
        return "1 to 4"
    if years <= 9:
        return "5 to 9"
    if years <= 15:
        return "10 to 15"
    return "16 and over"


NATIONAL_COLUMNS = [
    "Reference",
    "Child",
    "Date the local authority became aware",
    "What happened",
    "Main type of harm",
    "Age band",
    "Sex",
    "Ethnicity",
    "Disability",
    "Looked after or care leaver",
    "Child protection plan",
]


def national_incidents(*, user, partnership, year_starting):
    start, end = date(year_starting, 4, 1), date(year_starting + 1, 3, 31)
    return (
        Incident.objects.visible_to(user)
        .filter(partnership=partnership, aware_date__range=(start, end))
        .order_by("aware_date", "reference")
    )


def national_rows(incidents):
    for i in incidents:
        looked_after = "Looked after" if i.looked_after else "Care leaver" if i.care_leaver else "Neither"
        yield [
            i.reference,
            i.child_pseudonym,
            i.aware_date.isoformat(),
            i.get_harm_display(),
            i.get_harm_type_display(),
            age_band(i.age_years),
            i.get_sex_display() if i.sex != Sex.NOT_RECORDED else "Not known",
            i.get_ethnicity_display(),
            i.get_disability_display(),
            looked_after,
            i.get_child_protection_plan_display(),
        ]


def national_summary(rows):
    """Counts by each characteristic, for the page."""
    summary = {}
    for index, column in enumerate(NATIONAL_COLUMNS[3:], start=3):
        summary[column] = Counter(row[index] for row in rows).most_common()
    return summary


def _safe(value):
    """A cell a spreadsheet would run as a formula is written as text."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def national_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(NATIONAL_COLUMNS)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def national_xlsx(rows, *, title):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Incidents"
    sheet.append(NATIONAL_COLUMNS)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
