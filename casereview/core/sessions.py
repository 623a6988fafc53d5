"""Django's database sessions, read with a query compiled once (core.compiled): the session is read on
every request. Set as SESSION_ENGINE; the table, the cookie and what the session holds are Django's."""

import logging

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.core.exceptions import SuspiciousOperation
from django.db import router
from django.utils import timezone

from .compiled import CompiledQuery

_UNEXPIRED = CompiledQuery(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
    Session._meta.get_field("session_key"),
    Session._meta.get_field("expire_date"),
)


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        if self.model is not Session:  # a subclass's own model: Django's way
            return super()._get_session_from_db()
        try:
            found = _UNEXPIRED.fetch(self.session_key, timezone.now(), using=router.db_for_read(Session))
        except SuspiciousOperation as error:  # as Django's store: logged, and no session
            logging.getLogger(f"django.security.{error.__class__.__name__}").warning(str(error))
            found = []
        if found:
            return found[0]
        self._session_key = None
        return None
