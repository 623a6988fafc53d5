import json

import pytest
from django.core.exceptions import ValidationError

from casereview.library import services
from casereview.library.models import Entry, Kind, Source
from casereview.testing import RecommendationFactory, UserFactory

from .conftest import point, published_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return UserFactory(username="sysadmin", is_superuser=True, is_staff=True)


def write(folder, name, data):
    (folder / name).write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")


def test_an_entry_keeps_the_source_year_type_and_suggested_themes(partnership_a):
    review = published_review(partnership_a, title="Child S", review_type="scr")
    entry = point(review, "Information sharing between health visitors and police about domestic abuse was poor.")
    assert (entry.source, entry.review_title, entry.year, entry.review_type) == (
        Source.OURS,
        "Child S",
        2023,
        "Serious case review",
    )
    assert {"Information sharing", "Domestic abuse"} <= {t.name for t in entry.themes.all()}
    assert not entry.themes_confirmed
    assert {s.sector for s in entry.sectors.all()} >= {"health", "police"}


def test_themes_a_person_chose_on_the_finding_win_over_suggestions(partnership_a):
    from casereview.core.models import Theme

    review = published_review(partnership_a)
    rec = RecommendationFactory(review=review, text="Domestic abuse training for GPs.")
    rec.themes.set(Theme.objects.filter(name="Supervision"))
    entry = Entry.objects.get(finding_id=rec.pk)
    assert [t.name for t in entry.themes.all()] == ["Supervision"] and entry.themes_confirmed
    assert entry.kind == Kind.RECOMMENDATION


def test_a_person_confirms_or_changes_the_suggested_themes(alice, partnership_a):
    from casereview.audit.models import AuditEvent
    from casereview.core.models import Theme

    entry = point(published_review(partnership_a), "Neglect was missed.")
    services.entry_themes_set(actor=alice, entry=entry, themes=list(Theme.objects.filter(name="Thresholds")))
    entry.refresh_from_db()
    assert [t.name for t in entry.themes.all()] == ["Thresholds"] and entry.themes_confirmed
    assert AuditEvent.objects.filter(object_id=str(entry.pk), changes__themes__isnull=False).exists()


def test_the_national_import_reads_listing_pages_and_flat_extracts_and_reports_bad_files(tmp_path, admin):
    write(
        tmp_path,
        "listing.json",
        {
            "review_type": "SCR",
            "reviews": [
                {
                    "pseudonym": "Child A",
                    "area": "Anyshire",
                    "year": "2019",
                    "summary": "A baby was shaken.",
                    "learning_points": ["Fathers were invisible to services."],
                    "recommendations": [],
                    "keywords": [],
                },
                {
                    "pseudonym": "Child B",
                    "area": "",
                    "year": 2020,
                    "summary": "",
                    "learning_points": [],
                    "recommendations": ["Train staff on neglect."],
                    "keywords": [],
                },
            ],
        },
    )
    write(
        tmp_path,
        "flat.json",
        {
            "child_pseudonyms": ["Child F"],
            "partnership": None,
            "dates": {"published": "May 2018"},
            "learning_points": [{"text": "Chronologies matter.", "page": 2, "start": 10, "end": 30}],
            "recommendations": [],
        },
    )
    write(tmp_path, "broken.json", "{not json")
    (tmp_path / "garbage.pdf").write_bytes(b"%PDF-1.4\n\x00\x01\x02 broken")
    imported, problems = services.national_import(actor=admin, folder=tmp_path)
    assert imported == 4
    assert sorted(name for name, _ in problems) == ["broken.json", "garbage.pdf"]
    assert all(problem for _, problem in problems)
    a = Entry.objects.get(review_title="Child A", kind=Kind.LEARNING_POINT)
    assert (a.partnership, a.source, a.source_name, a.year, a.review_key) == (
        None,
        Source.OTHER_PARTNERSHIP,
        "Anyshire",
        2019,
        "listing#Child A",
    )
    flat = Entry.objects.get(review_title="Child F")
    assert (flat.year, flat.source_page, flat.source, flat.is_published) == (2018, 2, Source.NATIONAL, True)


def test_importing_a_file_again_replaces_its_entries_and_touches_no_other(tmp_path, admin):
    write(tmp_path, "one.json", {"learning_points": ["First text."]})
    services.national_import(actor=admin, folder=tmp_path)
    write(tmp_path, "one.json", {"learning_points": ["Second text."]})
    (tmp_path / "two.json").write_text("[]")
    imported, problems = services.national_import(actor=admin, folder=tmp_path)
    assert list(Entry.objects.values_list("text", flat=True)) == ["Second text."]
    assert problems == [("two.json", "it is not an extract (a JSON object)")]


def test_only_a_system_administrator_imports_into_the_national_collection(tmp_path, alice):
    write(tmp_path, "one.json", {"learning_points": ["Text."]})
    with pytest.raises(ValidationError, match="system administrator"):
        services.national_import(actor=alice, folder=tmp_path)
    assert not Entry.objects.exists()


def test_an_empty_or_missing_folder_is_refused(tmp_path, admin):
    with pytest.raises(ValidationError, match="holds no"):
        services.national_import(actor=admin, folder=tmp_path)
    with pytest.raises(ValidationError, match="is not a folder"):
        services.national_import(actor=admin, folder=tmp_path / "missing")


def test_sync_rebuilds_a_partnerships_entries(alice, partnership_a):
    from casereview.reviews.selectors import findings_of_partnership

    review = published_review(partnership_a)
    entry = point(review, "Thresholds were unclear.")
    Entry.objects.filter(pk=entry.pk).delete()
    Entry.objects.create(
        partnership=partnership_a,
        kind="learning_point",
        text="stale",
        review_title="x",
        review_key="x",
        source=Source.OURS,
    )
    count = services.library_sync(
        actor=alice, partnership=partnership_a, findings=findings_of_partnership(partnership=partnership_a)
    )
    assert count == 1
    assert list(Entry.objects.values_list("text", flat=True)) == ["Thresholds were unclear."]


def test_a_briefing_is_validated_and_published_once(alice, partnership_a):
    import datetime

    sections = dict(what_happened="x", key_learning="x", for_practice="x", questions="x")
    with pytest.raises(ValidationError):
        services.briefing_create(actor=alice, partnership=partnership_a, title=" ", **sections)
    briefing = services.briefing_create(actor=alice, partnership=partnership_a, title="Child P", **sections)
    services.briefing_publish(actor=alice, briefing=briefing, on=datetime.date(2025, 1, 2))
    again = services.briefing_publish(actor=alice, briefing=briefing, on=datetime.date(2025, 3, 3))
    assert again.published_on == datetime.date(2025, 1, 2)


def test_a_briefing_still_holding_the_drafts_prompts_is_not_published(alice, partnership_a):
    import datetime

    draft = services.briefing_draft_from("Child P", [])
    briefing = services.briefing_create(actor=alice, partnership=partnership_a, **draft)
    with pytest.raises(ValidationError) as refused:
        services.briefing_publish(actor=alice, briefing=briefing, on=datetime.date(2025, 1, 2))
    message = " ".join(refused.value.messages)
    assert "What happened" in message and "What it means for practice" in message
    briefing.refresh_from_db()
    assert briefing.published_on is None
    # once a person writes the sections, it is published
    services.briefing_update(
        actor=alice,
        briefing=briefing,
        data={
            "what_happened": "P, aged 2, was injured at home.",
            "key_learning": "Bruising in a non-mobile baby is a child protection matter.",
            "for_practice": "Refer every bruise on a baby who cannot move on their own.",
        },
    )
    services.briefing_publish(actor=alice, briefing=briefing, on=datetime.date(2025, 1, 2))
    briefing.refresh_from_db()
    assert briefing.published_on == datetime.date(2025, 1, 2)


def test_an_imported_paper_naming_no_child_is_titled_by_its_own_heading_not_its_file_name():
    text = "Learning from reviews: what the panel found in 2023\n\nThe panel's second annual report looks at ..."
    reviews, _type, _agencies = services.reviews_in_extract("019_panel_annual_review_2023", {}, text)
    assert reviews[0]["title"] == "Learning from reviews: what the panel found in 2023"
    untitled, _type, _agencies = services.reviews_in_extract("019_panel_annual_review_2023", {}, "")
    assert untitled[0]["title"] == "Panel annual review 2023"
