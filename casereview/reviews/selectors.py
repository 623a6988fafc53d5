from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from casereview.accounts.selectors import agency_lead_exists
from casereview.core.scoping import of_partnerships

from . import chronology
from .models import (
    AgencyContribution,
    ChronologyEntry,
    ChronologyTally,
    DuplicatePair,
    DuplicateStatus,
    LearningPoint,
    Recommendation,
    Review,
    TermsOfReference,
)


def review_list(*, user, partnership, query="", stage=""):
    reviews = Review.objects.visible_to(user).filter(partnership=partnership)
    if query:
        reviews = reviews.filter(Q(title__icontains=query) | Q(subjects__icontains=query))
    if stage:
        reviews = reviews.filter(stage=stage)
    return reviews


def contributions_for(*, user, review):
    # Counted per contribution through its own index: joining the entries and grouping by every column of
    # the contribution sorted a large review's 16,000 joined rows on disk.
    events = (
        ChronologyEntry.objects.unscoped()  # counts only, of contributions already read through the scope
        .filter(contribution=OuterRef("pk"))
        .order_by()
        .values("contribution")
        .annotate(n=Count("*"))
        .values("n")
    )
    return (
        AgencyContribution.objects.visible_to(user)
        .filter(review=review)
        .select_related("agency")
        .annotate(events=Coalesce(Subquery(events), 0), agency_has_lead=agency_lead_exists("agency"))
    )


def overdue_contributions(*, user, partnership):
    from django.utils import timezone

    return (
        AgencyContribution.objects.visible_to(user)
        .filter(review__partnership=partnership, status="requested", due_date__lt=timezone.localdate())
        .select_related("agency", "review")
    )


def open_contributions(*, user, partnership):
    """What a deadline list says of each (a partnership can wait on hundreds: their reports and the
    reviews' other columns are left in the database)."""
    return (
        AgencyContribution.objects.visible_to(user)
        .filter(status="requested", **of_partnerships("review__partnership", partnership))
        .select_related("agency", "review")
        .only("kind", "due_date", "status", "agency", "review", "agency__name", "review__title")
    )


def merged_chronology(*, user, review, agency=None, event_type="", date_from=None, date_to=None):
    entries = ChronologyEntry.objects.visible_to(user).filter(review=review).select_related("agency")
    if agency:
        entries = entries.filter(agency=agency)
    if event_type:
        entries = entries.filter(event_type=event_type)
    if date_from:
        entries = entries.filter(sort_date__gte=date_from)
    if date_to:
        entries = entries.filter(sort_date__lte=date_to)
    return entries.order_by("sort_date", "event_time", "agency__name", "row_number")


class ChronologySummary:
    """A review's chronology counted by event type, agency and year together: the filter's choices, the
    derived facts' counts, the timeline and the number of entries all come from it. The page grouped the
    same entries five times for them, then once; now it reads the counts kept beside them."""

    def __init__(self, *, user, review):
        # Read from the counts the database keeps as entries come and go (ChronologyTally), through the
        # entries' own rules: a hundred rows instead of grouping a large review's 16,000 entries.
        self.cells = list(
            ChronologyTally.objects.visible_to(user)
            .filter(review=review)
            .values_list("event_type", "agency_id", "agency__name", "year", "n")
        )
        self.total = sum(n for *_, n in self.cells)
        self.event_types = sorted({event_type for event_type, *_ in self.cells})
        self.agency_ids = {agency_id for _, agency_id, *_ in self.cells}

    def agency_names(self):
        """[(agency id, name)] of the agencies counted, by name: the filter's choices."""
        names = {agency_id: name for _, agency_id, name, *_ in self.cells}
        return sorted(names.items(), key=lambda item: (item[1], str(item[0])))

    def counts_by_type(self):
        counts = Counter()
        for event_type, _, _, _, n in self.cells:
            counts[event_type] += n
        return counts

    def agencies_by_year(self):
        by_year = defaultdict(set)
        for _, _, agency, year, _ in self.cells:
            by_year[year].add(agency)
        return by_year

    def counts_by_agency_and_year(self):
        counts = Counter()
        for _, _, agency, year, n in self.cells:
            counts[(agency, year)] += n
        return counts


def chronology_summary(*, user, review):
    return ChronologySummary(user=user, review=review)


def event_types_in(*, user, review):
    return list(
        ChronologyEntry.objects.visible_to(user)
        .filter(review=review)
        .values_list("event_type", flat=True)
        .distinct()
        .order_by("event_type")
    )


def chronology_agencies(*, user, review, summary=None):
    from casereview.accounts.models import Agency

    if summary is not None:  # the agencies of entries the user may see, already counted
        return Agency.objects.unscoped().filter(pk__in=summary.agency_ids).order_by("name")
    return Agency.objects.unscoped().filter(
        pk__in=ChronologyEntry.objects.visible_to(user).filter(review=review).values("agency_id")
    )


def review_parts(*, user, review):
    """The parts of a review page, each through its own scope (they are narrower than the review)."""
    from .models import FamilyInvolvement, LearningEvent, PanelMember, ReviewerAppointment, TermsOfReference

    reviewers = ReviewerAppointment.objects.visible_to(user).filter(review=review).select_related("user")
    is_reader = _reads_review_parts(user, review)
    return {
        "terms": TermsOfReference.objects.visible_to(user).filter(review=review).first(),
        "panel": list(PanelMember.objects.visible_to(user).filter(review=review).select_related("agency")),
        "reviewers": reviewers,
        "learning_events": LearningEvent.objects.visible_to(user)
        .current()
        .filter(review=review)
        .prefetch_related("agencies"),
        "family": FamilyInvolvement.objects.visible_to(user).filter(review=review).first(),
        "stage_changes": review.stage_changes.select_related("changed_by") if is_reader else [],
        "is_reader": is_reader,
        # which parts the user's role may read at all (RULES): a part they may not read says "Not shown to
        # you", never "Not recorded", which would tell an agency lead that a review has no terms of reference
        "shown": {
            name: _role_may_read(user, model, review)
            for name, model in (
                ("terms", TermsOfReference),
                ("panel", PanelMember),
                ("reviewers", ReviewerAppointment),
                ("learning_events", LearningEvent),
                ("family", FamilyInvolvement),
            )
        },
    }


def _role_may_read(user, model, review):
    from casereview.accounts import permissions

    allowed = permissions.roles_for(user, "view", model)
    return any(
        m.partnership_id == review.partnership_id and m.role in allowed for m in permissions.active_memberships(user)
    )


def _reads_review_parts(user, review):
    from casereview.accounts import permissions

    return permissions.can(user, "view", review) and any(
        m.partnership_id == review.partnership_id and m.role in (permissions.CASE_READERS | {permissions.REVIEWER})
        for m in permissions.active_memberships(user)
    )


def duplicates_by_entry(*, user, review, entry_ids):
    """entry id -> the pairs it belongs to, for marking the rows shown (one page of the chronology)."""
    marks = defaultdict(list)
    pairs = (
        DuplicatePair.objects.visible_to(user)
        .filter(review=review)
        .exclude(status=DuplicateStatus.DISMISSED)
        .filter(Q(first_id__in=entry_ids) | Q(second_id__in=entry_ids))
    )
    for pair in pairs:
        marks[pair.first_id].append(pair)
        marks[pair.second_id].append(pair)
    return marks


def derived_facts(*, user, review, gap_days=90, summary=None):
    """Aggregated in the database, so a 40,000-event chronology costs a few small queries. `summary`: the
    page's ChronologySummary, when it has one, for the counts."""
    entries = ChronologyEntry.objects.visible_to(user).filter(review=review)
    summary = summary or ChronologySummary(user=user, review=review)
    counts = summary.counts_by_type()
    dates = list(entries.values_list("sort_date", flat=True).distinct().order_by("sort_date"))
    by_year = summary.agencies_by_year()
    pairs = DuplicatePair.objects.visible_to(user).filter(review=review)
    groups = chronology.same_event_groups(
        pairs.filter(status=DuplicateStatus.LINKED).values_list("first_id", "second_id")
    )
    in_groups = set().union(*groups) if groups else set()
    repeats = chronology.repeats_by_type(groups, dict(entries.filter(pk__in=in_groups).values_list("id", "event_type")))
    # Proposed pairs of one type: the count may include the same event twice until a person judges them.
    unconfirmed = Counter(
        dict(
            pairs.filter(status=DuplicateStatus.SUGGESTED, first__event_type=F("second__event_type"))
            .values_list("first__event_type")
            .annotate(n=Count("id"))
            .order_by()
        )
    )
    scope = chronology_scope(review=review)
    outside = 0
    if scope is not None:
        outside = entries.exclude(sort_date__range=scope).count()
    return chronology.facts_from(
        counts,
        dates,
        by_year,
        gap_days=gap_days,
        repeats=repeats,
        unconfirmed=unconfirmed,
        scope=scope,
        outside_scope=outside,
    )


def chronology_scope(*, review):
    """The terms of reference's scope period (from, to), or None while none is recorded. Read unscoped:
    the period is what the chronology's reader needs to judge its events, shown with them only (the agency
    sending a chronology is told it too, on its import's page)."""
    terms = TermsOfReference.objects.unscoped().filter(review=review).only("scope_start", "scope_end").first()
    if terms is None or not (terms.scope_start and terms.scope_end):
        return None
    return (terms.scope_start, terms.scope_end)


def timeline_series(*, user, review, summary=None):
    """Events per agency per year, for the timeline chart."""
    counts = (summary or ChronologySummary(user=user, review=review)).counts_by_agency_and_year()
    years = sorted({year for _, year in counts})
    agencies = sorted({agency for agency, _ in counts})
    return {"years": years, "series": [{"agency": a, "counts": [counts[(a, y)] for y in years]} for a in agencies]}


def findings_for(*, user, review):
    points = LearningPoint.objects.visible_to(user).current().filter(review=review).prefetch_related("themes")
    recommendations = (
        Recommendation.objects.visible_to(user)
        .current()
        .filter(review=review)
        .select_related("agency")
        .prefetch_related(
            "themes", Prefetch("learning_points", queryset=LearningPoint.objects.visible_to(user).current())
        )
    )
    return list(points), list(recommendations)


def published_without_learning(*, user, partnership):
    """The published reviews whose learning points nobody has recorded, among those this user may add them
    to: their learning cannot reach the library (and the practitioners who search it) until someone does."""
    from django.db.models import Exists, OuterRef

    points = LearningPoint.objects.unscoped().current().filter(review=OuterRef("pk"))
    return list(
        Review.objects.visible_to(user, "edit_findings", partnership=partnership)
        .filter(published_on__isnull=False)
        .exclude(Exists(points))
        .order_by("-published_on", "title")
    )


def findings_of_partnership(*, partnership):
    """Every learning point and recommendation of the partnership's reviews, [(finding, kind)], for the
    learning library's index (which applies its own visibility when it is read)."""
    # unscoped: a system rebuild of one partnership's index, shown to no one as it is.
    points = LearningPoint.objects.unscoped().filter(review__partnership=partnership).select_related("review__incident")
    recommendations = (
        Recommendation.objects.unscoped()
        .filter(review__partnership=partnership)
        .select_related("review__incident", "agency")
    )
    return [(p, "learning_point") for p in points.prefetch_related("themes")] + [
        (r, "recommendation") for r in recommendations.prefetch_related("themes")
    ]


def withdrawn_findings_for(*, user, review):
    """Learning points and recommendations withdrawn from the review, for the note under its lists."""
    return [
        *LearningPoint.objects.visible_to(user).withdrawn().filter(review=review),
        *Recommendation.objects.visible_to(user).withdrawn().filter(review=review),
    ]


RUNNING_STAGES_EXCLUDED = ("published", "not_published", "action_plan", "closed")


@dataclass(frozen=True)
class ReviewRef:
    """What a milestone's list says of its review: read as plain values, since a partnership's due list
    holds a hundred running reviews and says only their title."""

    pk: object
    title: str
    partnership_id: object


def review_milestones(*, user, partnership=None, review=None):
    """(review, milestone) for every running review this user may see: the completion target, sending
    the report ahead of publication (until it is sent) and the partners' next check of time and quality.
    The review is a ReviewRef (its key, title and partnership). `partnership`: one, or a list of them."""
    from django.conf import settings
    from django.db.models import Max

    from . import milestones

    reviews = Review.objects.visible_to(user).exclude(stage__in=RUNNING_STAGES_EXCLUDED)
    if partnership is not None:
        reviews = reviews.filter(**of_partnerships("partnership", partnership))
    if review is not None:
        reviews = reviews.filter(pk=review.pk)
    rows = reviews.annotate(last_check_on=Max("monitoring_checks__checked_on")).values_list(
        "pk",
        "title",
        "partnership_id",
        "target_completion",
        "decided_on",
        "partnership__publication_notice_working_days",
        "last_check_on",
        "report__sent_to_panel_on",
    )
    found = []
    for pk, title, partnership_id, target_completion, decided_on, notice_days, last_check_on, sent_on in rows:
        ref = ReviewRef(pk, title, partnership_id)
        for milestone in milestones.milestones_of(
            review_id=pk,
            target_completion=target_completion,
            decided_on=decided_on,
            notice_working_days=notice_days,
            monitoring_months=settings.REVIEW_MONITORING_MONTHS,
            last_check_on=last_check_on,
            sent_on=sent_on,
        ):
            found.append((ref, milestone))
    return found


def monitoring_checks_for(*, user, review):
    from .models import MonitoringCheck

    return MonitoringCheck.objects.visible_to(user).filter(review=review).select_related("recorded_by")
