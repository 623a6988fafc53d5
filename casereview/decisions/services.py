"""Writes for the rapid review and the decision on a review (domain.md "Rapid review", "Decision")."""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casereview.accounts.models import RapidReviewStart
from casereview.audit.services import (
    audit_correction,
    audit_create,
    model_update,
    model_withdraw,
    require_reason,
    snapshot,
)
from casereview.core import file_checks
from casereview.core.concurrency import lock
from casereview.core.dates import add_months
from casereview.core.validation import require_not_before, require_not_future
from casereview.core.working_days import add_working_days
from casereview.incidents import rules
from casereview.reviews.models import Review, ReviewType, Stage
from casereview.reviews.services import review_stage_change

from .models import (
    ChairDecision,
    Criterion,
    CriterionAssessment,
    FamilyCommunication,
    InformationAttachment,
    InformationRequest,
    Outcome,
    PanelResponse,
    PanelResponseKind,
    RapidReview,
    ReviewRecommendation,
)


def rapid_review_start(incident):
    """The day the rapid review's working days count from: awareness by default; the notification's
    date where the partnership counts from it and the panel has been notified."""
    if incident.partnership.rapid_review_starts == RapidReviewStart.NOTIFICATION:
        sent = incident.duties.filter(kind=rules.DutyKind.NATIONAL_PANEL, sent_on__isnull=False).first()
        if sent:
            return sent.sent_on
    return incident.aware_date


@transaction.atomic
def rapid_review_open(*, actor, incident, agencies, opened_on=None):
    if RapidReview.objects.unscoped().filter(incident=incident).exists():
        raise ValidationError("A rapid review is already open for this incident")
    opened_on = opened_on or timezone.localdate()
    require_not_future(opened_on, "opened_on", "The opening date")
    if opened_on < incident.aware_date:
        raise ValidationError({"opened_on": "The rapid review cannot open before the local authority became aware"})
    partnership = incident.partnership
    if any(agency.partnership_id != partnership.pk for agency in agencies):
        raise ValidationError({"agencies": "Choose agencies of this partnership"})
    rapid_review = RapidReview(
        incident=incident,
        opened_on=opened_on,
        due_date=add_working_days(rapid_review_start(incident), partnership.rapid_review_working_days),
    )
    rapid_review.full_clean()
    rapid_review.save()
    audit_create(actor=actor, obj=rapid_review)
    requests_due = min(add_working_days(opened_on, partnership.agency_information_working_days), rapid_review.due_date)
    for agency in agencies:
        info = InformationRequest.objects.create(
            rapid_review=rapid_review, agency=agency, requested_on=opened_on, due_date=requests_due
        )
        audit_create(actor=actor, obj=info)
        _tell_agency_of_request(info)
    return rapid_review


# How an error message names a criterion: the error summary lists every message together, so each must say
# which of the four it is about.
CRITERION_SHORT = {
    Criterion.IMPROVEMENTS: "improvements needed",
    Criterion.RECURRENT_THEMES: "recurrent themes",
    Criterion.AGENCIES_WORKING_TOGETHER: "agencies working together",
    Criterion.PANEL_SUGGESTED_LOCAL: "the national panel's view",
}

# Criteria a rapid review can be completed without: the national panel considers the case only once it is
# sent the completed rapid review.
JUDGED_AFTER_COMPLETION = {Criterion.PANEL_SUGGESTED_LOCAL}


@transaction.atomic
def rapid_review_update(
    *,
    actor,
    rapid_review,
    facts_gathered,
    immediate_actions,
    sent_to_panel_on,
    assessments,
    complete=False,
    completed_on=None,
):
    """`assessments` maps a criterion to (met, evidence); a criterion judged without evidence is refused,
    and completion needs every criterion judged. `completed_on` records a rapid review completed earlier
    (the demo's, one entered after the event); completing one without it completes it today."""
    # The rapid review's row lock, which an agency's sending and attaching take first too: one sent while the
    # completion is being saved waits for it and is refused, instead of arriving after it (probe 16).
    rapid_review.completed_on = lock(rapid_review).completed_on
    errors = {}
    for criterion, (met, evidence) in assessments.items():
        if met and not evidence.strip():
            errors[f"evidence_{criterion}"] = f"Give the evidence for your judgement on {CRITERION_SHORT[criterion]}"
        if evidence.strip() and not met:
            errors[f"met_{criterion}"] = f"Say whether the case meets the criterion on {CRITERION_SHORT[criterion]}"
    completing = complete or bool(rapid_review.completed_on)
    if complete:
        # On each criterion's own question, so the error summary leads to the first one left unjudged. The
        # national panel's view is not asked: the panel is sent the completed rapid review, so it has not
        # considered the case yet (domain.md, "Rapid review").
        for criterion, (met, _) in assessments.items():
            if not met and criterion not in JUDGED_AFTER_COMPLETION:
                errors[f"met_{criterion}"] = (
                    f"Judge the criterion on {CRITERION_SHORT[criterion]} before completing the rapid review"
                )
        if not facts_gathered.strip():
            errors["facts_gathered"] = "Record the facts gathered before completing the rapid review"
    if sent_to_panel_on and not completing:
        # The national panel is sent the completed rapid review and decides on it: a date sent for one still
        # being gathered would tell the case page, the chair and the executive it had gone.
        errors["sent_to_panel_on"] = (
            "The national panel is sent the completed rapid review: tick “The rapid review is complete” to "
            "record it as sent, or leave the date empty until it is complete"
        )
    if sent_to_panel_on and "sent_to_panel_on" not in errors:
        try:
            require_not_before(
                sent_to_panel_on,
                "sent_to_panel_on",
                "The date sent to the national panel",
                step="the rapid review opened",
                step_on=rapid_review.opened_on,
            )
            require_not_future(sent_to_panel_on, "sent_to_panel_on", "The date sent to the national panel")
        except ValidationError as exc:
            errors.update({field: messages[0] for field, messages in exc.message_dict.items()})
    if complete and completed_on and not rapid_review.completed_on:
        try:
            require_not_future(completed_on, "completed_on", "The completion date")
            require_not_before(
                completed_on,
                "completed_on",
                "The completion date",
                step="the rapid review opened",
                step_on=rapid_review.opened_on,
            )
        except ValidationError as exc:
            errors.update({field: messages[0] for field, messages in exc.message_dict.items()})
        if sent_to_panel_on and completed_on > sent_to_panel_on and "sent_to_panel_on" not in errors:
            errors["sent_to_panel_on"] = (
                "The national panel is sent the completed rapid review: it cannot be sent before it was completed"
            )
    if errors:
        raise ValidationError(errors)
    data = {
        "facts_gathered": facts_gathered,
        "immediate_actions": immediate_actions,
        "sent_to_panel_on": sent_to_panel_on,
    }
    completed_now = complete and not rapid_review.completed_on
    if completed_now:
        data["completed_on"] = completed_on or timezone.localdate()
    model_update(actor=actor, instance=rapid_review, data=data)
    if completed_now:
        awaited = InformationRequest.objects.unscoped().filter(rapid_review=rapid_review, responded_on__isnull=True)
        for info in awaited.select_related("agency"):
            _tell_agency_request_closed(info, actor=actor)
    for criterion, (met, evidence) in assessments.items():
        current = rapid_review.assessments.filter(criterion=criterion).first()
        if not met:
            continue
        if current is None:
            assessment = CriterionAssessment.objects.create(
                rapid_review=rapid_review, criterion=criterion, met=met, evidence=evidence.strip()
            )
            audit_create(actor=actor, obj=assessment)
        else:
            model_update(actor=actor, instance=current, data={"met": met, "evidence": evidence.strip()})
    return rapid_review


@transaction.atomic
def information_request_answer(*, actor, info_request, response):
    if not response.strip():
        raise ValidationError({"response": "Enter your agency's information"})
    rapid_review = lock(info_request.rapid_review)  # a completion being saved: wait for it (see rapid_review_update)
    info_request = lock(info_request)  # two sends at once: the second reads what the first added
    if rapid_review.completed_on:
        raise ValidationError("The rapid review is complete: contact the business manager to add information")
    if _just_sent(actor, info_request, response.strip()):
        return info_request  # the same form sent again (a second click, Back and Send): answered with the first
    if info_request.is_answered:
        # Added to, never replaced: the rapid review may already have read what was sent. What is added
        # goes below it, dated and signed, so every page, paper and export that reads the information
        # reads the addition too; the first sending keeps its date and sender.
        who = actor.get_full_name() or actor.username
        now = timezone.localtime()
        added = f"{info_request.response}\n\nAdded on {now:%-d %B %Y} at {now:%H:%M} by {who}:\n{response.strip()}"
        return model_update(actor=actor, instance=info_request, data={"response": added})[0]
    answer = {"response": response.strip(), "responded_on": timezone.localdate(), "responded_by": actor}
    return model_update(actor=actor, instance=info_request, data=answer)[0]


def _just_sent(actor, info_request, text):
    """This person's text is already the last thing the information says, written moments ago: the first
    sending, or an addition signed by them. The same words sent again later are added again."""
    from casereview.accounts.services import DOUBLE_SUBMISSION

    if not info_request.is_answered or info_request.updated < timezone.now() - DOUBLE_SUBMISSION:
        return False
    who = actor.get_full_name() or actor.username
    first = info_request.response == text and info_request.responded_by_id == actor.pk
    return first or info_request.response.endswith(f" by {who}:\n{text}")


# --- documents an agency sends with its information ------------------------------------------------

# What an agency sends a rapid review: a chronology extract, a referral, a report. Spreadsheets and images
# are left out: an extract is sent as the agency's system prints it (PDF) or as Word.
ATTACHMENT_KINDS = ("pdf", "docx", "text")
ATTACHMENT_LIMIT = "evidence"  # the size limit of an action's evidence (CASEREVIEW_UPLOAD_MAX_MB)
MAX_ATTACHMENTS_AT_ONCE = 10
CLOSED_TO_ATTACHMENTS = (
    "The rapid review was completed on {on}, so nothing more can be attached. If your agency has a document "
    "the partnership should see, contact the business manager"
)


@dataclass
class Attached:
    added: list = field(default_factory=list)
    # (the name chosen, the attachment that already holds the same document)
    already_sent: list = field(default_factory=list)


def attachment_problems(files):
    """Every problem with the chosen files, as messages for the form's `files` field, so a form and the
    service refuse alike and every problem is told at once. Each names its file, one chosen alone too
    (walkthrough 10, finding 14: "The selected file must be smaller than 10 MB" named none)."""
    return _checked(files)[1]


def _checked(files):
    """(each file's content type, judged by its bytes; the problems)."""
    if not files:
        return [], ["Select the documents to attach"]
    if len(files) > MAX_ATTACHMENTS_AT_ONCE:
        return [], [f"Attach at most {MAX_ATTACHMENTS_AT_ONCE} documents at once"]
    content_types, problems = [], []
    for upload in files:
        try:
            content_types.append(
                file_checks.check_upload(
                    upload,
                    kinds=ATTACHMENT_KINDS,
                    limit=ATTACHMENT_LIMIT,
                    field="files",
                    too_large_advice="Save a smaller copy, or send it in parts.",
                )
            )
        except ValidationError as exc:
            for message in exc.message_dict["files"]:
                name = _base_name(upload)
                # a message that already names the file ("open-me.bat is a .bat file: …") is not named twice
                problems.append(message if message.startswith(name) else f"{name}: {message}")
    return content_types, problems


def _base_name(upload):
    return file_checks.chosen_name(getattr(upload, "name", ""))


def _sha256(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def information_request_attach(*, actor, info_request, files):
    """Attach the agency's documents to its information. Each is checked by its bytes (core.file_checks),
    stored under the record's key and audited; a document already attached to this request (the same
    bytes, not withdrawn) is not stored again, so a form sent twice adds nothing. Refused once the rapid
    review is complete. A file stored before something failed is removed."""
    completed_on = lock(info_request.rapid_review).completed_on  # a completion being saved: wait for it
    info_request = lock(info_request)  # two submissions at once: the second sees the first's documents
    if completed_on:
        raise ValidationError({"files": CLOSED_TO_ATTACHMENTS.format(on=f"{completed_on:%-d %B %Y}")})
    content_types, problems = _checked(files)
    if problems:
        raise ValidationError({"files": problems})
    result = Attached()
    current = InformationAttachment.objects.unscoped().current().filter(info_request=info_request)
    held = {a.sha256: a for a in current.select_related("sent_by")}
    stored = []
    try:
        for upload, content_type in zip(files, content_types, strict=True):
            name, digest = _base_name(upload), _sha256(upload)
            if digest in held:
                result.already_sent.append((name, held[digest]))
                continue
            attachment = InformationAttachment(
                info_request=info_request,
                file_name=name,
                content_type=content_type,
                size=upload.size,
                sha256=digest,
                sent_by=actor,
            )
            attachment.file.save(name, upload, save=False)
            stored.append(attachment.file.name)
            attachment.full_clean()
            attachment.save()
            audit_create(actor=actor, obj=attachment)
            held[digest] = attachment
            result.added.append(attachment)
    except BaseException:
        storage = InformationAttachment._meta.get_field("file").storage
        for name in stored:
            storage.delete(name)
        raise
    return result


@transaction.atomic
def information_attachment_withdraw(*, actor, attachment, reason):
    """Withdraw a document sent in error (the wrong file, another child's, a copy sent twice): nothing is
    erased; it stays listed, with the reason, and is no longer offered for download. Allowed after the
    rapid review is complete, since a wrong document must stop being read whenever it is found."""
    attachment = InformationAttachment.objects.unscoped().select_for_update().get(pk=attachment.pk)
    model_withdraw(actor=actor, instance=attachment, reason=reason)
    return attachment


def _require_rationale(rationale):
    if not rationale.strip():
        raise ValidationError(
            {"rationale": "Give the rationale: decisions are made transparently and explained, including to the family"}
        )


@transaction.atomic
def recommendation_make(*, actor, incident, outcome, rationale, made_on, subgroup=None):
    lock(incident)  # made once: a second submission waits for the first, then is answered with it
    made = ReviewRecommendation.objects.unscoped().filter(incident=incident).first()
    if made is not None:
        if (made.outcome, made.rationale, made.recorded_by_id) == (outcome, rationale.strip(), actor.pk):
            return made  # the same form sent twice
        raise ValidationError("A recommendation has already been made on this case")
    _require_rationale(rationale)
    check_recommendation_date(incident, made_on)
    recommendation = ReviewRecommendation(
        incident=incident,
        outcome=outcome,
        rationale=rationale.strip(),
        made_on=made_on,
        subgroup=subgroup,
        recorded_by=actor,
    )
    recommendation.full_clean()
    recommendation.save()
    audit_create(actor=actor, obj=recommendation)
    _tell_chair_of_recommendation(recommendation)
    return recommendation


def check_recommendation_date(incident, made_on):
    require_not_future(made_on, "made_on", "The date of the recommendation")
    require_not_before(
        made_on,
        "made_on",
        "The recommendation",
        step="the local authority became aware",
        step_on=incident.aware_date,
    )


def check_decision_date(decided_on, recommendation):
    require_not_future(decided_on, "decided_on", "The date of the decision")
    require_not_before(
        decided_on,
        "decided_on",
        "The decision",
        step="the recommendation it answers",
        step_on=recommendation.made_on if recommendation else None,
    )


def _review_type_for(incident, outcome):
    if outcome == Outcome.LEARNING_REVIEW:
        return ReviewType.LEARNING_REVIEW
    return (
        ReviewType.SERIOUS_CASE_REVIEW
        if incident.regime.review_name == "serious case review"
        else ReviewType.LOCAL_CSPR
    )


def _review_terms(incident, outcome, decided_on):
    """What the chair's decision settles about the review: its kind, when it was decided and when it is due."""
    return {
        "review_type": _review_type_for(incident, outcome),
        "decided_on": decided_on,
        "target_completion": add_months(decided_on, incident.partnership.review_completion_months),
    }


def _create_review(*, actor, incident, outcome, decided_on, reason, confidential=False):
    review = Review(
        partnership=incident.partnership,
        incident=incident,
        title=incident.child_pseudonym,
        is_confidential=confidential,
        **_review_terms(incident, outcome, decided_on),
    )
    review.full_clean()
    review.save()
    audit_create(actor=actor, obj=review, reason=reason)
    return review


@transaction.atomic
def chair_decide(*, actor, incident, outcome, rationale, decided_on, confidential=False):
    """The independent chair's decision. A decision to review creates the Review."""
    lock(incident)  # decided once: a second submission waits for the first, then is answered with it
    recommendation = ReviewRecommendation.objects.unscoped().filter(incident=incident).first()
    if recommendation is None:
        raise ValidationError("The chair decides on a recommendation: record the subgroup's recommendation first")
    decided = ChairDecision.objects.unscoped().filter(incident=incident).first()
    if decided is not None:
        if (decided.outcome, decided.rationale, decided.decided_by_id) == (outcome, rationale.strip(), actor.pk):
            return decided  # the same form sent twice
        raise ValidationError(f"The chair has already decided on this case ({decided.get_outcome_display()})")
    _require_rationale(rationale)
    check_decision_date(decided_on, recommendation)
    decision = ChairDecision(
        incident=incident, outcome=outcome, rationale=rationale.strip(), decided_on=decided_on, decided_by=actor
    )
    decision.full_clean()
    decision.save()
    audit_create(actor=actor, obj=decision)
    if outcome != Outcome.NO_REVIEW:
        _create_review(
            actor=actor,
            incident=incident,
            outcome=outcome,
            decided_on=decided_on,
            reason="Created by the chair's decision",
            confidential=confidential,
        )
    return decision


# --- corrections: a decision entered wrongly is put right with a reason, never deleted ----------------


def _correct(*, actor, record, data, reason):
    """Set `data` on `record`, validate it and record one "Corrected" event with the reason."""
    before = snapshot(record)
    for name, value in data.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    if audit_correction(actor=actor, obj=record, before=before, reason=reason) is None:
        raise ValidationError("Nothing was changed: change what was recorded wrongly, or go back")
    return record


@transaction.atomic
def recommendation_correct(*, actor, recommendation, outcome, rationale, made_on, subgroup, reason):
    """Put right the subgroup's recommendation as recorded (the wrong outcome, date or subgroup, a rationale
    mistyped). The earlier values stay in its history with the reason."""
    reason = require_reason(reason)
    _require_rationale(rationale)
    incident = lock(recommendation.incident)
    recommendation = ReviewRecommendation.objects.unscoped().select_for_update().get(pk=recommendation.pk)
    check_recommendation_date(incident, made_on)
    decision = ChairDecision.objects.unscoped().filter(incident=incident).first()
    if decision and made_on > decision.decided_on:
        raise ValidationError({"made_on": "The recommendation cannot be dated after the chair's decision on it"})
    data = {"outcome": outcome, "rationale": rationale.strip(), "made_on": made_on, "subgroup": subgroup}
    return _correct(actor=actor, record=recommendation, data=data, reason=reason)


def _how_far(review):
    """How far a review has gone, in the page's words: 'Child R's review has been published'."""
    if review.stage == Stage.PUBLISHED:
        return f"{review.title}'s review has been published"
    if review.stage in (Stage.NOT_PUBLISHED, Stage.ACTION_PLAN):
        return f"{review.title}'s review has been finished"
    return f"{review.title}'s review is under way (it has reached “{review.get_stage_display()}”)"


@transaction.atomic
def chair_decision_correct(*, actor, decision, outcome, rationale, decided_on, reason):
    """Put right the chair's decision as recorded. The review it created follows: its type and dates change
    with the decision; a decision corrected to "no review" closes a review that has not started (one that
    has is refused: its work must be closed on purpose first); a decision corrected to a review creates one,
    or reopens the one an earlier correction closed."""
    reason = require_reason(reason)
    _require_rationale(rationale)
    incident = lock(decision.incident)
    decision = ChairDecision.objects.unscoped().select_for_update().get(pk=decision.pk)
    check_decision_date(decided_on, ReviewRecommendation.objects.unscoped().filter(incident=incident).first())
    review = Review.objects.unscoped().filter(incident=incident).first()
    to_review = outcome != Outcome.NO_REVIEW
    if not to_review and review and review.stage not in (Stage.SCOPING, Stage.CLOSED):
        raise ValidationError(
            {
                "outcome": f"{_how_far(review)}, so the decision cannot be corrected to no review. If the review "
                "should not have been held, ask the business manager to close it on the review's page, saying why; "
                "then correct the decision"
            }
        )
    started = review is not None and review.stage not in (Stage.SCOPING, Stage.CLOSED)
    if to_review and started and _review_type_for(incident, outcome) != review.review_type:
        raise ValidationError(
            {
                "outcome": f"{_how_far(review)}, so correcting the decision cannot change what kind of review it "
                "is. Correct the date or the rationale only; if the kind was recorded wrongly, ask the business "
                "manager to close the review on its page, saying why, first"
            }
        )
    was_review = decision.outcome != Outcome.NO_REVIEW
    data = {"outcome": outcome, "rationale": rationale.strip(), "decided_on": decided_on}
    _correct(actor=actor, record=decision, data=data, reason=reason)
    note = f"The chair's decision was corrected: {reason}"
    if review is None and to_review:
        _create_review(actor=actor, incident=incident, outcome=outcome, decided_on=decided_on, reason=note)
    elif review is not None:
        if to_review:
            model_update(actor=actor, instance=review, data=_review_terms(incident, outcome, decided_on), reason=note)
            if not was_review and review.stage == Stage.CLOSED:  # closed by the earlier correction
                review_stage_change(
                    actor=actor, review=review, stage=Stage.SCOPING, changed_on=timezone.localdate(), note=note
                )
        elif review.stage == Stage.SCOPING:
            review_stage_change(
                actor=actor, review=review, stage=Stage.CLOSED, changed_on=timezone.localdate(), note=note
            )
    return decision


def check_panel_response_date(incident, received_on):
    """The national panel answers the rapid review it was sent: its response cannot come before that."""
    rapid_review = RapidReview.objects.unscoped().filter(incident=incident).first()
    if rapid_review is not None and rapid_review.sent_to_panel_on:
        step, step_on = "the rapid review was sent to the national panel", rapid_review.sent_to_panel_on
    else:
        step, step_on = "the local authority became aware", incident.aware_date
    require_not_before(received_on, "received_on", "The date received", step=step, step_on=step_on)


@transaction.atomic
def panel_response_record(*, actor, incident, response, received_on, notes=""):
    if PanelResponse.objects.unscoped().filter(incident=incident).exists():
        raise ValidationError("The national panel's response is already recorded")
    require_not_future(received_on, "received_on", "The date received")
    check_panel_response_date(incident, received_on)
    answer = PanelResponse(incident=incident, response=response, received_on=received_on, notes=notes.strip())
    answer.full_clean()
    answer.save()
    audit_create(actor=actor, obj=answer)
    if answer.response != PanelResponseKind.AGREES:
        _tell_of_panel_response(answer)
    return answer


def _tell_of_panel_response(answer):
    """The chair and the business manager are told when the national panel disagrees or will review
    nationally: it answers the chair's decision (walkthrough 11, finding 5: nobody was told)."""
    from django.urls import reverse

    from casereview.accounts.models import Role
    from casereview.notifications.recipients import role_holders
    from casereview.notifications.services import notify

    incident = answer.incident
    what = (
        "The national panel disagrees with the local decision"
        if answer.response == PanelResponseKind.DISAGREES
        else "The national panel will carry out a national review"
    )

    def tell():
        notify(
            recipients=role_holders(incident.partnership, Role.CHAIR, Role.BUSINESS_MANAGER),
            partnership=incident.partnership,
            key=f"panel-response:{answer.pk}",
            what=what,
            about=incident.child_pseudonym,
            path=reverse("incidents:detail", args=[incident.pk]),
        )

    transaction.on_commit(tell)


@transaction.atomic
def family_communication_record(*, actor, incident, communicated_on, method, communicated_by, notes=""):
    decision = ChairDecision.objects.unscoped().filter(incident=incident).first()
    if decision is None:
        raise ValidationError("Record the chair's decision before recording how the family was told of it")
    require_not_future(communicated_on, "communicated_on", "The date the family was told")
    require_not_before(
        communicated_on,
        "communicated_on",
        "The date the family was told",
        step="the chair decided",
        step_on=decision.decided_on,
    )
    contact = FamilyCommunication(
        incident=incident,
        communicated_on=communicated_on,
        method=method,
        communicated_by=communicated_by.strip(),
        notes=notes.strip(),
    )
    contact.full_clean()
    contact.save()
    audit_create(actor=actor, obj=contact)
    return contact


# --- telling people what is asked of them (a link and the pseudonym, nothing more) ----------------


def _tell_agency_of_request(info):
    from django.urls import reverse

    from casereview.core.dates import long_date
    from casereview.notifications.recipients import agency_leads
    from casereview.notifications.services import notify

    notify(
        recipients=agency_leads(info.agency),
        partnership=info.rapid_review.incident.partnership,
        key=f"request:{info.pk}",
        what=f"{info.agency}: information for a rapid review, due {long_date(info.due_date)}",
        about=info.rapid_review.incident.child_pseudonym,
        path=reverse("decisions:request_answer", args=[info.pk]),
    )


def _tell_agency_request_closed(info, *, actor):
    """The rapid review was completed before the agency sent its information: its leads are told so, as they
    were told of the request (home page and e-mail), with whom to contact, and the request is no longer shown
    as asked of them."""
    from django.urls import reverse

    from casereview.accounts.models import Role
    from casereview.core.dates import long_date
    from casereview.notifications.models import Notification
    from casereview.notifications.recipients import agency_leads, role_holders
    from casereview.notifications.services import notify

    incident = info.rapid_review.incident
    managers = role_holders(incident.partnership, Role.BUSINESS_MANAGER) or [actor]
    contact = " or ".join(sorted({m.get_full_name() or m.username for m in managers}))
    completed = long_date(info.rapid_review.completed_on)
    Notification.objects.filter(key=f"request:{info.pk}").update(
        what=f"{info.agency}: information for a rapid review — no longer asked, the rapid review was completed "
        f"on {completed}"
    )
    notify(
        recipients=agency_leads(info.agency),
        partnership=incident.partnership,
        key=f"request_closed:{info.pk}",
        what=(
            f"The rapid review was completed on {completed} before the information from {info.agency} arrived, so "
            f"it is no longer asked of you. If it should still be considered, contact {contact} (business manager)"
        ),
        about=incident.child_pseudonym,
        path=reverse("decisions:request_answer", args=[info.pk]),
    )


def _tell_chair_of_recommendation(recommendation):
    from django.urls import reverse

    from casereview.accounts.models import Role
    from casereview.notifications.recipients import role_holders
    from casereview.notifications.services import notify

    incident = recommendation.incident

    def tell_if_still_undecided():
        # at commit: a recommendation and the chair's decision recorded together (an import, the demo)
        # ask nothing of the chair
        if ChairDecision.objects.unscoped().filter(incident=incident).exists():
            return
        notify(
            recipients=role_holders(incident.partnership, Role.CHAIR),
            partnership=incident.partnership,
            key=f"decision:{incident.pk}",
            what="A decision on whether to hold a review awaits you",
            about=incident.child_pseudonym,
            path=reverse("incidents:detail", args=[incident.pk]),
        )

    transaction.on_commit(tell_if_still_undecided)
