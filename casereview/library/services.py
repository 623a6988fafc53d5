"""Writes to the library. The partnership's own entries mirror its reviews' learning points and
recommendations: the signals connected in apps.py call `entry_sync_finding` inside the transaction of the
service that saved the finding, and `library_sync` rebuilds a whole partnership. The national collection
is written only by `national_import`, by a system administrator."""

import json
import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_update, record_event
from casereview.core import report_numbers
from casereview.core.models import Theme
from casereview.core.themes import ensure_themes

from . import search
from .models import AgeGroup, Briefing, Entry, EntrySector, Kind, Sector, Source
from .themes import suggest_themes

PUBLISHED_STAGES = {"published", "action_plan", "closed"}

# Words that say which kind of agency a piece of learning concerns.
SECTOR_CUES = {
    Sector.SOCIAL_CARE: r"social (care|work\w*)|\bcsc\b|children'?s services|local authority",
    Sector.HEALTH: r"health|\bgps?\b|hospital|midwi\w*|nurs\w*|camhs|paediatric\w*|emergency department|\bnhs\b",
    Sector.POLICE: r"police|officers?",
    Sector.EDUCATION: r"schools?|education|teachers?|nurser(y|ies)|college",
    Sector.PROBATION: r"probation|prison|youth offending",
}
_SECTOR_PATTERNS = {sector: re.compile(r"\b(?:" + cue + r")", re.I) for sector, cue in SECTOR_CUES.items()}
ACCOUNT_SECTORS = {
    "childrens_social_care": Sector.SOCIAL_CARE,
    "health": Sector.HEALTH,
    "police": Sector.POLICE,
    "education": Sector.EDUCATION,
    "probation": Sector.PROBATION,
}


def sectors_in(text):
    return {sector for sector, pattern in _SECTOR_PATTERNS.items() if pattern.search(text or "")}


def age_group_for(years=None, months=None):
    if years is None and months is None:
        return ""
    years = years or 0
    if years < 1:
        return AgeGroup.UNDER_ONE
    if years < 5:
        return AgeGroup.ONE_TO_FOUR
    if years < 12:
        return AgeGroup.FIVE_TO_ELEVEN
    if years < 18:
        return AgeGroup.TWELVE_TO_SEVENTEEN
    return AgeGroup.YOUNG_ADULT


def _themes_named(names):
    if not Theme.objects.exists():
        ensure_themes(Theme)
    wanted = {n.lower() for n in names}
    return [t for t in Theme.objects.all() if t.name.lower() in wanted]


def _set_sectors(entry, sectors):
    EntrySector.objects.filter(entry=entry).exclude(sector__in=sectors).delete()
    existing = set(EntrySector.objects.filter(entry=entry).values_list("sector", flat=True))
    EntrySector.objects.bulk_create([EntrySector(entry=entry, sector=s) for s in sorted(set(sectors) - existing)])


# --- the partnership's own learning ---------------------------------------------------------------


def _review_facts(review):
    incident = getattr(review, "incident", None) if review.incident_id else None
    day = review.published_on or review.decided_on
    return {
        "partnership_id": review.partnership_id,
        "review": review,
        "review_title": review.title,
        "review_key": f"review:{review.pk}",
        "source": Source.OURS,
        "source_name": str(review.partnership),
        "year": day.year if day else None,
        "review_type": review.get_review_type_display(),
        "age_group": age_group_for(incident.age_years, incident.age_months) if incident else "",
        "is_published": review.stage in PUBLISHED_STAGES and review.published_on is not None,
        "is_confidential": review.is_confidential,
    }


def entry_sync_finding(finding, kind):
    """Make the entry mirror this learning point or recommendation (called after every save of one)."""
    review = finding.review
    # unscoped: called by the signal of a service that has already saved this finding; the entry mirrors it.
    entry = Entry.objects.unscoped().filter(finding_id=finding.pk).first() or Entry(finding_id=finding.pk)
    for name, value in _review_facts(review).items():
        setattr(entry, name, value)
    entry.kind, entry.number, entry.text = kind, finding.number, finding.text
    entry.report_number = finding.report_number  # "3.1": what the reader finds in the published report
    entry.save()
    _sync_themes(entry, finding)
    sectors = sectors_in(finding.text)
    agency = getattr(finding, "agency", None) if getattr(finding, "agency_id", None) else None
    if agency is not None and agency.sector in ACCOUNT_SECTORS:
        sectors.add(ACCOUNT_SECTORS[agency.sector])
    _set_sectors(entry, sectors)
    search.index_entries([entry])
    return entry


def _sync_themes(entry, finding):
    """A person's themes on the finding win; otherwise the rules suggest, unless someone has already
    confirmed the entry's themes here."""
    chosen = list(finding.themes.all()) if finding.pk else []
    if chosen:
        entry.themes.set(chosen)
        if not entry.themes_confirmed:
            Entry.objects.filter(pk=entry.pk).update(themes_confirmed=True)
    elif not entry.themes_confirmed:
        entry.themes.set(_themes_named(suggest_themes(entry.text)))


def entry_remove_finding(finding_id):
    # unscoped: the signal of a finding already deleted by its service; only that finding's entry goes.
    ids = list(Entry.objects.unscoped().filter(finding_id=finding_id).values_list("pk", flat=True))
    search.unindex_entries(ids)
    Entry.objects.unscoped().filter(pk__in=ids).delete()


def entries_sync_review(review):
    """After the review itself changed (published, made confidential): refresh its entries' facts."""
    # unscoped: the signal of a service that changed this review; only its own entries are refreshed.
    entries = list(Entry.objects.unscoped().filter(review=review))
    if not entries:
        return
    facts = _review_facts(review)
    facts.pop("review")
    Entry.objects.filter(review=review).update(**facts)
    search.index_entries(entries)


@transaction.atomic
def library_sync(*, actor, partnership, findings):
    """Rebuild the partnership's entries from `findings` [(finding, kind)] (from the reviews selector):
    every finding gets an entry, and entries of findings that no longer exist go."""
    keep = set()
    for finding, kind in findings:
        if finding.review.partnership_id != partnership.pk:
            raise ValidationError("Every finding must belong to this partnership")
        keep.add(entry_sync_finding(finding, kind).pk)
    # unscoped: a system rebuild of the one partnership it names, from findings the caller selected.
    stale = Entry.objects.unscoped().filter(partnership=partnership, source=Source.OURS).exclude(pk__in=keep)
    search.unindex_entries(stale.values_list("pk", flat=True))
    removed, _ = stale.delete()
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        partnership=partnership,
        object_repr="Learning library",
        changes={"entries": [None, len(keep)]},
        reason="Library brought up to date with the partnership's reviews",
    )
    return len(keep)


@transaction.atomic
def entry_themes_set(*, actor, entry, themes):
    """A person confirms or changes an entry's themes. The national collection is read-only here."""
    if entry.is_national:
        raise ValidationError("Themes of the national collection are set by a system administrator")
    before = sorted(t.name for t in entry.themes.all())
    entry.themes.set(themes)
    entry.themes_confirmed = True
    entry.save(update_fields=["themes_confirmed", "updated"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=entry,
        changes={"themes": [before, sorted(t.name for t in themes)]},
    )
    return entry


# --- the national collection -------------------------------------------------------------------------

DOCUMENT_SUFFIXES = {".txt", ".pdf", ".docx"}
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")


class ImportProblem(Exception):
    pass


def _text_of(item):
    """An item's text without the leaflet's boilerplate (library/boilerplate.py): an item that is nothing
    but a helpline or an account of what a review is is not learning, and is not imported."""
    from .boilerplate import without_boilerplate

    return without_boilerplate(item.get("text", "") if isinstance(item, dict) else str(item or ""))


_NATIONAL_BODY = re.compile(
    r"\b(national|child safeguarding practice review panel|department for education|dfe|ofsted|"
    r"secretary of state|nspcc|home office|department of health)\b",
    re.I,
)


def _is_national_body(area):
    """An extract's "area" that names a national body, not a local partnership."""
    return bool(_NATIONAL_BODY.search(area or ""))


def _year_in(*values):
    for value in values:
        match = _YEAR.search(str(value or ""))
        if match:
            return int(match.group(1))
    return None


def _title_of(text, name):
    """A document's own title, its first line that reads as one (a few words, not a sentence run on), else
    its file name without the numbering: a reader is never shown "019 sacpa summary cspr"."""
    for line in text.splitlines()[:8]:
        line = " ".join(line.split())
        if 3 <= len(line.split()) <= 16 and len(line) <= 120 and not line.endswith((",", ";", ":")):
            return line
    words = re.sub(r"^\d+[_ -]+", "", name).replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name


def reviews_in_extract(name, data, text=""):
    """The reviews an extract describes: its `reviews` list (pages listing several reviews) or else one
    review from its flat lists. Each is a dict of review facts and its items [(kind, item)]."""
    dates = data.get("dates") or {}
    published_year = _year_in(dates.get("published"), dates.get("review_end"), dates.get("incident"))
    base_area = data.get("partnership") or ""
    listed = [r for r in data.get("reviews") or [] if isinstance(r, dict)]
    reviews = []
    for listed_review in listed:
        pseudonym = (listed_review.get("pseudonym") or "").strip() or "Unnamed review"
        items = [(Kind.SUMMARY, listed_review.get("summary"))] if listed_review.get("summary") else []
        items += [(Kind.LEARNING_POINT, i) for i in listed_review.get("learning_points") or []]
        items += [(Kind.RECOMMENDATION, i) for i in listed_review.get("recommendations") or []]
        reviews.append(
            {
                "key": f"{name}#{pseudonym}",
                "title": pseudonym,
                "area": listed_review.get("area") or base_area,
                "year": _year_in(listed_review.get("year")) or published_year,
                "keywords": listed_review.get("keywords") or [],
                "items": items,
            }
        )
    if not reviews:
        pseudonyms = [p for p in data.get("child_pseudonyms") or [] if p]
        items = [(Kind.SUMMARY, _opening(text))] if text.strip() else []
        items += [(Kind.LEARNING_POINT, i) for i in data.get("learning_points") or []]
        items += [(Kind.RECOMMENDATION, i) for i in data.get("recommendations") or []]
        reviews.append(
            {
                "key": name,
                "title": " and ".join(pseudonyms) if pseudonyms else _title_of(text, name),
                "area": base_area,
                "year": published_year,
                "keywords": data.get("themes") or [],
                "items": items,
            }
        )
    return reviews, data.get("review_type") or "", data.get("agencies_involved") or []


def _number(value):
    return value if isinstance(value, int) and value >= 0 else None


def _report_number(item):
    """An extract's item may say how its report numbers it ({"text": ..., "number": "3.1"}); kept only if
    it reads as a report's number (core.report_numbers), else left blank."""
    value = item.get("number") if isinstance(item, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    value = report_numbers.clean(value) if isinstance(value, str) else ""
    return value if report_numbers.is_valid(value) else ""


def _save_imported(entries, agencies=()):
    """Save imported entries in bulk with their suggested themes and sectors, then index them: the
    national collection is loaded thousands at a time."""
    Entry.objects.bulk_create(entries, batch_size=1000)
    if any(e.pk is None for e in entries):  # a database that does not return keys from a bulk insert
        keys = {(e.review_key, e.kind, e.number): e for e in entries}
        # unscoped: finding the keys of the rows this import has just inserted.
        for pk, key, kind, number in (
            Entry.objects.unscoped()
            .filter(review_key__in={e.review_key for e in entries})
            .values_list("pk", "review_key", "kind", "number")
        ):
            if (key, kind, number) in keys:
                keys[(key, kind, number)].pk = pk
    if not Theme.objects.exists():
        ensure_themes(Theme)
    themes = dict(Theme.objects.values_list("name", "pk"))
    through = Entry.themes.through
    agency_sectors = sectors_in(" ".join(agencies))
    theme_rows, sector_rows = [], []
    for entry in entries:
        theme_rows += [
            through(entry_id=entry.pk, theme_id=themes[n]) for n in suggest_themes(entry.text) if n in themes
        ]
        sector_rows += [
            EntrySector(entry_id=entry.pk, sector=s) for s in sorted(sectors_in(entry.text) | agency_sectors)
        ]
    through.objects.bulk_create(theme_rows, batch_size=2000)
    EntrySector.objects.bulk_create(sector_rows, batch_size=2000)
    search.index_entries(entries)
    return entries


def _opening(text, limit=1500):
    """The start of the document, cut at a sentence end: what the case was, for search and similarity."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[: cut + 1 if cut > limit // 2 else limit]


def _read(path):
    """(name, extract dict, text) for one file, or ImportProblem saying what is wrong with it."""
    name = path.stem
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ImportProblem("it is not an extract (a JSON object)")
            return name, data, data.get("text") or ""
        from casereview.documents.extraction.errors import ExtractionError
        from casereview.documents.extraction.pipeline import extract_structure, read_document

        try:
            doc = read_document(str(path))
        except ExtractionError as exc:
            raise ImportProblem(str(exc)) from exc
        extraction = extract_structure(doc, source=path.name)
        data = extraction.as_gold_dict()
        if getattr(extraction, "reviews", None):
            data["reviews"] = [r if isinstance(r, dict) else vars(r) for r in extraction.reviews]
        return name, data, doc.text
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportProblem(
            "it cannot be read" + (f" ({exc.strerror})" if getattr(exc, "strerror", None) else "")
        ) from exc
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"it is not valid JSON (line {exc.lineno})") from exc


def national_import(*, actor, folder):
    """Bring every document (.txt, .pdf, .docx) or extract (.json) in `folder` into the national
    collection. A file already imported is replaced; a file that cannot be read is reported and changes
    nothing. Returns (entries imported, [(file name, problem)])."""
    if not getattr(actor, "is_superuser", False):
        raise ValidationError("Only a system administrator can import into the national collection")
    return import_folder(actor=actor, folder=folder)


def import_folder(*, actor, folder):
    """The import itself, for `national_import` and the demo loader (which runs as the installation)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError(f"{folder} is not a folder")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES | {".json"})
    if not files:
        raise ValidationError(f"{folder} holds no .txt, .pdf, .docx or .json files")
    imported, problems = 0, []
    for path in files:
        try:
            name, data, text = _read(path)
        except ImportProblem as exc:
            problems.append((path.name, str(exc)))
            continue
        imported += _import_document(actor=actor, name=name, data=data, text=text)
    return imported, problems


@transaction.atomic
def _import_document(*, actor, name, data, text):
    # unscoped: the national import (a system administrator) replaces this file's national entries.
    old = Entry.objects.unscoped().filter(partnership=None, source_document=name)
    search.unindex_entries(old.values_list("pk", flat=True))
    old.delete()
    reviews, review_type, agencies = reviews_in_extract(name, data, text)
    entries = []
    for review in reviews:
        # the national panel, the DfE or Ofsted are national, not "another partnership"
        source = (
            Source.OTHER_PARTNERSHIP if review["area"] and not _is_national_body(review["area"]) else Source.NATIONAL
        )
        numbers = {}
        for kind, item in review["items"]:
            body = _text_of(item)
            if not body:
                continue
            numbers[kind] = numbers.get(kind, 0) + 1
            place = item if isinstance(item, dict) else {}
            entries.append(
                Entry(
                    partnership=None,
                    kind=kind,
                    number=numbers[kind],
                    report_number=_report_number(item),
                    text=body,
                    review_title=review["title"][:200],
                    review_key=review["key"][:300],
                    source=source,
                    source_document=name[:300],
                    source_title=_title_of(text, name)[:300],
                    source_name=(review["area"] or "National")[:300],
                    source_page=_number(place.get("page")),
                    source_start=_number(place.get("start")),
                    source_end=_number(place.get("end")),
                    year=review["year"],
                    review_type=review_type if review_type not in ("unknown", "none") else "",
                    is_published=True,
                )
            )
    _save_imported(entries, agencies)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        object_repr=f"National collection: {name}"[:300],
        changes={"entries": [None, len(entries)]},
    )
    return len(entries)


# --- seven-minute briefings ---------------------------------------------------------------------------

BRIEFING_FIELDS = ("title", "what_happened", "key_learning", "for_practice", "questions")


def _clean_briefing(briefing):
    for field in BRIEFING_FIELDS:
        setattr(briefing, field, (getattr(briefing, field) or "").strip())
    briefing.full_clean(exclude=["created_by"])


@transaction.atomic
def briefing_create(*, actor, partnership, review_key="", **fields):
    briefing = Briefing(partnership=partnership, review_key=review_key, created_by=actor, **fields)
    _clean_briefing(briefing)
    briefing.save()
    audit_create(actor=actor, obj=briefing)
    return briefing


def _stripped(data):
    return {field: (data[field] or "").strip() for field in BRIEFING_FIELDS if field in data}


@transaction.atomic
def briefing_update(*, actor, briefing, data):
    # unscoped: re-reading, under lock, the briefing the view has already authorised.
    current = Briefing.objects.unscoped().select_for_update().get(pk=briefing.pk)
    current, _changed = model_update(actor=actor, instance=current, data=_stripped(data))
    return current


# The prompts a draft holds where the review gave nothing to fill a section: a briefing is not published
# while one is still there.
DRAFT_PROMPTS = {
    "what_happened": "A summary of what happened to {title}.",
    "key_learning": "The key learning from the review.",
    "for_practice": "What this learning means for your practice.",
}


def briefing_unfinished(briefing):
    """The sections still empty or holding the draft's prompt, by their names on the page."""
    labels = {name: Briefing._meta.get_field(name).verbose_name for name in [*DRAFT_PROMPTS, "questions"]}
    prompts = {name: prompt.format(title=briefing.title) for name, prompt in DRAFT_PROMPTS.items()}
    return [
        labels[name]
        for name in labels
        if not (getattr(briefing, name) or "").strip() or getattr(briefing, name).strip() == prompts.get(name)
    ]


@transaction.atomic
def briefing_publish(*, actor, briefing, on):
    # unscoped: re-reading, under lock, the briefing the view has already authorised.
    current = Briefing.objects.unscoped().select_for_update().get(pk=briefing.pk)
    if current.published_on:
        return current
    unfinished = briefing_unfinished(current)
    if unfinished:
        raise ValidationError(
            f"Write {' and '.join(f'“{name}”' for name in unfinished)} before publishing: "
            "practitioners would read the draft's prompt"
        )
    current, _changed = model_update(actor=actor, instance=current, data={"published_on": on})
    return current


def _lower_first(name):
    return name[:1].lower() + name[1:] if not name[:2].isupper() else name


def briefing_draft_from(review_title, entries):
    """A first draft from a review's learning, for a person to edit."""
    points = [e.text for e in entries if e.kind == Kind.LEARNING_POINT]
    recommendations = [e.text for e in entries if e.kind == Kind.RECOMMENDATION]
    summaries = [e.text for e in entries if e.kind == Kind.SUMMARY]
    themes = sorted({t.name for e in entries for t in e.themes.all()})
    return {
        "title": review_title,
        "what_happened": summaries[0] if summaries else DRAFT_PROMPTS["what_happened"].format(title=review_title),
        "key_learning": "\n".join(points[:7]) or DRAFT_PROMPTS["key_learning"],
        "for_practice": "\n".join(recommendations[:5]) or DRAFT_PROMPTS["for_practice"],
        "questions": "\n".join(
            [
                f"Where have you seen {theme[:1].lower() + theme[1:]} in your own work, and what helped?"
                for theme in themes[:2]
            ]
            + [
                "Which of these learning points fits a child or family you are working with now?",
                "What will you do differently after reading this briefing, and who will you tell?",
            ]
        ),
    }
