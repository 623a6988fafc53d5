"""The pages of a background export: its progress, then its download (core/exports.py)."""

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from .access import object_view
from .exports import EXPORT_SLOW_TO_START, give_up_if_stalled, target_for
from .models import ExportJob, ExportStatus


@object_view(ExportJob)
def export_progress(request, job):
    target_for(job, request.user)
    job = give_up_if_stalled(job)
    waited = timezone.now() - job.created
    return render(
        request,
        "core/export_progress.html",
        {
            "job": job,
            "expired": job.expires_at < timezone.now(),
            # The worker looks for work every second: a file still waiting to start after EXPORT_SLOW_TO_START
            # means it is not running (or busy with something long). Two minutes read as "waits forever".
            "slow_to_start": job.status == ExportStatus.QUEUED and waited > EXPORT_SLOW_TO_START,
            "waited_seconds": int(waited.total_seconds()),
            "development": settings.DEBUG,
        },
    )


@object_view(ExportJob)
@require_safe  # a download answers GET and HEAD only, after the access check (probe 16)
def export_download(request, job):
    """Only the person who asked (the scope's row rule), and only while they may still take the page's
    action on the record (checked again here); never kept by a browser or proxy."""
    target_for(job, request.user)
    if job.status != ExportStatus.DONE or job.expires_at < timezone.now() or not job.stored_as:
        raise Http404("The file is not ready, or has been removed")
    from django.core.files.storage import default_storage

    response = FileResponse(
        default_storage.open(job.stored_as, "rb"),
        as_attachment=True,
        filename=job.download_name,
        content_type=job.content_type,
    )
    patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
    return response
