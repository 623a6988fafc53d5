from dataclasses import dataclass

from casereview.core.scoping import of_partnerships
from casereview.reviews.models import Review

from .models import (
    ChairDecision,
    FamilyCommunication,
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
        .select_related("incident")
        .order_by("decided_on")
    )
