"""Demo reviews from the seeds. Child R's serious case review (the Southwark Child R paper (docs/domain.md), 003): Welsh child practice
review model, April 2014 – February 2015, a practitioner learning event, the family engaged in a limited
way, the 12 learning points of the Southwark Child R paper (docs/domain.md) §9 verbatim, published August 2015."""

from datetime import date

from django.db import transaction

from casereview.accounts.models import Agency, Membership, Role
from casereview.core.models import Theme

from . import chronology, services
from .models import (
    AgencyContribution,
    ChronologyEntry,
    ContributionStatus,
    FamilyInvolvement,
    LearningEvent,
    LearningPoint,
    Methodology,
    Participation,
    Recommendation,
    Review,
    ReviewType,
    Stage,
    StageChange,
    TermsOfReference,
)
from .services import duplicates_refresh

CHILD_R_LEARNING_POINTS = [
    (
        "Knowledge of a child's psycho-social history is essential for effective assessments and planning for children.",
        ["Assessment and history"],
    ),
    (
        "In any agency, high turnover and sickness among workers and managers in a team carry the risk of loss of knowledge about "
        "cases and potential failure to carry out statutory duties.",
        ["Workforce turnover and capacity"],
    ),
    (
        "Many looked-after adolescents find it hard to trust and communicate with professionals who are tasked with planning for "
        "them, and helping to keep them safe – especially when their key worker changes frequently. This can significantly "
        "constrain the ability of workers (and the local authority, as 'corporate parents') to respond to the young person's "
        "wishes and feelings, and to meet their needs.",
        ["Looked-after children", "Adolescents", "Voice and lived experience of the child"],
    ),
    (
        "Effective care planning for looked-after children requires input from all partners in the form of either attendance or "
        "appropriate reports for the LAC Review process. However, LAC Reviews, as smaller, child-centred meetings, do not provide a "
        "suitable forum for the full professional network of those who know about and are working with the child. Thus, there may "
        "be no regular opportunity for this network to share significant information and concerns.",
        ["Looked-after children", "Multi-agency working", "Information sharing"],
    ),
    (
        "In addition, the LA needs to ensure that foster carers and the professional network are given full and good information "
        "about the determined needs of the child and the current plans, as well as relevant history. These actions can become more "
        "difficult for children placed out of borough.",
        ["Information sharing", "Placement choice and matching"],
    ),
    (
        "Partners in safeguarding networks continue to struggle with the timing and appropriate use of escalation procedures, often "
        "leaving unsatisfactory situations going on for too long.",
        ["Escalation and professional challenge"],
    ),
    (
        "The choice, and timing, of local authority placements available for looked-after children does not always allow a matching "
        "of the child's needs to the ability of the carers, especially for more complex and ‘hard to place’ adolescents.",
        ["Placement choice and matching", "Adolescents"],
    ),
    (
        "Children and families cases will inevitably transfer to a number of different social workers and managers over time. For "
        "their work to be effective, case records need to include a genogram, an up-to-date chronology and a transfer summary.",
        ["Case transfer", "Assessment and history"],
    ),
    (
        "The systems for sharing and transferring information about a looked-after child who moves schools do not always operate in "
        "a transparent and timely way.",
        ["School moves and transfer of records"],
    ),
    (
        "Children missing from care are at greater risk of sexual exploitation, not only because of being outside of (corporate) "
        "parental control, but also because of the power and reach of social media.",
        ["Children missing from care, home or education", "Child sexual exploitation", "Online harm / social media"],
    ),
    (
        "There are potential tensions between Police and Children’s Social Care, regarding their respective roles and "
        "responsibilities in relation to a looked-after child at high risk of harm. This can result, as in this case, in an impasse "
        "and an outcome which is not appropriate for the child, even in the short-term.",
        ["Police and children's social care roles"],
    ),
    (
        "The power and lure of electronic social media carry a risk of harm, particularly to vulnerable young people, which cannot be "
        "removed by professionals working with these young people.",
        ["Online harm / social media"],
    ),
]


MALR_LEARNING_POINTS = [
    "Mobile families",
    "Children missing from education",
    "S47 tracking",
    "CSE risk assessment and review",
    "Children who go missing",
    "Young people aged under 18 with serious alcohol dependency",
    "GP and Health assessments for Looked After Children",
    "DoLS guidance/planning/review at least monthly –involving the young person.",
]


@transaction.atomic
def load(slugs):
    created = 0
    if "southwark" in slugs:
        review = Review.objects.filter(partnership__slug="southwark", title="Child R").first()
        if review is not None and not review.learning_points.exists():
            _child_r(review)
            created += 1
        created += _southwark_2018_19()
        created += _child_t()
    if "tower-hamlets" in slugs:
        created += _tower_hamlets_2007()
    if "worcestershire" in slugs:
        created += _worcestershire_young_person_a()
    return created


def _author(partnership):
    membership = Membership.objects.filter(partnership=partnership, role=Role.REVIEWER).select_related("user").first()
    return membership.user if membership else None


def _appoint(review, author, on, declaration):
    from .models import ReviewerAppointment

    if author is not None and not ReviewerAppointment.objects.filter(review=review, user=author).exists():
        ReviewerAppointment.objects.create(
            review=review, user=author, appointed_on=on, independence_declaration=declaration, declared_on=on
        )


def _tower_hamlets_2007():
    """The two 2007 serious case reviews (the Tower Hamlets SCR paper, 15 November 2007): each agency's
    individual management review (§3.5), an overview report and executive summary by independent experts
    (§3.6), reported to the LSCB in September 2007 and to councillors on 15 November 2007 (§1.1)."""
    created = 0
    reviews = {
        "E": dict(
            scope=(date(2006, 9, 1), date(2007, 2, 28)),
            decided=date(2007, 2, 27),
            lines=(
                "What each agency knew of E and her parents from her birth in September 2006: health, social services "
                "(child in need), police (domestic violence when E was two months old), substance misuse services and "
                "another children's services authority (§4.8); how it was not known that the father had resumed contact "
                "(§4.6); the lessons for how agencies work together (§3.3)."
            ),
        ),
        "M": dict(
            scope=(date(1993, 1, 1), date(2007, 1, 18)),
            decided=date(2007, 3, 1),
            lines=(
                "Agencies' involvement with M and his family from early 1993, when he was 14 months old, through two "
                "periods on the child protection register, residential school placements under section 20 and the "
                "care proceedings of 2003-04, to his conviction on 18 January 2007 (§4.1-4.3); the lessons for how "
                "agencies work together (§3.3)."
            ),
        ),
    }
    for title, facts in reviews.items():
        review = Review.objects.filter(partnership__slug="tower-hamlets", title=title).first()
        if review is None or TermsOfReference.objects.filter(review=review).exists():
            continue
        TermsOfReference.objects.create(
            review=review,
            scope_start=facts["scope"][0],
            scope_end=facts["scope"][1],
            methodology=Methodology.OTHER,
            methodology_other="Individual management reviews and an independent overview report (Working Together 2006)",
            lines_of_enquiry=facts["lines"],
            agreed_on=facts["decided"],
        )
        _appoint(
            review,
            _author(review.partnership),
            facts["decided"],
            "An independent expert commissioned by the LSCB to write the overview report and executive summary.",
        )
        manager = _manager(review.partnership)
        for stage, day, note in [
            (Stage.TERMS_AGREED, facts["decided"], "Serious case review decided; terms set (day illustrative for M)."),
            (Stage.AGENCY_INFORMATION, facts["decided"], "Each agency asked for its individual management review."),
            (
                Stage.PARTNERSHIP_SIGN_OFF,
                date(2007, 9, 28),
                "Reported to the LSCB in September 2007 (day illustrative).",
            ),
            (
                Stage.PUBLISHED,
                date(2007, 11, 15),
                "Executive summary, anonymised, reported to the General Purposes Committee and made public.",
            ),
        ]:
            StageChange.objects.create(review=review, stage=stage, changed_on=day, changed_by=manager, note=note)
        review.stage, review.published_on = Stage.PUBLISHED, date(2007, 11, 15)
        review.save()
        created += 1
    return created


def _worcestershire_young_person_a():
    """The serious case review commissioned after September 2019 (the Worcestershire paper, 6 February 2020,
    §24-25): confidential at an early stage, terms of reference written, the author appointed, completion
    due July 2020."""
    review = Review.objects.filter(partnership__slug="worcestershire", title="Young Person A").first()
    if review is None or TermsOfReference.objects.filter(review=review).exists():
        return 0
    TermsOfReference.objects.create(
        review=review,
        scope_start=date(2019, 1, 1),
        scope_end=date(2019, 10, 7),
        methodology=Methodology.OTHER,
        methodology_other="Serious case review (the method is not stated in the public paper)",
        lines_of_enquiry=(
            "Confidential while the review is at an early stage: how agencies responded to risk to a looked-after "
            "young person outside the home, and how information passed between the placement and the police "
            "(from the rapid review). Scope dates illustrative."
        ),
        agreed_on=date(2020, 2, 6),
    )
    _appoint(
        review,
        _author(review.partnership),
        date(2020, 2, 6),
        "Independent of the case and of the agencies involved; appointed by the partnership (named in the "
        "terms of reference, not in the public paper).",
    )
    review.target_completion = date(2020, 7, 31)
    review.save(update_fields=["target_completion", "updated"])
    return 1


def _manager(partnership):
    membership = (
        Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_MANAGER).select_related("user").first()
    )
    return membership.user


def _southwark_2018_19():
    """Child Y's SCR (led by Wandsworth, published 7 September 2018) and the 2018-19 multi-agency learning
    review (the Southwark annual report 2018-19 §4, docs/domain.md)."""
    from casereview.accounts.models import Partnership

    partnership = Partnership.objects.get(slug="southwark")
    created = 0
    if not Review.objects.filter(partnership=partnership, title="Child Y").exists():
        review = Review.objects.create(
            partnership=partnership,
            title="Child Y",
            review_type=ReviewType.SERIOUS_CASE_REVIEW,
            stage=Stage.PUBLISHED,
            decided_on=date(2017, 6, 1),
            target_completion=date(2017, 12, 1),
            published_on=date(2018, 9, 7),
            subjects="Led by Wandsworth Safeguarding Children Board (Child Y was placed by Wandsworth Children's Social Care)",
        )
        Recommendation.objects.create(
            review=review,
            number=1,
            addressee="partnership",
            text=(
                "Wandsworth and Southwark Safeguarding Children Boards should seek formal assurances from respective member "
                "agencies that training programmes include sufficiently clear advice and guidance about Special Guardianship "
                "Orders (SGOs) and associated SGO Support Plans."
            ),
        ).themes.set(Theme.objects.filter(name__in=["Special guardianship"]))
        created += 1
    title = "Multi-agency learning review 1 (2018-19)"
    if not Review.objects.filter(partnership=partnership, title=title).exists():
        review = Review.objects.create(
            partnership=partnership,
            title=title,
            review_type=ReviewType.LEARNING_REVIEW,
            stage=Stage.ACTION_PLAN,
            decided_on=date(2018, 4, 16),
            target_completion=date(2018, 10, 16),
        )
        for number, text in enumerate(MALR_LEARNING_POINTS, start=1):
            LearningPoint.objects.create(review=review, number=number, text=text)
        created += 1
    title = "Multi-agency learning review 2 (2018-19)"
    if not Review.objects.filter(partnership=partnership, title=title).exists():
        Review.objects.create(
            partnership=partnership,
            title=title,
            review_type=ReviewType.THEMATIC,
            # under way when the 2018-19 report was written; long finished by the demo's today, so it does
            # not sit overdue at the top of the live due list
            stage=Stage.ACTION_PLAN,
            decided_on=date(2019, 1, 14),
            target_completion=date(2019, 7, 14),
            subjects=(
                "Following the death of a Southwark young person, and the serious injury to another, an independent "
                "reviewer undertakes a thematic review across these cases, focusing on key lines of enquiry."
            ),
        )
        created += 1
    # the independent reviewer the thematic review names: the demo's reviewer opens on a review of their own
    _appoint(
        Review.objects.get(partnership=partnership, title=title),
        _author(partnership),
        date(2019, 1, 28),
        "I have had no involvement with the children, their families or the services reviewed.",
    )
    return created


def _child_t():
    """The fictional review the decisions demo opened about five months ago, carried to its learning event
    through the services people use (audited, and moving the stage on), ready for its draft report."""
    from casereview.core.working_days import add_working_days

    review = Review.objects.filter(partnership__slug="southwark", title="Child T").first()
    if review is None or TermsOfReference.objects.filter(review=review).exists():
        return 0
    manager = _manager(review.partnership)
    services.terms_save(
        actor=manager,
        review=review,
        scope_start=date(review.decided_on.year - 2, 1, 1),
        scope_end=review.incident.aware_date,
        methodology=Methodology.SYSTEMS,
        lines_of_enquiry=(
            "How the school's concerns about T were shared and acted on; how health services followed up missed "
            "appointments; whether a strategy discussion should have been held sooner."
        ),
        agreed_on=add_working_days(review.decided_on, 10),
    )
    author = _author(review.partnership)
    services.reviewer_appoint(
        actor=manager,
        review=review,
        user=author,
        appointed_on=add_working_days(review.decided_on, 5),
        declaration="I have had no involvement with T, her family or the services reviewed.",
    )
    services.learning_event_add(
        actor=manager,
        review=review,
        held_on=add_working_days(review.decided_on, 45),
        agencies=list(Agency.objects.filter(partnership=review.partnership, sector__in=["health", "education"])),
        attendees=14,
        themes_discussed="Practitioner learning event: acting on a school's concerns, missed health appointments.",
    )
    services.monitoring_check_record(
        actor=manager,
        review=review,
        checked_on=add_working_days(review.decided_on, 60),
        note="On time for its target date; the panel is content with the draft's progress.",
    )
    return 1


def _child_r(review):
    TermsOfReference.objects.create(
        review=review,
        scope_start=date(2009, 1, 1),
        scope_end=date(2014, 3, 31),
        methodology=Methodology.WELSH,
        lines_of_enquiry=(
            "How agencies assessed and planned for R as a looked-after adolescent; how information was shared "
            "across placements and schools; how risk of sexual exploitation and going missing was recognised and "
            "escalated; how Police and Children's Social Care worked together."
        ),
        agreed_on=date(2014, 4, 14),
    )
    FamilyInvolvement.objects.create(
        review=review,
        invited_on=date(2014, 4, 7),
        participation=Participation.LIMITED,
        notes="R and her family engaged in a limited way.",
    )
    from casereview.core.themes import ensure_themes

    ensure_themes(Theme)
    themes = {t.name: t for t in Theme.objects.all()}
    for number, (text, theme_names) in enumerate(CHILD_R_LEARNING_POINTS, start=1):
        point = LearningPoint.objects.create(review=review, number=number, text=text)
        point.themes.set([themes[name] for name in theme_names])
    LearningEvent.objects.create(
        review=review,
        held_on=date(2014, 10, 15),
        attendees=24,
        themes_discussed="Practitioner learning event: placement stability, missing episodes, escalation.",
    )
    _child_r_chronology(review)
    manager = _manager(review.partnership)
    for stage, day, note in [
        (Stage.TERMS_AGREED, date(2014, 4, 14), ""),
        (Stage.AGENCY_INFORMATION, date(2014, 5, 1), ""),
        (Stage.LEARNING_EVENT, date(2014, 10, 15), ""),
        (Stage.DRAFTING, date(2014, 11, 3), ""),
        (Stage.PARTNERSHIP_SIGN_OFF, date(2015, 2, 24), "Signed off by the SSCB subject to further anonymisation."),
        (
            Stage.PUBLISHED,
            date(2015, 8, 20),
            "Published after anonymisation checked by the panel, a police colleague and a council lawyer.",
        ),
    ]:
        StageChange.objects.create(review=review, stage=stage, changed_on=day, changed_by=manager, note=note)
    review.stage = Stage.PUBLISHED
    review.published_on = date(2015, 8, 20)
    review.save()


def _child_r_chronology(review):
    """A demo chronology from three agencies that reproduces what the review reported by hand: "10
    different social workers and 7 placements" (the Southwark response to Child R, docs/domain.md). Illustrative, not the real case record."""
    partnership = review.partnership
    csc = Agency.objects.get(partnership=partnership, name="Southwark Council Children's and Adults' Services")
    police = Agency.objects.get(partnership=partnership, name="Metropolitan Police Service")
    health = Agency.objects.get(partnership=partnership, name="Guy's and St Thomas' NHS Foundation Trust")
    rows = {csc: [], police: [], health: []}
    for n, day in enumerate(
        [
            date(2009, 2, 2),
            date(2009, 9, 14),
            date(2010, 4, 6),
            date(2010, 11, 22),
            date(2011, 6, 13),
            date(2012, 1, 9),
            date(2012, 8, 20),
            date(2013, 3, 4),
            date(2013, 10, 7),
            date(2014, 1, 20),
        ],
        start=1,
    ):
        rows[csc].append(
            (
                day,
                "exact",
                chronology.SOCIAL_WORKER_ALLOCATED,
                f"Case allocated to social worker {n} (SW{n}).",
                "Team manager",
            )
        )
    for n, (day, where) in enumerate(
        [
            (date(2009, 1, 19), "emergency foster placement"),
            (date(2009, 6, 1), "foster carers in Lewisham"),
            (date(2010, 9, 1), "foster carers in Southwark"),
            (date(2011, 9, 1), "residential unit"),
            (date(2012, 5, 1), "foster carers in Bromley"),
            (date(2013, 2, 1), "semi-independent placement"),
            (date(2013, 11, 1), "foster carers in Greater London"),
        ],
        start=1,
    ):
        precision = "exact" if n in (1, 7) else "month"
        rows[csc].append(
            (day, precision, chronology.PLACEMENT_START, f"R moved to placement {n}: {where}.", "Placement officer")
        )
    rows[csc] += [
        (
            date(2012, 9, 3),
            "exact",
            chronology.SCHOOL_MOVE,
            "R started at a new secondary school after the placement move.",
            "Virtual school",
        ),
        (
            date(2013, 2, 11),
            "exact",
            chronology.SCHOOL_MOVE,
            "R moved school again; records transferred late.",
            "Virtual school",
        ),
        (
            date(2013, 6, 12),
            "exact",
            "LAC review",
            "LAC review: professional network not all present.",
            "Independent reviewing officer",
        ),
        (
            date(2014, 2, 17),
            "exact",
            chronology.MISSING_EPISODE,
            "R missing from placement overnight; reported to police.",
            "Social worker",
        ),
    ]
    rows[police] += [
        (
            date(2013, 7, 5),
            "exact",
            chronology.MISSING_EPISODE,
            "Missing person report: R missing from care, found next day.",
            "Police officer",
        ),
        (
            date(2014, 2, 17),
            "exact",
            chronology.MISSING_EPISODE,
            "R missing from placement overnight; reported to police by carers.",
            "Police officer",
        ),
        (
            date(2014, 3, 3),
            "exact",
            "Police incident",
            "R reported an allegation of rape by an adult male met online; suspect arrested.",
            "Detective constable",
        ),
        (
            date(2014, 3, 4),
            "exact",
            "Meeting",
            "Strategy discussion with children's social care.",
            "Detective sergeant",
        ),
    ]
    rows[health] += [
        (
            date(2009, 3, 10),
            "exact",
            "Health appointment",
            "Initial health assessment on entering care.",
            "Paediatrician",
        ),
        (date(2011, 3, 15), "month", "Health appointment", "Review health assessment.", "LAC nurse"),
        (
            date(2013, 9, 20),
            "approximate",
            "Health appointment",
            "Sexual health clinic attendance (date approximate).",
            "Clinic nurse",
        ),
        (
            date(2014, 3, 3),
            "exact",
            "Health appointment",
            "Examined at the sexual assault referral centre.",
            "Forensic nurse",
        ),
    ]
    for agency, events in rows.items():
        contribution = AgencyContribution.objects.create(
            review=review,
            agency=agency,
            kind="chronology",
            requested_on=date(2014, 5, 1),
            due_date=date(2014, 6, 13),
            status=ContributionStatus.QUALITY_ASSURED,
            received_on=date(2014, 6, 10),
            quality_assured_on=date(2014, 6, 20),
        )
        ChronologyEntry.objects.bulk_create(
            ChronologyEntry(
                contribution=contribution,
                review=review,
                agency=agency,
                event_date=day,
                date_precision=precision,
                sort_date=chronology.sort_date_for(day, precision),
                event_type=event_type,
                description=text,
                practitioner_role=role,
                row_number=n,
            )
            for n, (day, precision, event_type, text, role) in enumerate(sorted(events, key=lambda e: e[0]), start=2)
        )
    duplicates_refresh(review=review)
