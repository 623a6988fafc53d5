import datetime

import pytest

from casereview.accounts.models import Role
from casereview.library.models import Entry, Kind, Source
from casereview.library.search import index_entries
from casereview.testing import LearningPointFactory, ReviewFactory, member


def published_review(partnership, title="Child P", **fields):
    defaults = {"stage": "published", "published_on": datetime.date(2023, 5, 1), "title": title}
    return ReviewFactory(partnership=partnership, **{**defaults, **fields})


def point(review, text, **fields):
    """A learning point and the library entry the signal makes for it."""
    lp = LearningPointFactory(review=review, text=text, **fields)
    return Entry.objects.get(finding_id=lp.pk)


def national(text, title="Child N", year=2019, kind=Kind.LEARNING_POINT, source=Source.NATIONAL, themes=()):
    entry = Entry.objects.create(
        partnership=None,
        kind=kind,
        text=text,
        review_title=title,
        review_key=f"doc#{title}",
        source=source,
        source_document="doc",
        source_name="National",
        year=year,
        is_published=True,
    )
    if themes:
        from casereview.core.models import Theme

        entry.themes.set(Theme.objects.filter(name__in=themes))
    index_entries([entry])
    return entry


@pytest.fixture
def chair_a(partnership_a):
    return member(partnership_a, Role.CHAIR, username="chair", first_name="Chris", last_name="Chair")
