"""The demo partnerships, from the seed papers in ../shared/seeds.

- Southwark Safeguarding Children Board: the partners, board membership and subgroups of its annual
  report 2018-19 (the Southwark annual report 2018-19 (docs/domain.md) §2.1-2.2).
- Tower Hamlets LSCB: the board that ran two serious case reviews in 2007 (the Tower Hamlets SCR paper, docs/domain.md).
- Worcestershire Safeguarding Children Partnership: the three statutory partners of its 2019
  arrangements (the Worcestershire CSPR paper (docs/domain.md) §4-7).

The data is checked whole before anything is written, so a mistake in it changes nothing.
"""

import secrets
from dataclasses import dataclass

from django.db import transaction

from .models import Agency, Membership, Partnership, Role, Sector, Subgroup, User

PARTNERSHIPS = [
    {
        "slug": "southwark",
        "name": "Southwark Safeguarding Children Board",
        "local_authority": "London Borough of Southwark",
        "agencies": [
            ("Southwark Council Children's and Adults' Services", Sector.CHILDRENS_SOCIAL_CARE),
            ("Southwark Council Education", Sector.EDUCATION),
            ("Southwark Council Communities and Public Health", Sector.LOCAL_AUTHORITY),
            ("NHS Southwark Clinical Commissioning Group", Sector.HEALTH),
            ("Guy's and St Thomas' NHS Foundation Trust", Sector.HEALTH),
            ("King's College Hospital NHS Foundation Trust", Sector.HEALTH),
            ("South London and Maudsley NHS Foundation Trust", Sector.HEALTH),
            ("Metropolitan Police Service", Sector.POLICE),
            ("London Fire Brigade", Sector.FIRE),
            ("National Probation Service (London)", Sector.PROBATION),
            ("London Community Rehabilitation Company", Sector.PROBATION),
            ("Community Southwark", Sector.VOLUNTARY),
            ("Southwark primary and secondary schools", Sector.EDUCATION),
            ("CAFCASS", Sector.CAFCASS),
        ],
        "subgroups": [
            (
                "Practice Development and Learning (PDL) Subgroup",
                "Head of Organisation Transformation, Southwark Council",
                "Joint with the adults' board: the multi-agency training offer and learning from case reviews.",
            ),
            (
                "Child Death Overview Panel (CDOP)",
                "Lead Public Health Consultant, Lambeth and Southwark CCG",
                "Reviews the deaths of all children normally resident in the borough.",
            ),
            (
                "Serious Case Review (SCR) Subgroup",
                "Director of Children's Services, Southwark Council",
                "Considers referrals for case reviews, commissions them and monitors their action plans.",
            ),
            (
                "Audit and Learning (now Quality and Effectiveness) Subgroup",
                "Designated Nurse, Safeguarding Children (CCG) and Assistant Director, Quality, Strategy and Performance",
                "Multi-agency audit and the partnership's risk register.",
            ),
            ("Community Engagement Subgroup", "CEO, Community Southwark", ""),
            ("Human Resources (HR) Subgroup", "Head of Schools' Human Resources", ""),
            ("Education Subgroup", "Director of Education, Southwark Council", ""),
            (
                "CSE Strategic / MASE",
                "Director of Children's Services, Southwark Council and Police Superintendent",
                "Child sexual and criminal exploitation.",
            ),
        ],
        "people": [
            ("manager", "Business", "Manager", Role.BUSINESS_MANAGER, None, "Safeguarding Boards Business Manager"),
            ("chair", "Independent", "Chair", Role.CHAIR, None, "Independent Chair and Scrutineer"),
            (
                "executive",
                "Executive",
                "Member",
                Role.EXECUTIVE,
                "Southwark Council Children's and Adults' Services",
                "Strategic Director of Children's and Adults' Services",
            ),
            (
                "panel",
                "Panel",
                "Member",
                Role.PANEL_MEMBER,
                "Guy's and St Thomas' NHS Foundation Trust",
                "Head of Safeguarding Children",
            ),
            (
                "police.lead",
                "Police",
                "Lead",
                Role.AGENCY_LEAD,
                "Metropolitan Police Service",
                "Detective Inspector, Child Abuse Investigation",
            ),
            # One lead for each of the four agencies a review panel must include (the Tower Hamlets SCR paper §3.4).
            (
                "health.lead",
                "Health",
                "Lead",
                Role.AGENCY_LEAD,
                "NHS Southwark Clinical Commissioning Group",
                "Designated Nurse, Safeguarding Children",
            ),
            (
                "education.lead",
                "Education",
                "Lead",
                Role.AGENCY_LEAD,
                "Southwark Council Education",
                "Head of Education Safeguarding",
            ),
            (
                "social.care.lead",
                "Social Care",
                "Lead",
                Role.AGENCY_LEAD,
                "Southwark Council Children's and Adults' Services",
                "Service Manager, Safeguarding and Quality Assurance",
            ),
            ("reviewer", "Independent", "Reviewer", Role.REVIEWER, None, "Independent lead reviewer"),
            ("viewer", "Training", "Lead", Role.VIEWER, None, "Multi-agency training coordinator"),
        ],
    },
    {
        "slug": "tower-hamlets",
        "name": "Tower Hamlets Local Safeguarding Children Board",
        "local_authority": "London Borough of Tower Hamlets",
        "agencies": [
            ("Tower Hamlets Children's Services", Sector.CHILDRENS_SOCIAL_CARE),
            ("Tower Hamlets Primary Care Trust", Sector.HEALTH),
            ("Metropolitan Police Service (Tower Hamlets)", Sector.POLICE),
            ("Tower Hamlets Schools", Sector.EDUCATION),
        ],
        "subgroups": [
            ("Serious Case Review Group", "", "Decides whether a case meets the criteria for a serious case review."),
        ],
        "people": [
            ("manager", "Business", "Manager", Role.BUSINESS_MANAGER, None, "LSCB Business Manager"),
            ("chair", "Board", "Chair", Role.CHAIR, None, "Chair of the LSCB"),
            # "independent experts were commissioned to undertake the overview reports" (the paper's §3.6)
            ("reviewer", "Overview", "Author", Role.REVIEWER, None, "Independent overview report author"),
        ],
    },
    {
        "slug": "worcestershire",
        "name": "Worcestershire Safeguarding Children Partnership",
        "local_authority": "Worcestershire County Council",
        "agencies": [
            ("Worcestershire County Council", Sector.CHILDRENS_SOCIAL_CARE),
            ("West Mercia Police", Sector.POLICE),
            ("NHS South Worcestershire, Wyre Forest, and Redditch & Bromsgrove CCGs", Sector.HEALTH),
        ],
        "subgroups": [
            (
                "Safeguarding Practice Review Board",
                "",
                "Recommends to the independent chair whether a case needs a review.",
            ),
            ("Executive Group", "", "The three safeguarding partners; case reviews are a standing item each quarter."),
            (
                "QAPP Subgroup",
                "",
                "Multi-agency quality assurance: audits, service user experience and performance indicators.",
            ),
            (
                "GET SAFE Subgroup",
                "",
                "Gangs, exploitation, trafficking, modern slavery, absent and missing, and knife crime.",
            ),
        ],
        "people": [
            ("manager", "Business", "Manager", Role.BUSINESS_MANAGER, None, "Partnership Business Manager"),
            ("chair", "Independent", "Chair", Role.CHAIR, None, "Independent Chair"),
            # "Terms of Reference ... have been written and the author appointed" (the Worcestershire paper §25)
            ("reviewer", "Review", "Author", Role.REVIEWER, None, "Independent author of the serious case review"),
            ("executive", "Executive", "Member", Role.EXECUTIVE, "West Mercia Police", "Safeguarding partner"),
            (
                "police.lead",
                "Police",
                "Lead",
                Role.AGENCY_LEAD,
                "West Mercia Police",
                "Detective Inspector, Public Protection",
            ),
        ],
    },
]


class DemoDataError(Exception):
    pass


@dataclass
class DemoLogin:
    username: str
    password: str
    role: str
    partnership: str


def validate(partnerships):
    """Every problem in the demo data at once, before anything is written."""
    problems = []
    roles, sectors = set(Role.values), set(Sector.values)
    for p in partnerships:
        agency_names = {name for name, _ in p["agencies"]}
        for name, sector in p["agencies"]:
            if sector not in sectors:
                problems.append(f"{p['slug']}: agency {name!r} has unknown sector {sector!r}")
        for username, _first, _last, role, agency, _title in p["people"]:
            if role not in roles:
                problems.append(
                    f"{p['slug']}: {username!r} has unknown role {role!r} (known: {', '.join(sorted(roles))})"
                )
            if agency and agency not in agency_names:
                problems.append(f"{p['slug']}: {username!r} names unknown agency {agency!r}")
    if problems:
        raise DemoDataError("The demo data has problems; nothing was loaded:\n  " + "\n  ".join(problems))


def select(slugs, partnerships=PARTNERSHIPS):
    if not slugs:
        return list(partnerships)
    known = {p["slug"]: p for p in partnerships}
    unknown = [s for s in slugs if s not in known]
    if unknown:
        raise DemoDataError(
            f"Unknown demo partnership {', '.join(map(repr, unknown))}. Choose from: {', '.join(known)}"
        )
    return [known[s] for s in slugs]


@transaction.atomic
def load(partnerships=PARTNERSHIPS):
    """Create what is missing; never change or reset what exists. Returns (records created, logins of
    the users created now — their passwords exist nowhere else)."""
    validate(partnerships)
    created = 0
    logins = []
    for p in partnerships:
        partnership, made = Partnership.objects.get_or_create(
            slug=p["slug"], defaults={"name": p["name"], "local_authority": p["local_authority"]}
        )
        created += made
        agencies = {}
        for name, sector in p["agencies"]:
            agencies[name], made = Agency.objects.get_or_create(
                partnership=partnership, name=name, defaults={"sector": sector}
            )
            created += made
        for name, chair, purpose in p["subgroups"]:
            _, made = Subgroup.objects.get_or_create(
                partnership=partnership, name=name, defaults={"chair": chair, "purpose": purpose}
            )
            created += made
        for username, first, last, role, agency, title in p["people"]:
            username = f"{p['slug']}.{username}"
            user = User.objects.filter(username=username).first()
            if user is None:
                password = secrets.token_urlsafe(12)
                user = User(
                    username=username, first_name=first, last_name=last, email=f"{username}@demo.casereview.invalid"
                )
                user.set_password(password)
                user.full_clean()
                user.save()
                logins.append(DemoLogin(username, password, Role(role).label, partnership.name))
                created += 1
            _, made = Membership.objects.get_or_create(
                user=user,
                partnership=partnership,
                role=role,
                defaults={"agency": agencies.get(agency), "job_title": title},
            )
            created += made
    return created, logins
