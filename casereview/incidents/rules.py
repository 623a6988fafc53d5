"""The statutory rules for serious incidents, as data keyed by date (../shared/domain.md).

Plain Python, no Django: given the facts of an incident, which regime judges it, and which
notifications are owed by when. A 2007 case is judged by 2007 rules and a 2020 case by 2020 rules.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casereview.core.working_days import add_working_days


@dataclass(frozen=True)
class Regime:
    key: str
    name: str
    starts: date
    review_name: str
    decided_by: str
    notification_duties: bool  # Children Act 2004 s16C, from 29 June 2018
    care_leaver_deaths_notifiable: bool = False


REGIMES = (
    Regime(
        "wt2006",
        "Working Together 2006 / 2010 (LSCB Regulations 2006 reg 5)",
        date(2006, 4, 1),
        "serious case review",
        "Local Safeguarding Children Board",
        notification_duties=False,
    ),
    Regime(
        "wt2013",
        "Working Together 2013 / 2015",
        date(2013, 4, 15),
        "serious case review",
        "Local Safeguarding Children Board",
        notification_duties=False,
    ),
    Regime(
        "wt2018",
        "Working Together 2018 (Children and Social Work Act 2017; SI 2018/789)",
        date(2018, 6, 29),
        "child safeguarding practice review",
        "the safeguarding partners",
        notification_duties=True,
    ),
    Regime(
        "wt2023",
        "Working Together 2023",
        date(2023, 12, 15),
        "child safeguarding practice review",
        "the safeguarding partners",
        notification_duties=True,
        care_leaver_deaths_notifiable=True,
    ),
)


def regime_on(day: date) -> Regime:
    """The rules in force on `day`; a case older than the first regime is judged by the first."""
    current = REGIMES[0]
    for regime in REGIMES:
        if regime.starts <= day:
            current = regime
    return current


class Harm(StrEnum):
    DEATH = "death"
    SERIOUS_HARM = "serious_harm"


class AbuseOrNeglect(StrEnum):
    KNOWN = "known"
    SUSPECTED = "suspected"
    NOT_SUSPECTED = "not_suspected"


class Location(StrEnum):
    IN_AREA = "in_area"
    OUTSIDE_ENGLAND = "outside_england"  # while normally resident in the area
    ELSEWHERE_IN_ENGLAND = "elsewhere_in_england"  # the other area's local authority notifies


class DutyKind(StrEnum):
    NATIONAL_PANEL = "national_panel"
    SECRETARY_OF_STATE = "secretary_of_state"
    OFSTED = "ofsted"


DUTY_LABELS = {
    DutyKind.NATIONAL_PANEL: "Notify the Child Safeguarding Practice Review Panel",
    DutyKind.SECRETARY_OF_STATE: "Notify the Secretary of State",
    DutyKind.OFSTED: "Notify Ofsted",
}

NATIONAL_PANEL_WORKING_DAYS = 5  # s16C; "within 5 working days of becoming aware" is law, not a default
CARE_LEAVER_AGE_LIMIT = 25  # deaths of care leavers up to age 24


@dataclass(frozen=True)
class IncidentFacts:
    harm: Harm
    incident_date: date
    aware_date: date
    abuse_or_neglect: AbuseOrNeglect
    looked_after: bool
    location: Location
    care_leaver: bool = False
    age_years: int | None = None
    death_aware_date: date | None = None  # when a child first recorded as harmed was later known to have died


@dataclass(frozen=True)
class DutyOwed:
    kind: DutyKind
    due: date
    reason: str

    @property
    def label(self):
        return DUTY_LABELS[self.kind]


def notification_duties_for(facts: IncidentFacts, *, sos_ofsted_working_days: int = 5) -> list[DutyOwed]:
    """The notifications the local authority owes for these facts, each due a number of working days
    after the day it became aware. Empty before 29 June 2018, when s16C did not yet exist."""
    regime = regime_on(facts.incident_date)
    if not regime.notification_duties:
        return []
    duties = []
    abuse = facts.abuse_or_neglect in (AbuseOrNeglect.KNOWN, AbuseOrNeglect.SUSPECTED)
    in_scope = facts.location in (Location.IN_AREA, Location.OUTSIDE_ENGLAND)
    if abuse and in_scope:
        where = (
            "in the area"
            if facts.location == Location.IN_AREA
            else "outside England while normally resident in the area"
        )
        duties.append(
            DutyOwed(
                DutyKind.NATIONAL_PANEL,
                add_working_days(facts.aware_date, NATIONAL_PANEL_WORKING_DAYS),
                f"Abuse or neglect {facts.abuse_or_neglect.replace('_', ' ')} and the child "
                f"{'died' if facts.harm == Harm.DEATH else 'was seriously harmed'} {where} (Children Act 2004 "
                f"s16C(1)).",
            )
        )
    care_leaver_death = (
        regime.care_leaver_deaths_notifiable
        and facts.care_leaver
        and (facts.age_years is None or facts.age_years < CARE_LEAVER_AGE_LIMIT)
    )
    if facts.harm == Harm.DEATH and (facts.looked_after or care_leaver_death):
        who = "looked-after child" if facts.looked_after else "care leaver"
        due = add_working_days(facts.death_aware_date or facts.aware_date, sos_ofsted_working_days)
        reason = f"Death of a {who}, whether or not abuse or neglect is suspected."
        duties.append(DutyOwed(DutyKind.SECRETARY_OF_STATE, due, reason))
        duties.append(DutyOwed(DutyKind.OFSTED, due, reason))
    return duties


def why_no_national_panel_notification(facts: IncidentFacts) -> str | None:
    """A sentence for the user when the panel is not owed a notification, so they can refer the case for
    local consideration knowingly; None when it is owed."""
    regime = regime_on(facts.incident_date)
    if not regime.notification_duties:
        return (
            f"The incident predates the duty to notify the national panel (29 June 2018); it falls under {regime.name}."
        )
    if facts.abuse_or_neglect == AbuseOrNeglect.NOT_SUSPECTED:
        return "Abuse or neglect is neither known nor suspected."
    if facts.location == Location.ELSEWHERE_IN_ENGLAND:
        return "The incident happened elsewhere in England: that area's local authority notifies the panel."
    return None


def review_name_for(day: date) -> str:
    return regime_on(day).review_name
