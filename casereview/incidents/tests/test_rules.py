"""The duty rules and due dates, pinned against ../shared/domain.md with real calendar weeks."""

from datetime import date

import pytest

from casereview.incidents.rules import (
    AbuseOrNeglect,
    DutyKind,
    Harm,
    IncidentFacts,
    Location,
    notification_duties_for,
    regime_on,
    why_no_national_panel_notification,
)


def facts(**overrides):
    values = dict(
        harm=Harm.SERIOUS_HARM,
        incident_date=date(2025, 4, 16),
        aware_date=date(2025, 4, 17),
        abuse_or_neglect=AbuseOrNeglect.SUSPECTED,
        looked_after=False,
        location=Location.IN_AREA,
    )
    values.update(overrides)
    return IncidentFacts(**values)


def kinds(duties):
    return [d.kind for d in duties]


@pytest.mark.parametrize(
    "day, key",
    [
        (date(2007, 2, 27), "wt2006"),
        (date(2013, 4, 14), "wt2006"),
        (date(2013, 4, 15), "wt2013"),
        (date(2014, 3, 3), "wt2013"),
        (date(2018, 6, 28), "wt2013"),
        (date(2018, 6, 29), "wt2018"),
        (date(2023, 12, 14), "wt2018"),
        (date(2023, 12, 15), "wt2023"),
        (date(1999, 1, 1), "wt2006"),
    ],
)
def test_the_regime_follows_the_date(day, key):
    assert regime_on(day).key == key


def test_serious_harm_with_abuse_suspected_is_notified_to_the_panel_within_5_working_days_over_easter():
    duties = notification_duties_for(facts())
    assert kinds(duties) == [DutyKind.NATIONAL_PANEL]
    assert duties[0].due == date(2025, 4, 28)  # Good Friday and Easter Monday skipped


def test_looked_after_childs_death_owes_panel_secretary_of_state_and_ofsted():
    duties = notification_duties_for(facts(harm=Harm.DEATH, looked_after=True))
    assert kinds(duties) == [DutyKind.NATIONAL_PANEL, DutyKind.SECRETARY_OF_STATE, DutyKind.OFSTED]
    assert {d.due for d in duties} == {date(2025, 4, 28)}


def test_looked_after_childs_death_is_notified_to_sos_and_ofsted_even_without_abuse():
    duties = notification_duties_for(
        facts(harm=Harm.DEATH, looked_after=True, abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED)
    )
    assert kinds(duties) == [DutyKind.SECRETARY_OF_STATE, DutyKind.OFSTED]


def test_serious_harm_to_a_looked_after_child_is_not_a_sos_ofsted_duty():
    assert kinds(notification_duties_for(facts(looked_after=True))) == [DutyKind.NATIONAL_PANEL]


def test_the_sos_and_ofsted_timescale_is_configurable():
    duties = notification_duties_for(facts(harm=Harm.DEATH, looked_after=True), sos_ofsted_working_days=10)
    assert duties[1].due == date(2025, 5, 6)  # early May bank holiday (5 May) skipped


def test_outside_england_while_normally_resident_is_notified():
    assert kinds(notification_duties_for(facts(location=Location.OUTSIDE_ENGLAND))) == [DutyKind.NATIONAL_PANEL]


def test_elsewhere_in_england_is_the_other_areas_duty():
    assert notification_duties_for(facts(location=Location.ELSEWHERE_IN_ENGLAND)) == []
    assert "that area's local authority" in why_no_national_panel_notification(
        facts(location=Location.ELSEWHERE_IN_ENGLAND)
    )


def test_no_abuse_or_neglect_suspected_means_no_panel_notification():
    assert notification_duties_for(facts(abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED)) == []
    assert why_no_national_panel_notification(facts(abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED))


def test_cases_before_june_2018_owe_no_s16c_notification():
    old = facts(harm=Harm.DEATH, incident_date=date(2007, 2, 20), aware_date=date(2007, 2, 21), looked_after=True)
    assert notification_duties_for(old) == []
    assert "predates the duty" in why_no_national_panel_notification(old)


def test_care_leaver_deaths_are_notified_under_working_together_2023_only():
    death = dict(harm=Harm.DEATH, care_leaver=True, age_years=22, abuse_or_neglect=AbuseOrNeglect.NOT_SUSPECTED)
    assert kinds(
        notification_duties_for(facts(**death, incident_date=date(2024, 6, 3), aware_date=date(2024, 6, 3)))
    ) == [DutyKind.SECRETARY_OF_STATE, DutyKind.OFSTED]
    assert notification_duties_for(facts(**death, incident_date=date(2020, 6, 3), aware_date=date(2020, 6, 3))) == []
    older = dict(death, age_years=25)
    assert notification_duties_for(facts(**older, incident_date=date(2024, 6, 3), aware_date=date(2024, 6, 3))) == []


def test_christmas_week_deadline():
    # Aware Tuesday 22 Dec 2026: 23, 24, 29, 30, 31 Dec (25, 28 Dec are bank holidays).
    duties = notification_duties_for(facts(incident_date=date(2026, 12, 21), aware_date=date(2026, 12, 22)))
    assert duties[0].due == date(2026, 12, 31)
