"""Cross-app reads for reporting: deadlines, the executive group's quarterly picture. Reads other apps
only through their selectors, so every list is scoped to the user."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import CharField, Count, DateField, F, IntegerField, Q, Subquery, UUIDField, Value, Window
from django.db.models.functions import Cast, Coalesce, Rank, RowNumber
from django.urls import reverse
from django.utils import timezone

from casereview.accounts import permissions
from casereview.accounts.models import Partnership, Role
from casereview.actionplans import selectors as actionplans
from casereview.actionplans.models import OPEN_STATUSES
from casereview.core.links import paths_to
from casereview.core.working_days import add_working_days, working_days_between
from casereview.decisions import selectors as decisions
from casereview.incidents import selectors as incidents
from casereview.incidents.models import NotificationDuty
from casereview.reviews import selectors as reviews
from casereview.reviews.models import ContributionKind, Review, Stage

# Open actions due soon listed at most (an action plan can hold hundreds of later ones).
ACTIONS_LISTED = 300


@dataclass(slots=True)
class Deadline:
    key: str
    what: str
    child: str
    due: date
    url: str  # the record's path (links of one kind are reversed once for the whole list)
    partnership: Partnership
    # Who is reminded: members holding these roles in the partnership, or (agency_id) that agency's leads.
    roles: tuple = (Role.BUSINESS_MANAGER,)
    agency_id: object = None
    expected_from_others: bool = False
    today: date = field(default_factory=timezone.localdate)
    last_reminded: object = None  # set by the page for the deadlines it shows

    @property
    def working_days_left(self):
        return working_days_between(self.today, self.due)

    @property
    def is_overdue(self):
        return self.due < self.today


def _in_order(deadlines):
    """Soonest (and so overdue) first; the key last, so that deadlines due the same day for the same thing
    keep one order from one page of the list to the next."""
    return sorted(deadlines, key=lambda d: (d.due, d.what, d.key))


def deadlines_for(*, user, partnership):
    """Every open duty, rapid review and decision step this user may see, soonest (and so overdue) first."""
    return deadlines_by_partnership(user=user, partnerships=[partnership])[partnership.pk]


def deadlines_by_partnership(*, user, partnerships):
    """partnership id -> deadlines_for that partnership, each kind read once for all of them (the morning's
    reminders read every partnership's list: a query a kind, not a query a kind and a partnership)."""
    lists, _ = _deadlines(user, partnerships)
    return {pk: _in_order(items) for pk, items in lists.items()}


@dataclass
class FirstDeadlines:
    deadlines: list  # the first ones of deadlines_for's list, in its order
    total: int  # how many the whole list holds
    overdue: int  # and how many of those are overdue


@dataclass
class _Beyond:
    """The deadlines of a kind left unread (or unbuilt) past the first ones, counted."""

    total: int = 0
    overdue: int = 0

    def add(self, deadlines, today):
        self.total += len(deadlines)
        self.overdue += sum(1 for d in deadlines if d.due < today)


def first_deadlines(*, user, partnership, first):
    """The first `first` deadlines of deadlines_for's list, with how many it holds and how many of them are
    overdue: what a page of the due list shows. Of each kind no more is built than its own first `first`
    (the two long kinds, contributions and actions, are not even read past them but counted in the
    database), so the first page costs the same whether the partnership waits on 30 deadlines or 900.

    Why that is the list's beginning: a deadline among the list's first `first` has fewer than `first` of
    its own kind before it, so it is among its kind's first `first` in the same order."""
    today = timezone.localdate()
    lists, beyond = _deadlines(user, [partnership], first=first, today=today)
    kept = []
    for of_kind in _by_kind(lists[partnership.pk]).values():
        of_kind = _in_order(of_kind)
        kept += of_kind[:first]
        beyond.add(of_kind[first:], today)
    kept = _in_order(kept)
    return FirstDeadlines(
        kept[:first], len(kept) + beyond.total, sum(1 for d in kept if d.due < today) + beyond.overdue
    )


def _by_kind(deadlines):
    kinds = {}
    for deadline in deadlines:
        kinds.setdefault(deadline.key.partition(":")[0], []).append(deadline)
    return kinds


def _first_by_due(queryset, first, today, cap=None):
    """The rows of `queryset` due no later than its `first`-th (so every row due that day too: ranked, not
    numbered), each also saying how many rows the queryset holds and how many are overdue, in one query.
    `cap`: the list holds only its soonest `cap` rows; the counts are then read only from the rows due by
    the `cap`-th (min(count, cap) is then the capped list's, overdue or not), so that the database reads a
    few hundred of a large partnership's thousands of open actions through the due date's index."""
    if cap is not None:
        queryset = queryset.filter(due_date__lte=_day_of(queryset, cap))
    return queryset.annotate(
        place=Window(Rank(), order_by=F("due_date").asc()),
        of_all=Window(Count("pk")),
        overdue_of_all=Window(Count("pk", filter=Q(due_date__lt=today))),
    ).filter(place__lte=first)


def _day_of(queryset, nth):
    """The due date of the queryset's `nth` row by due date, as a subquery; the last day there is when it
    holds fewer rows."""
    day = queryset.order_by("due_date").values("due_date")[nth - 1 : nth]
    return Coalesce(Subquery(day), Value(date.max))


def _count_beyond(beyond, rows, today, due_at, cap=None):
    """Adds to `beyond` the rows of a kind read by _first_by_due that were not read. Each row ends with the
    kind's counts (of_all, overdue_of_all); `cap`: the kind's list holds no more than that many, the
    soonest (so also the overdue ones first)."""
    if not rows:
        return
    total, overdue = rows[0][-2:]
    if cap is not None:
        total, overdue = min(total, cap), min(overdue, cap)
    beyond.total += total - len(rows)
    beyond.overdue += overdue - sum(1 for row in rows if row[due_at] < today)


def _deadlines(user, partnerships, first=None, today=None):
    """partnership id -> its deadlines, in no order, and what was left unread (_Beyond). `first` (one
    partnership only): read no more of the two long kinds than first_deadlines needs."""
    by_id = {p.pk: p for p in partnerships}
    ids = list(by_id)
    today = today or timezone.localdate()
    link = _Links()
    beyond = _Beyond()
    assert first is None or len(ids) == 1, "first_deadlines reads one partnership's list"
    lists = {pk: [] for pk in ids}

    def add(partnership_id, *args, **kwargs):
        # one today for the list's hundreds of entries
        lists[partnership_id].append(Deadline(*args, partnership=by_id[partnership_id], today=today, **kwargs))

    duty_kinds = dict(NotificationDuty._meta.get_field("kind").choices)
    # Those who answer a request (the business manager, the agency's lead) are linked to its answer page; the
    # chair, the executive and the panel member read it on the case's page, which leads to the rapid review
    # (probe 16: the answer page is a 403 to them).
    memberships = permissions.active_memberships(user)
    answering = {m.partnership_id for m in memberships if m.role == Role.BUSINESS_MANAGER}
    leading = {m.agency_id for m in memberships if m.role == Role.AGENCY_LEAD}
    for partnership_id, pk, incident_id, child, due, kind, other_day, text, agency_id in _case_steps(user, ids):
        if kind == _DUTY:
            add(
                partnership_id,
                f"duty:{pk}",
                duty_kinds.get(text, text),
                child,
                due,
                link("incidents:detail", incident_id),
            )
        elif kind == _RAPID_REVIEW:
            add(
                partnership_id,
                f"rapid_review:{pk}",
                "Complete the rapid review",
                child,
                due,
                link("decisions:rapid_review", pk),
            )
        elif kind == _REQUEST:
            add(
                partnership_id,
                f"request:{pk}",
                f"{text}: information for the rapid review",
                child,
                due,
                link("decisions:request_answer", pk)
                if partnership_id in answering or agency_id in leading
                else link("incidents:detail", incident_id),
                roles=(),
                agency_id=agency_id,
            )
        elif kind == _RECOMMENDATION:
            add(
                partnership_id,
                f"recommendation:{incident_id}",
                "Recommendation to the independent chair",
                child,
                due,
                link("incidents:detail", incident_id),
            )
        elif kind == _DECISION:
            # due: the rapid review's due date (none when the case was referred without one); other_day: when
            # the recommendation was made
            add(
                partnership_id,
                f"decision:{incident_id}",
                "Independent chair's decision",
                child,
                max(due, other_day) if due is not None else add_working_days(other_day, 5),
                link("incidents:detail", incident_id),
                roles=(Role.CHAIR,),
            )
        else:  # _PANEL_RESPONSE; due: when the rapid review was sent to the national panel
            add(
                partnership_id,
                f"panel_response:{incident_id}",
                "National panel's response expected",
                child,
                add_working_days(due, by_id[partnership_id].panel_response_working_days),
                link("incidents:detail", incident_id),
                expected_from_others=True,
            )
    # The three long kinds (a large partnership waits on hundreds of contributions, actions and milestones)
    # are read as plain values: building a model instance a row was most of the list's cost.
    contribution_kinds = dict(ContributionKind.choices)
    contributions = reviews.open_contributions(user=user, partnership=ids)
    fields = ["review__partnership_id", "pk", "kind", "due_date", "agency_id", "agency__name", "review__title"]
    if first is not None:
        contributions, fields = _first_by_due(contributions, first, today), fields + ["of_all", "overdue_of_all"]
    rows = list(contributions.values_list(*fields))
    if first is not None:
        _count_beyond(beyond, rows, today, due_at=3)
    for partnership_id, pk, kind, due_date, agency_id, agency, review_title, *_counts in rows:
        add(
            partnership_id,
            f"contribution:{pk}",
            f"{agency}: {contribution_kinds.get(kind, kind).lower()}",
            review_title,
            due_date,
            link("reviews:contribution", pk),
            roles=(),
            agency_id=agency_id,
        )
    rows = list(_actions_listed(user, ids, today, first))
    if first is not None:
        _count_beyond(beyond, rows, today, due_at=4, cap=ACTIONS_LISTED)
    for partnership_id, pk, number, description, due_date, agency_id, agency, review_title, *_counts in rows:
        add(
            partnership_id,
            f"action:{pk}",
            f"Action {number}: {_gist(description)} — {agency}",
            review_title,
            due_date,
            link("actionplans:action", pk),
            roles=(),
            agency_id=agency_id,
        )
    milestones = [(r, m) for r, m in reviews.review_milestones(user=user, partnership=ids) if m.done_on is None]
    if first is not None:
        milestones = _first_milestones(milestones, first, beyond, today)
    for review, milestone in milestones:
        add(
            review.partnership_id,
            milestone.key,
            milestone.what,
            review.title,
            milestone.due,
            link("reviews:detail", review.pk),
        )
    return lists, beyond


# The six kinds of step in a case (duties, rapid reviews, their requests, recommendations, decisions and the
# panel's responses) are few, and each cost a query to build; they are read as one UNION ALL of plain values.
_DUTY, _RAPID_REVIEW, _REQUEST, _RECOMMENDATION, _DECISION, _PANEL_RESPONSE = range(6)


def _case_steps(user, partnership_ids):
    """(partnership id, key, incident id, child, day, kind, other date, text, agency id) for every open step of
    the six kinds, each read through its own selector (and so its own scope), in one query. The day is when
    the step is due (a decision: the rapid review's due date, if any; a panel response: when the rapid review
    was sent to the panel). The columns a kind has not are typed NULLs: PostgreSQL types a UNION's column
    from its first branches."""
    ids = partnership_ids

    def none(field):
        return Cast(Value(None), field)

    def branch(kind, queryset, fields, other, text, agency):
        # Django writes a values_list's fields before its expressions, whatever their order in the call: so
        # the first five are fields in every branch, and the last four expressions in every branch
        return queryset.order_by().values_list(*fields, Value(kind, output_field=IntegerField()), other, text, agency)

    no_date, no_text, no_agency = none(DateField()), none(CharField()), none(UUIDField())
    of_incident = ("incident__partnership_id", "pk", "incident_id", "incident__child_pseudonym")
    duties = branch(
        _DUTY,
        incidents.open_duties(user=user, partnership=ids),
        (*of_incident, "due_date"),
        no_date,
        F("kind"),
        no_agency,
    )
    others = [
        branch(
            _RAPID_REVIEW,
            decisions.open_rapid_reviews(user=user, partnership=ids),
            (*of_incident, "due_date"),
            no_date,
            no_text,
            no_agency,
        ),
        branch(
            _REQUEST,
            decisions.unanswered_requests(user=user, partnership=ids),
            (
                "rapid_review__incident__partnership_id",
                "pk",
                "rapid_review__incident_id",
                "rapid_review__incident__child_pseudonym",
                "due_date",
            ),
            no_date,
            F("agency__name"),
            F("agency_id"),
        ),
        branch(
            _RECOMMENDATION,
            decisions.awaiting_recommendation(user=user, partnership=ids),
            (*of_incident, "due_date"),
            no_date,
            no_text,
            no_agency,
        ),
        branch(
            _DECISION,
            decisions.awaiting_chair_decision(user=user, partnership=ids),
            (*of_incident, "incident__rapid_review__due_date"),
            F("made_on"),
            no_text,
            no_agency,
        ),
        branch(
            _PANEL_RESPONSE,
            decisions.awaiting_panel_response(user=user, partnership=ids),
            (*of_incident, "sent_to_panel_on"),
            no_date,
            no_text,
            no_agency,
        ),
    ]
    return duties.union(*others, all=True)


def _first_milestones(milestones, first, beyond, today):
    """Of each kind of milestone (completion, sending the report, the partners' check) its first `first` in
    the list's order, the rest counted in `beyond`: a review's milestones are worked out in Python, three a
    running review, and first_deadlines keeps no more of any kind."""
    kinds = {}
    for review, milestone in milestones:
        kinds.setdefault(milestone.kind, []).append((review, milestone))
    kept = []
    for of_kind in kinds.values():
        of_kind.sort(key=lambda pair: (pair[1].due, pair[1].what, pair[1].key))
        kept += of_kind[:first]
        beyond.total += len(of_kind) - len(of_kind[:first])
        beyond.overdue += sum(1 for _, milestone in of_kind[first:] if milestone.due < today)
    return kept


def _actions_listed(user, partnership_ids, today, first=None):
    """Each partnership's open actions overdue or due within four weeks, soonest first, up to ACTIONS_LISTED
    of them (an action plan can hold hundreds of later ones), as plain values. `first` (one partnership):
    only those due no later than the first `first` of them, each row ending with how many the list holds
    and how many are overdue (before the cap: _count_beyond applies it)."""
    actions = actionplans.open_actions_due_by(user=user, partnership=partnership_ids, day=add_working_days(today, 20))
    fields = (
        "partnership_id",
        "pk",
        "number",
        "description",
        "due_date",
        "owner_agency_id",
        "owner_agency__name",
        "review__title",
    )
    if first is not None:
        # Those due by the first `first` are the start of the list in its order, so its first ACTIONS_LISTED
        # of them are the capped list's.
        in_order = actions.query.order_by
        soonest = _first_by_due(actions, min(first, ACTIONS_LISTED), today, cap=ACTIONS_LISTED)
        return soonest.order_by(*in_order).values_list(*fields, "of_all", "overdue_of_all")[:ACTIONS_LISTED]
    if len(partnership_ids) == 1:
        return actions.values_list(*fields)[:ACTIONS_LISTED]
    # the first ACTIONS_LISTED of each partnership, numbered in the database
    place = Window(
        RowNumber(),
        partition_by=F("partnership_id"),
        order_by=[F("due_date").asc(), F("review__title").asc(), F("number").asc()],
    )
    return actions.annotate(place=place).filter(place__lte=ACTIONS_LISTED).values_list(*fields)


class _Links:
    """A record's path, each kind of link reversed once per list (core.links.paths_to): a partnership's list
    holds hundreds of deadlines, and the morning's reminders put thousands of their links in e-mails."""

    def __init__(self):
        self.paths = {}

    def __call__(self, viewname, pk):
        path = self.paths.get(viewname)
        if path is None:
            path = self.paths[viewname] = paths_to(viewname)
        return path(pk)


# Agency leads' checks sent to the database together, at most this many branches (a person and a kind) a
# query: SQLite allows 500 terms in a compound statement.
CHECKS_A_QUERY = 100


def agency_deadlines_seen_by_each(asked):
    """For each (user, partnership, deadlines) asked: of the partnership's deadlines, those set for the
    user's agencies that the user may open, checked by key through the same scoped selectors as
    deadlines_for; None when one is of a kind this cannot check (the caller reads the user's own list).
    Every person's keys are checked through their own scope — a branch of a UNION ALL for each person and
    kind, tagged with its place — so the morning's agency leads cost a query a hundred checks instead of up
    to three queries a lead."""
    results, branches, tags = [], [], []
    for user, partnership, deadlines in asked:
        agencies = {m.agency_id for m in permissions.active_memberships(user) if m.partnership_id == partnership.pk}
        mine = [d for d in deadlines if d.agency_id and d.agency_id in agencies]
        wanted = {}
        for deadline in mine:
            kind, _, pk = deadline.key.partition(":")
            wanted.setdefault(kind, set()).add(pk)
        if any(kind not in _AGENCY_KINDS for kind in wanted):
            results.append(None)
            continue
        results.append(mine)
        for kind, pks in wanted.items():
            rows = _AGENCY_KINDS[kind](user=user, partnership=partnership).filter(pk__in=pks).order_by()
            branches.append(rows.values_list("pk", Value(len(tags))))
            tags.append((len(results) - 1, kind))
    seen = set()  # (place in `asked`, deadline key)
    for start in range(0, len(branches), CHECKS_A_QUERY):
        first, *others = branches[start : start + CHECKS_A_QUERY]
        for pk, tag in first.union(*others, all=True) if others else first:
            place, kind = tags[tag]
            seen.add((place, f"{kind}:{pk}"))
    return [None if mine is None else [d for d in mine if (place, d.key) in seen] for place, mine in enumerate(results)]


_AGENCY_KINDS = {
    "request": decisions.unanswered_requests,
    "contribution": reviews.open_contributions,
    "action": actionplans.action_list,
}


def _gist(text, limit=70):
    """The start of an action's description, cut at a word, so a due entry says what is due."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def deadlines_across(*, user):
    """Every partnership's deadlines this user may see (the calendar feed), each kind read once for all."""
    lists, _ = _deadlines(user, list(Partnership.objects.visible_to(user)))
    return _in_order(d for items in lists.values() for d in items)


@dataclass
class ExecutiveReport:
    partnership: Partnership
    start: date
    end: date
    notifications: list
    incidents_recorded: list
    rapid_reviews_in_progress: list
    decisions: list
    reviews_commissioned: list
    escalated_actions: list = field(default_factory=list)
    reviews_published: list = field(default_factory=list)
    reviews_in_progress: list = field(default_factory=list)
    overdue_actions: list = field(default_factory=list)


FINISHED_STAGES = (Stage.PUBLISHED, Stage.NOT_PUBLISHED, Stage.ACTION_PLAN, Stage.CLOSED)  # Review.is_finished


def executive_report(*, user, partnership, start, end):
    """The quarterly executive-group item (the Worcestershire CSPR paper §23, docs/domain.md), from live data."""
    return ExecutiveReport(
        partnership=partnership,
        start=start,
        end=end,
        notifications=list(
            NotificationDuty.objects.visible_to(user)
            .filter(incident__partnership=partnership, sent_on__gte=start, sent_on__lte=end)
            .select_related("incident")
            .order_by("sent_on")
        ),
        incidents_recorded=list(
            incidents.incident_list(user=user, partnership=partnership).filter(
                aware_date__gte=start, aware_date__lte=end
            )
        ),
        rapid_reviews_in_progress=list(decisions.open_rapid_reviews(user=user, partnership=partnership)),
        decisions=list(decisions.decisions_between(user=user, partnership=partnership, start=start, end=end)),
        reviews_commissioned=list(
            Review.objects.visible_to(user)
            .filter(partnership=partnership, decided_on__gte=start, decided_on__lte=end)
            .order_by("decided_on")
        ),
        escalated_actions=(
            actionplans.escalations_by_agency(user=user, partnership=partnership)
            if permissions.can(user, "view_escalations", partnership)
            else []
        ),
        # the quarterly picture (domain.md): what was published in the period and what is still running
        reviews_published=list(
            Review.objects.visible_to(user)
            .filter(partnership=partnership, published_on__gte=start, published_on__lte=end)
            .order_by("published_on", "title")
        ),
        reviews_in_progress=list(
            Review.objects.visible_to(user)
            .filter(partnership=partnership, decided_on__lte=end)
            .exclude(stage__in=FINISHED_STAGES)
            .order_by("target_completion", "title")
        ),
        overdue_actions=actionplans.overdue_by_agency(user=user, partnership=partnership),
    )


# --- the home page: what each of a person's roles needs first (domain.md) --------------------------


@dataclass
class Change:
    at: object
    text: str
    url: str = ""
    times: int = 1


_CHANGE_VERBS = {"create": "added", "update": "changed", "correct": "corrected", "withdraw": "withdrew"}

# The page where the business manager sees each kind of record a change is listed for (model label -> view
# taking the record's id). A change to anything else is listed without a link.
_RECORD_PAGES = {
    "decisions.informationrequest": "decisions:request_answer",
    "decisions.rapidreview": "decisions:rapid_review",
    "decisions.chairdecision": "decisions:decision",
    "decisions.reviewrecommendation": "decisions:recommendation",
    "incidents.incident": "incidents:detail",
    "reviews.review": "reviews:detail",
    "reviews.agencycontribution": "reviews:contribution",
    "actionplans.action": "actionplans:action",
    "publication.publicationhold": "publication:hold_detail",
}

# How many audit events are read to make the list: repeats collapse into one line, so more than the ten
# lines shown are read, and a burst of the same change does not push the others off the list.
_CHANGES_READ = 200


def latest_sign_in(user):
    """When this sign-in began (None if the audit log has none): a second factor accepted is the same
    sign-in, not another. Unscoped: a person's sign-ins belong to no partnership."""
    from casereview.audit.models import AuditAction, AuditEvent

    return _sign_ins(AuditEvent.objects.unscoped(), user, AuditAction.LOGIN)[:1].first()


def sign_in_before_this_one(user):
    from casereview.audit.models import AuditAction, AuditEvent

    earlier = list(_sign_ins(AuditEvent.objects.unscoped(), user, AuditAction.LOGIN)[:2])
    return earlier[1] if len(earlier) == 2 else None


def _sign_ins(events, user, login):
    return (
        events.filter(actor=user, action=login)
        .exclude(reason="Two-factor code accepted")
        .order_by("-at")
        .values_list("at", flat=True)
    )


def changes_since_last_look(*, user, partnership, since, limit=10):
    """What other people changed in the partnership since `since` (when the person last saw their home page,
    reporting.views decides), newest first, in words the business manager acts on, each with a link to the
    record's page, a change repeated (the same person, the same change of the same record) said once with
    how many times. Read from the audit log, through its own rule."""
    from casereview.audit.models import AuditEvent

    events = (
        AuditEvent.objects.visible_to(user, partnership=partnership)
        .filter(partnership=partnership, at__gt=since, action__in=list(_CHANGE_VERBS))
        .exclude(actor=user)
        .select_related("object_type")
        .order_by("-at", "-id")[:_CHANGES_READ]
    )
    changes = {}
    reviews = {}  # (model label, record id) -> (review id, title), read once a record
    for event in events:
        model = event.object_type.model_class() if event.object_type else None
        label = model._meta.label_lower if model is not None else ""
        review = None
        if label in _BY_REVIEW or label == "reviews.review":
            if (label, event.object_id) not in reviews:
                reviews[(label, event.object_id)] = _review_of(model, event.object_id)
            review = reviews[(label, event.object_id)]
        text = _change_words(event, model, review)
        # the rows of one review's replacement table are one line: a saved table changes many at once
        key = (event.actor_id, text, review[0] if label in _BY_REVIEW and review else event.object_id)
        if key in changes:
            changes[key].times += 1
            continue
        if len(changes) == limit:
            continue  # counting repeats of the lines already listed, no new line
        url = ""
        if label in _BY_REVIEW and review:
            url = reverse(_BY_REVIEW[label][0], args=[review[0]])
        elif label == "reviews.review" and _SIGN_OFFS_VOIDED in (event.changes or {}):
            url = reverse("publication:overview", args=[event.object_id])
        elif label in _RECORD_PAGES and event.object_id:
            url = reverse(_RECORD_PAGES[label], args=[event.object_id])
        changes[key] = Change(event.at, text, url)
    return list(changes.values())


# Records a change is said of by the review they belong to (their own description does not name what
# changed, as a replacement's original text is identifying): model label -> (the review's page, the words).
_BY_REVIEW = {
    "publication.replacementterm": (
        "publication:anonymise",
        {"create": "{who} added a detail to the replacement table of {title}'s report"},
        "{who} changed the replacement table of {title}'s report",
    ),
}

# The audit key publication records on a review when a change to the anonymised text leaves sign-offs
# given for an earlier text (publication.services.SIGN_OFFS_VOIDED).
_SIGN_OFFS_VOIDED = "Sign-offs to be recorded again"


def _review_of(model, object_id):
    """(the review's id, its title) of a record that belongs to one review, or of a review; None if gone."""
    if model is None or not object_id:
        return None
    if model._meta.label_lower == "reviews.review":
        return model.objects.unscoped().filter(pk=object_id).values_list("pk", "title").first()
    return model.objects.unscoped().filter(pk=object_id).values_list("review_id", "review__title").first()


def _change_words(event, model, review=None):
    """One change as the business manager would say it: "Metropolitan Police Service sent its information
    for Child S's rapid review (Police Lead)", not "Police Lead changed the information request …"."""
    who = event.actor_name or "Someone"
    label = model._meta.label_lower if model is not None else ""
    changed = set(event.changes or {})
    if label in _BY_REVIEW and review:
        _, words, otherwise = _BY_REVIEW[label]
        return words.get(event.action, otherwise).format(who=who, title=review[1])
    if label == "reviews.review" and _SIGN_OFFS_VOIDED in changed and review:
        again = (event.changes[_SIGN_OFFS_VOIDED] or [None, ""])[1]
        return f"{who} changed the anonymised text of {review[1]}'s report: {again}"
    if label == "decisions.informationrequest" and event.action == "update" and "response" in changed:
        agency, _, child = event.object_repr.partition(" — ")
        for_whom = f" for {child}'s rapid review" if child else ""
        if "responded_on" in changed:
            return f"{agency} sent its information{for_whom} ({who})"
        return f"{agency} added to its information{for_whom} ({who})"
    if label == "actionplans.progressupdate" and event.action == "create":
        return f"{who} posted an update: “{event.object_repr}”"
    kind = f"the {model._meta.verbose_name} " if model is not None else ""
    return f"{who} {_CHANGE_VERBS[event.action]} {kind}“{event.object_repr}”"


@dataclass
class HomeSection:
    """One partnership's part of a person's home page; each list is filled only for a role that needs it."""

    partnership: Partnership
    memberships: list
    due: list = field(default_factory=list)
    due_count: int = 0
    overdue_count: int = 0
    reviews_in_progress: list = field(default_factory=list)
    reviews_at_action_plan: int = 0  # finished reviews whose action plans are being followed up
    decisions_awaiting: list = field(default_factory=list)
    decisions_coming: list = field(default_factory=list)
    panel_responses: list = field(default_factory=list)  # the national panel not agreeing, for the chair
    escalated_actions: list = field(default_factory=list)
    agency_requests: list = field(default_factory=list)
    agency_actions: list = field(default_factory=list)
    my_reviews: list = field(default_factory=list)
    quarter: object = None
    last_looked: object = None  # when the business manager last saw their home page, in an earlier sign-in
    first_look: bool = False  # their first sign-in: no list yet, and the page says so
    changes: list = field(default_factory=list)
    publications: list = field(default_factory=list)
    dissemination: list = field(default_factory=list)
    # The keys of every deadline still open here, when this section worked them out (None when it did not).
    open_keys: set | None = None

    @property
    def you_are(self):
        """'the business manager and an agency safeguarding lead for West Mercia Police'"""
        phrases = []
        for m in self.memberships:
            label = m.get_role_display().lower()
            article = "the" if m.role in (Role.BUSINESS_MANAGER, Role.CHAIR) else "an" if label[0] in "aeiou" else "a"
            phrases.append(f"{article} {label}" + (f" for {m.agency}" if m.agency_id else ""))
        return " and ".join(phrases) or "a system administrator"

    def has(self, *roles):
        return any(m.role in roles for m in self.memberships)

    @property
    def is_manager(self):
        return self.has(Role.BUSINESS_MANAGER)

    @property
    def is_chair(self):
        return self.has(Role.CHAIR)

    @property
    def is_lead(self):
        return self.has(Role.AGENCY_LEAD)

    @property
    def is_reviewer(self):
        return self.has(Role.REVIEWER)

    @property
    def is_executive(self):
        return self.has(Role.EXECUTIVE)

    @property
    def is_panel_member(self):
        return self.has(Role.PANEL_MEMBER)

    @property
    def is_viewer_only(self):
        return all(m.role == Role.VIEWER for m in self.memberships)


HOME_LIST_LENGTH = 10


def _reviews_in_progress(user, partnership):
    """Reviews not yet finished, the one furthest behind (or nearest) its target completion first."""
    from casereview.reviews.models import Stage

    finished = [Stage.PUBLISHED, Stage.NOT_PUBLISHED, Stage.ACTION_PLAN, Stage.CLOSED]
    return list(
        reviews.review_list(user=user, partnership=partnership)
        .exclude(stage__in=finished)
        .order_by("target_completion")
    )


def _published_learning(user, partnership):
    from casereview.publication.models import Publication

    return list(
        Publication.objects.visible_to(user)
        .filter(review__partnership=partnership)
        .select_related("review")
        .order_by("-published_on")[:HOME_LIST_LENGTH]
    )


# The kinds of notification that ask for something with a deadline: once it is done (the deadline has left
# the due list) the home page stops showing it under "Recently asked of you".
_DEADLINE_NOTIFICATIONS = ("request", "contribution", "decision")


def still_asked(notifications, sections):
    """The notifications whose request is still open. Those about a deadline that is done are dropped (the
    agency lead who sent their information is not told it is asked of them above "Nothing is asked"); the
    rest, and any from a partnership whose due list was not worked out, are kept."""
    open_keys = {s.partnership.pk: s.open_keys for s in sections}
    # an action closed since its notice ("action:<id>:<agency>") is no longer asked of the agency
    closed_actions = actionplans.closed_action_ids(
        {n.key.split(":")[1] for n in notifications if n.key.startswith("action:") and n.key.count(":") >= 1}
    )
    kept, told = [], set()
    for notification in notifications:  # newest first
        kind, _, rest = notification.key.partition(":")
        if kind == "action" and rest.split(":")[0] in closed_actions:
            continue
        # a moved due date is told afresh ("contribution:<id>:due:<date>:<when>"): it is the same request, and
        # the newest notice of it is the one that holds (the older one named the date before the move)
        rest = rest.split(":due:")[0]
        if kind in _DEADLINE_NOTIFICATIONS:
            keys = open_keys.get(notification.partnership_id)
            if (keys is not None and f"{kind}:{rest}" not in keys) or f"{kind}:{rest}" in told:
                continue
            told.add(f"{kind}:{rest}")
        kept.append(notification)
    return kept


def home_sections(*, user, last_looked=None):
    """`last_looked`: when the person last saw this page in an earlier sign-in (None: never)."""
    sections = []
    by_partnership = {}
    for membership in permissions.active_memberships(user):
        by_partnership.setdefault(membership.partnership_id, []).append(membership)
    for partnership in Partnership.objects.visible_to(user):
        memberships = by_partnership.get(partnership.pk, [])
        section = HomeSection(partnership=partnership, memberships=memberships)
        if section.is_manager or section.is_chair or section.is_panel_member or section.is_executive:
            due = deadlines_for(user=user, partnership=partnership)
            section.open_keys = {d.key for d in due}
            if section.is_chair and not section.is_manager:
                # the chair's own steps only: the manager's duties (notifying Ofsted, the panel) are not theirs
                due = [d for d in due if Role.CHAIR in d.roles and not d.agency_id]
            section.due_count, section.overdue_count = len(due), sum(1 for d in due if d.is_overdue)
            section.due = due[:HOME_LIST_LENGTH]
            section.reviews_in_progress = _reviews_in_progress(user, partnership)
            if section.is_manager:
                section.last_looked, section.first_look = last_looked, last_looked is None
                if last_looked is not None:
                    section.changes = changes_since_last_look(user=user, partnership=partnership, since=last_looked)
            if not section.reviews_in_progress:
                section.reviews_at_action_plan = (
                    reviews.review_list(user=user, partnership=partnership).filter(stage="action_plan").count()
                )
        if section.is_chair:
            section.decisions_awaiting = list(decisions.awaiting_chair_decision(user=user, partnership=partnership))
            section.decisions_coming = list(decisions.coming_to_chair(user=user, partnership=partnership))[
                :HOME_LIST_LENGTH
            ]
            section.panel_responses = list(
                decisions.panel_responses_not_agreeing(user=user, partnership=partnership)[:HOME_LIST_LENGTH]
            )
        if section.is_chair or section.is_executive:
            section.escalated_actions = list(actionplans.escalated_actions(user=user, partnership=partnership))[
                :HOME_LIST_LENGTH
            ]
        if section.is_lead:
            agency_ids = {m.agency_id for m in memberships if m.role == Role.AGENCY_LEAD}
            agency_due = deadlines_for(user=user, partnership=partnership)
            section.open_keys = (section.open_keys or set()) | {d.key for d in agency_due}
            section.agency_requests = [
                d for d in agency_due if d.agency_id in agency_ids and not d.key.startswith("action:")
            ]
            section.agency_actions = list(
                actionplans.action_list(user=user, partnership=partnership)
                .filter(owner_agency_id__in=agency_ids, status__in=OPEN_STATUSES)
                .order_by("due_date", "number")[: HOME_LIST_LENGTH * 2]
            )
        if section.is_reviewer:
            section.my_reviews = list(
                reviews.review_list(user=user, partnership=partnership).filter(reviewers__user=user).distinct()
            )
        if section.is_executive:
            today = timezone.localdate()
            quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
            section.quarter = executive_report(user=user, partnership=partnership, start=quarter_start, end=today)
        if section.is_viewer_only or not (section.is_manager or section.is_chair or section.is_lead):
            section.publications = _published_learning(user, partnership)
            section.dissemination = list(actionplans.dissemination_list(user=user, partnership=partnership)[:5])
        sections.append(section)
    return sections


def last_reminded(keys):
    """deadline key -> when a reminder about it was last e-mailed (to anyone): the trace the deadlines page
    shows, so a manager can tell the morning's reminders ran. Keys are the partnership's own deadlines',
    already scoped by deadlines_for."""
    from django.db.models import Max

    from .models import ReminderSent

    keys = list(keys)
    if not keys:
        return {}
    return dict(
        ReminderSent.objects.filter(deadline_key__in=keys)
        .values_list("deadline_key")
        .annotate(last=Max("sent_at"))
        .values_list("deadline_key", "last")
    )
