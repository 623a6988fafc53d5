from dataclasses import dataclass

from casereview.core.scoping import of_partnerships
from casereview.reviews.models import Review

from .models import (
    ChairDecision,
    FamilyCommunication,
    InformationAttachment,
    InformationRequest,
    PanelResponse,
    RapidReview,
    ReviewRecommendation,
)


@dataclass
class CaseProgress:
    rapid_review: RapidReview | None
    requests: list
    recommendation: ReviewRecommendation | None
    decision: ChairDecision | None
    panel_response: PanelResponse | None
    family_communications: list
    review: Review | None


def case_progress(*, user, incident):
    """Where the case has got to, as far as this user may see it (an agency lead sees only their own
    agency's request)."""

    def first(model):
        return model.objects.visible_to(user).filter(incident=incident).first()

    rapid_review = first(RapidReview)
    requests = (
        list(
            InformationRequest.objects.visible_to(user)
            .filter(rapid_review=rapid_review)
            .select_related("agency", "responded_by")
        )
        if rapid_review
        else []
    )
    return CaseProgress(
        rapid_review=rapid_review,
        requests=requests,
        recommendation=first(ReviewRecommendation),
        decision=first(ChairDecision),
        panel_response=first(PanelResponse),
        family_communications=list(FamilyCommunication.objects.visible_to(user).filter(incident=incident)),
        review=Review.objects.visible_to(user).filter(incident=incident).first(),
    )


def rapid_review_gaps(rapid_review):
    """What the rapid review still lacks, in words for the person about to recommend or decide on it: the
    agencies whose information is awaited, the criteria not judged, not sent to the national panel. Empty
    when it is complete (or there is none: a case referred locally is decided without one)."""
    from .models import Criterion, CriterionAssessment

    if rapid_review is None:
        return []
    gaps = []
    # unscoped: the business manager or the chair, who read every request (decisions.informationrequest)
    awaited = [
        str(r.agency)
        for r in InformationRequest.objects.unscoped()
        .filter(rapid_review=rapid_review, responded_on__isnull=True)
        .select_related("agency")
    ]
    if awaited:
        names = awaited[0] if len(awaited) == 1 else ", ".join(awaited[:-1]) + " and " + awaited[-1]
        gaps.append(f"information from {names} is awaited")
    # The fourth criterion waits for the national panel's reply, and the rapid review is completed without
    # it (the form's hint says so): counting it called a completed rapid review "not complete" (walkthrough
    # 11, finding 4). panel_reply_note says it apart.
    local = [c for c in Criterion.values if c != Criterion.PANEL_SUGGESTED_LOCAL]
    judged = CriterionAssessment.objects.unscoped().filter(rapid_review=rapid_review, criterion__in=local).count()
    total = len(local)
    if judged == 0:
        gaps.append("no criterion has been judged")
    elif judged < total:
        unjudged = total - judged
        gaps.append(
            f"{unjudged} of the {total} criteria the partners judge {'has' if unjudged == 1 else 'have'} not "
            "been judged"
        )
    if rapid_review.sent_to_panel_on is None:
        gaps.append("it has not been sent to the national panel")
    return gaps


def panel_reply_note(rapid_review):
    """The fourth criterion not yet judged because the national panel has not replied, said as what it is,
    or ""."""
    from .models import Criterion, CriterionAssessment

    if rapid_review is None:
        return ""
    judged = CriterionAssessment.objects.unscoped().filter(
        rapid_review=rapid_review, criterion=Criterion.PANEL_SUGGESTED_LOCAL
    )
    if judged.exists():
        return ""
    return (
        "The national panel has not replied yet, so whether it thinks a local review may be more appropriate "
        "(the fourth criterion) is not known. You can decide without it."
    )


def open_rapid_reviews(*, user, partnership):
    return (
        RapidReview.objects.visible_to(user)
        .filter(completed_on__isnull=True, **of_partnerships("incident__partnership", partnership))
        .select_related("incident")
    )


def unanswered_requests(*, user, partnership):
    return (
        InformationRequest.objects.visible_to(user)
        .filter(
            responded_on__isnull=True,
            rapid_review__completed_on__isnull=True,
            **of_partnerships("rapid_review__incident__partnership", partnership),
        )
        .select_related("agency", "rapid_review__incident")
    )


def awaiting_recommendation(*, user, partnership):
    """Rapid reviews completed or running with no recommendation yet."""
    return (
        RapidReview.objects.visible_to(user)
        .filter(incident__recommendation__isnull=True, **of_partnerships("incident__partnership", partnership))
        .select_related("incident")
    )


def awaiting_chair_decision(*, user, partnership):
    return (
        ReviewRecommendation.objects.visible_to(user)
        .filter(incident__decision__isnull=True, **of_partnerships("incident__partnership", partnership))
        .select_related("incident", "incident__rapid_review")
    )


# how long the chair's home shows a national panel's response that does not agree with the local decision
PANEL_RESPONSE_SHOWN_DAYS = 90


def panel_responses_not_agreeing(*, user, partnership):
    """The national panel's responses of the last PANEL_RESPONSE_SHOWN_DAYS that disagree with the local
    decision or announce a national review: the chair reconsiders the decision in their light (walkthrough
    11, finding 5). Newest first."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import PanelResponse, PanelResponseKind

    since = timezone.localdate() - timedelta(days=PANEL_RESPONSE_SHOWN_DAYS)
    return (
        PanelResponse.objects.visible_to(user)
        .filter(
            response__in=[PanelResponseKind.DISAGREES, PanelResponseKind.NATIONAL_REVIEW],
            received_on__gte=since,
            **of_partnerships("incident__partnership", partnership),
        )
        .select_related("incident", "incident__decision")
        .order_by("-received_on")
    )


def coming_to_chair(*, user, partnership):
    """The rapid reviews under way whose subgroup has not yet recommended and whose incident the chair has
    not decided: the decisions coming, so the chair can plan for them (walkthrough 10, finding 13). Soonest
    due first."""
    return (
        RapidReview.objects.visible_to(user)
        .filter(
            incident__recommendation__isnull=True,
            incident__decision__isnull=True,
            **of_partnerships("incident__partnership", partnership),
        )
        .select_related("incident")
        .order_by("due_date")
    )


def awaiting_panel_response(*, user, partnership):
    return (
        RapidReview.objects.visible_to(user)
        .filter(
            sent_to_panel_on__isnull=False,
            incident__panel_response__isnull=True,
            **of_partnerships("incident__partnership", partnership),
        )
        .select_related("incident")
    )


def decisions_between(*, user, partnership, start, end):
    return (
        ChairDecision.objects.visible_to(user)
        .filter(incident__partnership=partnership, decided_on__gte=start, decided_on__lte=end)
        .select_related("incident", "incident__panel_response")
        .order_by("decided_on")
    )


def information_attachments_for(*, user, info_request):
    """The documents sent with one request, oldest first, withdrawn ones included (they are listed as
    withdrawn, with the reason)."""
    return list(
        InformationAttachment.objects.visible_to(user)
        .filter(info_request=info_request)
        .select_related("sent_by", "withdrawn_by")
    )


def information_attachments_by_request(*, user, rapid_review):
    """The documents sent with each of the rapid review's requests this user may read: request key -> list."""
    by_request = {}
    for attachment in (
        InformationAttachment.objects.visible_to(user)
        .filter(info_request__rapid_review=rapid_review)
        .select_related("sent_by", "withdrawn_by")
    ):
        by_request.setdefault(attachment.info_request_id, []).append(attachment)
    return by_request


def requests_with_documents(*, requests):
    """The keys of the requests (already visible to the reader) whose agency has sent at least one document
    still standing: their status is "documents received", not "awaited", whether or not this reader may open
    the documents themselves."""
    return set(
        InformationAttachment.objects.unscoped()
        .current()
        .filter(info_request__in=[r.pk for r in requests])
        .values_list("info_request_id", flat=True)
    )
