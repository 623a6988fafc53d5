"""The demo's learning library: every demo partnership's own review learning (Child R's, the 2018-19
reviews) indexed, and the public corpus documents of other partnerships and the national bodies
(demo_corpus/, committed so a fresh clone has them) imported into the national collection. Southwark's own
papers are left out of it: their learning is already in the library as Southwark's own reviews."""

from pathlib import Path

from casereview.accounts.models import Membership, Partnership, Role
from casereview.reviews.selectors import findings_of_partnership

from . import services
from .models import Briefing, Entry

DEMO_CORPUS = Path(__file__).resolve().parent / "demo_corpus"


def load(slugs):
    created = 0
    for partnership in Partnership.objects.filter(slug__in=slugs):
        manager = (
            Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_MANAGER)
            .select_related("user")
            .first()
        )
        before = Entry.objects.filter(partnership=partnership).count()
        findings = findings_of_partnership(partnership=partnership)
        if findings and before != len(findings):
            services.library_sync(actor=manager.user if manager else None, partnership=partnership, findings=findings)
            created += 1
        if manager and not Briefing.objects.filter(partnership=partnership).exists():
            created += _briefing(partnership, manager.user)
    if not Entry.objects.filter(partnership=None).exists():
        imported, _problems = services.import_folder(actor=None, folder=DEMO_CORPUS)
        created += bool(imported)
    return created


def _briefing(partnership, manager):
    """A published seven-minute briefing from the partnership's first published review with learning."""
    import datetime

    entry = (
        Entry.objects.filter(partnership=partnership, is_published=True, kind="learning_point").order_by("year").first()
    )
    if entry is None:
        return 0
    entries = list(Entry.objects.filter(review_key=entry.review_key).prefetch_related("themes"))
    draft = services.briefing_draft_from(entry.review_title, entries)
    draft["what_happened"] = (
        f"{entry.review_title}'s {entry.review_type.lower() or 'review'} was published in {entry.year}. "
        "Read the learning below with your team and talk through the questions."
    )
    if draft["for_practice"] == services.DRAFT_PROMPTS["for_practice"]:
        draft["for_practice"] = (
            "Bring this briefing to your next team meeting or supervision. For each learning point, agree one "
            "thing your team will do differently, who will do it, and when you will check that it has happened."
        )
    briefing = services.briefing_create(actor=manager, partnership=partnership, review_key=entry.review_key, **draft)
    services.briefing_publish(actor=manager, briefing=briefing, on=datetime.date((entry.year or 2015), 9, 1))
    return 1
