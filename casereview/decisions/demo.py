"""Demo cases from the seed papers, recorded through the same services people use (so they are audited
and validated like real ones). Where a seed gives only a month, the day chosen is marked illustrative
in the incident's summary.

- Southwark, Child R (the Southwark Child R paper (docs/domain.md), 003): spring 2014, looked-after 15-year-old, serious sexual harm
  reported the same day; the Board decided in March 2014 to hold a serious case review.
- Tower Hamlets, baby E and M (the Tower Hamlets SCR paper §4, docs/domain.md): 2007 serious case reviews.
- Worcestershire (the Worcestershire CSPR paper (docs/domain.md) §24-26): one looked-after young person's case commissioned as an SCR
  (confidential; terms of reference written, author appointed, completion July 2020) and two cases where
  the rapid review found the criteria not met and the national panel agreed.
"""

from datetime import date, timedelta

from django.db import transaction

from casereview.accounts.models import Agency, Membership, Partnership, Role, Subgroup
from casereview.incidents import services as incident_services
from casereview.incidents.models import Incident
from casereview.reviews.models import ReviewType, Stage

from . import services
from .models import InformationRequest


def _people(partnership):
    def first(role):
        membership = Membership.objects.filter(partnership=partnership, role=role).select_related("user").first()
        return membership.user if membership else None

    return first(Role.BUSINESS_MANAGER), first(Role.CHAIR) or first(Role.BUSINESS_MANAGER)


def _agencies(partnership, *sectors):
    return list(Agency.objects.filter(partnership=partnership, sector__in=sectors))


def _subgroup(partnership, words):
    return Subgroup.objects.filter(partnership=partnership, name__icontains=words).first()


def _case(
    partnership,
    *,
    facts,
    agencies,
    identity=None,
    rapid_review=None,
    recommendation=None,
    decision=None,
    panel_response=None,
    family=None,
    duties_sent=None,
    review_changes=None,
):
    manager, chair = _people(partnership)
    incident = incident_services.incident_create(
        actor=manager, partnership=partnership, facts=facts, agencies=agencies, identity=identity
    )
    for duty in incident.duties.all():
        if duties_sent:
            incident_services.duty_mark_sent(
                actor=manager, duty=duty, sent_on=duties_sent, reference="DfE notification (demo)"
            )
    if rapid_review:
        opened_on, answers, update = rapid_review
        review = services.rapid_review_open(actor=manager, incident=incident, agencies=agencies, opened_on=opened_on)
        completed_on = update.get("completed_on")
        for info in review.requests.select_related("agency"):
            # A rapid review completed in the past had every agency's information before it was completed
            # (walkthrough 10: the demo's first day told every lead theirs had arrived too late).
            text = answers.get(info.agency.name) or (_SUMMARY.format(agency=info.agency.name) if completed_on else "")
            if text:
                services.information_request_answer(actor=manager, info_request=info, response=text)
                if completed_on:
                    # sent on its due date (or the day the review was completed, if that came first), not on
                    # the day the demo was loaded
                    InformationRequest.objects.unscoped().filter(pk=info.pk).update(
                        responded_on=min(info.due_date, completed_on)
                    )
        services.rapid_review_update(actor=manager, rapid_review=review, **update)
    if recommendation:
        services.recommendation_make(actor=manager, incident=incident, **recommendation)
    if decision:
        services.chair_decide(actor=chair, incident=incident, **decision)
    if panel_response:
        services.panel_response_record(actor=manager, incident=incident, **panel_response)
    if family:
        services.family_communication_record(actor=manager, incident=incident, **family)
    if review_changes and hasattr(incident, "review"):
        for field, value in review_changes.items():
            setattr(incident.review, field, value)
        incident.review.save()
    return incident


_SUMMARY = "{agency}'s involvement with the child and family, summarised for the rapid review."


def _current_example(partnership):
    """A fictional case dated from the day the demo is loaded, so the deadline pages have something
    live to show: the death of a looked-after child three working days ago, a rapid review under way and
    the police asked for information."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days

    aware = add_working_days(timezone.localdate(), -3)
    return dict(
        facts=dict(
            child_pseudonym="Child S",
            harm="death",
            incident_date=aware,
            aware_date=aware,
            abuse_or_neglect="suspected",
            looked_after=True,
            looked_after_by="London Borough of Southwark",
            location="in_area",
            age_years=2,
            sex="male",
            summary="Fictional example for the demonstration, dated from the day the demo data was loaded.",
        ),
        agencies=_agencies(partnership, "police", "childrens_social_care"),
        rapid_review=(
            aware,
            {},
            dict(
                facts_gathered="",
                immediate_actions="Siblings' safety checked the same day.",
                sent_to_panel_on=None,
                complete=False,
                assessments={},
            ),
        ),
    )


def _drafting_example(partnership):
    """A fictional case whose review has reached its draft report (reviews' and publication's demos carry it
    on), dated from the day the demo is loaded so the publication page has something to do: a local child
    safeguarding practice review decided about five months ago and due a month from now."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days

    aware = add_working_days(timezone.localdate(), -105)
    decided = add_working_days(aware, 18)
    return dict(
        facts=dict(
            child_pseudonym=DRAFTING_CHILD,
            harm="serious_harm",
            incident_date=aware,
            aware_date=aware,
            abuse_or_neglect="suspected",
            looked_after=False,
            location="in_area",
            age_years=9,
            sex="female",
            summary=(
                "Fictional example for the demonstration, dated from the day the demo data was loaded: a "
                "nine-year-old girl was admitted to hospital with injuries her school had raised concerns about."
            ),
        ),
        agencies=_agencies(partnership, "childrens_social_care", "police", "health", "education"),
        duties_sent=add_working_days(aware, 2),
        rapid_review=(
            add_working_days(aware, 1),
            {},
            dict(
                facts_gathered="Each agency's involvement with T and her family summarised.",
                immediate_actions="T and her brother placed with their grandmother under a safety plan.",
                sent_to_panel_on=add_working_days(aware, 14),
                complete=True,
                completed_on=add_working_days(aware, 13),
                assessments={
                    "improvements": ("yes", "The school's concerns were not followed up by a strategy discussion."),
                    "recurrent_themes": ("may", "Neglect and missed health appointments, as in earlier reviews."),
                    "agencies_working_together": ("yes", "Health and the school held information nobody joined up."),
                    "panel_suggested_local": ("no", "The national panel has not asked for a national review."),
                },
            ),
        ),
        recommendation=dict(
            outcome="local_review",
            made_on=add_working_days(aware, 16),
            subgroup=_subgroup(partnership, "Serious Case Review"),
            rationale="The criteria for a local child safeguarding practice review are met.",
        ),
        decision=dict(
            outcome="local_review",
            decided_on=decided,
            rationale="I agree with the subgroup: a local child safeguarding practice review will be held.",
        ),
        panel_response=dict(
            response="agrees", received_on=add_working_days(aware, 25), notes="The panel agreed a local review."
        ),
        family=dict(
            communicated_on=add_working_days(decided, 3),
            method="meeting",
            communicated_by="Head of Service, Children in Need",
            notes="T's mother and grandmother were told of the review and invited to contribute.",
        ),
    )


# The fictional Southwark child whose review has a draft report waiting to be anonymised.
DRAFTING_CHILD = "Child T"


def _southwark(partnership):
    return [
        _current_example(partnership),
        _drafting_example(partnership),
        dict(
            facts=dict(
                child_pseudonym="Child R",
                harm="serious_harm",
                incident_date=date(2014, 3, 3),
                aware_date=date(2014, 3, 3),
                abuse_or_neglect="known",
                looked_after=True,
                looked_after_by="London Borough of Southwark",
                location="in_area",
                age_years=15,
                sex="female",
                summary=(
                    "In early spring 2014 R, a 15-year-old girl looked after by Southwark since the age of 10, was invited to meet "
                    "an older, predatory male at a hotel, where he allegedly raped her. She reported it to her carers the same day "
                    "and police action was taken to find and arrest the man. (Day of the month illustrative.)"
                ),
            ),
            agencies=_agencies(partnership, "childrens_social_care", "police", "health", "education"),
            recommendation=dict(
                outcome="local_review",
                made_on=date(2014, 3, 17),
                subgroup=_subgroup(partnership, "Serious Case Review"),
                rationale=(
                    "Serious sexual harm to a looked-after child, abuse known, with concern about how agencies worked "
                    "together to protect her from exploitation: the criteria for a serious case review are met "
                    "(Working Together 2013)."
                ),
            ),
            decision=dict(
                outcome="local_review",
                decided_on=date(2014, 3, 24),
                rationale=(
                    "The Board agrees with the SCR subgroup: the case meets the criteria for a serious case review. "
                    "It will use the Welsh child practice review model, with a practitioner learning event."
                ),
            ),
            family=dict(
                communicated_on=date(2014, 4, 7),
                method="meeting",
                communicated_by="Head of Service, Looked After Children",
                notes="R and her carers were told of the review and invited to contribute.",
            ),
        ),
    ]


def _tower_hamlets(partnership):
    group = _subgroup(partnership, "Serious Case Review")
    return [
        dict(
            facts=dict(
                child_pseudonym="E",
                harm="death",
                incident_date=date(2007, 2, 20),
                aware_date=date(2007, 2, 21),
                abuse_or_neglect="suspected",
                looked_after=False,
                location="in_area",
                age_years=0,
                age_months=6,
                sex="female",
                summary=(
                    "Baby E died aged 6 months in February 2007, of dehydration after the deaths of both parents in the flat. "
                    "Known to health, social services (child in need), police (domestic violence) and substance misuse services. "
                    "(Days of the month illustrative.)"
                ),
            ),
            agencies=_agencies(partnership, "childrens_social_care", "health", "police"),
            recommendation=dict(
                outcome="local_review",
                made_on=date(2007, 2, 27),
                subgroup=group,
                rationale="A child has died and neglect is suspected, with concerns about inter-agency working (LSCB Regulations 2006 reg 5).",
            ),
            decision=dict(
                outcome="local_review",
                decided_on=date(2007, 2, 27),
                rationale="The Serious Case Review group decided to undertake a serious case review with immediate effect.",
            ),
        ),
        dict(
            facts=dict(
                child_pseudonym="M",
                harm="serious_harm",
                incident_date=date(2007, 1, 18),
                aware_date=date(2007, 1, 18),
                abuse_or_neglect="known",
                looked_after=True,
                looked_after_by="London Borough of Tower Hamlets (section 20)",
                location="in_area",
                age_years=15,
                sex="male",
                summary=(
                    "M, known to social services since 14 months old and accommodated in residential schools, was convicted on "
                    "18 January 2007 of rape and assault on a child. The LSCB asked each agency to review its involvement."
                ),
            ),
            agencies=_agencies(partnership, "childrens_social_care", "education", "health"),
            recommendation=dict(
                outcome="local_review",
                made_on=date(2007, 2, 26),
                subgroup=group,
                rationale="Agencies' individual reviews raised concerns about how they worked together; discussed with the Commission for Social Care Inspection.",
            ),
            decision=dict(
                outcome="local_review",
                decided_on=date(2007, 3, 1),
                rationale="After discussion with the Commission for Social Care Inspection, the LSCB will undertake a serious case review. (Date illustrative.)",
            ),
        ),
    ]


def _worcestershire(partnership):
    board = _subgroup(partnership, "Practice Review Board")
    agencies = _agencies(partnership, "childrens_social_care", "police", "health")
    not_met = dict(
        met="no", evidence="The rapid review found no concerns about agencies working together and no new learning."
    )
    assessments_not_met = {
        c: (not_met["met"], not_met["evidence"])
        for c in ["improvements", "recurrent_themes", "agencies_working_together", "panel_suggested_local"]
    }
    cases = [
        dict(
            facts=dict(
                child_pseudonym="Young Person A",
                harm="serious_harm",
                incident_date=date(2019, 10, 7),
                aware_date=date(2019, 10, 8),
                abuse_or_neglect="suspected",
                looked_after=True,
                looked_after_by="Worcestershire County Council",
                location="in_area",
                age_years=16,
                sex="not_recorded",
                summary="A looked-after young person was seriously harmed. Confidential: the review is at an early stage. (Dates illustrative.)",
            ),
            agencies=agencies,
            duties_sent=date(2019, 10, 10),
            rapid_review=(
                date(2019, 10, 9),
                {"West Mercia Police": "Police involvement summarised for the rapid review."},
                dict(
                    facts_gathered="Agencies' summaries gathered; several agencies involved with the young person in care.",
                    immediate_actions="Placement safety reviewed; other children in the placement assessed.",
                    sent_to_panel_on=date(2019, 10, 29),
                    complete=True,
                    completed_on=date(2019, 10, 28),
                    assessments={
                        "improvements": ("yes", "Improvements needed in responding to risk outside the home."),
                        "recurrent_themes": ("may", "Themes of exploitation seen in other local cases."),
                        "agencies_working_together": (
                            "yes",
                            "Information was not shared between placement and police.",
                        ),
                        "panel_suggested_local": ("no", "The national panel has not yet responded."),
                    },
                ),
            ),
            recommendation=dict(
                outcome="local_review",
                made_on=date(2019, 11, 4),
                subgroup=board,
                rationale="Three of the four criteria are met or may be met; a local review will identify improvements.",
            ),
            decision=dict(
                outcome="local_review",
                decided_on=date(2019, 11, 11),
                confidential=True,
                rationale="I accept the Board's recommendation: a review is needed. It stays confidential while at an early stage.",
            ),
            panel_response=dict(
                response="agrees", received_on=date(2019, 11, 19), notes="The panel agreed a local review."
            ),
            review_changes=dict(
                review_type=ReviewType.SERIOUS_CASE_REVIEW,
                stage=Stage.TERMS_AGREED,
                target_completion=date(2020, 7, 31),
            ),
        )
    ]
    for pseudonym, incident_day in [("Young Person B", date(2019, 11, 18)), ("Child C", date(2019, 12, 2))]:
        cases.append(
            dict(
                facts=dict(
                    child_pseudonym=pseudonym,
                    harm="serious_harm",
                    incident_date=incident_day,
                    aware_date=incident_day,
                    abuse_or_neglect="suspected",
                    looked_after=False,
                    location="in_area",
                    sex="not_recorded",
                    summary="Referred to the Safeguarding Practice Review Board. (Details and dates illustrative.)",
                ),
                agencies=agencies,
                duties_sent=incident_day,
                rapid_review=(
                    incident_day,
                    {},
                    dict(
                        facts_gathered="Agencies' summaries gathered.",
                        immediate_actions="None needed beyond the existing plan.",
                        sent_to_panel_on=None,
                        complete=True,
                        completed_on=incident_day + timedelta(days=7),
                        assessments=assessments_not_met,
                    ),
                ),
                recommendation=dict(
                    outcome="no_review",
                    made_on=incident_day + timedelta(days=10),
                    subgroup=board,
                    rationale="The rapid review found the criteria for a review are not met.",
                ),
                decision=dict(
                    outcome="no_review",
                    decided_on=incident_day + timedelta(days=14),
                    rationale="Criteria not met; the learning is taken forward through single-agency action.",
                ),
                panel_response=dict(
                    response="agrees",
                    received_on=incident_day + timedelta(days=28),
                    notes="The national panel supported the decision that the criteria were not met.",
                ),
            )
        )
    return cases


CASES = {"southwark": _southwark, "tower-hamlets": _tower_hamlets, "worcestershire": _worcestershire}


@transaction.atomic
def load(slugs):
    """Create the demo cases of these partnerships that are not there yet. Returns how many were made."""
    created = 0
    for slug in slugs:
        partnership = Partnership.objects.filter(slug=slug).first()
        if partnership is None or slug not in CASES:
            continue
        for case in CASES[slug](partnership):
            if Incident.objects.filter(
                partnership=partnership, child_pseudonym=case["facts"]["child_pseudonym"]
            ).exists():
                continue
            _case(partnership, **case)
            created += 1
    return created
