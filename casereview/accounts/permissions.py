"""The one place that decides who may do what to which record.

Access is by role within a partnership: a membership (user, partnership, role) grants the actions that
RULES lists for that role, on the records of that partnership only. Everything else asks here:

- `scope(queryset, user, action)` narrows any list (reached as `Model.objects.visible_to(user)`);
- `can(user, action, obj)` answers for one record, by running the same scope on it, so a list and a
  detail page can never disagree;
- `object_for_user(...)` fetches one record for a page: 404 when it is out of the user's scope (an
  outsider cannot learn that it exists), 403 when they may see it but not do this, and an audited read
  when the record is confidential.

Later capabilities add their models to RULES (and, where a record is narrower than its partnership — an
agency's own drafts, a confidential review — a row rule in ROW_RULES).
"""

import copy

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Partnership, Role

BM = Role.BUSINESS_MANAGER
CHAIR = Role.CHAIR
EXECUTIVE = Role.EXECUTIVE
PANEL = Role.PANEL_MEMBER
AGENCY_LEAD = Role.AGENCY_LEAD
REVIEWER = Role.REVIEWER
VIEWER = Role.VIEWER

ALL_ROLES = frozenset(Role.values)
# Viewers (practitioners, training leads) see published learning only: never people or case records.
PROFESSIONALS = ALL_ROLES - {VIEWER}
MANAGERS = frozenset({BM})
# Who reads a partnership's cases (incidents, rapid reviews, decisions). Reviewers see only the reviews
# they are appointed to; agency leads only what concerns their agency (AGENCY_PATHS).
CASE_READERS = frozenset({BM, CHAIR, EXECUTIVE, PANEL})
CASE_READERS_AND_LEADS = CASE_READERS | {AGENCY_LEAD}
CHAIR_ONLY = frozenset({CHAIR})
REVIEW_READERS = CASE_READERS | {REVIEWER, AGENCY_LEAD}
BM_OR_CHAIR = frozenset({BM, CHAIR})

# What each role may see and do, in the words shown beside it when someone is invited or given a role.
# Kept beside RULES so that a change to one is read beside the other.
ROLE_SUMMARIES = {
    BM: "Runs the partnership's cases and reviews: records incidents, opens rapid reviews, invites people and "
    "publishes reports. Sees children's names.",
    CHAIR: "Decides whether each case is reviewed, and reads every case and review. Sees children's names.",
    EXECUTIVE: "Reads cases, reviews, the dashboard and the yearly report; a confidential review only if they "
    "sit on its panel. Changes nothing.",
    PANEL: "Reads cases and reviews; a confidential review only if they sit on its panel. Changes nothing.",
    AGENCY_LEAD: "Answers their agency's requests, sends its chronologies and reports and updates its actions. "
    "Sees only what concerns their agency.",
    REVIEWER: "Reads the reviews they are appointed to and writes their findings. Sees nothing else.",
    VIEWER: "Reads published, anonymised learning and briefings. Never sees a case or a person's details.",
}

# model label -> action -> roles that may do it within their own partnership.
RULES = {
    # a prepared export: only the person who asked (_own_exports); the export's own page rule is checked
    # again at download (core/exports.py)
    "core.exportjob": {"view": ALL_ROLES},
    "accounts.partnership": {
        "view": ALL_ROLES,
        "change": MANAGERS,
        "view_people": PROFESSIONALS,
        "invite_person": MANAGERS,
        "view_audit": MANAGERS,
        "add_agency": MANAGERS,
        "list_cases": CASE_READERS_AND_LEADS,
        "add_incident": MANAGERS,
        "view_deadlines": CASE_READERS_AND_LEADS,
        "view_executive_report": frozenset({BM, CHAIR, EXECUTIVE}),
        "list_reviews": REVIEW_READERS,
        "add_review": MANAGERS,
        "import_documents": MANAGERS,
        # actionplans: an agency lead's monitoring list shows only their agency's actions (AGENCY_PATHS).
        "view_action_plans": CASE_READERS_AND_LEADS,
        "view_escalations": frozenset({BM, CHAIR, EXECUTIVE}),
        "view_dissemination": ALL_ROLES,
        "record_dissemination": MANAGERS,
        "view_risk_register": CASE_READERS,
        "change_risk_register": MANAGERS,
        # the learning library: everyone reads what they may; the business manager writes briefings
        "view_library": ALL_ROLES,
        "add_briefing": MANAGERS,
        # reporting: the yearly report, committee papers, the executive dashboard, the national picture
        "view_annual_reports": CASE_READERS,
        "prepare_annual_report": MANAGERS,
        "view_committee_papers": CASE_READERS,
        "prepare_committee_paper": MANAGERS,
        "view_dashboard": frozenset({BM, CHAIR, EXECUTIVE}),
        "export_national_picture": BM_OR_CHAIR,
    },
    "accounts.agency": {"view": ALL_ROLES, "change": MANAGERS},
    "accounts.subgroup": {"view": ALL_ROLES, "change": MANAGERS},
    "accounts.membership": {"view": PROFESSIONALS, "change": MANAGERS},
    "audit.auditevent": {"view": MANAGERS, "export": MANAGERS},
    "incidents.incident": {
        "view": CASE_READERS_AND_LEADS,
        "create": MANAGERS,
        "change": MANAGERS,
        "record_notification": MANAGERS,
        "open_rapid_review": MANAGERS,
        "recommend": MANAGERS,
        "decide": CHAIR_ONLY,
        "record_outcome": BM_OR_CHAIR,  # the national panel's response, telling the family
    },
    # Who the child is: the business manager and the chair only, every opening audited.
    "incidents.childidentity": {"view": BM_OR_CHAIR, "change": BM_OR_CHAIR},
    "incidents.notificationduty": {"view": CASE_READERS, "change": MANAGERS},
    "decisions.rapidreview": {"view": CASE_READERS_AND_LEADS, "change": MANAGERS},
    "decisions.informationrequest": {"view": CASE_READERS_AND_LEADS, "answer": frozenset({BM, AGENCY_LEAD})},
    # documents sent with the information: read by whoever reads the request; withdrawn (sent in error) by
    # whoever may answer it
    "decisions.informationattachment": {"view": CASE_READERS_AND_LEADS, "withdraw": frozenset({BM, AGENCY_LEAD})},
    "decisions.criterionassessment": {"view": CASE_READERS},
    # Corrected (with a reason, audited) by whoever may make them: the business manager records the
    # subgroup's recommendation, the chair alone decides.
    "decisions.reviewrecommendation": {"view": CASE_READERS, "correct": MANAGERS},
    "decisions.chairdecision": {"view": CASE_READERS, "correct": CHAIR_ONLY},
    "decisions.panelresponse": {"view": CASE_READERS},
    "decisions.familycommunication": {"view": CASE_READERS},
    # documents brought in for extraction: the business manager checks and applies them
    "documents.document": {"view": MANAGERS, "change": MANAGERS},
    "documents.importbatch": {"view": MANAGERS},
    "documents.extracteditem": {"view": MANAGERS},
    # anonymisation and publication
    "publication.report": {"view": CASE_READERS | {REVIEWER}},
    "publication.replacementterm": {"view": frozenset({BM, CHAIR, REVIEWER})},
    "publication.reportsignoff": {"view": CASE_READERS | {REVIEWER}},
    "publication.publicationhold": {"view": CASE_READERS | {REVIEWER}, "lift": MANAGERS},
    "publication.publication": {"view": ALL_ROLES},
    # reviews: who reads a review is narrowed further by _review_rows (confidential reviews, reviewers
    # appointed to it, agency leads asked for a contribution).
    "reviews.review": {
        "view": REVIEW_READERS,
        "change": MANAGERS,
        "edit_findings": frozenset({BM, REVIEWER}),
        "judge_duplicates": frozenset({BM, PANEL, REVIEWER}),
        "export": CASE_READERS | {REVIEWER},
        "anonymise": frozenset({BM, REVIEWER}),
        "manage_publication": MANAGERS,
    },
    "reviews.termsofreference": {"view": CASE_READERS | {REVIEWER}},
    "reviews.panelmember": {"view": CASE_READERS | {REVIEWER}, "change": MANAGERS},
    "reviews.reviewerappointment": {"view": CASE_READERS | {REVIEWER}},
    "reviews.agencycontribution": {
        "view": REVIEW_READERS,
        "submit": frozenset({BM, AGENCY_LEAD}),
        "quality_assure": MANAGERS,
    },
    "reviews.chronologyentry": {"view": CASE_READERS | {REVIEWER}},
    "reviews.chronologytally": {"view": CASE_READERS | {REVIEWER}},  # counts of the entries: read as they are
    "reviews.chronologyimport": {"view": frozenset({BM, AGENCY_LEAD})},
    "reviews.duplicatepair": {"view": CASE_READERS | {REVIEWER}, "judge": frozenset({BM, PANEL, REVIEWER})},
    "reviews.learningevent": {"view": CASE_READERS | {REVIEWER}, "change": MANAGERS},
    "reviews.familyinvolvement": {"view": CASE_READERS | {REVIEWER}},
    "reviews.monitoringcheck": {"view": CASE_READERS | {REVIEWER}},
    # An agency lead reads the learning points and recommendations their agency's actions answer (they
    # deliver those actions), and no others (AGENCY_PATHS; _answered_by_own_actions).
    "reviews.learningpoint": {"view": CASE_READERS | {REVIEWER, AGENCY_LEAD}, "change": frozenset({BM, REVIEWER})},
    "reviews.recommendation": {"view": CASE_READERS | {REVIEWER, AGENCY_LEAD}, "change": frozenset({BM, REVIEWER})},
    # actionplans
    "actionplans.action": {
        "view": CASE_READERS_AND_LEADS,
        "change": MANAGERS,
        "post_update": frozenset({BM, AGENCY_LEAD}),
        "close": BM_OR_CHAIR,  # the monitoring subgroup's sign-off
        "reopen": BM_OR_CHAIR,
    },
    "actionplans.progressupdate": {"view": CASE_READERS_AND_LEADS},
    "actionplans.evidence": {"view": CASE_READERS_AND_LEADS},
    "actionplans.signoff": {"view": CASE_READERS_AND_LEADS},
    "actionplans.escalation": {"view": CASE_READERS_AND_LEADS},
    "actionplans.actionplansettings": {"view": CASE_READERS, "change": MANAGERS},
    # Published learning: viewers (practitioners, training leads) see how it was spread.
    "actionplans.disseminationevent": {"view": ALL_ROLES, "change": MANAGERS},
    "actionplans.trainingyear": {"view": ALL_ROLES, "change": MANAGERS},
    "actionplans.risk": {"view": CASE_READERS, "change": MANAGERS},
    # the learning library (_library_rows narrows entries; drafts of briefings are the editors')
    "library.entry": {"view": ALL_ROLES, "change": MANAGERS},
    "library.briefing": {"view": ALL_ROLES, "change": MANAGERS},
    # reporting
    "reporting.annualreport": {"view": CASE_READERS, "change": MANAGERS, "sign_off": BM_OR_CHAIR},
    "reporting.annualfigure": {"view": CASE_READERS},
    "reporting.contribution": {"view": CASE_READERS},
    "reporting.sectionversion": {"view": CASE_READERS},
    "reporting.committeepaper": {"view": CASE_READERS, "change": MANAGERS},
    "reporting.subgroupmember": {"view": PROFESSIONALS},
    "reporting.subgroupmeeting": {"view": PROFESSIONALS},
    "reporting.workprogrammeitem": {"view": PROFESSIONALS, "change": MANAGERS},
}

# model label -> path from the record to the agency it concerns. An agency lead sees such a record only
# when it concerns their own agency (their request, not another agency's draft).
AGENCY_PATHS = {
    "incidents.incident": "rapid_review__requests__agency",
    "decisions.rapidreview": "requests__agency",
    "decisions.informationrequest": "agency",
    "decisions.informationattachment": "info_request__agency",
    "reviews.review": "contributions__agency",
    "reviews.agencycontribution": "agency",
    "reviews.chronologyimport": "contribution__agency",
    "reviews.learningpoint": "actions__owner_agency",
    "reviews.recommendation": "actions__owner_agency",
    "actionplans.action": "owner_agency",
    "actionplans.progressupdate": "action__owner_agency",
    "actionplans.evidence": "action__owner_agency",
    "actionplans.signoff": "action__owner_agency",
    "actionplans.escalation": "action__owner_agency",
}


def _related(review_model, name):
    """The model behind one of Review's reverse relations (panel, reviewers, contributions), reached
    through the relation so accounts imports no review app."""
    return review_model._meta.get_field(name).related_model._default_manager


def visible_review_condition(user, review_model, prefix=""):
    """Which reviews a user may read:
    - the business manager and the chair: all of their partnership's;
    - executive and panel members: those not confidential, and confidential ones whose panel they sit on;
    - an independent reviewer: only the reviews they are appointed to;
    - an agency lead: non-confidential reviews that asked their agency for a contribution.

    The condition filters the rows directly (`prefix` leads from another record to its review): a
    partnership's reviews are found through the indexed partnership column and the user's own seats,
    appointments and agency, never a subquery over every review in the country."""
    from django.db.models import Q

    review = f"{prefix[:-2]}__in" if prefix else "pk__in"
    own = f"{prefix}partnership_id"
    confidential = f"{prefix}is_confidential"
    condition = Q(pk__in=[])
    for m in active_memberships(user):
        if m.role in BM_OR_CHAIR:
            condition |= Q(**{own: m.partnership_id})
        elif m.role in (EXECUTIVE, PANEL):
            seats = _related(review_model, "panel").filter(user=user).values("review_id")
            condition |= Q(**{own: m.partnership_id, confidential: False})
            condition |= Q(**{own: m.partnership_id, review: seats})
        elif m.role == REVIEWER:
            appointed = _related(review_model, "reviewers").filter(user=user).values("review_id")
            condition |= Q(**{own: m.partnership_id, review: appointed})
        elif m.role == AGENCY_LEAD and m.agency_id:
            asked = _related(review_model, "contributions").filter(agency_id=m.agency_id).values("review_id")
            condition |= Q(**{own: m.partnership_id, confidential: False, review: asked})
    return condition


# The review-scoped rules reach the Review model through the relation they follow, not by importing it:
# accounts sits below the apps whose records it decides about.


def _review_rows(queryset, user, action):
    return queryset.filter(visible_review_condition(user, queryset.model))


def _review_model(model):
    return model._meta.get_field("review").related_model


def _within_visible_reviews(queryset, user, action):
    """A review's parts are seen by those who see the review."""
    return queryset.filter(visible_review_condition(user, _review_model(queryset.model), prefix="review__"))


def _contribution_rows(queryset, user, action):
    """An agency lead sees their own agency's contributions even to a confidential review (they must
    submit them); everyone else sees those of reviews they may read."""
    from django.db.models import Q

    own = Q(pk__in=[])
    for m in active_memberships(user):
        if m.role == AGENCY_LEAD and m.agency_id:
            own |= Q(agency_id=m.agency_id, review__partnership_id=m.partnership_id)
    return queryset.filter(own | visible_review_condition(user, _review_model(queryset.model), prefix="review__"))


def _answered_by_own_actions(queryset, user, action):
    """A review's learning points and recommendations are read by those who read the review, and by an
    agency lead for those an action of their agency answers — unless the review is confidential, where the
    lead cannot see the action either. The lead's rows are picked by key (an action of their agency), so
    being asked for a contribution to the review does not open its other findings."""
    from django.db.models import Q

    condition = visible_review_condition(user, _review_model(queryset.model), prefix="review__")
    relation = queryset.model._meta.get_field("actions")
    actions = relation.related_model._default_manager
    for m in active_memberships(user):
        if m.role == AGENCY_LEAD and m.agency_id:
            answered = actions.filter(owner_agency_id=m.agency_id, review__is_confidential=False)
            condition |= Q(review__partnership_id=m.partnership_id, pk__in=answered.values(relation.field.attname))
    return queryset.filter(condition)


def _in_confidential_review(review_path):
    """Records belonging to a review (its actions and their updates) share the review's confidentiality."""
    from django.db.models import Q

    def rule(queryset, user, action):
        memberships = active_memberships(user)
        inner_circle = {m.partnership_id for m in memberships if m.role in BM_OR_CHAIR}
        if memberships and all(m.partnership_id in inner_circle for m in memberships):
            # The business manager and the chair read every review of their partnership, confidential or
            # not, and the scope holds only their partnerships' records: the rule would narrow nothing, and
            # its join to the reviews cost PostgreSQL the index of a partnership's actions.
            return queryset
        partnership = queryset.model.partnership_field
        return queryset.filter(
            Q(**{f"{review_path}__is_confidential": False}) | Q(**{f"{partnership}_id__in": inner_circle})
        )

    return rule


def _library_rows(queryset, user, action):
    """A library entry is read by everyone when it is in the national collection or is published,
    anonymised learning of a review that is not confidential; otherwise only by those who may open its
    review (so a draft or a confidential review's learning stays with its readers)."""
    from django.db.models import Q

    return queryset.filter(
        Q(partnership__isnull=True)
        | Q(is_published=True, is_confidential=False)
        | visible_review_condition(user, _review_model(queryset.model), prefix="review__")
    )


def _briefing_rows(queryset, user, action):
    """Published briefings are for everyone in the partnership; drafts for the business manager."""
    from django.db.models import Q

    editors = {m.partnership_id for m in active_memberships(user) if m.role in MANAGERS}
    return queryset.filter(Q(published_on__isnull=False) | Q(partnership_id__in=editors))


def _library_scope(queryset, partnership_ids):
    """The national collection belongs to no partnership and is shared, read-only, with every one."""
    from django.db.models import Q

    return queryset.filter(Q(partnership_id__in=partnership_ids) | Q(partnership__isnull=True))


# model label -> function(queryset, user, action) -> queryset, applied after the partnership scope. A row
# rule decides by the user and the record, not by the action (can() remembers answers under the roles
# that bear on an action).
def _own_exports(queryset, user, action):
    return queryset.filter(requested_by=user)


ROW_RULES = {
    "core.exportjob": _own_exports,
    "reviews.review": _review_rows,
    **{
        f"publication.{name}": _within_visible_reviews
        for name in ["report", "replacementterm", "reportsignoff", "publicationhold"]
    },
    "reviews.agencycontribution": _contribution_rows,
    **{
        f"reviews.{name}": _within_visible_reviews
        for name in [
            "termsofreference",
            "panelmember",
            "reviewerappointment",
            "chronologyentry",
            "chronologytally",
            "duplicatepair",
            "learningevent",
            "familyinvolvement",
            "monitoringcheck",
        ]
    },
    "reviews.learningpoint": _answered_by_own_actions,
    "reviews.recommendation": _answered_by_own_actions,
    "actionplans.action": _in_confidential_review("review"),
    "actionplans.progressupdate": _in_confidential_review("action__review"),
    "actionplans.evidence": _in_confidential_review("action__review"),
    "actionplans.signoff": _in_confidential_review("action__review"),
    "actionplans.escalation": _in_confidential_review("action__review"),
    "library.entry": _library_rows,
    "library.briefing": _briefing_rows,
}


def _audit_scope(queryset, partnership_ids):
    """Sign-ins belong to no partnership: a manager sees those of their partnership's members (and
    failed attempts on their usernames) besides the events of their partnership's records."""
    from django.db.models import Q

    from .models import Membership

    members = Membership.objects.unscoped().filter(partnership_id__in=partnership_ids)
    return queryset.filter(
        Q(partnership_id__in=partnership_ids)
        | Q(partnership__isnull=True, actor_id__in=members.values("user_id"))
        | Q(partnership__isnull=True, actor__isnull=True, object_repr__in=members.values("user__username"))
    )


# model label -> function(queryset, partnership_ids) -> queryset, replacing the plain partnership filter
# for records that are not all tied to one partnership.
PARTNERSHIP_SCOPES = {"audit.auditevent": _audit_scope, "library.entry": _library_scope}


def _label(model):
    return model._meta.label_lower


def _active_memberships_query():
    from django.db import router

    from casereview.core.compiled import CompiledQuery

    from .models import Membership

    query = CompiledQuery(
        # Membership's own order, less its user's name: the rows are all this user's (and the join for it goes)
        lambda user_id: Membership.objects.unscoped()
        .filter(user_id=user_id, is_active=True)
        .select_related("partnership", "agency")
        .order_by("partnership__name", "role"),
        Membership._meta.get_field("user"),
    )
    return query, Membership._meta.get_field("user"), router.db_for_read(Membership)


def active_memberships(user):
    """The user's active memberships, fetched once per request object (every page asks: with a query
    compiled once, core.compiled)."""
    global _MEMBERSHIPS
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_casereview_memberships", None)
    if cached is None:
        if _MEMBERSHIPS is None:
            _MEMBERSHIPS = _active_memberships_query()
        query, user_field, using = _MEMBERSHIPS
        cached = query.fetch(user.pk, using=using)
        for membership in cached:
            user_field.set_cached_value(membership, user)  # as user.memberships gives them
        user._casereview_memberships = cached
    return cached


_MEMBERSHIPS = None


def roles_for(user, action, model):
    try:
        return RULES[_label(model)][action]
    except KeyError:
        raise LookupError(f"No access rule for {action!r} on {_label(model)}: add it to RULES") from None


def partnership_ids_allowing(user, action, model):
    allowed = roles_for(user, action, model)
    return {m.partnership_id for m in active_memberships(user) if m.role in allowed}


def _agency_limited_ids(user, action, model):
    """(partnership id, agency id) pairs where the user's only claim to this record is as an agency lead."""
    allowed = roles_for(user, action, model)
    if AGENCY_LEAD not in allowed or _label(model) not in AGENCY_PATHS:
        return set()
    return {(m.partnership_id, m.agency_id) for m in active_memberships(user) if m.role == AGENCY_LEAD and m.agency_id}


def _crosses_many(model, path):
    """Whether following `path` from `model` can reach more than one row (so a join could repeat it)."""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
        if model is None:
            return False
    return False


def scope(queryset, user, action="view", *, partnership=None):
    """The records of `queryset` this user may see (or act on); with `partnership`, only that one's.

    The partnership rule is a plain filter on the record's own (indexed) path to its partnership, so a
    query's cost follows the partnership's size, not the country's; only an agency path that crosses a
    many-valued relation needs selecting by key, so that no row appears twice."""
    from django.db.models import Q

    model = queryset.model
    label = _label(model)
    lead_pairs = _agency_limited_ids(user, action, model)
    allowed = roles_for(user, action, model)
    full_roles = allowed - {AGENCY_LEAD} if label in AGENCY_PATHS else allowed
    ids = {m.partnership_id for m in active_memberships(user) if m.role in full_roles}
    if partnership is not None:
        ids &= {partnership.pk}
        lead_pairs = [(p, a) for p, a in lead_pairs if p == partnership.pk]
    if not ids and not lead_pairs:
        return _mark_scoped(queryset.none())
    custom = PARTNERSHIP_SCOPES.get(label)
    if custom:
        queryset = custom(queryset, ids)
    else:
        field = model.partnership_field
        partnership_lookup = "pk" if field == "pk" else f"{field}_id"
        condition = Q()
        if ids:
            condition = (
                Q(**{partnership_lookup: next(iter(ids))}) if len(ids) == 1 else Q(**{f"{partnership_lookup}__in": ids})
            )
        if lead_pairs:
            path = AGENCY_PATHS[label]
            leads = Q(pk__in=[])
            for partnership_id, agency_id in lead_pairs:
                leads |= Q(**{partnership_lookup: partnership_id, path: agency_id})
            if _crosses_many(model, path):
                leads = Q(pk__in=model._default_manager.filter(leads).values("pk"))
            condition = condition | leads if ids else leads
        queryset = queryset.filter(condition)
    row_rule = ROW_RULES.get(label)
    if row_rule:
        queryset = row_rule(queryset, user, action)
    return _mark_scoped(queryset)


def _mark_scoped(queryset):
    """Decided: the scoping alarm (core.scoping) lets this queryset be read."""
    queryset._casereview_needs_scope = False
    return queryset


def _decisive_memberships(user, action, model):
    """The user's memberships that bear on `action`: two actions with the same ones have the same answer
    for any record, so the answer is remembered under them for the request."""
    allowed = roles_for(user, action, model)
    return frozenset((m.partnership_id, m.role, m.agency_id) for m in active_memberships(user) if m.role in allowed)


def _answers(user):
    answers = getattr(user, "_casereview_answers", None)
    if answers is None:
        answers = {}
        if getattr(user, "is_authenticated", False):
            user._casereview_answers = answers
    return answers


def forget_answers(user):
    """After a change to the user's memberships or a record's confidentiality within one request."""
    for name in ("_casereview_answers", "_casereview_memberships"):
        if hasattr(user, name):
            delattr(user, name)


def can(user, action, obj):
    """Whether the user may take `action` on this record: the same scope as a list, answered once per
    request for each record and set of relevant roles."""
    return can_by_key(user, action, type(obj), obj.pk)


def can_by_key(user, action, model, pk):
    """can() for a record known by its key (a page linking to it), without reading the record first."""
    decisive = _decisive_memberships(user, action, model)
    if not decisive:
        return False
    answers = _answers(user)
    key = (_label(model), pk, decisive)
    if key not in answers:
        answers[key] = scope(model._default_manager.filter(pk=pk), user, action).exists()
    return answers[key]


def may_in_partnership(user, action, partnership):
    """A partnership-wide action (list incidents, read the audit log): decided from the user's roles in
    memory, with the same RULES as can(), so the navigation costs no query per link."""
    allowed = roles_for(user, action, type(partnership))
    return any(m.partnership_id == partnership.pk and m.role in allowed for m in active_memberships(user))


def has_role(user, partnership, *roles):
    return any(m.partnership_id == partnership.pk and m.role in roles for m in active_memberships(user))


def is_confidential(obj):
    """A confidential record, or one inside a confidential review (its learning points, recommendations,
    contributions, chronology imports, actions and their updates): read only with an audit event, as the
    review is. Follows the records on the path to its partnership (update -> action -> review ->
    partnership), or the model's `confidentiality_path` where its partnership is a column of its own (an
    action's partnership is its review's, copied)."""
    if getattr(obj, "is_confidential", False):
        return True
    model = type(obj)
    path = getattr(model, "confidentiality_path", None)
    steps = path.split("__") if path else (getattr(model, "partnership_field", "") or "").split("__")[:-1]
    target = obj
    for name in steps:
        target = getattr(target, name, None)
        if target is None:
            return False
        if getattr(target, "is_confidential", False):
            return True
    return False


def must_use_two_factor(user):
    """Who proves a second factor after their password (when CASEREVIEW_TWO_FACTOR is on): whoever may
    open a child's identity — decided from the same RULES, so granting that to another role asks them too —
    and system administrators, who can reach every record through the admin."""
    from django.conf import settings

    if not settings.CASEREVIEW_TWO_FACTOR or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    identity_readers = RULES["incidents.childidentity"]["view"]
    return any(m.role in identity_readers for m in active_memberships(user))


def who_may(action, model):
    """The roles that may take `action` on `model`, as people say them ("the business manager or the
    independent chair"), so a refusal never lists roles by hand."""
    allowed = roles_for(None, action, model)
    # one chair, one business manager; many panel members, executive members, agency leads
    people = [
        ("the " if value in (BM, CHAIR) else "an " if label[0] in "AEIOU" else "a ") + label[0].lower() + label[1:]
        for value, label in Role.choices
        if value in allowed
    ]
    if not people:
        return "nobody"
    return people[0] if len(people) == 1 else ", ".join(people[:-1]) + " or " + people[-1]


def refusal(action, model):
    """What the refusal page says: who may, and so whom to ask (a panel member refused the chair's decision
    is told to ask the chair, not to be given the chair's role)."""
    who = who_may(action, model)
    if who == "nobody":
        return "Nobody can do this here."
    return f"Only {who} can do this. If it needs doing, ask {who}."


def _partnership_of_memberships(user, model, lookup):
    """A partnership's page names the partnership (by slug or key): the scope's query for it would select
    one of the partnerships already read with the user's memberships for the request (RULES: every active
    membership's role views its partnership), so that row is used instead of a query a page. A copy: a form
    given the page's partnership must not change what the navigation, built from the memberships, says.
    None when it is not one of them (the scope's query then decides, and refuses)."""
    if model is not Partnership or len(lookup) != 1:
        return None
    ((field, value),) = lookup.items()
    if field not in ("slug", "pk"):
        return None
    allowed = roles_for(user, "view", Partnership)
    for membership in active_memberships(user):
        partnership = membership.partnership
        if membership.role in allowed and str(getattr(partnership, field)) == str(value):
            return copy.copy(partnership)
    return None


def _attach_partnership(user, obj):
    """A record's page says whose it is (headings, links, the partnership's settings): the record is given
    its partnership from the memberships read for the request (a copy, as above) instead of a query for
    that row when the page first asks for it."""
    if getattr(type(obj), "partnership_field", None) != "partnership":
        return
    field = obj._meta.get_field("partnership")
    if field.is_cached(obj):
        return
    for membership in active_memberships(user):
        if membership.partnership_id == obj.partnership_id:
            field.set_cached_value(obj, copy.copy(membership.partnership))
            return


def object_for_user(user, model, action="view", **lookup):
    """The record, fetched through the scope: 404 for anyone outside it, 403 for a member whose role does
    not allow the action. Writing the access log of confidential records is the caller's part."""
    obj = _partnership_of_memberships(user, model, lookup)
    if obj is None:
        queryset = model._default_manager.all() if hasattr(model, "_default_manager") else model
        obj = scope(queryset, user, "view").filter(**lookup).first()
    if obj is None:
        raise Http404("No such record, or not one you may see")
    model = type(obj)
    _attach_partnership(user, obj)
    _answers(user)[(_label(model), obj.pk, _decisive_memberships(user, "view", model))] = True
    if action != "view" and not can(user, action, obj):
        raise PermissionDenied(refusal(action, model))
    return obj
