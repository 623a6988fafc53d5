"""Bringing documents in: store, extract in the background, let a person check every item, then add the
accepted ones to a review."""

import logging
import os
import tempfile

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from rapidfuzz import fuzz

from casereview.accounts.models import Sector
from casereview.accounts.selectors import agency_list
from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_withdraw, record_event
from casereview.core import uploads
from casereview.core.models import Theme
from casereview.reviews.models import LearningPoint, Recommendation, ReviewType
from casereview.reviews.services import finding_save, review_create, review_mark_published

from .extraction import (
    DEFAULT_LIMITS,
    ExtractionError,
    extract_structure,
    is_request_to_meeting,
    parse_stated_date,
    read_document,
)
from .models import Document, DocumentStatus, ExtractedItem, ImportBatch, ItemDecision, ItemKind

REVIEW_TYPES = {
    "SCR": ReviewType.SERIOUS_CASE_REVIEW,
    "CSPR": ReviewType.LOCAL_CSPR,
    "multi_agency_learning_review": ReviewType.LEARNING_REVIEW,
    "thematic": ReviewType.THEMATIC,
}
MAX_FILES_PER_BATCH = 50
logger = logging.getLogger(__name__)


@transaction.atomic
def documents_upload(*, actor, partnership, files, review=None, queue=True):
    """`files` are (name, bytes or an upload). Each is stored (a chunk at a time) and queued (or, with
    queue=False, left for the caller to read with batch_extract); nothing is read yet."""
    if not files:
        raise ValidationError({"files": "Choose at least one file"})
    if len(files) > MAX_FILES_PER_BATCH:
        raise ValidationError({"files": f"Upload at most {MAX_FILES_PER_BATCH} files at once"})
    for name, data in files:
        if uploads.size_of(data) > DEFAULT_LIMITS.max_bytes:
            raise ValidationError(
                {
                    "files": f"{name} is {uploads.size_of(data) / 1024 / 1024:.0f} MB; the limit is "
                    f"{DEFAULT_LIMITS.max_bytes / 1024 / 1024:.0f} MB. Save a smaller copy or split it."
                }
            )
    batch = ImportBatch.objects.create(partnership=partnership, uploaded_by=actor, total=len(files))
    for name, data in files:
        document = Document.objects.create(
            partnership=partnership,
            batch=batch,
            review=review,
            file_name=os.path.basename(name)[:255],
            uploaded_by=actor,
        )
        document.stored_as = default_storage.save(f"documents/{document.pk}", uploads.as_file(data))
        document.save(update_fields=["stored_as"])
        audit_create(actor=actor, obj=document)
    if queue:
        from .tasks import extract_batch

        transaction.on_commit(lambda: extract_batch.enqueue(batch_id=str(batch.pk)))
    return batch


def document_extract(document):
    """Read one stored document into extracted items. A hostile or broken file fails this document only
    (the extractor parses in a limited child process) and leaves every other record as it was; so does
    any fault of our own while reading it. A document that failed has its file removed: nobody can use
    it, and it may be the hostile one."""
    if document.status != DocumentStatus.QUEUED:
        return document
    try:
        return _document_extract(document)
    except ExtractionError as exc:
        problem = f"{exc.problem} {exc.remedy}"
    except Exception:
        logger.exception("Reading document %s failed", document.pk)
        problem = (
            "The document could not be read. Save it again as PDF or Word (.docx) and import it again; "
            "if this happens again, tell your business manager."
        )
    if document.stored_as:
        default_storage.delete(document.stored_as)
    Document.objects.unscoped().filter(pk=document.pk).update(status=DocumentStatus.FAILED, problem=problem)
    document.refresh_from_db()
    return document


def _document_extract(document):
    suffix = os.path.splitext(document.file_name)[1][:10]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "document" + suffix)
        with default_storage.open(document.stored_as, "rb") as stored:
            uploads.copy_to(stored, path)
        source = read_document(path)
    extraction = extract_structure(source, source=document.file_name)
    recommendations, notes = _review_recommendations(extraction)
    with transaction.atomic():
        document.text, document.page_starts, document.pages = source.text, list(source.page_starts), extraction.pages
        document.doc_type, document.review_type = extraction.doc_type, extraction.review_type
        document.child_pseudonyms = ", ".join(extraction.child_pseudonyms)[:300]
        document.partnership_named = (extraction.partnership or "")[:300]
        document.themes_found, document.agencies_found = list(extraction.themes), list(extraction.agencies_involved)
        document.dates_found = {key: value for key, value in extraction.dates.items() if value}
        document.notes, document.status = notes, DocumentStatus.READY
        document.save()
        ExtractedItem.objects.bulk_create(
            [
                ExtractedItem(
                    document=document,
                    kind=ItemKind.LEARNING_POINT,
                    position=n,
                    text=i.text,
                    final_text=i.text,
                    page=i.page,
                    start=i.start,
                    end=i.end,
                    confidence=i.confidence,
                )
                for n, i in enumerate(extraction.learning_points, 1)
            ]
            + [
                ExtractedItem(
                    document=document,
                    kind=ItemKind.RECOMMENDATION,
                    position=n,
                    text=i.text,
                    final_text=i.text,
                    page=i.page,
                    start=i.start,
                    end=i.end,
                    confidence=i.confidence,
                )
                for n, i in enumerate(recommendations, 1)
            ]
        )
    return document


def _review_recommendations(extraction):
    """A committee paper's requests to its own meeting ("Note the report at appendix 1") are what the paper
    asks of the board, not the review's recommendations: they are not offered, and a note says so."""
    notes = list(extraction.notes)
    if extraction.doc_type != "committee_report":
        return list(extraction.recommendations), notes
    kept = [item for item in extraction.recommendations if not is_request_to_meeting(item.text)]
    left_out = len(extraction.recommendations) - len(kept)
    if left_out:
        notes.append(
            f"{left_out} of the paper's requests to its own meeting (such as "
            f'"{next(i.text for i in extraction.recommendations if i not in kept)[:80]}") are not offered as the '
            "review's recommendations."
        )
    return kept, notes


def batch_extract(batch_id):
    batch = ImportBatch.objects.unscoped().get(pk=batch_id)
    for document in batch.documents.filter(status=DocumentStatus.QUEUED).order_by("created"):
        document_extract(document)
        ImportBatch.objects.unscoped().filter(pk=batch.pk).update(processed=F("processed") + 1)
    return batch


def _review_from_document(actor, document, title):
    """A review made from a report keeps what the report says: its kind, its children, its themes and its
    dates — decided when the review began (or the incident happened), published on the report's date."""
    today = timezone.localdate()
    stated = {key: parse_stated_date(value, today) for key, value in document.dates_found.items()}
    published = stated.get("published")
    decided = next(
        (d for d in (stated.get("review_start"), stated.get("incident"), published) if d and d <= (published or today)),
        published or today,
    )
    pseudonyms = [name.strip() for name in document.child_pseudonyms.split(",") if name.strip()]
    agencies, unmatched = _agencies_named(actor, document.partnership, document.agencies_found)
    review = review_create(
        actor=actor,
        partnership=document.partnership,
        title=title,
        subjects=", ".join(pseudonyms)[:300] if len(pseudonyms) > 1 else "",
        review_type=REVIEW_TYPES.get(document.review_type, ReviewType.SERIOUS_CASE_REVIEW),
        decided_on=decided,
        themes=_themes_named(document.themes_found),
        agencies=agencies,
    )
    note = _created_from(document, unmatched, stated.get("incident"))
    if published is None:
        # No publication date in the document: it is not (yet) a published report, so the review stays at
        # its first stage rather than being marked published today; the note still says where it came from.
        record_event(actor=actor, action=AuditAction.UPDATE, obj=review, reason=note)
        return review
    return review_mark_published(actor=actor, review=review, on=published, note=note)


# The extractor names sectors ("police", "health"); the partnership's agencies carry the same sectors.
SECTOR_OF_TAG = {
    "children's social care": Sector.CHILDRENS_SOCIAL_CARE,
    "police": Sector.POLICE,
    "health": Sector.HEALTH,
    "education": Sector.EDUCATION,
    "probation": Sector.PROBATION,
    "fire": Sector.FIRE,
    "CAFCASS": Sector.CAFCASS,
    "voluntary": Sector.VOLUNTARY,
}


def _agencies_named(actor, partnership, tags):
    """The partnership's agency for each sector the report names, where the partnership has exactly one
    agency of that sector; the sectors that match none or several are returned to be named in the note, so
    that a person chooses rather than the review claiming agencies the report did not name."""
    by_sector = {}
    for agency in agency_list(user=actor, partnership=partnership):
        by_sector.setdefault(agency.sector, []).append(agency)
    matched, unmatched = [], []
    for tag in tags:
        candidates = by_sector.get(SECTOR_OF_TAG.get(tag), [])
        if len(candidates) == 1:
            matched.append(candidates[0])
        else:
            unmatched.append(tag)
    return matched, unmatched


def _themes_named(tags):
    """The taxonomy's themes for the extractor's tags ("under-ones/babies" is "Under-ones / babies")."""
    themes = list(Theme.objects.all())
    chosen = []
    for tag in tags:
        wanted = " ".join(tag.lower().replace("/", " ").split())
        scored = [(fuzz.token_set_ratio(wanted, " ".join(t.name.lower().replace("/", " ").split())), t) for t in themes]
        score, theme = max(scored, key=lambda pair: pair[0], default=(0, None))
        if score >= 80 and theme not in chosen:
            chosen.append(theme)
    return chosen


def _created_from(document, unmatched=(), incident=None):
    note = f"Brought in from {document.file_name}"
    if incident:
        note += f"; incident: {incident:%d %B %Y}"
    if unmatched:
        note += f"; sectors named in it but not matched to one of the partnership's agencies: {', '.join(unmatched)}"
    return note


@transaction.atomic
def document_apply(*, actor, document, decisions, review=None, new_review_title=""):
    """`decisions` maps an item id to (decision, text). Only accepted items reach the review, after every
    other learning point or recommendation it already has."""
    # Locked, so a double submit cannot add the same items twice.
    document = Document.objects.unscoped().select_for_update().get(pk=document.pk)
    if document.is_withdrawn:
        raise ValidationError("This document was withdrawn, so nothing can be added from it")
    if document.status == DocumentStatus.FAILED:
        raise ValidationError("This document could not be read, so there is nothing to add")
    if document.status == DocumentStatus.APPLIED:
        raise ValidationError("These items have already been added to a review")
    if document.status != DocumentStatus.READY:
        raise ValidationError("The document has not been read yet: wait for it, then check its items")
    if any(decision not in ItemDecision.values for decision, _text in decisions.values()):
        raise ValidationError("Choose accept or reject for each item")
    items = {str(item.pk): item for item in document.items.all()}
    pending = [pk for pk in items if decisions.get(pk, ("pending", ""))[0] == ItemDecision.PENDING]
    if pending:
        raise ValidationError("Accept or reject every item before adding them to a review")
    accepted = [
        (items[pk], text)
        for pk, (decision, text) in decisions.items()
        if pk in items and decision == ItemDecision.ACCEPTED
    ]
    for item, text in accepted:
        if not text.strip():
            raise ValidationError(f"Item {item.position} is accepted but has no text: enter its text or reject it")
    if review is None:
        if not new_review_title.strip():
            raise ValidationError({"review": "Choose the review these items belong to, or give a title for a new one"})
        review = _review_from_document(actor, document, new_review_title.strip())
    elif review.partnership_id != document.partnership_id:
        raise ValidationError({"review": "Choose a review of this partnership"})
    for kind, model in ((ItemKind.LEARNING_POINT, LearningPoint), (ItemKind.RECOMMENDATION, Recommendation)):
        number = model.objects.unscoped().current().filter(review=review).aggregate(n=Max("number"))["n"] or 0
        for item, text in sorted((a for a in accepted if a[0].kind == kind), key=lambda a: a[0].position):
            number += 1
            finding_save(actor=actor, review=review, model=model, number=number, text=text)
    for pk, (decision, text) in decisions.items():
        if pk in items:
            ExtractedItem.objects.unscoped().filter(pk=pk).update(decision=decision, final_text=text.strip())
    document.status, document.review = DocumentStatus.APPLIED, review
    document.save(update_fields=["status", "review", "updated"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=review,
        object_repr=f"{len(accepted)} checked items from {document.file_name} added to {review.title}",
    )
    return review


@transaction.atomic
def document_withdraw(*, actor, document, reason):
    """Take a document out of the list (the wrong file, a copy uploaded twice). Items already added to a
    review stay there, to be withdrawn from the review if they too were wrong."""
    document = Document.objects.unscoped().select_for_update().get(pk=document.pk)  # the one the view authorised
    model_withdraw(actor=actor, instance=document, reason=reason)
    return document
