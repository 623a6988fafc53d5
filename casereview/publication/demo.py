"""The demo's draft report: Child T's review (fictional, opened by the decisions demo and carried to its
learning event by the reviews demo) has its independent reviewer's draft uploaded and checked for
identifying details, so the publication page has a replacement table to decide and a gate that lists what is
left. Uploaded and checked through the same services as the page (audited; the review moves on to
drafting); every name, address and date in it is invented."""

from django.db import transaction

from casereview.accounts.models import Membership, Role
from casereview.reviews.models import Review

from . import services
from .models import Report

FILE_NAME = "child-t-draft-report.txt"

DRAFT_REPORT = "\n\n".join(
    [
        "Local child safeguarding practice review: Child T",
        "1. Introduction",
        (
            "1.1 Tara Wilson, aged 9, lived with her mother Kelly Wilson and her brother Jayden at 27 Larkfield "
            "Street, London SE15 9ZZ. She attended Larkfield Primary School, where her class teacher Mrs Ann "
            "Patel first raised concerns about bruising on {concern}."
        ),
        (
            "1.2 Tara was admitted to hospital on {admitted} with injuries that could not be explained. She and "
            "Jayden were placed with their grandmother, Margaret Wilson, the same day under a safety plan."
        ),
        "2. What agencies knew",
        (
            "2.1 The school made a referral to children's social care on {referral}. The social worker, Ben "
            "Okafor, visited the family home two weeks later and spoke to Kelly Wilson by telephone on 020 7946 "
            "0123."
        ),
        (
            "2.2 Tara missed three appointments at Larkfield Medical Centre in the six months before. Her GP, "
            "Dr Helen Marsh, wrote to the family after each one, but the missed appointments were not shared with "
            "the school or with children's social care."
        ),
        "3. Findings",
        (
            "3.1 The school's concerns were recorded by each agency but not joined up: no strategy discussion was "
            "held until after Tara was admitted to hospital."
        ),
        ("3.2 Practitioners did not speak to Tara on her own, so her own account of life at home was not heard."),
        "4. Recommendations",
        (
            "4.1 Southwark Safeguarding Children Board should seek assurance that a school's concern about "
            "unexplained bruising leads to a strategy discussion within one working day."
        ),
        (
            "4.2 Health services should share a child's missed appointments with the child's school and social "
            "worker when there is an open referral."
        ),
    ]
)


@transaction.atomic
def load(slugs):
    if "southwark" not in slugs:
        return 0
    review = Review.objects.filter(partnership__slug="southwark", title="Child T").first()
    if review is None or Report.objects.unscoped().filter(review=review).exists():
        return 0
    appointment = review.reviewers.select_related("user").first()
    author = appointment.user if appointment else _manager(review)
    text = DRAFT_REPORT.format(**_dates(review.incident.aware_date))
    report = services.report_upload(actor=author, review=review, name=FILE_NAME, data=text.encode("utf-8"))
    _uploaded_weeks_ago(review, report)
    # Checked now rather than by the background worker, so the page is ready however the demo is run.
    services.report_detect(report.pk)
    return 1


def _uploaded_weeks_ago(review, report):
    """The draft came in after the learning event (the reviews demo holds it 45 working days after the
    decision), weeks before today: the sending, dated no earlier than the upload, can then be dated so the
    seven working days' notice is met without waiting a fortnight. (The sign-offs are of the text the table
    makes, so they are dated no earlier than the table's last change.)"""
    from datetime import datetime, time

    from django.utils import timezone

    from casereview.core.working_days import add_working_days
    from casereview.reviews.models import StageChange

    on = min(add_working_days(review.decided_on, 70), timezone.localdate())
    Report.objects.unscoped().filter(pk=report.pk).update(created=timezone.make_aware(datetime.combine(on, time(10))))
    StageChange.objects.filter(review=review, stage="drafting").update(changed_on=on)


def _dates(admitted):
    """The report's dates, in step with the demo's incident (dated from the day the demo is loaded)."""
    from datetime import timedelta

    concern = admitted - timedelta(weeks=7)
    return {
        "concern": f"{concern.day} {concern:%B}",
        "referral": f"{(concern + timedelta(days=1)).day} {concern + timedelta(days=1):%B}",
        "admitted": f"{admitted.day} {admitted:%B}",
    }


def _manager(review):
    return Membership.objects.filter(partnership=review.partnership, role=Role.BUSINESS_MANAGER).first().user
