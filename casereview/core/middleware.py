"""Request plumbing that knows no app."""

import time

from django.conf import settings
from django.utils.cache import patch_cache_control

# The idle expiry is renewed when the session is saved. Saving on every request costs a database write per
# page; renewing at most once in this many seconds keeps the expiry within a minute of the last request.
SESSION_RENEW_SECONDS = 60
_RENEWED = "_renewed"


class SessionRenewalMiddleware:
    """Writes the session only when it changed or its idle expiry is due for renewal (SESSION_SAVE_EVERY_REQUEST
    is off). Place it after SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or session.is_empty() or getattr(settings, "SESSION_SAVE_EVERY_REQUEST", False):
            return response
        now = int(time.time())
        if now - session.get(_RENEWED, 0) >= SESSION_RENEW_SECONDS:
            session[_RENEWED] = now  # marks the session modified, so SessionMiddleware saves it
        return response


class NoStoreExportsMiddleware:
    """`Cache-Control: no-store` on every download (a response sent as an attachment: exports, evidence,
    reports): no browser or proxy keeps a copy of a partnership's records. Pages about a child's identity
    carry Django's never_cache themselves."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Disposition", "").lower().startswith("attachment"):
            patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
        return response


class OwnNotFoundPageMiddleware:
    """With DEBUG on (the development settings `make run` and the demo use), Django answers a view's Http404
    with its debugging page, which lists every address of the application and hides the page a viewer is
    meant to read (404.html explains why a link to a review says "Page not found"). This renders our own page
    for a 404 raised by a view whatever DEBUG says; an address that matches no URL still gets Django's page in
    development, which is what a developer wants to see. With DEBUG off Django already does this, so
    production is unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.http import Http404
        from django.views.defaults import page_not_found

        if settings.DEBUG and isinstance(exception, Http404):
            return page_not_found(request, exception)
        return None


class RefuseNullInQueryMiddleware:
    """A web address whose query holds a NUL character is refused with a 400 page that says so. PostgreSQL
    text cannot hold one, so a NUL searched for (?q=%00) or used as a record's key failed as a 500 wherever a
    view passed it to the database; forms refuse it in posted fields (core.forms.NULL_CHARACTER_MESSAGE), and a
    NUL in the path gets the same page. Place it after AuthenticationMiddleware: the page has the site's header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_query = any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())
        # A NUL in the path matches no address: in development (DEBUG) Django answered it with its own page
        # listing every URL pattern (walkthrough 10, finding 9); it gets this page whatever the setting.
        if in_query or "\x00" in request.path_info:
            from django.shortcuts import render

            return render(request, "400_null.html", status=400)
        return self.get_response(request)


class RefuseTooMuchSentMiddleware:
    """A form sent with more than Django reads at once (DATA_UPLOAD_MAX_MEMORY_SIZE of fields, more than
    DATA_UPLOAD_MAX_NUMBER_FIELDS fields or DATA_UPLOAD_MAX_NUMBER_FILES files) gets a page that says so and
    what to do. Django raised it in the CSRF check, before any view: production answered a bare "Bad Request
    (400)", and development (the demo) its debugging page with the traceback and settings (fixsmall11's probe).
    Place it before CsrfViewMiddleware: its process_view reads the form first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent

        if request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 - reading the form is what finds it too large
        except (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent):
            from django.shortcuts import render

            return render(request, "400_too_much.html", status=400)
        return None


class RefuseCutOffUploadMiddleware:
    """A form whose file did not arrive whole (core.uploads.CutOffUploadHandler) is refused as a whole with a
    400 page that says so: nothing of it is saved, so no record claims evidence it does not have."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        if request.method != "POST" or not request.content_type == "multipart/form-data":
            return None
        request.POST  # noqa: B018 - parsing the body is what finds the cut-off file
        if getattr(request, "upload_cut_off", None):
            from django.shortcuts import render

            return render(request, "400_cut_off.html", status=400)
        return None
