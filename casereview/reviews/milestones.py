"""How far a review has come, read from what is recorded, and the milestones it must meet.

Plain Python: the services pass in the dates they hold and store what this returns.

- A review's stage moves on by itself when the record shows the step was taken: terms of reference agreed,
  every agency's information received, a learning event held, the final report uploaded (drafting), the
  panel's sign-off, the report sent to the national panel and the Secretary of State. It never moves back
  on its own (a later correction is the business manager's call on the stage page).
- Its milestones: the completion target (six months from the decision by default, the partnership's
  setting); sending the report to the national panel and the Secretary of State a set number of working
  days before publication (seven by default), so due that long before the completion target; and the
  safeguarding partners' regular check of the time taken and the quality (SI 2018/789 regulation 14), due
  a set number of months after the last one (three by default, the executive group's quarterly cycle).
"""

from dataclasses import dataclass
from datetime import date

from casereview.core.dates import add_months
from casereview.core.working_days import add_working_days

from .models import STAGE_ORDER, Stage

# Stages the record moves a review into, in order; the rest (not published, action plan, closed) are set by
# a person or by publication.
AUTOMATIC = [
    Stage.TERMS_AGREED,
    Stage.AGENCY_INFORMATION,
    Stage.LEARNING_EVENT,
    Stage.DRAFTING,
    Stage.PANEL_SIGN_OFF,
    Stage.PARTNERSHIP_SIGN_OFF,
    Stage.SENT_TO_PANEL,
]


@dataclass(frozen=True)
class StepTaken:
    stage: str
    on: date
    because: str


# Steps whose date one record holds, so recording that record again re-dates the step on the timeline.
REDATED = {Stage.TERMS_AGREED, Stage.PANEL_SIGN_OFF, Stage.PARTNERSHIP_SIGN_OFF, Stage.SENT_TO_PANEL}

# What a timeline line written before a wording changed began with, so it is still found.
_FORMER_BECAUSE = {"Signed off by the panel, police and legal adviser": "Signed off by the panel, police and legal"}


def because_of(step):
    """The words a step's timeline line starts with (the line may have gained a correction after them;
    a line written before the wording changed starts with the former words)."""
    return _FORMER_BECAUSE.get(step.because, step.because)


def steps_taken(*, terms_agreed_on=None, contributions=(), learning_events=(), today, extra=()):
    """What the record shows, as (stage, date, what happened), in stage order.

    `contributions` are (received_on or None) for each requested contribution; `learning_events` their
    dates; `extra` further StepTaken from apps above reviews (the report, sign-offs, sending it)."""
    steps = list(extra)
    if terms_agreed_on:
        steps.append(StepTaken(Stage.TERMS_AGREED, terms_agreed_on, "Terms of reference agreed"))
    received = list(contributions)
    if received and all(received):
        steps.append(StepTaken(Stage.AGENCY_INFORMATION, max(received), "Every agency's information received"))
    held = [d for d in learning_events if d <= today]
    if held:
        steps.append(StepTaken(Stage.LEARNING_EVENT, max(held), "Learning event held"))
    return sorted(steps, key=lambda s: STAGE_ORDER.index(s.stage))


def stages_to_record(current_stage, steps):
    """The steps beyond the review's current stage, each once (the latest date of a stage reached twice),
    in order. A finished review (published, not published, monitoring its action plan, closed) stays."""
    if current_stage not in AUTOMATIC and current_stage != Stage.SCOPING:
        return []
    position = STAGE_ORDER.index(current_stage)
    latest = {}
    for step in steps:
        if step.stage in AUTOMATIC and STAGE_ORDER.index(step.stage) > position:
            if step.stage not in latest or step.on > latest[step.stage].on:
                latest[step.stage] = step
    return sorted(latest.values(), key=lambda s: STAGE_ORDER.index(s.stage))


COMPLETION, SEND_TO_PANEL, MONITORING = "completion", "send_to_panel", "monitoring"


@dataclass(frozen=True)
class Milestone:
    kind: str
    key: str
    what: str
    due: date
    done_on: date | None = None


def milestones_of(
    *, review_id, target_completion, decided_on, notice_working_days, monitoring_months, last_check_on, sent_on
):
    """A running review's statutory and local milestones, for its page, the due list, the calendar and
    reminders. A due date that moves (a new check recorded) makes a new key, so a reminder is sent afresh."""
    send_by = add_working_days(target_completion, -notice_working_days)
    next_check = add_months(last_check_on or decided_on, monitoring_months)
    return [
        Milestone(
            COMPLETION,
            f"review_completion:{review_id}",
            "Complete the review (the completion target)",
            target_completion,
        ),
        Milestone(
            SEND_TO_PANEL,
            f"review_send_to_panel:{review_id}",
            "Send the final report to the national panel and the Secretary of State "
            f"({notice_working_days} working days before publication)",
            send_by,
            done_on=sent_on,
        ),
        Milestone(
            MONITORING,
            f"review_monitoring:{review_id}:{next_check:%Y-%m-%d}",
            "The safeguarding partners' check of the review's time and quality (regular monitoring)",
            next_check,
        ),
    ]
