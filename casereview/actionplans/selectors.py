"""Reads. Every list starts from the scoped queryset (`visible_to`), so an agency lead's monitoring list,
export and escalations hold their own agency's actions only."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connections
from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Prefetch, Q, Subquery, Value, When
from django.utils import timezone

from casereview.accounts.models import Agency
from casereview.core.dates import add_months
from casereview.core.scoping import of_partnerships
from casereview.core.working_days import add_working_days
from casereview.reviews.models import Review

from .models import (
    OPEN_STATUSES,
    OVERDUE,
    Action,
    ActionPlanSettings,
    ActionStatus,
    DisseminationEvent,
    DisseminationKind,
    Escalation,
    Evidence,
    ProgressUpdate,
    Risk,
    SignOff,
    TrainingYear,
)


def _overdue_q(today):
    return Q(status__in=OPEN_STATUSES, due_date__lt=today)


def with_state(queryset, today=None):
    """Adds what the monitoring table shows beside each action, in the same query: whether it is overdue
    (from the date), its latest update and whether any evidence is attached."""
    today = today or timezone.localdate()
    latest = ProgressUpdate.objects.unscoped().filter(action=OuterRef("pk")).order_by("-posted_on", "-created")
    return queryset.annotate(
        overdue=Case(When(_overdue_q(today), then=Value(True)), default=Value(False), output_field=BooleanField()),
        latest_update_text=Subquery(latest.values("text")[:1]),
        latest_update_on=Subquery(latest.values("posted_on")[:1]),
        has_evidence=Exists(Evidence.objects.unscoped().filter(action=OuterRef("pk"))),
    )


def status_filter(status, today=None):
    """The filter for a status as users see it: "on track" past its due date is overdue, not on track."""
    today = today or timezone.localdate()
    if status == OVERDUE:
        return _overdue_q(today)
    if status in OPEN_STATUSES:
        return Q(status=status, due_date__gte=today)
    return Q(status=status)


# When an action falls due, as the monitoring filter offers it: a few windows from today, not every month.
DUE_WINDOWS = [
    ("overdue", "Overdue"),
    ("week", "This week"),
    ("month", "This month"),
    ("quarter", "In the next 3 months"),
    ("later", "Later than 3 months"),
]


def due_window_q(window, today=None):
    """The filter for a window of DUE_WINDOWS. "This week" runs to Sunday and "this month" to its last day,
    both from today; "overdue" is what the status "Overdue" means (open and past its date)."""

    today = today or timezone.localdate()
    if window == "overdue":
        return _overdue_q(today)
    if window == "week":
        return Q(due_date__gte=today, due_date__lte=today + timedelta(days=6 - today.weekday()))
    if window == "month":
        next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        return Q(due_date__gte=today, due_date__lt=next_month)
    if window == "quarter":
        return Q(due_date__gte=today, due_date__lte=add_months(today, 3))
    if window == "later":
        return Q(due_date__gt=add_months(today, 3))
    return Q()


def closed_action_ids(ids):
    """Of these actions, the ids of those no longer open, as strings: a notice that an action is asked of an
    agency no longer stands once it is closed (walkthrough 11, finding 12)."""
    from .models import Action

    # unscoped: only the notices' own actions, already shown to their recipients; nothing else is read
    closed = Action.objects.unscoped().filter(pk__in=list(ids)).exclude(status__in=OPEN_STATUSES)
    return {str(pk) for pk in closed.values_list("pk", flat=True)}


def action_list(*, user, partnership, review=None, review_title="", agency=None, status="", due=""):
    """`due` is one of DUE_WINDOWS; `review_title` a part of the review's name."""
    actions = Action.objects.visible_to(user).filter(partnership=partnership)
    if review is not None:
        actions = actions.filter(review=review)
    if review_title:
        actions = actions.filter(review__title__icontains=review_title)
    if agency is not None:
        actions = actions.filter(owner_agency=agency)
    if status:
        actions = actions.filter(status_filter(status))
    if due:
        actions = actions.filter(due_window_q(due))
    return (
        with_state(actions)
        .select_related("review", "owner_agency", "recommendation", "learning_point")
        .order_by("due_date", "review__title", "number")
    )


def monitoring_rows(actions):
    """action_list's actions with only the columns the monitoring table shows (its link, what each action
    answers, owner, due date and status; the latest update and evidence are with_state's): building 25
    actions with every column of their review, agency, recommendation and learning point was a fifth of
    the page."""
    return actions.only(
        "review__title",
        "number",
        "description",
        "recommendation__number",
        "recommendation__report_number",
        "learning_point__number",
        "learning_point__report_number",
        "owner_agency__name",
        "due_date",
        "status",
    )


def open_actions_due_by(*, user, partnership, day):
    """Open actions due on or before `day`, in action_list's order, with only what a deadline list shows
    (no latest update or evidence: one deadline page reads up to 300 of them)."""
    return (
        Action.objects.visible_to(user)
        .filter(status__in=OPEN_STATUSES, due_date__lte=day, **of_partnerships("partnership", partnership))
        .select_related("review", "owner_agency")
        .only(
            "number",
            "description",
            "due_date",
            "status",
            "review",
            "owner_agency",
            "review__title",
            "owner_agency__name",
        )
        .order_by("due_date", "review__title", "number")
    )


def review_action_plan(*, user, review):
    return (
        with_state(Action.objects.visible_to(user).filter(review=review))
        .select_related("owner_agency", "recommendation", "learning_point")
        .order_by("number")
    )


@dataclass
class RagRow:
    label: str
    key: object
    red: int
    amber: int
    green: int
    done: int
    closed: int
    url: str = ""  # where the row's label links to, when the page links it

    @property
    def total(self):
        return self.red + self.amber + self.green + self.done + self.closed


_BANDS = ("red", "amber", "green", "done", "closed")


def _band_counts(today):
    """Red: overdue. Amber: at risk (not yet overdue). Green: not started or on track, before the due date.
    Then completed with evidence awaited, and closed. Every action falls in exactly one.

    Each counts the status (never empty, so as many as the rows) rather than the key: the key is in no
    index but the primary one, and naming it made PostgreSQL read every action's row instead of the
    monitoring index alone (Django allows no COUNT(*) with a filter)."""
    return {
        "red": Count("status", filter=_overdue_q(today)),
        "amber": Count("status", filter=Q(status=ActionStatus.AT_RISK, due_date__gte=today)),
        "green": Count(
            "status", filter=Q(status__in=[ActionStatus.NOT_STARTED, ActionStatus.ON_TRACK], due_date__gte=today)
        ),
        "done": Count("status", filter=Q(status=ActionStatus.COMPLETED)),
        "closed": Count("status", filter=Q(status=ActionStatus.CLOSED)),
    }


def _rag(queryset, group_by, label_field, today):
    """One grouped query."""
    rows = queryset.order_by().values(group_by, label_field).annotate(**_band_counts(today)).order_by(label_field)
    return [RagRow(r[label_field], r[group_by], *(r[band] for band in _BANDS)) for r in rows]


def rag_by_review(actions, today=None):
    return _rag(actions, "review", "review__title", today or timezone.localdate())


def rag_by_agency(actions, today=None):
    return _rag(actions, "owner_agency", "owner_agency__name", today or timezone.localdate())


def rag_by_review_and_agency(actions, today=None):
    """Both summaries of the monitoring page and the number of actions: one query counting each band by
    review and by agency (`_counts_by_review_and_by_agency`), which on PostgreSQL also names each review and
    agency found (elsewhere their names are read after it, a query each). Grouping by the names as well took
    most of the page's time for 14,000 actions, and grouping by review and agency together gave 1,700 rows
    for Python to add up."""
    by_review, by_agency = {}, {}  # key -> (red, amber, green, done, closed)
    titles, names = {}, {}
    for review, agency, label, *sums in _counts_by_review_and_by_agency(actions, today or timezone.localdate()):
        if agency is None:
            by_review[review], titles[review] = sums, label
        else:
            by_agency[agency], names[agency] = sums, label
    if None in titles.values():
        titles = dict(Review.objects.unscoped().filter(pk__in=by_review).values_list("pk", "title"))
    if None in names.values():
        names = dict(Agency.objects.unscoped().filter(pk__in=by_agency).values_list("pk", "name"))
    total = sum(sum(sums) for sums in by_review.values())

    def rag_rows(rows, labels):
        return sorted((RagRow(labels.get(key, ""), key, *sums) for key, sums in rows.items()), key=lambda r: r.label)

    return rag_rows(by_review, titles), rag_rows(by_agency, names), total


def _counts_by_review_and_by_agency(actions, today):
    """Rows of (review, None, label, *bands) and (None, agency, label, *bands), each band counted from the
    (partnership, review, agency, status, due date) index alone (an action always has both, so None says
    which row is which); the label is the review's title or the agency's name, or None where not read.

    On PostgreSQL the actions are read once, grouped both ways at once (GROUP BY GROUPING SETS, which
    Django cannot write: its own query's GROUP BY is replaced): reading the largest partnership's 14,000
    actions twice, once for each grouping (a UNION ALL, as other databases still do), was half the page's
    time at national scale (decisions.md, "National scale, helper scale9"). The few hundred groups are then
    joined to their review's title or agency's name in the same query (two queries fewer a page)."""
    bands = _band_counts(today)
    cells = actions.order_by()
    connection = connections[actions.db]
    if connection.vendor == "postgresql":
        sql, params = cells.values_list("review", "owner_agency").annotate(**bands).query.sql_with_params()
        head, grouped, by = sql.rpartition(" GROUP BY ")
        if grouped and by == "1, 2":  # the keys by their place in the select, as Django writes them here
            review, agency = Review._meta.db_table, Agency._meta.db_table
            with connection.cursor() as cursor:
                # each group's name looked up by its key (a join was hashed over every review in the country)
                cursor.execute(
                    f'SELECT counted."review", counted."owner_agency", COALESCE('
                    f'(SELECT r."title" FROM "{review}" r WHERE r."id" = counted."review"), '
                    f'(SELECT a."name" FROM "{agency}" a WHERE a."id" = counted."owner_agency")), '
                    f'counted."{_BANDS[0]}", counted."{_BANDS[1]}", counted."{_BANDS[2]}", counted."{_BANDS[3]}", '
                    f'counted."{_BANDS[4]}" FROM ({head} GROUP BY GROUPING SETS ((1), (2))) counted',
                    params,
                )
                return cursor.fetchall()
    rows = (
        cells.values_list("review")
        .annotate(**bands, of_review=Value(True))
        .union(cells.values_list("owner_agency").annotate(**bands, of_review=Value(False)), all=True)
    )
    return [(key, None, None, *sums) if of_review else (None, key, None, *sums) for key, *sums, of_review in rows]


def agencies(*, partnership):
    return Agency.objects.unscoped().filter(partnership=partnership).order_by("name")


# --- escalation --------------------------------------------------------------------------------------


def escalation_q(partnership, today=None):
    """Open actions overdue by more than the partnership's number of working days, or reported at risk
    in the set number of consecutive updates."""
    return escalation_rule_q(ActionPlanSettings.for_partnership(partnership), today)


def escalation_cutoff(rule, today=None):
    """An open action due before this day is overdue by more than the rule allows."""
    return add_working_days(today or timezone.localdate(), -rule.escalate_after_working_days)


def escalation_rule_q(rule, today=None):
    """`escalation_q` for a rule already read (the escalation command reads every partnership's at once)."""
    return Q(status__in=OPEN_STATUSES) & (
        Q(due_date__lt=escalation_cutoff(rule, today)) | Q(at_risk_streak__gte=rule.escalate_after_at_risk_updates)
    )


def escalation_rules(partnership_ids):
    """partnership id -> its escalation rule (the saved settings, or the defaults), in one query."""
    saved = {s.partnership_id: s for s in ActionPlanSettings.objects.unscoped().filter(partnership__in=partnership_ids)}
    return {pk: saved.get(pk) or ActionPlanSettings(partnership_id=pk) for pk in partnership_ids}


def overdue_by_agency(*, user, partnership, today=None):
    """How many open actions are past their due date, per owner agency: the executive group's summary."""
    today = today or timezone.localdate()
    return list(
        Action.objects.visible_to(user)
        .filter(partnership=partnership)
        .filter(_overdue_q(today))
        .order_by()
        .values("owner_agency__name")
        .annotate(n=Count("pk"))
        .order_by("owner_agency__name")
    )


def escalations_by_agency(*, user, partnership, today=None):
    """How many actions are escalated, per owner agency: the executive group's summary."""
    today = today or timezone.localdate()
    return list(
        Action.objects.visible_to(user)
        .filter(partnership=partnership)
        .filter(escalation_q(partnership, today))
        .order_by()
        .values("owner_agency__name")
        .annotate(n=Count("pk"))
        .order_by("owner_agency__name")
    )


def escalated_actions(*, user, partnership, today=None):
    today = today or timezone.localdate()
    actions = Action.objects.visible_to(user).filter(partnership=partnership).filter(escalation_q(partnership, today))
    return (
        with_state(actions, today)
        .select_related("review", "owner_agency")
        .prefetch_related("escalations")
        .order_by("owner_agency__name", "due_date")
    )


# --- what changed since a date -------------------------------------------------------------------


@dataclass
class Change:
    on: date
    what: str
    action: Action
    detail: str = ""


def changes_since(*, user, partnership, since, today=None):
    """What the monitoring subgroup would ask at its meeting: new actions, updates, closures and
    reopenings, escalations, and actions that have fallen overdue since `since`, newest first."""
    today = today or timezone.localdate()
    visible = Action.objects.visible_to(user).filter(partnership=partnership)
    start = timezone.make_aware(datetime.combine(since, time.min))
    changes = []
    for action in visible.filter(created__gte=start).select_related("review", "owner_agency"):
        changes.append(Change(timezone.localtime(action.created).date(), "Action added", action))
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .filter(action__in=visible, posted_on__gte=since)
        .select_related("action__review", "action__owner_agency")
    )
    for update in updates:
        changes.append(
            Change(update.posted_on, f"Update: {update.get_status_display().lower()}", update.action, update.text)
        )
    for sign_off in (
        SignOff.objects.visible_to(user)
        .filter(action__in=visible, on__gte=since)
        .select_related("action__review", "action__owner_agency")
    ):
        changes.append(Change(sign_off.on, sign_off.get_kind_display(), sign_off.action, sign_off.note))
    for escalation in (
        Escalation.objects.visible_to(user)
        .filter(action__in=visible, escalated_on__gte=since)
        .select_related("action__review", "action__owner_agency")
    ):
        changes.append(
            Change(escalation.escalated_on, f"Escalated: {escalation.get_reason_display().lower()}", escalation.action)
        )
    for action in visible.filter(status__in=OPEN_STATUSES, due_date__gte=since, due_date__lt=today).select_related(
        "review", "owner_agency"
    ):
        changes.append(Change(action.due_date, "Fell overdue", action))
    return sorted(changes, key=lambda c: (c.on, c.what), reverse=True)


# --- one action -----------------------------------------------------------------------------------


def action_history(*, user, action):
    """The action page's lists. The evidence is one list (an update's files are in it too), so the page makes
    the same queries whether or not its updates have any."""
    return {
        "updates": ProgressUpdate.objects.visible_to(user).filter(action=action).select_related("posted_by"),
        "evidence": Evidence.objects.visible_to(user).filter(action=action).select_related("added_by"),
        "sign_offs": SignOff.objects.visible_to(user).filter(action=action).select_related("by"),
        "escalations": Escalation.objects.visible_to(user).filter(action=action),
    }


# --- dissemination, training, risks ------------------------------------------------------------


def dissemination_list(*, user, partnership, review=None):
    events = DisseminationEvent.objects.visible_to(user).current().filter(partnership=partnership)
    if review is not None:
        events = events.filter(reviews=review)
    # Disseminated learning names its reviews to everyone, but never a confidential one to those who may not see it.
    named = Review.objects.unscoped().filter(
        Q(is_confidential=False) | Q(pk__in=Review.objects.visible_to(user).values("pk"))
    )
    return events.prefetch_related(Prefetch("reviews", queryset=named)).order_by("-held_on", "title")


@dataclass
class TrainingRollUp:
    year_starting: int
    recorded: TrainingYear | None
    events_by_kind: list
    reviews: list

    @property
    def label(self):
        return f"{self.year_starting}-{(self.year_starting + 1) % 100:02d}"

    @property
    def start(self):
        return date(self.year_starting, 4, 1)

    @property
    def end(self):
        return date(self.year_starting + 1, 3, 31)


def year_starting(day):
    return day.year if day.month >= 4 else day.year - 1


def training_roll_up(*, user, partnership, year):
    """A year's training statistics (as recorded) beside the dissemination events held in it, by kind,
    for the annual report."""
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    events = list(
        DisseminationEvent.objects.visible_to(user)
        .current()
        .filter(partnership=partnership, held_on__range=(start, end))
    )
    rows = []
    for kind in DisseminationKind:
        of_kind = [e for e in events if e.kind == kind]
        if of_kind:
            rows.append(
                {
                    "kind": kind.label,
                    "events": len(of_kind),
                    "attendees": sum(e.attendees or 0 for e in of_kind),
                    "organisations": sum(e.organisations or 0 for e in of_kind),
                }
            )
    reviews = list(
        Review.objects.visible_to(user)
        .filter(dissemination_events__in=[e.pk for e in events])
        .distinct()
        .order_by("title")
    )
    recorded = (
        TrainingYear.objects.visible_to(user).current().filter(partnership=partnership, year_starting=year).first()
    )
    return TrainingRollUp(year, recorded, rows, reviews)


def training_years(*, user, partnership):
    recorded = set(
        TrainingYear.objects.visible_to(user)
        .current()
        .filter(partnership=partnership)
        .values_list("year_starting", flat=True)
    )
    held = {
        year_starting(d)
        for d in DisseminationEvent.objects.visible_to(user)
        .current()
        .filter(partnership=partnership)
        .values_list("held_on", flat=True)
    }
    return sorted(recorded | held, reverse=True)


def risk_list(*, user, partnership, show_closed=False):
    risks = Risk.objects.visible_to(user).filter(partnership=partnership)
    if not show_closed:
        risks = risks.filter(status="open")
    return risks.select_related("owner_agency").prefetch_related(
        "themes", Prefetch("reviews", queryset=Review.objects.visible_to(user))
    )


def open_actions_by_theme(*, user, partnership):
    """Theme name -> how many of the partnership's open actions address learning with that theme (through
    the recommendation or learning point the action answers), for the learning library."""
    actions = Action.objects.visible_to(user).filter(partnership=partnership, status__in=OPEN_STATUSES)
    counts = {}
    for path in ("recommendation__themes__name", "learning_point__themes__name"):
        for name, action_id in actions.filter(**{f"{path}__isnull": False}).values_list(path, "pk"):
            counts.setdefault(name, set()).add(action_id)
    return {name: len(ids) for name, ids in counts.items()}
