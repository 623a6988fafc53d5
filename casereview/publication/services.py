"""Anonymising a review's report and the gate it must pass before publication.

The engine (the anonymisation package beside this module) works on plain text and a ReplacementTable; this
module keeps the table in the database (one row per term per review), runs the detector in the background, and decides
whether the review may be published."""

import datetime
import functools
import hashlib
import io
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_update, record_event
from casereview.core import uploads
from casereview.core.concurrency import lock
from casereview.core.dates import add_months
from casereview.core.validation import dated_step_problem, require_not_before, require_not_future
from casereview.core.working_days import add_working_days, working_days_between
from casereview.documents.extraction import ExtractionError, read_document
from casereview.reviews.milestones import StepTaken
from casereview.reviews.models import STAGE_ORDER, Review, Stage
from casereview.reviews.services import review_mark_published, review_stage_catch_up, review_stage_step_back

from . import anonymisation as engine
from .anonymisation import KnownDetails, ReplacementTable, TableEntry, anonymise, text_check_failures
from .anonymisation.model import model_name
from .anonymisation.replacement import DATED
from .anonymisation.table import term_key
from .models import (
    Publication,
    PublicationHold,
    ReplacementTerm,
    Report,
    ReportDetection,
    ReportSignOff,
    ReportSignOffKind,
    ReportStatus,
    TermStatus,
)

logger = logging.getLogger(__name__)


def table_for(review, *, decided_only=False):
    """The review's replacement table as the engine's object. The child's real name from the restricted
    record, when there is one, is given the review's pseudonym unless the table already decides it."""
    entries = []
    for term in ReplacementTerm.objects.unscoped().filter(review=review).select_related("decided_by"):
        if decided_only and term.status == TermStatus.PROPOSED:
            continue
        entries.append(
            TableEntry(
                term.original,
                term.replacement or term.original,
                term.type,
                allowed=term.status == TermStatus.ALLOWED,
                decided_by=str(term.decided_by) if term.decided_by else "",
                added_by_reviewer=term.added_by_reviewer,
            )
        )
    table = ReplacementTable(entries, pseudonym=child_pseudonym(review))
    identity = _identity(review)
    if identity is not None and identity.full_name.strip() and table.entry_for(identity.full_name) is None:
        table.record(" ".join(identity.full_name.split()), table.pseudonym, "PERSON")
    return table


def child_pseudonym(review):
    incident = review.incident if review.incident_id else None
    return (incident.child_pseudonym if incident is not None else "") or review.title


def age_style(review):
    return review.partnership.published_ages


def _identity(review):
    return getattr(getattr(review, "incident", None), "identity", None) if review.incident_id else None


def published_refusal(review, what="the replacement table can no longer be changed"):
    """The refusal of a change to what was published: the published text is kept as it was published.
    casereview publishes a review once; a corrected version is the business manager's to arrange."""
    publication = Publication.objects.unscoped().filter(review=review).first()
    if publication is None:
        return ""
    on = publication.published_on
    # not "ask the business manager", which the business manager read too (walkthrough 11, finding 3)
    return (
        f"The report was published on {on.day} {on:%B %Y}, so {what}. casereview keeps the report as it was "
        "published: a corrected version is put on the partnership's website outside casereview, and sent "
        "to the national panel and the Secretary of State"
    )


def _refuse_after_publication(review, what="the replacement table can no longer be changed", field=None):
    refusal = published_refusal(review, what)
    if refusal:
        raise ValidationError({field: refusal} if field else refusal)


@transaction.atomic
def report_upload(*, actor, review, name, data):
    _refuse_after_publication(review, "a new version of the report cannot be uploaded", field="file")
    if not uploads.size_of(data):
        raise ValidationError({"file": "The file is empty"})
    problem = uploads.too_large("report", uploads.size_of(data), "Save a copy without images and try again.")
    if problem:
        raise ValidationError({"file": problem})
    suffix = os.path.splitext(name)[1][:10]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "report" + suffix)
        uploads.copy_to(data, path)
        try:
            text = read_document(path).text
        except ExtractionError as exc:
            raise ValidationError({"file": f"{exc.problem} {exc.remedy}"}) from None
    upload = {
        "file_name": os.path.basename(name)[:255],
        "text": text,
        "status": ReportStatus.QUEUED,
        "uploaded_by": actor,
        "problem": "",
    }
    report, created = Report.objects.unscoped().get_or_create(review=review, defaults=upload)
    if created:
        audit_create(actor=actor, obj=report)
    else:
        model_update(actor=actor, instance=report, data=upload)
        # The old version's findings are positions in the old text: shown over the new one until its own
        # check ends, they highlight halves of other words and hide what is really there.
        ReportDetection.objects.filter(report=report).delete()
    from .tasks import detect_report

    transaction.on_commit(lambda: detect_report.enqueue(report_id=str(report.pk)))
    _review_moves_on(actor, review)
    return report


def report_detect(report_id):
    """Find everything identifying in the report; each new term joins the table as a proposal. Ends ready,
    or failed with a message the page shows (never left "being checked")."""
    report = Report.objects.unscoped().select_related("review").get(pk=report_id)
    try:
        return _report_detect(report)
    except Exception:
        logger.exception("Detection in report %s failed", report.pk)
        Report.objects.unscoped().filter(pk=report.pk).update(
            status=ReportStatus.FAILED,
            problem="The report could not be checked for identifying details. Upload it again; if this happens "
            "again, tell your business manager.",
        )
        report.refresh_from_db()
        return report


def _report_detect(report):
    table = table_for(report.review)
    known = {term.original for term in ReplacementTerm.objects.unscoped().filter(review=report.review)}
    result = anonymise(report.text, table, age_style=age_style(report.review))
    doubtful = {term_key(r.entity.text) for r in result.replaced if r.entity.source == "doubtful"}
    with transaction.atomic():
        ReportDetection.objects.filter(report=report).delete()
        ReportDetection.objects.bulk_create(
            [
                ReportDetection(
                    report=report, start=r.entity.start, end=r.entity.end, type=r.entity.type, text=r.entity.text[:500]
                )
                for r in result.replaced
            ]
            + [
                ReportDetection(report=report, start=e.start, end=e.end, type=e.type, text=e.text[:500])
                for e in result.allowed
            ]
        )
        for entry in table:
            if entry.original not in known and table.entry_for(entry.original) is entry:
                ReplacementTerm.objects.unscoped().get_or_create(
                    review=report.review,
                    original=entry.original[:500],
                    defaults={
                        "replacement": entry.replacement[:500],
                        "type": entry.type,
                        "doubtful": term_key(entry.original) in doubtful,
                        "status": _first_status(entry),
                    },
                )
        Report.objects.unscoped().filter(pk=report.pk).update(status=ReportStatus.READY)
        _queue_text_check(report)
    return report


def _first_status(entry):
    """A detail the rules publish as it is written (an age when the partnership publishes ages as they
    are, a date already only a month and year) is decided by that rule: asking the reviewer about "9 -> 9"
    costs a click and says nothing. Anything else waits for the reviewer, a name left as it is included."""
    if entry.type in DATED and entry.replacement.strip() == entry.original.strip():
        return TermStatus.ACCEPTED
    return TermStatus.PROPOSED


def _queue_text_check(report):
    """Check the published text in the background now, so the gate finds it ready when someone asks."""
    if len(report.text) > CHECK_INLINE_CHARS:
        from .tasks import check_report_text

        transaction.on_commit(lambda: check_report_text.enqueue(report_id=str(report.pk)))


# A replacement is kept in a column of this many characters: a longer one is refused on its row (PostgreSQL
# refused it with an error page).
REPLACEMENT_MAX = ReplacementTerm._meta.get_field("replacement").max_length


def _same(one, other):
    """Two (status, replacement) pairs say the same, whatever the spaces around the replacement."""
    return (one[0], one[1].strip()) == (other[0], other[1].strip())


def _decision_said(term):
    if term.status == TermStatus.ALLOWED:
        return "allowed"
    if term.status == TermStatus.PROPOSED:
        return "not decided"
    return f"replaced with “{term.replacement}”"


@transaction.atomic
def terms_decide(*, actor, review, decisions, seen=None):
    """`decisions` maps a term id to (status, replacement). Allowing names the person who allowed it.
    Every row is checked before any is saved: a refusal names each row that is wrong, by
    "replacement-<term id>" (the page puts each message on its row), and saves none.

    `seen` maps a term id to (status, replacement) as the page showed them. A row left as it was shown is
    not saved: someone else may have decided it since the page was opened, and saving the page put back
    what it showed, undoing their decision. A row both people changed, differently, is refused on its row."""
    _refuse_after_publication(review)
    seen = seen or {}
    terms = {str(t.pk): t for t in ReplacementTerm.objects.unscoped().select_for_update().filter(review=review)}
    errors = {}
    for pk, (status, replacement) in decisions.items():
        term = terms.get(pk)
        if term is None:
            continue
        field = f"replacement-{pk}"
        shown, now = seen.get(pk), (term.status, term.replacement)
        if shown is not None and _same(shown, (status, replacement)):
            continue
        if shown is not None and not _same(shown, now) and not _same(now, (status, replacement)):
            errors[field] = (
                f"{term.decided_by or 'Someone else'} changed “{term.original}” while you were working on the "
                f"table: it is now {_decision_said(term)}. Check it, then save the table again"
            )
        elif status == TermStatus.ACCEPTED and not replacement.strip():
            errors[field] = f"Give a replacement for “{term.original}” or allow it"
        elif len(replacement.strip()) > REPLACEMENT_MAX:
            errors[field] = f"The replacement for “{term.original}” must be {REPLACEMENT_MAX} characters or fewer"
    if errors:
        raise ValidationError(errors)
    report = Report.objects.unscoped().filter(review=review).first()
    before = _signed_text_digest(review, report)
    for pk, (status, replacement) in decisions.items():
        term = terms.get(pk)
        if term is None or status not in TermStatus.values:
            continue
        if pk in seen and _same(seen[pk], (status, replacement)):
            continue
        if (term.status, term.replacement) == (status, replacement.strip() or term.replacement):
            continue
        decision = {
            "status": status,
            "replacement": replacement.strip() or term.replacement,
            "decided_by": actor if status != TermStatus.PROPOSED else None,
        }
        model_update(actor=actor, instance=term, data=decision)
    if report is not None and report.status == ReportStatus.READY:
        _queue_text_check(report)
    return _sign_offs_follow_text(actor, review, report, before)


@transaction.atomic
def term_add(*, actor, review, original, type, replacement=""):
    """A term the detector missed: every occurrence is caught from now on (the report is scanned again)."""
    _refuse_after_publication(review, field="original")
    original = " ".join(original.split())
    if len(original) < 2:
        raise ValidationError({"original": "Enter the word or phrase to replace"})
    if type not in engine.ENTITY_TYPES:
        raise ValidationError({"type": "Choose what the detail is"})
    report = Report.objects.unscoped().filter(review=review).first()
    if report is not None and report.text and not _occurs_in(original, report.text):
        raise ValidationError(
            {
                "original": f"“{original}” does not occur in the report: enter it as the report writes it "
                "(a detail added here is replaced wherever it occurs)"
            }
        )
    if not replacement.strip():
        replacement = suggested_replacement(review, original, type)
    added = {
        "replacement": replacement.strip()[:500],
        "type": type,
        "status": TermStatus.ACCEPTED,
        "decided_by": actor,
        "added_by_reviewer": True,
    }
    term, created = ReplacementTerm.objects.unscoped().get_or_create(
        review=review, original=original[:500], defaults=added
    )
    if created:
        audit_create(actor=actor, obj=term)
    else:
        model_update(actor=actor, instance=term, data=added)
    if report:
        Report.objects.unscoped().filter(pk=report.pk).update(status=ReportStatus.QUEUED)
        from .tasks import detect_report

        transaction.on_commit(lambda: detect_report.enqueue(report_id=str(report.pk)))
    return term


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _occurs_in(phrase, text):
    """The phrase is in the text, whatever its case, spacing or invisible characters (a zero-width space
    inside a name is still the name)."""

    def plain(value):
        return " ".join(value.translate(_INVISIBLE).replace("\u2019", "'").split()).casefold()

    return plain(phrase) in plain(text)


def suggested_replacement(review, original, type):
    """What "leave blank for a suggestion" gives, in the table's own style: the next "Person A" letter or
    "Address A" not yet used in this review's table, "the school" (or "another school") for a setting,
    the fixed words for a postcode or a phone number."""
    from .anonymisation.replacement import FIXED, setting_kind

    taken = set(ReplacementTerm.objects.unscoped().filter(review=review).values_list("replacement", flat=True))
    if type in ("PERSON", "ADDRESS"):
        word = "Person" if type == "PERSON" else "Address"
        number = 1
        while f"{word} {_letters(number)}" in taken:
            number += 1
        return f"{word} {_letters(number)}"
    if type in ("SCHOOL", "HEALTH_SETTING", "PLACE"):
        kind = setting_kind(original, type)
        return f"the {kind}" if f"the {kind}" not in taken else f"another {kind}"
    return FIXED.get(type) or f"[{type.lower().replace('_', ' ')}]"


def _letters(number):
    """1 -> A, 26 -> Z, 27 -> AA, as the engine letters people and addresses."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def anonymised_text(review, *, start=0, end=None):
    """The report's text as it will be published; with start and end, that part of it alone (what the
    compare page shows one part at a time, so its cost does not grow with the report)."""
    report = Report.objects.unscoped().get(review=review)
    return anonymise(report.text[start:end], table_for(review), age_style=age_style(review)).text


def known_details(review):
    identity = _identity(review)
    if identity is None:
        return KnownDetails()
    return KnownDetails(
        names=tuple(n for n in [identity.full_name] if n),
        dates_of_birth=tuple(d for d in [identity.date_of_birth] if d),
        addresses=tuple(a for a in [" ".join(filter(None, [identity.address, identity.postcode]))] if a.strip()),
    )


@dataclass
class GateResult:
    failures: list  # sentences, every failing check
    undecided_message: str = ""  # the failure about details nobody has decided, which the page links
    published_text: str = ""  # the anonymised text the checks were run on (publishing uses it)
    sign_offs_to_record: dict = None  # failure -> the kind of sign-off it asks to record (or record again)
    warnings: list = None  # what a person should look at, which does not stop publication

    def __post_init__(self):
        self.sign_offs_to_record = self.sign_offs_to_record or {}
        self.warnings = self.warnings or []

    @property
    def passed(self):
        return not self.failures


# What the gate says when a sign-off is missing, as a person would say it.
SIGN_OFF_MISSING = {
    ReportSignOffKind.PANEL: "The review panel has not signed the report off",
    ReportSignOffKind.POLICE: "The police have not signed the report off (criminal proceedings)",
    ReportSignOffKind.LEGAL: "The legal adviser has not signed the report off",
}


# ... and when the sign-off recorded was given for an earlier anonymised text than the one to be published.
SIGN_OFF_EARLIER = {
    ReportSignOffKind.PANEL: "The review panel signed off an earlier text",
    ReportSignOffKind.POLICE: "The police signed off an earlier text",
    ReportSignOffKind.LEGAL: "The legal adviser signed off an earlier text",
}

# A sign-off named in a sentence about its date.
SIGN_OFF_DATED = {
    ReportSignOffKind.PANEL: "The review panel's sign-off",
    ReportSignOffKind.POLICE: "The police's sign-off",
    ReportSignOffKind.LEGAL: "The legal adviser's sign-off",
}


def text_digest(text):
    """The fingerprint of an anonymised text that a sign-off keeps (SHA-256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def current_text(review, report=None):
    """The anonymised text as it would be published now (the kept check's while it is current), or None
    when there is none yet: no report, one still being checked, or a long one being checked again."""
    report = report or Report.objects.unscoped().filter(review=review).first()
    if report is None or report.status != ReportStatus.READY:
        return None
    check = text_check(review, report)
    return check.output if check is not None else None


def sign_off_given_for_this_text(sign_off, digest):
    """True when the sign-off was given for the text whose fingerprint is `digest` (None: not known yet)."""
    return digest is None or sign_off.text_digest == digest


# The key of the audit event on the review that says which sign-offs a change of the anonymised text left
# given for an earlier text (reporting's home page reads it: "… must be recorded again").
SIGN_OFFS_VOIDED = "Sign-offs to be recorded again"

# Each sign-off as a list of them names it: "the review panel's, the police's and the legal adviser's".
SIGN_OFF_WHOSE = {
    ReportSignOffKind.PANEL: "the review panel's",
    ReportSignOffKind.POLICE: "the police's",
    ReportSignOffKind.LEGAL: "the legal adviser's",
}


def sign_offs_named(kinds):
    """ "the review panel's and the police's sign-offs" (in the page's order, whatever order they come in)."""
    kinds = set(kinds)
    names = [SIGN_OFF_WHOSE[kind] for kind in ReportSignOffKind if kind in kinds]
    if not names:
        return ""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{listed} sign-off{'s' if len(names) > 1 else ''}"


@dataclass
class TextChange:
    """What a change to the replacement table did to the sign-offs recorded for the text before it."""

    voided: list  # the kinds of sign-off given for the text before the change, now for an earlier text
    not_yet_known: bool = False  # a long report's text is checked in the background: not known yet

    @property
    def message(self):
        if self.voided:
            return (
                f"The anonymised text has changed, so {sign_offs_named(self.voided)} must be recorded again for "
                "the text as it is now."
            )
        if self.not_yet_known:
            return (
                "The anonymised text is being checked again. If the change altered it, the sign-offs recorded "
                "for the earlier text must be recorded again: the publication page will say so."
            )
        return ""


def current_sign_offs(review, report=None):
    """The sign-offs recorded for the anonymised text as it is now (every one recorded while it is not known
    yet): the ones a change of the table would leave given for an earlier text."""
    signed = list(ReportSignOff.objects.unscoped().filter(review=review))
    if not signed:
        return []
    digest = _text_digest_now(review, report)
    return [s for s in signed if sign_off_given_for_this_text(s, digest)]


def _text_digest_now(review, report=None):
    text = current_text(review, report)
    return text_digest(text) if text is not None else None


def _signed_text_digest(review, report):
    """The fingerprint of the text now, read before a change, when some sign-off was given for it."""
    if report is None or not ReportSignOff.objects.unscoped().filter(review=review).exists():
        return None
    digest = _text_digest_now(review, report)
    if digest and ReportSignOff.objects.unscoped().filter(review=review, text_digest=digest).exists():
        return digest
    return None


def _sign_offs_follow_text(actor, review, report, before):
    """After a change to the table: the sign-offs given for the text before it (`before`, its fingerprint)
    that the change left given for an earlier text are said so, in the review's history and on the
    manager's home page, and a review whose stage was reached by them goes back to the stage its sign-offs
    still reach (walkthrough 10: it stayed at "Panel sign-off" with no current sign-off)."""
    if before is None:
        return TextChange([])
    after = _text_digest_now(review, report)
    if after is None:
        return TextChange([], not_yet_known=True)
    if after == before:
        return TextChange([])
    signed = list(ReportSignOff.objects.unscoped().filter(review=review))
    voided = [s.kind for s in signed if s.text_digest == before]
    still = {s.kind for s in signed if s.text_digest == after}
    words = f"{sign_offs_named(voided)} must be recorded again"
    because = f"The anonymised text changed: {words}"
    changes = {SIGN_OFFS_VOIDED: [None, words]}
    reached = (
        Stage.PARTNERSHIP_SIGN_OFF
        if set(ReportSignOffKind.values) <= still
        else Stage.PANEL_SIGN_OFF
        if ReportSignOffKind.PANEL in still
        else Stage.DRAFTING
    )
    stage = Review.objects.unscoped().filter(pk=review.pk).values_list("stage", flat=True).first()
    if stage in (Stage.PANEL_SIGN_OFF, Stage.PARTNERSHIP_SIGN_OFF) and STAGE_ORDER.index(reached) < STAGE_ORDER.index(
        stage
    ):
        review_stage_step_back(actor=actor, review=review, stage=reached, because=because, changes=changes)
    else:
        record_event(actor=actor, action=AuditAction.UPDATE, obj=review, changes=changes, reason=because)
    return TextChange(voided)


def text_made_on(review, report):
    """The day the anonymised text as it is now can first have existed: the report's upload, or the last
    change to its replacement table if later. A sign-off of this text cannot be dated before it."""
    made = report_uploaded_on(report)
    last = ReplacementTerm.objects.unscoped().filter(review=review).aggregate(last=Max("updated"))["last"]
    if last is not None:
        made = max(made, timezone.localtime(last).date())
    return made


def _draft_title_warning(text):
    """The report's title (its first line) still calls it a draft: the demo's did, and was published so."""
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if re.search(r"\bdraft\b", title, re.IGNORECASE):
        return (
            f"The report's title still says it is a draft: “{title[:200]}”. If this is the final report, "
            "correct the title and upload the final version"
        )
    return ""


# The gate names at most this many problems of one kind, then says how many more: a report full of names
# gives a page a person can read, not hundreds of thousands of lines.
GATE_SHOWS = 20


def _not_yet_at_its_final_report(review):
    """A review is published once it has reached its final report (drafting, then the sign-offs and the
    report sent ahead): one still scoping, or gathering information, is not, whatever else is recorded."""
    # read as saved: the services that record the report and sign-offs move the stage on in the database
    stage = Review.objects.unscoped().filter(pk=review.pk).values_list("stage", flat=True).first() or review.stage
    if STAGE_ORDER.index(stage) >= STAGE_ORDER.index(Stage.DRAFTING):
        return None
    return (
        f"The review is still at the stage “{Stage(stage).label}”: it can be published only once it has "
        "reached its final report. Record the review's progress (terms of reference, the agencies' information, "
        "the learning event) or, if it has got further than it shows, change its stage on the review's page"
    )


# A report up to this many characters (about 15 pages) is checked inside the request when its check is out of
# date; a longer one in the background, so that no page waits minutes for the detector.
CHECK_INLINE_CHARS = 40_000


@dataclass
class TextCheck:
    output: str  # the text as it will be published
    found: list  # the first identifying details still in it, as sentences
    total: int  # how many there are in all


@functools.cache
def _engine_digest():
    """The anonymisation engine's own code and word lists: a check made by other rules is out of date."""
    digest = hashlib.sha256()
    folder = Path(engine.__file__).parent
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".pyc"):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _check_digest(review, report, table):
    """A digest of everything the published text and its check are made from."""
    known = known_details(review)
    parts = {
        "engine": _engine_digest(),
        "model": model_name(),
        "text": hashlib.sha256(report.text.encode("utf-8", "surrogatepass")).hexdigest(),
        "pseudonym": table.pseudonym,
        "table": sorted([e.original, e.replacement, e.type, e.allowed, e.decided_by] for e in table),
        "known": [list(map(str, known.names)), list(map(str, known.dates_of_birth)), list(known.addresses)],
        "ages": age_style(review),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _run_text_check(review, report, table):
    result = anonymise(report.text, table, age_style=age_style(review))
    # Rule-made replacements ("aged 12 to 15", "March 2014") are what the text should say, not leftovers.
    made = [r.replacement for r in result.replaced]
    found = []
    for failure in text_check_failures(output_text=result.text, table=table, known_details=known_details(review)):
        if failure.check == "identifying_text_in_output" and any(failure.text in replacement for replacement in made):
            continue
        found.append(failure.message[:1].upper() + failure.message[1:])
    return TextCheck(result.text, found[: GATE_SHOWS + 1], len(found))


def text_check(review, report, *, inline_chars=None):
    """The gate's check of the text as it will be published: the one kept with the report while nothing it
    was made from has changed; otherwise made now for a short report, or queued for a long one (None)."""
    table = table_for(review)
    digest = _check_digest(review, report, table)
    kept = (
        Report.objects.unscoped()
        .filter(pk=report.pk, checked_digest=digest)
        .values_list("checked_output", "checked_found", "checked_found_total")
        .first()
    )
    if kept is not None:
        return TextCheck(*kept)
    if len(report.text) > (CHECK_INLINE_CHARS if inline_chars is None else inline_chars):
        from .tasks import check_report_text

        transaction.on_commit(lambda: check_report_text.enqueue(report_id=str(report.pk)))
        return None
    return _keep_check(report, digest, _run_text_check(review, report, table))


def _keep_check(report, digest, check):
    Report.objects.unscoped().filter(pk=report.pk).update(
        checked_digest=digest, checked_output=check.output, checked_found=check.found, checked_found_total=check.total
    )
    return check


def report_text_check(report_id):
    """The background check of a long report (queued by the gate, after detection and after decisions). The
    digest is taken before the check runs, so a change made meanwhile leaves it out of date, never wrong."""
    report = Report.objects.unscoped().select_related("review").filter(pk=report_id).first()
    if report is None or report.status != ReportStatus.READY:
        return None
    table = table_for(report.review)
    digest = _check_digest(report.review, report, table)
    if Report.objects.unscoped().filter(pk=report.pk, checked_digest=digest).exists():
        return None
    try:
        return _keep_check(report, digest, _run_text_check(report.review, report, table))
    except Exception:
        logger.exception("The text check of report %s failed", report.pk)
        return None


def publication_gate(review, *, publication_date):
    early = _not_yet_at_its_final_report(review)
    failures = [early] if early else []
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        return GateResult([*failures, "No report has been uploaded"])
    if report.status != ReportStatus.READY:
        failures.append("The report is still being checked for identifying details")
    undecided_message = _undecided_message(review)
    if undecided_message:
        failures.append(undecided_message)
    check = text_check(review, report)
    if check is None:
        failures.append(
            "The published text is being checked again after the latest changes. A long report takes a few "
            "minutes: run the checks again shortly"
        )
    else:
        failures += check.found[:GATE_SHOWS]
        if check.total > GATE_SHOWS:
            failures.append(f"…and {check.total - GATE_SHOWS:,} more identifying details are still in the text")
    signed = {s.kind: s for s in ReportSignOff.objects.unscoped().filter(review=review)}
    digest = text_digest(check.output) if check is not None else None
    to_record = {}
    for kind in ReportSignOffKind:
        sign_off = signed.get(kind.value)
        if sign_off is None:
            message = SIGN_OFF_MISSING.get(kind, f"{kind.label} has not signed the report off")
        elif not sign_off_given_for_this_text(sign_off, digest):
            on = sign_off.signed_on
            message = (
                f"{SIGN_OFF_EARLIER[kind]} (signed off on {on.day} {on:%B %Y}): the anonymised text has changed "
                "since, so the sign-off must be given again for the text that will be published"
            )
        else:
            early = dated_step_problem(sign_off.signed_on, SIGN_OFF_DATED[kind], **_after_upload(report))
            if not early:
                continue
            message = f"{early}: record the sign-off again with the date it was given"
        failures.append(message)
        to_record[message] = kind
    notice = review.partnership.publication_notice_working_days
    sent_early = dated_step_problem(
        report.sent_to_panel_on, "The date the report was sent to the national panel", **_after_upload(report)
    )
    sent_before_text = dated_step_problem(
        report.sent_to_panel_on,
        "The date the report was sent to the national panel",
        **_after_text_made(review, report),
    )
    if not report.sent_to_panel_on:
        failures.append("Record when the report was sent to the national panel and the Secretary of State")
    elif sent_early:
        failures.append(f"{sent_early}: record the date it was really sent")
    elif sent_before_text:
        failures.append(f"{sent_before_text}: send them the text as it is now and record the date it was sent")
    elif working_days_between(report.sent_to_panel_on, publication_date) < notice:
        earliest = add_working_days(report.sent_to_panel_on, notice)
        failures.append(
            f"The report must reach the national panel and the Secretary of State at least {notice} working "
            f"days before publication: it was sent on {report.sent_to_panel_on.day} "
            f"{report.sent_to_panel_on:%B %Y}, so the earliest publication date is {earliest.day} {earliest:%B %Y}"
        )
    for hold in PublicationHold.objects.unscoped().filter(review=review, lifted_on__isnull=True):
        failures.append(f"Publication is on hold: {hold.reason}")
    # A published report cannot be replaced here, so a draft's title stops publication rather than warning
    # beside "Every check passes" (walkthrough 11, finding 3: the demo's draft was published so).
    draft_title = _draft_title_warning(check.output) if check is not None else ""
    if draft_title:
        failures.append(draft_title)
    return GateResult(
        failures,
        undecided_message,
        check.output if check is not None else "",
        sign_offs_to_record=to_record,
    )


# The undecided details the gate names by name before it counts the rest.
GATE_NAMES = 5


def _undecided_message(review):
    """One sentence for every detail found that nobody has decided yet, naming the first few as the
    replacement table shows them: a list of a hundred near-identical lines was read as jargon."""
    undecided = ReplacementTerm.objects.unscoped().filter(review=review, status=TermStatus.PROPOSED)
    count = undecided.count()
    if not count:
        return ""
    names = [
        f"“{original}”" for original in undecided.order_by("original").values_list("original", flat=True)[:GATE_NAMES]
    ]
    if count > len(names):
        named = f"{', '.join(names)} and {count - len(names):,} more"
    else:
        named = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    if count == 1:
        return f"1 detail found in the report still needs a decision, to replace it or to allow it: {named}"
    return f"{count:,} details found in the report still need a decision, to replace or to allow: {named}"


def review_publish(*, actor, review, publication_date, public_url=""):
    """Publish the review's anonymised report. The DOCX and PDF are written before the publication is saved;
    a publish that fails after that, up to and including its commit, deletes them again, so a failed or
    refused publish leaves nothing in the publications folder (probe 16 found 62 files left there)."""
    written = []
    try:
        with transaction.atomic():
            return _publish(
                actor=actor, review=review, publication_date=publication_date, public_url=public_url, written=written
            )
    except BaseException:
        for path in written:
            default_storage.delete(path)
        raise


def _publish(*, actor, review, publication_date, public_url, written):
    # The review's row lock, taken first, as hold_place takes it: a second send of the form waits, then finds
    # the publication; a hold being placed meanwhile is in the gate below, not published past; and the two
    # meet the review before the audit chain, so they cannot deadlock (probe 16: all three happened).
    review = lock(review)
    if Publication.objects.unscoped().filter(review=review).exists():
        raise ValidationError("This review has already been published")
    if publication_date > timezone.localdate():
        # viewers read a published review's learning at once: a date to come would publish it early
        raise ValidationError(
            {"publication_date": "The publication date cannot be in the future: publish on the day it goes online"}
        )
    gate = publication_gate(review, publication_date=publication_date)
    if not gate.passed:
        raise ValidationError(gate.failures)
    text = gate.published_text  # the text the checks that passed were run on
    title = f"{review.get_review_type_display()}: {review.title}"
    docx_path = default_storage.save(f"publications/{review.pk}/report.docx", ContentFile(_docx(title, review, text)))
    written.append(docx_path)
    pdf_path = default_storage.save(f"publications/{review.pk}/report.pdf", ContentFile(_pdf(title, review, text)))
    written.append(pdf_path)
    publication = Publication.objects.create(
        review=review,
        published_on=publication_date,
        public_url=public_url,
        anonymised_text=text,
        remove_after=add_months(publication_date, review.partnership.publication_months),
        docx_file=docx_path,
        pdf_file=pdf_path,
        published_by=actor,
    )
    audit_create(actor=actor, obj=publication)
    review_mark_published(actor=actor, review=review, on=publication_date, note="The anonymised report was published")
    _tell_reviewers_of_publication(publication, actor)
    return publication


def _tell_reviewers_of_publication(publication, actor):
    """The independent reviewer wrote the report: they are told it is out, as they were told of a hold and
    of its lifting, so their latest notice is not "the hold was lifted" long after publication."""
    from django.urls import reverse

    from casereview.notifications.services import notify

    review = publication.review
    notify(
        recipients=[a.user for a in review.reviewers.select_related("user") if a.user_id != actor.pk],
        partnership=review.partnership,
        key=f"published:{review.pk}",
        what="The report was published",
        about=review.title,
        path=reverse("reviews:detail", args=[review.pk]),
    )


# Said at the head of every page of the anonymised draft, so it is never taken for the published report.
DRAFT_MARK = "Draft — not for publication"


@dataclass(frozen=True)
class DraftExport:
    """A draft and what tells it from the next one: when it was made and the short fingerprint of its text
    (the first characters of the SHA-256 a sign-off keeps), printed in the file, its name and its title."""

    data: bytes
    made: datetime.datetime
    fingerprint: str

    def file_name(self, review, file_format):
        made = timezone.localtime(self.made).strftime("%Y-%m-%d %H%M")
        return f"{' '.join(review.title.split())} - anonymised draft {made} {self.fingerprint}.{file_format}"


# Eight hexadecimal characters tell drafts apart (four thousand million to one), short enough to read out.
SHORT_FINGERPRINT = 8


@dataclass(frozen=True)
class DraftVersion:
    made: datetime.datetime
    fingerprint: str

    @property
    def made_words(self):
        local = timezone.localtime(self.made)
        return f"{local.day} {local:%B %Y} at {local:%H:%M}"

    @property
    def line(self):
        return (
            f"Made on {self.made_words}. Text fingerprint {self.fingerprint} (the same text always has the same "
            "fingerprint; any change to the replacement table changes it)"
        )


def _document_title(title, *, draft, version=None):
    if not draft:
        return title
    if version is None:
        return f"{DRAFT_MARK}: {title}"
    return f"{DRAFT_MARK}: {title}, made on {version.made_words}, text {version.fingerprint}"


def draft_export(*, actor, review, file_format):
    """The anonymised report as a draft document (Word or PDF) to send ahead of publication, to the panel,
    the national panel and the Secretary of State: only once every detail is decided; marked as a draft on
    every page, with the time it was made and its text's fingerprint so the panel, police and legal adviser
    can say which draft they signed off; recorded in the audit trail like every export."""
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        raise ValidationError("Upload the final report first")
    if report.status != ReportStatus.READY:
        raise ValidationError("The report is still being checked for identifying details")
    if ReplacementTerm.objects.unscoped().filter(review=review, status=TermStatus.PROPOSED).exists():
        raise ValidationError("Decide every detail in the replacement table first: the draft is the anonymised text")
    text = current_text(review, report)
    if text is None:
        text = anonymised_text(review)
    title = f"{review.get_review_type_display()}: {review.title}"
    made = timezone.now()
    fingerprint = text_digest(text)[:SHORT_FINGERPRINT]
    version = DraftVersion(made, fingerprint)
    build = _pdf if file_format == "pdf" else _docx
    data = build(title, review, text, draft=True, version=version)
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=report,
        object_repr=f"Anonymised draft of {review.title}'s report ({file_format.upper()})",
    )
    return DraftExport(data=data, made=made, fingerprint=fingerprint)


def _docx(title, review, text, *, draft=False, version=None):
    from docx import Document as WordDocument

    document = WordDocument()
    document.core_properties.title = _document_title(title, draft=draft, version=version)
    if draft:
        document.sections[0].header.paragraphs[0].text = DRAFT_MARK
        document.add_paragraph(DRAFT_MARK)
        if version:
            document.add_paragraph(version.line)
    document.add_heading(title, level=1)
    document.add_paragraph(review.partnership.name)
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            document.add_paragraph(" ".join(paragraph.split()))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(title, review, text, *, draft=False, version=None):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    story = [
        *([Paragraph(DRAFT_MARK, styles["Heading2"])] if draft else []),
        *([Paragraph(escape(version.line), styles["Normal"]), Spacer(1, 6)] if draft and version else []),
        Paragraph(escape(title), styles["Title"]),
        Paragraph(escape(review.partnership.name), styles["Normal"]),
        Spacer(1, 12),
    ]
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            story.append(Paragraph(escape(" ".join(paragraph.split())), styles["BodyText"]))

    def mark(canvas, document):
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(document.leftMargin, A4[1] - 36, DRAFT_MARK)
        canvas.restoreState()

    pages = {"onFirstPage": mark, "onLaterPages": mark} if draft else {}
    SimpleDocTemplate(buffer, pagesize=A4, title=_document_title(title, draft=draft, version=version)).build(
        story, **pages
    )
    return buffer.getvalue()


@transaction.atomic
def sign_off_record(*, actor, review, kind, signed_on, signed_by, text_seen=""):
    """A sign-off is of the anonymised text: refused until there is one (every detail decided), and kept
    with the fingerprint of the text it was given for."""
    _refuse_after_publication(review, "its sign-offs can no longer be changed")
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        raise ValidationError("Upload the final report first: the sign-off is of its anonymised text")
    if report.status != ReportStatus.READY:
        raise ValidationError(
            "The report is still being checked for identifying details: record the sign-off once it is ready"
        )
    if ReplacementTerm.objects.unscoped().filter(review=review, status=TermStatus.PROPOSED).exists():
        raise ValidationError(
            "Decide every detail in the replacement table first: the sign-off is of the anonymised text"
        )
    require_not_future(signed_on, "signed_on", "The date of sign-off")
    require_not_before(signed_on, "signed_on", "The date of sign-off", **_after_upload(report))
    if not signed_by.strip():
        raise ValidationError({"signed_by": "Enter who signed off"})
    text = current_text(review, report)
    if text is None:
        raise ValidationError(
            "The anonymised text is being checked again after the latest changes. A long report takes a few "
            "minutes: record the sign-off again shortly"
        )
    digest = text_digest(text)
    if text_seen and text_seen != digest:
        raise ValidationError(
            "The anonymised text has changed since this page was opened (the replacement table was changed). "
            "Check that the sign-off was given for the text as it is now, then record it again"
        )
    made = text_made_on(review, report)
    if signed_on and signed_on < made:
        raise ValidationError(
            {
                "signed_on": f"The date of sign-off cannot be before {made.day} {made:%B %Y}: the anonymised text "
                "it is for was made that day (the replacement table was last changed then). A sign-off given "
                "for an earlier text must be given again for this one"
            }
        )
    signed = {"signed_on": signed_on, "signed_by": signed_by.strip(), "recorded_by": actor, "text_digest": digest}
    sign_off, created = ReportSignOff.objects.unscoped().get_or_create(review=review, kind=kind, defaults=signed)
    if created:
        audit_create(actor=actor, obj=sign_off)
    else:
        model_update(actor=actor, instance=sign_off, data=signed)
    _review_moves_on(actor, review)
    return sign_off


def published_hold_refusal(published_on):
    """Why a published report cannot be held, and what to do if criminal proceedings begin after it
    (walkthrough 11, finding 14: the page gave no route)."""
    return (
        f"The report was published on {published_on.day} {published_on:%B %Y}: publication can no longer be "
        "held. If criminal proceedings begin now, the business manager asks the police whether the report "
        "should be taken off the partnership's website, and takes it off there: casereview cannot withdraw it."
    )


@transaction.atomic
def hold_place(*, actor, review, reason):
    if not reason.strip():
        raise ValidationError({"reason": "Say why publication is held, for example criminal proceedings"})
    from casereview.accounts.services import DOUBLE_SUBMISSION

    lock(review)  # two sends of the form at once: the second waits, then finds the first's hold
    published_on = Publication.objects.unscoped().filter(review=review).values_list("published_on", flat=True).first()
    if published_on is not None:
        # a hold sent while the report was being published waits for it, then would hold nothing (probe 16)
        raise ValidationError(published_hold_refusal(published_on))
    same = PublicationHold.objects.unscoped().filter(
        review=review,
        placed_by=actor,
        reason=reason.strip(),
        lifted_on__isnull=True,
        created__gte=timezone.now() - DOUBLE_SUBMISSION,
    )
    if (hold := same.first()) is not None:
        return hold  # the same form sent twice: answered with the hold the first one placed
    hold = PublicationHold.objects.create(
        review=review, reason=reason.strip(), placed_on=timezone.localdate(), placed_by=actor
    )
    audit_create(actor=actor, obj=hold)
    _tell_of_hold(hold)
    return hold


@transaction.atomic
def hold_lift(*, actor, hold, reason):
    """Lifting a hold says why, as putting it on did: the trail shows why a police hold ended. Those told
    of the hold are no longer told it stands."""
    # Read again, locked: two people lifting at once each saw the hold standing, and the second's reason
    # replaced the first's in the record.
    hold = PublicationHold.objects.unscoped().select_for_update().get(pk=hold.pk)
    if hold.lifted_on:
        raise ValidationError("This hold was already lifted")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the hold is lifted, for example the criminal proceedings have ended"})
    lifted = {"lifted_on": timezone.localdate(), "lifted_by": actor, "lifted_reason": reason.strip()}
    hold = model_update(actor=actor, instance=hold, data=lifted, reason=reason.strip())[0]
    _tell_of_lifting(hold, actor)
    return hold


@transaction.atomic
def report_sent_record(*, actor, review, sent_on):
    report = Report.objects.unscoped().filter(review=review).first()
    if report is None:
        raise ValidationError({"sent_on": "Upload the report first"})
    require_not_future(sent_on, "sent_on", "The date sent")
    require_not_before(sent_on, "sent_on", "The date sent", **_after_upload(report))
    require_not_before(sent_on, "sent_on", "The date sent", **_after_text_made(review, report))
    report = model_update(actor=actor, instance=report, data={"sent_to_panel_on": sent_on})[0]
    _review_moves_on(actor, review)
    return report


def report_uploaded_on(report):
    return timezone.localtime(report.created).date()


def _after_upload(report):
    """The step a sign-off and the sending follow: both are of the final report, so neither can be dated
    before it was uploaded."""
    return {"step": "the final report was uploaded", "step_on": report_uploaded_on(report)}


def _after_text_made(review, report):
    """What the national panel and the Secretary of State are sent is the text that will be published: a
    date before that text existed let the notice check pass for a record that could not be true
    (walkthrough 11, finding 2)."""
    return {
        "step": "the anonymised text to be published was made",
        "step_on": text_made_on(review, report),
    }


def _review_moves_on(actor, review):
    """Tell the review what publication's record shows (the report drafted, the sign-offs, the report sent
    ahead of publication) so its stage and timeline follow; reviews decides what that means for the stage."""
    steps = []
    report = Report.objects.unscoped().filter(review=review).first()
    if report is not None:
        steps.append(StepTaken(Stage.DRAFTING, report_uploaded_on(report), "Final report uploaded"))
        if report.sent_to_panel_on:
            steps.append(
                StepTaken(
                    Stage.SENT_TO_PANEL,
                    report.sent_to_panel_on,
                    "Report sent to the national panel and the Secretary of State",
                )
            )
    # only those given for the text as it is now: one for an earlier text no longer moves the stage on
    signed = {s.kind: s.signed_on for s in current_sign_offs(review, report)} if report is not None else {}
    if ReportSignOffKind.PANEL in signed:
        steps.append(StepTaken(Stage.PANEL_SIGN_OFF, signed[ReportSignOffKind.PANEL], "Signed off by the review panel"))
    if set(ReportSignOffKind.values) <= set(signed):
        steps.append(
            StepTaken(
                Stage.PARTNERSHIP_SIGN_OFF, max(signed.values()), "Signed off by the panel, police and legal adviser"
            )
        )
    review_stage_catch_up(actor=actor, review=review, extra=steps)


def _tell_of_hold(hold):
    from django.urls import reverse

    from casereview.accounts.models import Role
    from casereview.notifications.recipients import role_holders
    from casereview.notifications.services import notify

    review = hold.review
    reviewers = [a.user for a in review.reviewers.select_related("user")]
    told = role_holders(review.partnership, Role.BUSINESS_MANAGER) + reviewers
    notify(
        # the person who put the hold on knows: an e-mail about their own act is noise (the hold page says so)
        recipients=[user for user in told if user.pk != hold.placed_by_id],
        partnership=review.partnership,
        key=f"hold:{hold.pk}",
        what="Publication of a review is on hold",
        about=review.title,
        path=reverse("publication:hold_detail", args=[hold.pk]),  # the reviewer, told too, may not open publication
    )


def _tell_of_lifting(hold, actor):
    """Whoever was told of the hold is told, by e-mail and on their home page, that it was lifted: the last
    e-mail a reviewer had said publication was held. Their notice of the hold gives way to the new one (the
    hold no longer asks anything of them); the person lifting it is not told of their own act, and their own
    notice, if they had one, just says it was lifted."""
    from django.urls import reverse

    from casereview.notifications.models import Notification
    from casereview.notifications.services import notify

    notices = Notification.objects.filter(key=f"hold:{hold.pk}")
    told = [n.recipient for n in notices.select_related("recipient") if n.recipient_id != actor.pk]
    notify(
        recipients=told,
        partnership=hold.review.partnership,
        key=f"hold-lifted:{hold.pk}",
        what="The hold on publication was lifted",
        about=hold.review.title,
        path=reverse("publication:hold_detail", args=[hold.pk]),
    )
    notices.exclude(recipient=actor).delete()
    notices.update(what="The hold on publication was lifted")
