"""Committee papers in the shape councils use (seeds/000, 002): the paper's first draft is written from
the reviews (their background, learning points and action plans' progress), then edited before download."""

from django.utils import timezone

from casereview.actionplans import selectors as actionplans
from casereview.reviews.models import Review

from .document import Bullets, Heading, Para, Report, TableBlock


def reviews_for_paper(*, user, partnership):
    return Review.objects.visible_to(user).filter(partnership=partnership).order_by("-decided_on", "title")


def first_draft(*, user, partnership, reviews):
    reviews = list(reviews)
    names = " and ".join(r.title for r in reviews)
    plural = len(reviews) > 1
    background, issues = [], []
    for review in reviews:
        line = f"{review.title}: {review.get_review_type_display().lower()}, decided on {review.decided_on:%-d %B %Y}"
        if review.published_on:
            line += f", published on {review.published_on:%-d %B %Y}"
        else:
            line += f", now at the stage “{review.get_stage_display()}”"
        background.append(line + ".")
        if review.subjects:
            background.append(review.subjects)
        points = list(review.learning_points.order_by("number"))
        if points:
            issues.append(f"The key points of learning from the review of {review.title} can be summarised as follows:")
            issues += [f"{p.label}. {p.text}" for p in points]
        plan = list(actionplans.review_action_plan(user=user, review=review))
        if plan:
            closed = sum(1 for a in plan if a.status == "closed")
            overdue = sum(1 for a in plan if a.status != "closed" and a.due_date < timezone.localdate())
            issues.append(
                f"{review.title}'s action plan has {len(plan)} action{'s' if len(plan) != 1 else ''}: "
                f"{closed} closed, {len(plan) - closed} open, {overdue} of them past their due date."
            )
    return {
        "title": f"{partnership.name}: {'case reviews' if plural else 'case review'} — {names}",
        "meeting": "",
        "from_whom": "",
        "wards": "All",
        "classification": "Open",
        "recommendations": (
            f"The committee is asked to:\n- note the {'reports' if plural else 'report'} of the "
            f"{'reviews' if plural else 'review'} of {names};\n"
            "- comment on the key learning points and what member organisations could do to address them."
        ),
        "background": "\n\n".join(background),
        "key_issues": "\n\n".join(issues) or "The learning points have not been recorded yet.",
        "policy_implications": "",
        "community_implications": "",
        "legal_implications": "",
        "financial_implications": "",
        "appendices": "\n".join(f"The report of the review of {r.title}" for r in reviews),
    }


def paper_document(paper):
    doc = Report(title=paper.title, organisation=paper.partnership.name, contents=False)
    doc.add(
        TableBlock(
            ["Item No.", "Classification", "Date", "Meeting name"],
            [[paper.item_number or "—", paper.classification, f"{paper.meeting_date:%-d %B %Y}", paper.meeting]],
        ),
        TableBlock(
            ["Report title", "Wards or groups affected", "From"],
            [[paper.title, paper.wards, paper.from_whom]],
        ),
    )
    for heading, text in [
        ("Recommendations", paper.recommendations),
        ("Background information", paper.background),
        ("Key issues for consideration", paper.key_issues),
        ("Policy implications", paper.policy_implications),
        ("Community impact statement", paper.community_implications),
        ("Legal implications", paper.legal_implications),
        ("Financial implications", paper.financial_implications),
    ]:
        doc.add(Heading(heading.upper()))
        if text.strip():
            doc.text(text)
        else:
            doc.add(Para("None."))
    doc.add(Heading("APPENDICES"))
    appendices = [line.strip() for line in paper.appendices.splitlines() if line.strip()]
    doc.add(Bullets(appendices) if appendices else Para("None."))
    return doc
