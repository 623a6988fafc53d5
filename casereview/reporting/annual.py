"""What the yearly report says, read from the live records (through the scoped querysets and the other apps'
selectors) and from what the partnership entered for the year. Each part is a fixed number of queries, so
building the report costs the same for a partnership of five reviews or five hundred."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from casereview.accounts.models import Agency, Subgroup
from casereview.actionplans import selectors as actionplans
from casereview.decisions import selectors as decisions
from casereview.decisions.models import RapidReview
from casereview.incidents.models import Incident, NotificationDuty
from casereview.reviews.models import STAGE_ORDER, LearningPoint, Review, Stage

from . import charts
from .document import Bullets, ChartBlock, Heading, Para, Report, TableBlock
from .models import AnnualFigure, Contribution, FigureKind, Section, SectionVersion, WorkItemStatus, year_label

# A review counts as completed once the partnership has signed it off.
COMPLETED_STAGES = set(STAGE_ORDER[STAGE_ORDER.index(Stage.PARTNERSHIP_SIGN_OFF) :])
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def parse_year(text, *, today=None):
    """'2018-19' (or '2018/19', '2018') -> 2018. Raises ValueError with a sentence a person can act on."""
    today = today or timezone.localdate()
    cleaned = (text or "").strip().replace("/", "-")
    first, _, second = cleaned.partition("-")
    if not first.isdigit() or len(first) != 4 or (second and not second.isdigit()):
        raise ValueError("Enter the year as April's year and the next, for example 2018-19")
    year = int(first)
    if second and int(second) % 100 != (year + 1) % 100:
        raise ValueError(f"{text} is not a year from April to March: did you mean {year_label(year)}?")
    current = today.year if today.month >= 4 else today.year - 1
    if year > current:
        raise ValueError(f"{year_label(year)} has not started yet: the latest year is {year_label(current)}")
    if year < 2000:
        raise ValueError("Enter a year from 2000-01 onwards")
    return year


@dataclass
class Figure:
    label: str
    value: int | None
    source: str


@dataclass
class ReviewLearning:
    review: Review
    points: list
    recommendations: list
    status: str


@dataclass
class AnnualContent:
    report: object
    partnership: object
    narrative: dict
    figures: list
    contributions: list
    contributions_total: Decimal
    partners: list
    subgroups: list
    incidents_recorded: int
    notifications_sent: list
    rapid_reviews_completed: int
    decisions: list
    reviews: list
    commissioned: list
    completed: list
    published: list
    themes: list
    rag_by_agency: list
    training: object
    events: list
    risks: list
    charts: list = field(default_factory=list)
    built_on: date = field(default_factory=timezone.localdate)

    @property
    def label(self):
        return self.report.label

    @property
    def decided_without_record(self):
        """Reviews commissioned in the year whose decision casereview holds no record of (a review recorded
        without its case, or decided before casereview): each was a decision to review all the same."""
        recorded = {d.incident_id for d in self.decisions}
        return [r for r in self.commissioned if not (r.incident_id and r.incident_id in recorded)]

    @property
    def decisions_made(self):
        """Every decision on whether to review made in the year: the chair's recorded decisions, and the
        decisions to review known only from the reviews they commissioned. Never fewer than the reviews
        commissioned (walkthrough 8: "0 decisions" beside "2 commissioned")."""
        return len(self.decisions) + len(self.decided_without_record)

    @property
    def has_case_activity(self):
        return bool(self.incidents_recorded or self.notifications_sent or self.decisions or self.reviews)


def latest_versions(report):
    """The latest version of each narrative section (one query)."""
    latest = {}
    if report._state.adding:
        return latest
    # unscoped: the parts of a report its caller has authorised, with the report's own rule (CASE_READERS).
    for version in (
        SectionVersion.objects.unscoped().filter(report=report).select_related("written_by", "signed_off_by")
    ):
        if version.section not in latest or version.number > latest[version.section].number:
            latest[version.section] = version
    return latest


def figures_for(report):
    # unscoped: the parts of a report its caller has authorised, with the report's own rule (CASE_READERS).
    entered = {} if report._state.adding else {f.kind: f for f in AnnualFigure.objects.unscoped().filter(report=report)}
    return [
        Figure(
            kind.label,
            entered[kind].value if kind in entered else None,
            entered[kind].source if kind in entered else "",
        )
        for kind in FigureKind
    ]


def _month_index(day):
    return (day.month - 4) % 12


def annual_content(*, user, report, with_charts=True):
    partnership = report.partnership
    start, end = report.start, report.end
    in_year = {"partnership": partnership}
    versions = latest_versions(report)
    narrative = {section: versions.get(section) for section in Section}
    contributions = [] if report._state.adding else list(Contribution.objects.visible_to(user).filter(report=report))

    incidents_recorded = Incident.objects.visible_to(user).filter(**in_year, aware_date__range=(start, end)).count()
    notifications = list(
        NotificationDuty.objects.visible_to(user)
        .filter(incident__partnership=partnership, sent_on__range=(start, end))
        .select_related("incident")
        .order_by("sent_on")
    )
    rapid_reviews_completed = (
        RapidReview.objects.visible_to(user)
        .filter(incident__partnership=partnership, completed_on__range=(start, end))
        .count()
    )
    decided = list(decisions.decisions_between(user=user, partnership=partnership, start=start, end=end))

    # Reviews the year touched: open at some point in it, or published in it.
    reviews = list(
        Review.objects.visible_to(user)
        .filter(partnership=partnership, decided_on__lte=end)
        .filter(Q(published_on__isnull=True) | Q(published_on__gte=start))
        .exclude(stage=Stage.CLOSED, updated__date__lt=start)
        .prefetch_related(
            Prefetch(
                "learning_points",
                queryset=LearningPoint.objects.visible_to(user).order_by("number").prefetch_related("themes"),
            ),
            "recommendations",
            "themes",
        )
        .order_by("decided_on", "title")
    )
    learning = []
    theme_counts = Counter()
    for review in reviews:
        points = list(review.learning_points.all())
        for point in points:
            theme_counts.update({t.name for t in point.themes.all()})
        theme_counts.update({t.name for t in review.themes.all()} - {t.name for p in points for t in p.themes.all()})
        if review.published_on and start <= review.published_on <= end:
            status = f"published on {review.published_on:%-d %B %Y}"
        elif review.stage in COMPLETED_STAGES:
            status = "complete"
        else:
            status = "ongoing"
        learning.append(ReviewLearning(review, points, list(review.recommendations.all()), status))
    commissioned = [r for r in reviews if start <= r.decided_on <= end]
    completed = [r for r in reviews if r.stage in COMPLETED_STAGES]
    published = [r for r in reviews if r.published_on and start <= r.published_on <= end]
    themes = sorted(((n, name) for name, n in theme_counts.items()), key=lambda item: (-item[0], item[1]))

    actions = actionplans.action_list(user=user, partnership=partnership)
    rag = [row for row in actionplans.rag_by_agency(actions) if row.total]
    training = actionplans.training_roll_up(user=user, partnership=partnership, year=report.year_starting)
    events = list(
        actionplans.dissemination_list(user=user, partnership=partnership).filter(held_on__range=(start, end))
    )
    risks = list(actionplans.risk_list(user=user, partnership=partnership))
    partners = list(Agency.objects.visible_to(user).filter(partnership=partnership).order_by("sector", "name"))
    subgroups = list(
        Subgroup.objects.visible_to(user)
        .filter(partnership=partnership)
        .annotate(
            meetings_in_year=Count("meetings", filter=Q(meetings__held_on__range=(start, end)), distinct=True),
            items_done=Count("work_items", filter=Q(work_items__status=WorkItemStatus.DONE), distinct=True),
            items_open=Count("work_items", filter=~Q(work_items__status=WorkItemStatus.DONE), distinct=True),
        )
        .order_by("name")
    )

    content = AnnualContent(
        report=report,
        partnership=partnership,
        narrative=narrative,
        figures=figures_for(report),
        contributions=contributions,
        contributions_total=sum((c.amount for c in contributions), Decimal("0")),
        partners=partners,
        subgroups=subgroups,
        incidents_recorded=incidents_recorded,
        notifications_sent=notifications,
        rapid_reviews_completed=rapid_reviews_completed,
        decisions=decided,
        reviews=learning,
        commissioned=commissioned,
        completed=completed,
        published=published,
        themes=themes,
        rag_by_agency=rag,
        training=training,
        events=events,
        risks=risks,
    )
    content.charts = annual_charts(content) if with_charts else annual_charts(content, render=False)
    return content


def annual_charts(content, *, render=True):
    """The report's charts; a chart with nothing to show is left out (its section says so in words)."""
    label = content.label
    made = []
    if content.notifications_sent:
        counts = [0] * 12
        for duty in content.notifications_sent:
            counts[_month_index(duty.sent_on)] += 1
        made.append(
            charts.bar(
                f"Notifications sent to the national panel, Secretary of State and Ofsted by month, {label}",
                ["Month", "Notifications"],
                list(zip(MONTHS, counts)),
                alt=f"Bar chart of notifications by month in {label}: {sum(counts)} in all, "
                f"most in {MONTHS[counts.index(max(counts))]} ({max(counts)}).",
                render=render,
            )
        )
    if content.reviews:
        by_stage = Counter(r.review.get_stage_display() for r in content.reviews)
        rows = sorted(by_stage.items(), key=lambda item: STAGE_ORDER.index(_stage_value(item[0])))
        made.append(
            charts.bar(
                f"Case reviews by stage, {label}",
                ["Stage", "Reviews"],
                rows,
                alt=f"Bar chart of the {len(content.reviews)} case reviews of {label} by stage: "
                + "; ".join(f"{stage} {n}" for stage, n in rows)
                + ".",
                render=render,
            )
        )
    if content.rag_by_agency:
        rows = [[r.label, r.red, r.amber, r.green, r.done, r.closed] for r in content.rag_by_agency]
        made.append(
            charts.stacked_bar(
                "Action plans' progress by agency",
                ["Agency", "Overdue", "At risk", "On track", "Completed", "Closed"],
                rows,
                alt="Stacked bar chart of each agency's actions by progress: "
                + "; ".join(f"{r.label} {r.total} ({r.red} overdue, {r.closed} closed)" for r in content.rag_by_agency)
                + ".",
                render=render,
            )
        )
    if content.themes:
        rows = [(name, n) for n, name in content.themes[:10]]
        made.append(
            charts.bar(
                f"Recurrent themes in the learning of {label}'s reviews",
                ["Theme", "Learning points and reviews"],
                rows,
                alt="Bar chart of the themes most often found in the learning: "
                + "; ".join(f"{name} {n}" for name, n in rows)
                + ".",
                horizontal=True,
                render=render,
            )
        )
    if content.training.events_by_kind:
        rows = [(r["kind"], r["attendees"]) for r in content.training.events_by_kind]
        made.append(
            charts.bar(
                f"Attendance at training and dissemination events by kind, {label}",
                ["Kind of event", "Attendees"],
                rows,
                alt="Bar chart of attendance by kind of event: " + "; ".join(f"{k} {n}" for k, n in rows) + ".",
                render=render,
            )
        )
    if content.contributions:
        rows = [(c.contributor, c.amount) for c in content.contributions]
        made.append(
            charts.bar(
                f"Partners' financial contributions, {label} (£)",
                ["Partner", "Amount (£)"],
                rows,
                alt=f"Bar chart of {len(rows)} partners' contributions, £{content.contributions_total:,.2f} in all; "
                "the largest from " + max(content.contributions, key=lambda c: c.amount).contributor + ".",
                horizontal=True,
                money=True,
                render=render,
            )
        )
    return made


def _stage_value(display):
    return next(value for value, label in Stage.choices if label == display)


# --- the report as blocks, for the preview, the DOCX and the PDF -----------------------------------------


def _narrative(doc, content, section, missing):
    version = content.narrative.get(section)
    if version and version.text.strip():
        doc.text(version.text)
    else:
        doc.add(Para(missing, muted=True))


def annual_document(content):
    label = content.label
    doc = Report(
        title=f"Yearly report {label}",
        organisation=content.partnership.name,
        subtitle=f"1 April {content.report.year_starting} to 31 March {content.report.year_starting + 1}. "
        f"Built from casereview's records on {content.built_on:%-d %B %Y}.",
    )
    charts_by_title = {c.title: c for c in content.charts}

    def chart(prefix):
        for title, made in charts_by_title.items():
            if title.startswith(prefix):
                doc.add(ChartBlock(made))

    doc.add(Heading(Section.FOREWORD.label))
    _narrative(doc, content, Section.FOREWORD, "The foreword has not been written yet.")
    doc.add(Heading(Section.INTRODUCTION.label))
    _narrative(doc, content, Section.INTRODUCTION, "The introduction has not been written yet.")

    doc.add(Heading("The area in figures"))
    doc.add(
        TableBlock(
            ["Figure", "Number", "Source"],
            [[f.label, f.value, f.source or "—"] for f in content.figures],
        )
    )

    doc.add(Heading("The partnership"))
    doc.add(Heading("Our partners", 2))
    if content.partners:
        doc.add(TableBlock(["Partner", "Sector"], [[a.name, a.get_sector_display()] for a in content.partners]))
    else:
        doc.add(Para("No partner agencies are recorded.", muted=True))
    doc.add(Heading("Subgroups and their chairs", 2))
    if content.subgroups:
        doc.add(
            TableBlock(
                ["Subgroup", "Chair", "Meetings in the year", "Work programme: done", "Work programme: open"],
                [
                    [s.name, s.chair or "Not recorded", s.meetings_in_year, s.items_done, s.items_open]
                    for s in content.subgroups
                ],
            )
        )
    else:
        doc.add(Para("No subgroups are recorded.", muted=True))

    doc.add(Heading("What the partnership did"))
    _narrative(doc, content, Section.PRIORITIES, "Progress against the year's priorities has not been written yet.")

    doc.add(Heading("Core child protection activity"))
    figures = {f.label: f.value for f in content.figures}
    cp, lac = figures[FigureKind.CP_PLANS.label], figures[FigureKind.LOOKED_AFTER.label]
    lado, pf = figures[FigureKind.LADO_REFERRALS.label], figures[FigureKind.PRIVATE_FOSTERING.label]
    if cp is not None or lac is not None:
        doc.add(
            Para(
                f"At the end of March {content.report.year_starting + 1} there were "
                f"{_n(cp, 'child', 'children')} on a child protection plan and {_n(lac, 'child', 'children')} "
                "looked after by the local authority."
            )
        )
    if lado is not None:
        doc.add(Para(f"The Local Authority Designated Officer (LADO) received {_n(lado, 'referral', 'referrals')}."))
    if pf is not None:
        doc.add(Para(f"{_n(pf, 'private fostering arrangement was', 'private fostering arrangements were')} known."))
    if all(v is None for v in (cp, lac, lado, pf)):
        doc.add(Para("The year's child protection figures have not been entered yet.", muted=True))

    doc.add(Heading("Learning from case reviews"))
    doc.add(
        TableBlock(
            ["In " + label, "Number"],
            [
                ["Serious incidents recorded", content.incidents_recorded],
                ["Notifications sent", len(content.notifications_sent)],
                ["Rapid reviews completed", content.rapid_reviews_completed],
                ["Decisions on whether to review", content.decisions_made],
                ["Reviews commissioned", len(content.commissioned)],
                ["Reviews completed", len(content.completed)],
                ["Reviews published", len(content.published)],
            ],
        )
    )
    if not content.has_case_activity:
        doc.add(Para(f"No serious incidents, notifications, decisions or case reviews were recorded in {label}."))
    chart("Notifications sent")
    doc.add(Heading("Decisions and their rationale", 2))
    if content.decisions:
        for decision in content.decisions:
            doc.add(
                Heading(
                    f"{decision.incident.child_pseudonym}, {decision.decided_on:%-d %B %Y}: "
                    f"{decision.get_outcome_display()}",
                    3,
                )
            )
            doc.text(decision.rationale)
    elif not content.decided_without_record:
        doc.add(Para(f"No decisions on whether to review a case were made in {label}."))
    if content.decided_without_record:
        names = ", ".join(r.title for r in content.decided_without_record)
        doc.add(
            Para(
                f"The decision to review {names} is recorded only by the review it commissioned: its rationale is "
                "not held in casereview.",
                muted=True,
            )
        )
    doc.add(Heading("The reviews and their learning", 2))
    for item in content.reviews:
        review = item.review
        doc.add(Heading(f"{review.get_review_type_display()}: {review.title} ({item.status})", 3))
        if review.subjects:
            doc.add(Para(review.subjects))
        if item.points:
            doc.add(Para("Key learning points:"))
            doc.add(Bullets([p.text for p in item.points]))
        if item.recommendations:
            doc.add(Para("Recommendations:"))
            doc.add(Bullets([r.text for r in item.recommendations]))
        if not item.points and not item.recommendations:
            doc.add(Para("Its learning has not been recorded yet.", muted=True))
    if not content.reviews:
        doc.add(Para(f"No case review was open or published in {label}."))
    chart("Case reviews by stage")
    doc.add(Heading("Recurrent themes", 2))
    if content.themes:
        chart("Recurrent themes")
    else:
        doc.add(Para("No themes have been recorded against the year's learning."))
    doc.add(Heading("Action plans' progress by agency", 2))
    if content.rag_by_agency:
        chart("Action plans")
    else:
        doc.add(Para("No action plans are being monitored."))

    doc.add(Heading(Section.TRAINING.label))
    _narrative(doc, content, Section.TRAINING, "")
    recorded = content.training.recorded
    if recorded:
        doc.add(
            TableBlock(
                ["Training in " + label, "Number"],
                [
                    ["Face-to-face sessions", recorded.sessions],
                    ["Individuals trained", recorded.individuals],
                    ["Organisations", recorded.organisations],
                    ["E-learning modules completed", recorded.elearning_modules],
                ],
            )
        )
    if content.events:
        doc.add(
            TableBlock(
                ["Event", "Date", "Kind", "Attendees", "Organisations"],
                [
                    [e.title, f"{e.held_on:%-d %b %Y}", e.get_kind_display(), e.attendees, e.organisations]
                    for e in content.events
                ],
                caption="Dissemination and community events",
            )
        )
        chart("Attendance at training")
    if not recorded and not content.events:
        doc.add(Para(f"No training or dissemination was recorded in {label}."))

    doc.add(Heading(Section.QUALITY.label))
    _narrative(doc, content, Section.QUALITY, "")
    if content.risks:
        doc.add(
            TableBlock(
                ["Risk", "Owner", "Score before", "Score after", "Escalated"],
                [
                    [
                        r.title,
                        r.owner,
                        r.likelihood * r.impact,
                        r.residual_likelihood * r.residual_impact,
                        "Yes" if r.escalated else "No",
                    ]
                    for r in content.risks
                ],
                caption="The risk register's open risks (likelihood × impact, out of 25)",
            )
        )
    else:
        doc.add(Para("The risk register holds no open risks."))

    doc.add(Heading("Funding"))
    if content.contributions:
        doc.add(
            TableBlock(
                ["Contribution", "Total", "Source"],
                [[c.contributor, c.amount, c.source or "—"] for c in content.contributions]
                + [["Total from contributions", content.contributions_total, ""]],
            )
        )
        chart("Partners' financial contributions")
    else:
        doc.add(Para(f"No financial contributions have been entered for {label}.", muted=True))

    doc.add(Heading(Section.LOOKING_AHEAD.label))
    _narrative(doc, content, Section.LOOKING_AHEAD, "The priorities for next year have not been written yet.")
    return doc


def _n(value, one, many):
    if value is None:
        return f"an unrecorded number of {many.split()[0]}"
    return f"{value:,} {one if value == 1 else many}"
