"""Request plumbing that knows no app."""

import time

from django.conf import settings

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
