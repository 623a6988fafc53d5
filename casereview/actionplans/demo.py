"""Demo action plans, learning events, training statistics and risks from the seeds.

- Child R's action plan (Southwark, the Southwark Child R paper (docs/domain.md) and 003): an action for each of the 12 learning points (the
  review made no formal recommendations). The four things the Southwark response to Child R (docs/domain.md) says agencies started during the
  review — return interviews for young people missing from care, research on the barriers to returning,
  more health resources for looked-after children, the CCG's review of looked-after children's services —
  are closed on their evidence. Others were due in 2016 and never signed off, so they show as overdue and
  escalated; two were refreshed and fall due relative to the day the demo is loaded (like Child S), so the
  on-track and at-risk states show too. Owners, roles and dates other than those the seeds give are the
  demo's own.
- The cascade events of September 2015 (the Southwark response to Child R, docs/domain.md); the seed gives no attendance, so none is recorded.
- Southwark's 2018-19 training statistics (the Southwark annual report 2018-19 §2.2, docs/domain.md): 45 face-to-face sessions, 340 individuals,
  81 organisations, 368 e-learning modules.
- Two entries of the Quality and Effectiveness subgroup's risk register (the Southwark annual report 2018-19 §2.2, docs/domain.md), with
  illustrative scores.
"""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from casereview.accounts.models import Agency, Partnership, User
from casereview.core.models import Theme
from casereview.reviews.models import Review

from .models import (
    Action,
    ActionStatus,
    DisseminationEvent,
    Evidence,
    EvidenceKind,
    ProgressUpdate,
    Risk,
    SignOff,
    SignOffKind,
    TrainingYear,
)

CSC = "Southwark Council Children's and Adults' Services"
CCG = "NHS Southwark Clinical Commissioning Group"
GSTT = "Guy's and St Thomas' NHS Foundation Trust"
POLICE = "Metropolitan Police Service"
EDUCATION = "Southwark Council Education"

# (learning point, owner, lead role, what will be done, measure of success, start, due, state)
# state: ("closed", closed on, evidence description, evidence link or None for a file) | ("overdue", last status)
#        | ("relative", days from today to due, status reported in the updates)
# The paper's 2016 due dates passed ten years ago: left as they are, eight overdue Child R actions would head
# every list above the live case. "overdue" actions are therefore shown as carried forward when the plan
# was refreshed, due over the coming months (the seed dates stay in the start dates and the history).
CHILD_R_ACTIONS = [
    (
        10,
        CSC,
        "Head of Looked After Children's Services",
        "Commission a service to offer return interviews to young people who go missing from care.",
        "Every young person returning from a missing episode is offered an independent return interview within 72 hours.",
        date(2014, 9, 1),
        date(2015, 6, 30),
        ("closed", date(2015, 10, 6), "Return interview service contract and first quarter's figures", None),
    ),
    (
        10,
        CSC,
        "Head of Looked After Children's Services",
        "Commission research to understand the barriers to young people who go missing from care returning to their carers.",
        "Research report received and its findings taken to the SCR subgroup.",
        date(2014, 10, 1),
        date(2015, 9, 30),
        (
            "closed",
            date(2015, 12, 1),
            "Research report: barriers to returning to placement",
            "https://intranet.southwark.example/lac/missing-barriers-research",
        ),
    ),
    (
        4,
        GSTT,
        "Head of Safeguarding Children",
        "Increase the health resources offered to looked-after children.",
        "Initial and review health assessments completed within statutory timescales for 90% of looked-after children.",
        date(2014, 11, 1),
        date(2015, 9, 30),
        (
            "closed",
            date(2015, 11, 3),
            "LAC health team establishment and assessment timeliness report",
            "https://intranet.southwark.example/health/lac-health-resources",
        ),
    ),
    (
        4,
        CCG,
        "Designated Nurse, Safeguarding Children",
        "Review the arrangements for looked-after children's health services.",
        "Review completed and its recommendations agreed by the CCG's governing body.",
        date(2014, 9, 1),
        date(2015, 7, 31),
        (
            "closed",
            date(2015, 10, 6),
            "CCG review of looked-after children's services",
            "https://intranet.southwark.example/ccg/lac-services-review",
        ),
    ),
    (
        1,
        CSC,
        "Principal Social Worker",
        "Build a child's psycho-social history into assessment templates and audit their use.",
        "Multi-agency audit shows psycho-social history in 80% of assessments of looked-after children.",
        date(2015, 9, 1),
        date(2016, 3, 31),
        ("overdue", ActionStatus.ON_TRACK),
    ),
    (
        2,
        CSC,
        "Assistant Director, Children's Social Care",
        "Keep a team-level record of staff turnover and sickness, with a handover plan for every case when a worker leaves.",
        "Every transferred case has a handover plan; quarterly workforce report to the board.",
        date(2015, 9, 1),
        date(2016, 6, 30),
        ("overdue", ActionStatus.AT_RISK),
    ),
    (
        3,
        CSC,
        "Head of Looked After Children's Services",
        "Limit changes of key worker for looked-after adolescents and record the young person's views at every LAC review.",
        "The young person's wishes and feelings are recorded in every LAC review in the annual audit.",
        date(2015, 9, 1),
        None,
        ("relative", 45, ActionStatus.ON_TRACK),
    ),
    (
        5,
        CSC,
        "Head of Placements",
        "Give foster carers a written summary of the child's needs, plans and relevant history at every placement, including out of borough.",
        "Foster carer survey: 90% received the summary at placement.",
        date(2015, 9, 1),
        date(2016, 3, 31),
        ("overdue", ActionStatus.NOT_STARTED),
    ),
    (
        6,
        CSC,
        "Safeguarding Boards Business Manager",
        "Refresh the multi-agency escalation protocol and audit how long escalations take to resolve.",
        "Escalations resolved within 20 working days in the annual audit.",
        date(2015, 9, 1),
        None,
        ("relative", 20, ActionStatus.AT_RISK),
    ),
    (
        7,
        CSC,
        "Head of Placements",
        "Commission specialist placements for complex adolescents to widen the choice for matching.",
        "Matching meeting held before every planned placement of an adolescent.",
        date(2015, 9, 1),
        date(2016, 9, 30),
        ("overdue", ActionStatus.ON_TRACK),
    ),
    (
        8,
        CSC,
        "Principal Social Worker",
        "Require a genogram, an up-to-date chronology and a transfer summary before any case transfers.",
        "Case transfer audit: 90% of transfers with all three.",
        date(2015, 9, 1),
        date(2016, 3, 31),
        ("overdue", ActionStatus.ON_TRACK),
    ),
    (
        9,
        EDUCATION,
        "Head of the Virtual School",
        "Agree a protocol for transferring a looked-after child's records when they move school, within 5 school days.",
        "Records transferred within 5 school days for every school move in the year.",
        date(2015, 9, 1),
        date(2016, 7, 22),
        ("overdue", ActionStatus.NOT_STARTED),
    ),
    (
        11,
        POLICE,
        "Detective Inspector, Child Abuse Investigation",
        "Agree with Children's Social Care a joint protocol on roles for a looked-after child at high risk of harm.",
        "Protocol signed by both agencies and used in every strategy meeting about a looked-after child at high risk.",
        date(2015, 9, 1),
        date(2016, 3, 31),
        ("overdue", ActionStatus.AT_RISK),
    ),
    (
        12,
        CSC,
        "CSE Strategic / MASE chair",
        "Deliver online-safety sessions for looked-after young people and their carers.",
        "Every residential home and foster carer offered the session within the year.",
        date(2015, 9, 1),
        date(2016, 9, 30),
        ("overdue", ActionStatus.NOT_STARTED),
    ),
]


@transaction.atomic
def load(slugs):
    created = 0
    if "southwark" not in slugs:
        return created
    partnership = Partnership.objects.get(slug="southwark")
    review = Review.objects.filter(partnership=partnership, title="Child R").first()
    if review is not None and review.learning_points.exists() and not Action.objects.filter(review=review).exists():
        created += _child_r_plan(review)
    if review is not None and not DisseminationEvent.objects.filter(partnership=partnership).exists():
        created += _cascade_events(partnership, review)
    if not TrainingYear.objects.filter(partnership=partnership, year_starting=2018).exists():
        TrainingYear.objects.create(
            partnership=partnership,
            year_starting=2018,
            sessions=45,
            individuals=340,
            organisations=81,
            elearning_modules=368,
        )
        created += 1
    if not Risk.objects.filter(partnership=partnership).exists():
        created += _risks(partnership, review)
    return created


def _child_r_plan(review):
    today = timezone.localdate()
    agencies = {a.name: a for a in Agency.objects.filter(partnership=review.partnership)}
    points = {p.number: p for p in review.learning_points.all()}
    manager = User.objects.get(username="southwark.manager")
    chair = User.objects.get(username="southwark.chair")
    police_lead = User.objects.get(username="southwark.police.lead")
    created = 0
    carried = 0
    for number, (point, owner, lead, what, measure, start, due, state) in enumerate(CHILD_R_ACTIONS, start=1):
        kind = state[0]
        if kind == "relative":
            due = today + timedelta(days=state[1])
        elif kind == "overdue":
            carried += 1
            due = today + timedelta(days=30 + 14 * carried)
        action = Action.objects.create(
            review=review,
            learning_point=points[point],
            number=number,
            owner_agency=agencies[owner],
            lead_role=lead,
            description=what,
            success_measure=measure,
            start_date=start,
            due_date=due,
        )
        created += 1
        reporter = police_lead if owner == POLICE else manager
        if kind == "closed":
            closed_on, description, url = state[1], state[2], state[3]
            update = ProgressUpdate.objects.create(
                action=action,
                posted_on=closed_on - timedelta(days=21),
                status=ActionStatus.COMPLETED,
                text="Completed; evidence attached for the SCR subgroup.",
                posted_by=reporter,
            )
            _evidence(action, update, description, url, reporter)
            action.status, action.closed_on, action.closed_by = ActionStatus.CLOSED, closed_on, chair
            action.closure_note = "Evidence seen and the action signed off by the SCR subgroup."
            action.save()
            SignOff.objects.create(
                action=action, kind=SignOffKind.CLOSED, on=closed_on, by=chair, note=action.closure_note
            )
            created += 3
        elif kind == "overdue":
            ProgressUpdate.objects.create(
                action=action,
                posted_on=today - timedelta(days=28),
                status=state[1],
                posted_by=reporter,
                text="Carried forward when the plan was refreshed; reported to the SCR subgroup, no evidence yet.",
            )
            action.status = state[1]
            action.save()
            created += 1
        else:
            status = state[2]
            runs = 2 if status == ActionStatus.AT_RISK else 1
            for n in range(runs):
                ProgressUpdate.objects.create(
                    action=action,
                    posted_on=today - timedelta(days=28 * (runs - n)),
                    status=status,
                    posted_by=reporter,
                    text="Refreshed after the 2016 audit; progress reported to the subgroup.",
                )
                created += 1
            action.status = status
            if status == ActionStatus.AT_RISK:
                action.at_risk_streak, action.at_risk_since = runs, timezone.now() - timedelta(days=28 * runs)
            action.save()
    return created


def _evidence(action, update, description, url, added_by):
    evidence = Evidence(action=action, update=update, description=description, added_by=added_by)
    if url:
        evidence.kind, evidence.url = EvidenceKind.LINK, url
    else:
        body = (f"{description}\n\nDemo evidence for casereview: Child R, action {action.number}.\n").encode()
        evidence.kind, evidence.file_name, evidence.content_type, evidence.size = (
            EvidenceKind.FILE,
            "return-interviews.txt",
            "text/plain",
            len(body),
        )
        evidence.file.save(evidence.file_name, ContentFile(body), save=False)
    evidence.save()


def _cascade_events(partnership, review):
    created = 0
    for held_on, audience in [
        (date(2015, 9, 15), "Partner agencies' practitioners and managers"),
        (date(2015, 9, 29), "Partner agencies' designated safeguarding leads"),
    ]:
        event = DisseminationEvent.objects.create(
            partnership=partnership,
            kind="cascade",
            title="Child R: cascade of the learning points",
            held_on=held_on,
            audience=audience,
            notes="Repeat of the cascade event held during the review (the Southwark response to Child R, docs/domain.md). Attendance not recorded.",
        )
        event.reviews.set([review])
        created += 1
    return created


def _risks(partnership, review):
    themes = {t.name: t for t in Theme.objects.all()}
    created = 0
    for title, description, owner, scores, mitigation, theme in [
        (
            "Escalation between agencies is slow to resolve",
            "Professional disagreements about a child's plan are not escalated in time, leaving unsatisfactory situations going "
            "on for too long (Child R, learning point 6).",
            "Chair, Quality and Effectiveness subgroup",
            (4, 4, 2, 4),
            "Refreshed escalation protocol; quarterly audit of time taken to resolve escalations; overdue actions escalated to "
            "the executive group.",
            "Escalation and professional challenge",
        ),
        (
            "Loss of case knowledge through workforce turnover",
            "High turnover and sickness in children's social care teams risk loss of knowledge about cases and failure to carry "
            "out statutory duties (Child R, learning point 2).",
            "Assistant Director, Children's Social Care",
            (4, 5, 3, 4),
            "Handover plans for every transferred case; workforce report to the board each quarter.",
            "Workforce turnover and capacity",
        ),
    ]:
        likelihood, impact, residual_likelihood, residual_impact = scores
        risk = Risk.objects.create(
            partnership=partnership,
            title=title,
            description=description,
            owner=owner,
            likelihood=likelihood,
            impact=impact,
            mitigation=mitigation,
            residual_likelihood=residual_likelihood,
            residual_impact=residual_impact,
            review_date=timezone.localdate() + timedelta(days=60),
            escalated=title.startswith("Escalation"),
        )
        if review is not None:
            risk.reviews.set([review])
        if theme in themes:
            risk.themes.set([themes[theme]])
        created += 1
    return created
