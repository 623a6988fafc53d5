"""Long exports as background jobs: the page asks, a task builds the file on disk with bounded memory,
a progress page refreshes itself until the file is ready, and only the person who asked downloads it.

An app registers each export it offers (`register`), with a builder `build(job, target, user, path,
progress)` that writes the file at `path` (rows streamed, never a whole document in memory), calls
`progress(done, total)` now and then, writes its own audit event and returns the number of rows. The
builder runs as the requester, through the same selectors as the page, so it sees what they may see.
`export_page` is the view half: GET shows what will be exported, POST queues it.

Files are kept for a day (EXPORT_KEEP_HOURS): each new export removes the expired ones, and a download
after that says the file has gone and offers to prepare it again."""

import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from . import scoping
from .models import ExportJob, ExportStatus

logger = logging.getLogger(__name__)

EXPORT_KEEP_HOURS = 24
# An export still unfinished this long after it was asked for lost its worker: it ends failed.
EXPORT_GIVEN_UP_AFTER = timedelta(minutes=30)
# A file not started after this long is waiting for the background worker, and its page says so.
EXPORT_SLOW_TO_START = timedelta(seconds=20)


@dataclass(frozen=True)
class ExportKind:
    name: str
    build: object
    file_name: object  # (target, params) -> the downloaded file's name
    content_type: str
    description: str  # what the file holds, for the page that offers it


_KINDS = {}


def reported(items, progress, every=2000):
    """The items, telling `progress` how many have gone by every `every` of them: the one way an export's
    rows move its progress bar."""
    for done, item in enumerate(items, 1):
        if done % every == 0:
            progress(done)
        yield item


def register(name, *, build, file_name, content_type, description):
    _KINDS[name] = ExportKind(name, build, file_name, content_type, description)


def kind(name):
    return _KINDS[name]


def _partnership_of(target):
    if target._meta.label_lower == "accounts.partnership":
        return target
    path = target.partnership_field.split("__")
    obj = target
    for step in path:
        obj = getattr(obj, step)
    return obj


def export_request(*, actor, kind_name, target, action, params, title, back_url=""):
    """Queue an export of `target` for `actor`; the page's action (`action`) is checked again at download."""
    remove_expired()
    export = kind(kind_name)
    job = ExportJob.objects.create(
        partnership=_partnership_of(target),
        requested_by=actor,
        kind=kind_name,
        title=title[:300],
        target_model=target._meta.label_lower,
        target_id=str(target.pk),
        target_action=action,
        params=params,
        back_url=back_url[:2000],
        file_name=export.file_name(target, params)[:255],
        content_type=export.content_type,
        expires_at=timezone.now() + timedelta(hours=EXPORT_KEEP_HOURS),
    )
    from .tasks import run_export

    transaction.on_commit(lambda: run_export.enqueue(job_id=str(job.pk)))
    return job


def params_query(params):
    """A job's saved filters as the QueryDict a page's filter form reads."""
    query = QueryDict(mutable=True)
    for key, values in params.items():
        query.setlist(key, values)
    return query


def target_for(job, user):
    """The record the export came from, fetched again through the access policy: 404 or 403 when the user
    may no longer take the page's action on it."""
    model = apps.get_model(job.target_model)
    return scoping.policy().object_for_user(user, model, job.target_action, pk=job.target_id)


def export_run(job_id):
    """The background half. Ends done, or failed with a message; a half-written file is removed."""
    job = ExportJob.objects.unscoped().select_related("requested_by").get(pk=job_id)
    if job.is_finished:
        return job
    ExportJob.objects.unscoped().filter(pk=job.pk).update(status=ExportStatus.RUNNING)
    user = job.requested_by
    folder = tempfile.mkdtemp(prefix="casereview-export-")
    path = os.path.join(folder, "export")
    try:
        target = target_for(job, user)

        def progress(done, total=None):
            updates = {"rows_done": done} if total is None else {"rows_done": done, "rows_total": total}
            ExportJob.objects.unscoped().filter(pk=job.pk).update(**updates)

        rows = kind(job.kind).build(job=job, target=target, user=user, path=path, progress=progress)
        with open(path, "rb") as handle:
            stored = default_storage.save(f"exports/{job.pk}", File(handle))
        # kept for a day from when it is ready, not from when it was asked for
        ExportJob.objects.unscoped().filter(pk=job.pk).update(
            status=ExportStatus.DONE,
            stored_as=stored,
            rows_done=rows,
            rows_total=rows,
            expires_at=timezone.now() + timedelta(hours=EXPORT_KEEP_HOURS),
        )
    except Exception:
        logger.exception("Export %s failed", job.pk)
        ExportJob.objects.unscoped().filter(pk=job.pk).update(
            status=ExportStatus.FAILED,
            problem="The file could not be prepared. Try again; if it fails again, tell your business manager.",
        )
    finally:
        if os.path.exists(path):
            os.remove(path)
        os.rmdir(folder)
    job.refresh_from_db()
    return job


def give_up_if_stalled(job):
    if job.is_finished or job.created > timezone.now() - EXPORT_GIVEN_UP_AFTER:
        return job
    if job.status == ExportStatus.QUEUED:
        problem = (
            "The file was never started: casereview's background worker did not take it up in "
            f"{EXPORT_GIVEN_UP_AFTER.seconds // 60} minutes. Tell whoever runs casereview for your partnership "
            "that the worker needs starting, then ask for the file again."
        )
    else:
        problem = "The file stopped being prepared before it was finished. Ask for it again."
    # only if the worker has not taken it up (or finished it) meanwhile
    ExportJob.objects.unscoped().filter(pk=job.pk, status=job.status).update(
        status=ExportStatus.FAILED, problem=problem
    )
    job.refresh_from_db()
    return job


def remove_expired(now=None):
    """Delete the files (and records) of exports older than a day."""
    expired = ExportJob.objects.unscoped().filter(expires_at__lt=now or timezone.now())
    for stored in expired.exclude(stored_as="").values_list("stored_as", flat=True):
        default_storage.delete(stored)
    return expired.delete()[0]


def export_page(request, *, kind_name, target, action, title, back_url):
    """GET: what will be exported and a button to prepare it; POST: queue it and show its progress. The
    page's filters travel in the query string and are kept with the job."""
    if request.method == "POST":
        params = {key: request.GET.getlist(key) for key in request.GET if key != "page"}
        query = request.GET.copy()
        query.pop("page", None)
        job = export_request(
            actor=request.user,
            kind_name=kind_name,
            target=target,
            action=action,
            params=params,
            title=title,
            back_url=back_url + (f"?{query.urlencode()}" if query else ""),
        )
        return redirect("exports:progress", pk=job.pk)
    # Back and Cancel return to the list as it was filtered (and the page of it) when the export was asked for.
    query = request.GET.urlencode()
    return render(
        request,
        "core/export_start.html",
        {
            "title": title,
            "description": kind(kind_name).description,
            "back_url": back_url + (f"?{query}" if query else ""),
        },
    )
