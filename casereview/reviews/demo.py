"""Demo reviews from the seeds. Child R's serious case review (seeds/000, 003): Welsh child practice
review model, April 2014 – February 2015, a practitioner learning event, the family engaged in a limited
way, the 12 learning points of seeds/000 §9 verbatim, published August 2015."""

from datetime import date

from django.db import transaction

from casereview.core.models import Theme

from .models import FamilyInvolvement, LearningPoint, Methodology, Participation, Review, Stage, TermsOfReference

CHILD_R_LEARNING_POINTS = [
    ("Knowledge of a child's psycho-social history is essential for effective assessments and planning for children.",
     ["Assessment and history"]),
    ("In any agency, high turnover and sickness among workers and managers in a team carry the risk of loss of knowledge about "
     "cases and potential failure to carry out statutory duties.", ["Workforce turnover and capacity"]),
    ("Many looked-after adolescents find it hard to trust and communicate with professionals who are tasked with planning for "
     "them, and helping to keep them safe – especially when their key worker changes frequently. This can significantly "
     "constrain the ability of workers (and the local authority, as 'corporate parents') to respond to the young person's "
     "wishes and feelings, and to meet their needs.", ["Looked-after children", "Adolescents", "Voice and lived experience of the child"]),
    ("Effective care planning for looked-after children requires input from all partners in the form of either attendance or "
     "appropriate reports for the LAC Review process. However, LAC Reviews, as smaller, child-centred meetings, do not provide a "
     "suitable forum for the full professional network of those who know about and are working with the child. Thus, there may "
     "be no regular opportunity for this network to share significant information and concerns.",
     ["Looked-after children", "Multi-agency working", "Information sharing"]),
    ("In addition, the LA needs to ensure that foster carers and the professional network are given full and good information "
     "about the determined needs of the child and the current plans, as well as relevant history. These actions can become more "
     "difficult for children placed out of borough.", ["Information sharing", "Placement choice and matching"]),
    ("Partners in safeguarding networks continue to struggle with the timing and appropriate use of escalation procedures, often "
     "leaving unsatisfactory situations going on for too long.", ["Escalation and professional challenge"]),
    ("The choice, and timing, of local authority placements available for looked-after children does not always allow a matching "
     "of the child's needs to the ability of the carers, especially for more complex and ‘hard to place’ adolescents.",
     ["Placement choice and matching", "Adolescents"]),
    ("Children and families cases will inevitably transfer to a number of different social workers and managers over time. For "
     "their work to be effective, case records need to include a genogram, an up-to-date chronology and a transfer summary.",
     ["Case transfer", "Assessment and history"]),
    ("The systems for sharing and transferring information about a looked-after child who moves schools do not always operate in "
     "a transparent and timely way.", ["School moves and transfer of records"]),
    ("Children missing from care are at greater risk of sexual exploitation, not only because of being outside of (corporate) "
     "parental control, but also because of the power and reach of social media.",
     ["Children missing from care, home or education", "Child sexual exploitation", "Online harm / social media"]),
    ("There are potential tensions between Police and Children’s Social Care, regarding their respective roles and "
     "responsibilities in relation to a looked-after child at high risk of harm. This can result, as in this case, in an impasse "
     "and an outcome which is not appropriate for the child, even in the short-term.", ["Police and children's social care roles"]),
    ("The power and lure of electronic social media carry a risk of harm, particularly to vulnerable young people, which cannot be "
     "removed by professionals working with these young people.", ["Online harm / social media"]),
]


@transaction.atomic
def load(slugs):
    created = 0
    if "southwark" in slugs:
        review = Review.objects.filter(partnership__slug="southwark", title="Child R").first()
        if review is not None and not review.learning_points.exists():
            _child_r(review)
            created += 1
    return created


def _child_r(review):
    TermsOfReference.objects.create(
        review=review, scope_start=date(2009, 1, 1), scope_end=date(2014, 3, 31), methodology=Methodology.WELSH,
        lines_of_enquiry=("How agencies assessed and planned for R as a looked-after adolescent; how information was shared "
                          "across placements and schools; how risk of sexual exploitation and going missing was recognised and "
                          "escalated; how Police and Children's Social Care worked together."),
        agreed_on=date(2014, 4, 14),
    )
    FamilyInvolvement.objects.create(review=review, invited_on=date(2014, 4, 7), participation=Participation.LIMITED,
                                     notes="R and her family engaged in a limited way.")
    themes = {t.name: t for t in Theme.objects.all()}
    for number, (text, theme_names) in enumerate(CHILD_R_LEARNING_POINTS, start=1):
        point = LearningPoint.objects.create(review=review, number=number, text=text)
        point.themes.set([themes[name] for name in theme_names])
    review.stage = Stage.PUBLISHED
    review.published_on = date(2015, 8, 20)
    review.save()
