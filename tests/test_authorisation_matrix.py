"""The authorisation matrix: every URL the project serves, found by walking the resolver (not a list kept
by hand), is checked for

(a) anonymous visitors: sent to sign in (unless the view is declared public);
(b) a business manager of another partnership: 404 (or 403) on every object URL, for GET and POST,
    while a member of the owning partnership is let in — so the 404 is the scope at work, not a typo;
(c) a declared access rule on every view: a new URL without one fails this test.

Adding a model that views fetch through `object_view`? Add a maker for it to OBJECT_MAKERS.
"""

from dataclasses import dataclass

import pytest
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse

from casereview.accounts import permissions
from casereview.accounts.models import Agency, Membership, Partnership, Role, Subgroup
from casereview.actionplans.models import Action, DisseminationEvent, Evidence, Risk, TrainingYear
from casereview.audit.models import AuditEvent
from casereview.core.access import ObjectRule, Public, SignedIn, access_rule_of
from casereview.core.models import ExportJob
from casereview.decisions.models import (
    ChairDecision,
    InformationAttachment,
    InformationRequest,
    RapidReview,
    ReviewRecommendation,
)
from casereview.documents.models import Document, ImportBatch
from casereview.incidents.models import ChildIdentity, Incident, NotificationDuty
from casereview.library.models import Briefing, Entry
from casereview.publication.models import Publication, PublicationHold
from casereview.reporting.models import AnnualReport, CommitteePaper, WorkProgrammeItem
from casereview.reviews.models import (
    AgencyContribution,
    ChronologyImport,
    DuplicatePair,
    LearningEvent,
    LearningPoint,
    PanelMember,
    Recommendation,
    Review,
)
from casereview.testing import (
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    DisseminationEventFactory,
    EvidenceFactory,
    IncidentFactory,
    InformationAttachmentFactory,
    InformationRequestFactory,
    LearningEventFactory,
    LearningPointFactory,
    NotificationDutyFactory,
    RapidReviewFactory,
    RecommendationFactory,
    ReviewFactory,
    RiskFactory,
    SubgroupFactory,
    TrainingYearFactory,
    UserFactory,
    briefing_in,
    chronology_import_in,
    decision_in,
    document_in,
    duplicate_pair_in,
    export_job_in,
    hold_in,
    library_entry_in,
    member,
    panel_member_in,
    publication_in,
    recommendation_in,
)

# Namespaces that guard themselves and are tested on their own below.
SELF_GUARDED_NAMESPACES = {"admin"}

# model -> function(partnership) -> a record of that model belonging to the partnership.
OBJECT_MAKERS = {
    Partnership: lambda partnership: partnership,
    Agency: lambda partnership: AgencyFactory(partnership=partnership),
    Membership: lambda partnership: member(partnership, Role.PANEL_MEMBER).memberships.get(),
    Incident: lambda partnership: IncidentFactory(partnership=partnership),
    ChildIdentity: lambda partnership: IncidentFactory(partnership=partnership).identity,
    NotificationDuty: lambda partnership: NotificationDutyFactory(incident__partnership=partnership),
    RapidReview: lambda partnership: RapidReviewFactory(incident__partnership=partnership),
    InformationRequest: lambda partnership: InformationRequestFactory(rapid_review__incident__partnership=partnership),
    InformationAttachment: lambda partnership: InformationAttachmentFactory(
        info_request__rapid_review__incident__partnership=partnership
    ),
    ReviewRecommendation: recommendation_in,
    ChairDecision: decision_in,
    Review: lambda partnership: ReviewFactory(partnership=partnership, is_confidential=True),
    PanelMember: panel_member_in,
    AgencyContribution: lambda partnership: AgencyContributionFactory(review__partnership=partnership),
    ChronologyImport: chronology_import_in,
    DuplicatePair: duplicate_pair_in,
    LearningPoint: lambda partnership: LearningPointFactory(review__partnership=partnership),
    Recommendation: lambda partnership: RecommendationFactory(review__partnership=partnership),
    Document: document_in,
    ImportBatch: lambda partnership: document_in(partnership).batch,
    Publication: publication_in,
    PublicationHold: hold_in,
    Action: lambda partnership: ActionFactory(review__partnership=partnership),
    Evidence: lambda partnership: EvidenceFactory(action__review__partnership=partnership),
    Risk: lambda partnership: RiskFactory(partnership=partnership),
    Entry: library_entry_in,
    Briefing: briefing_in,
    AnnualReport: lambda partnership: AnnualReport.objects.create(partnership=partnership, year_starting=2018),
    CommitteePaper: lambda partnership: committee_paper_in(partnership),
    Subgroup: lambda partnership: SubgroupFactory(partnership=partnership),
    WorkProgrammeItem: lambda partnership: WorkProgrammeItem.objects.create(
        subgroup=SubgroupFactory(partnership=partnership), title="Audit of strategy discussions", owner="Chair"
    ),
    TrainingYear: lambda partnership: TrainingYearFactory(partnership=partnership),
    DisseminationEvent: lambda partnership: DisseminationEventFactory(partnership=partnership),
    LearningEvent: lambda partnership: LearningEventFactory(review__partnership=partnership),
    ExportJob: export_job_in,
}


def committee_paper_in(partnership):
    from datetime import date

    return CommitteePaper.objects.create(
        partnership=partnership,
        meeting="Health and Wellbeing Board",
        meeting_date=date(2015, 10, 21),
        title="Serious case review",
        from_whom="Strategic Director",
        recommendations="Note the report.",
        background="Background.",
        key_issues="Learning.",
        created_by=UserFactory(),
    )


def lookup_value(obj, field):
    """The value of `field` on `obj`, following Django's double-underscore paths (incident__pk)."""
    for part in field.split("__"):
        obj = getattr(obj, part)
    return obj


@dataclass
class Route:
    name: str
    namespace: str
    route: str
    view: object
    kwarg_names: tuple

    @property
    def rule(self):
        return access_rule_of(self.view)


def walk(patterns, namespace=None, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            ns = f"{namespace}:{pattern.namespace}" if namespace and pattern.namespace else ns
            yield from walk(pattern.url_patterns, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or "")
            kwarg_names = tuple(pattern.pattern.regex.groupindex)
            yield Route(name, namespace or "", prefix + str(pattern.pattern), pattern.callback, kwarg_names)


def project_routes():
    return [r for r in walk(get_resolver().url_patterns) if r.namespace.split(":")[0] not in SELF_GUARDED_NAMESPACES]


def undeclared_routes(patterns):
    return [
        r.route for r in walk(patterns) if r.rule is None and r.namespace.split(":")[0] not in SELF_GUARDED_NAMESPACES
    ]


# --- (c) every view declares its rule -------------------------------------------------------------


def test_every_url_declares_an_access_rule():
    missing = undeclared_routes(get_resolver().url_patterns)
    assert missing == [], (
        "These URLs have no access rule; decorate their views with public_view, signed_in_view or "
        f"object_view (casereview/core/access.py): {missing}"
    )


def test_the_matrix_catches_an_undeclared_url():
    """A test of the test: a view added without a rule is reported."""

    def forgotten(request):
        return HttpResponse("secret")

    patterns = [*get_resolver().url_patterns, path("forgotten/", forgotten, name="forgotten")]
    assert undeclared_routes(patterns) == ["forgotten/"]


def test_the_walk_finds_every_project_url():
    names = {r.name for r in project_routes()}
    assert {"home", "accounts:partnership_detail", "accounts:agency_detail", "audit:event_list"} <= names
    assert all(r.name for r in project_routes()), "every URL needs a name so it can be reversed"


# --- (a) and (b) ---------------------------------------------------------------------------------


@pytest.fixture
def insider(partnership_a):
    """Holds every role in partnership A, so any object URL of A's must let them in."""
    user = UserFactory(username="insider")
    agency = AgencyFactory(partnership=partnership_a, name="Insider's agency")
    for role in Role.values:
        Membership.objects.create(user=user, partnership=partnership_a, role=role, agency=agency)
    return user


def url_for(route, partnership):
    rule = route.rule
    if not route.kwarg_names:
        return reverse(route.name)
    if isinstance(rule, ObjectRule):
        if rule.model not in OBJECT_MAKERS:
            pytest.fail(f"{route.name}: add a maker for {rule.model.__name__} to OBJECT_MAKERS")
        extra = set(route.kwarg_names) - {rule.url_kwarg}
        if extra:
            pytest.fail(f"{route.name}: the matrix cannot fill URL arguments {sorted(extra)}")
        obj = OBJECT_MAKERS[rule.model](partnership)
        return reverse(route.name, kwargs={rule.url_kwarg: lookup_value(obj, rule.field)})
    return None


def guarded_routes():
    return [pytest.param(r, id=r.name) for r in project_routes() if not isinstance(r.rule, Public)]


def object_routes():
    return [pytest.param(r, id=r.name) for r in project_routes() if isinstance(r.rule, ObjectRule)]


@pytest.mark.django_db
@pytest.mark.parametrize("route", guarded_routes())
def test_anonymous_visitors_are_sent_to_sign_in(client, route, partnership_a):
    url = url_for(route, partnership_a)
    if url is None:
        pytest.fail(f"{route.name}: a signed-in URL with arguments needs an object rule")
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{method.__name__.upper()} {url}"
        assert response["Location"].startswith(reverse("accounts:login")), url


@pytest.mark.django_db
@pytest.mark.parametrize("route", object_routes())
def test_outsiders_cannot_reach_another_partnerships_records(client, route, partnership_a, charlie, insider):
    url = url_for(route, partnership_a)
    client.force_login(insider)
    # 405: a POST-only action (moving an item, quality-assuring) answers GET with "method not allowed".
    assert client.get(url).status_code in (200, 302, 405), f"the owning partnership's member should reach {url}"
    client.force_login(charlie)
    for method in (client.get, client.post):
        response = method(url)
        allowed = (403, 404, 405) if method == client.get else (403, 404)
        assert response.status_code in allowed, f"{method.__name__.upper()} {url} gave {response.status_code}"


# Roles tried, in order, as the member who may read a record but not take the action: those whose reading is
# not narrowed further by row rules (a reviewer sees only the reviews they are appointed to, an agency lead
# only their agency's; the matrix's reviews are confidential, which the chair sees), so a refusal must be 403
# and not 404.
READERS_IN_ORDER = [Role.CHAIR, Role.PANEL_MEMBER, Role.EXECUTIVE, Role.VIEWER, Role.BUSINESS_MANAGER]


def reader_role_for(route):
    rule = route.rule
    label = rule.model._meta.label_lower
    allowed = permissions.RULES[label][rule.action]
    readers = permissions.RULES[label]["view"]
    return next((role for role in READERS_IN_ORDER if role in readers and role not in allowed), None)


def refused_routes():
    return [
        pytest.param(r, id=r.name)
        for r in project_routes()
        if isinstance(r.rule, ObjectRule) and r.rule.action != "view" and reader_role_for(r)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("route", refused_routes())
def test_a_member_who_may_read_but_not_act_is_refused(client, route, partnership_a):
    """403, not 404: they know the record exists; and a POST changes nothing."""
    url = url_for(route, partnership_a)
    role = reader_role_for(route)
    client.force_login(member(partnership_a, role, username=f"reader-{role}"))
    events = AuditEvent.objects.count()
    assert client.get(url).status_code in (403, 405), f"GET {url} as {role}"
    assert client.post(url).status_code == 403, f"POST {url} as {role}"
    assert AuditEvent.objects.count() == events


def test_public_pages_are_only_the_sign_in_and_password_reset_pages():
    public = sorted(r.name for r in project_routes() if isinstance(r.rule, Public))
    assert public == [
        "accounts:invitation_accept",
        "accounts:login",
        "accounts:password_reset",
        "accounts:password_reset_complete",
        "accounts:password_reset_confirm",
        "accounts:password_reset_done",
        "reporting:calendar_feed",
    ]


def test_signed_in_pages_take_no_record_from_the_url():
    for route in project_routes():
        if isinstance(route.rule, SignedIn):
            assert not route.kwarg_names, f"{route.name} reads a record from its URL: use object_view"


@pytest.mark.django_db
def test_admin_is_for_system_administrators_only(client, alice, admin_user):
    url = reverse("admin:accounts_partnership_changelist")
    assert client.get(url).status_code == 302
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(admin_user)
    assert client.get(url).status_code == 200


# --- two-factor sign-in (on in production) ----------------------------------------------------------


def before_two_factor_routes():
    return sorted(r.name for r in project_routes() if getattr(r.view, "before_two_factor", False))


def test_only_entering_the_code_setting_up_and_signing_out_come_before_the_second_factor():
    assert before_two_factor_routes() == [
        "accounts:logout",
        "accounts:two_factor_setup",
        "accounts:two_factor_verify",
    ]


def second_factor_routes():
    return [
        pytest.param(r, id=r.name)
        for r in project_routes()
        if not isinstance(r.rule, Public) and not getattr(r.view, "before_two_factor", False)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("route", second_factor_routes())
def test_a_business_manager_who_gave_only_the_password_is_asked_for_the_code(client, route, partnership_a, settings):
    """With CASEREVIEW_TWO_FACTOR on (production), every page but the code's own waits for the code."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.CASEREVIEW_TWO_FACTOR = True
    manager = member(partnership_a, Role.BUSINESS_MANAGER, username="manager")
    TOTPDevice.objects.create(user=manager, name="Authenticator app", confirmed=True)
    url = url_for(route, partnership_a)
    client.force_login(manager)
    events = AuditEvent.objects.count()
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{method.__name__.upper()} {url} gave {response.status_code}"
        assert response["Location"].startswith(reverse("accounts:two_factor_verify")), url
    assert AuditEvent.objects.count() == events
