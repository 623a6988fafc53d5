"""The demo's yearly report: Southwark Safeguarding Children Board's 2018-19 report (seeds/004), with the
figures it gives (329 children on a plan, 459 looked after, 146 LADO referrals, £134,471.50 from six
partners) and its foreword, priorities and looking-ahead sections in short. The case figures and the
reviews come from the other apps' demos."""

import datetime
from decimal import Decimal

from django.db import transaction

from casereview.accounts.models import Membership, Partnership, Role

from .models import AnnualFigure, AnnualReport, Contribution, FigureKind, Section, SectionVersion

WRITTEN_AT = datetime.datetime(2019, 6, 14, 10, 0, tzinfo=datetime.UTC)

FIGURES = [
    (FigureKind.CHILD_POPULATION, 70800, "Public Health England Child Health Profiles 2019 (aged 0-19, 2017)"),
    (FigureKind.CP_PLANS, 329, "Children's social care case records, 31 March 2019"),
    (FigureKind.LOOKED_AFTER, 459, "Children's social care case records, 31 March 2019"),
    (FigureKind.LADO_REFERRALS, 146, "LADO referral log, April 2018 to March 2019"),
]

CONTRIBUTIONS = [
    ("Police (MOPAC)", "5000"),
    ("Southwark CCG", "60000"),
    ("SLAM", "5000"),
    ("London Fire Brigade", "500"),
    ("London Borough Southwark", "63421.50"),
    ("CAFCASS", "550"),
]

NARRATIVE = {
    Section.FOREWORD: (
        "This annual report sets out the work that the Board has undertaken over the last year and analyses the "
        "partnership's performance in safeguarding the children and young people of Southwark.\n\n"
        "Southwark's Safeguarding Children Board continues to drive local multi agency working to ensure "
        "continuously improving services and outcomes for children and young people at risk of or experiencing "
        "harm or neglect.\n\n"
        "David Quirke-Thornton, Strategic Director for Children and Adults, Southwark Council; Interim Chair"
    ),
    Section.INTRODUCTION: (
        "All children in Southwark have the right to be safe and protected from harm. We will work together to "
        "protect children and young people through high quality services that enable children to reach their "
        "full potential and achieve the best possible outcomes."
    ),
    Section.PRIORITIES: (
        "Our priorities for 2018/19 were:\n\n"
        "- Exploitation (specifically child sexual exploitation and criminal exploitation / county lines)\n"
        "- Knife crime and serious youth violence (joint with the adults' board)\n"
        "- Vulnerable parents\n"
        "- Special educational needs and disability (SEND)\n"
        "- Neglect\n\n"
        "In early 2019 we secured funding from the Mayor's Office for Policing and Crime and the Home Office to "
        "undertake an extended learning review on violence and vulnerability."
    ),
    Section.LOOKING_AHEAD: (
        "The Board has agreed to carry the priorities of 2018/19 into 2019/20, as these areas of work do not fit "
        "neatly within a financial year framework."
    ),
}


@transaction.atomic
def load(slugs):
    if "southwark" not in slugs:
        return 0
    partnership = Partnership.objects.get(slug="southwark")
    if AnnualReport.objects.filter(partnership=partnership, year_starting=2018).exists():
        return 0
    manager = (
        Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_MANAGER).select_related("user").first()
    ).user
    report = AnnualReport.objects.create(partnership=partnership, year_starting=2018, created_by=manager)
    for kind, value, source in FIGURES:
        AnnualFigure.objects.create(report=report, kind=kind, value=value, source=source)
    for contributor, amount in CONTRIBUTIONS:
        Contribution.objects.create(
            report=report, contributor=contributor, amount=Decimal(amount), source="SSCB budget statement 2018-19"
        )
    for section, text in NARRATIVE.items():
        SectionVersion.objects.create(report=report, section=section, number=1, text=text, written_by=manager)
    # written when a 2018-19 report would have been, the summer after the year, not the day the demo loads
    SectionVersion.objects.filter(report=report).update(created=WRITTEN_AT, updated=WRITTEN_AT)
    return 1
