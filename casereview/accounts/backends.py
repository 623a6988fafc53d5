"""Django's ModelBackend, reading the signed-in user (every request) with a query compiled once
(core.compiled). Signing in, passwords and permissions are Django's."""

from django.contrib.auth import backends
from django.db import router

from casereview.core.compiled import CompiledQuery

from .models import User

_BY_KEY = CompiledQuery(lambda pk: User._default_manager.filter(pk=pk).order_by(), User._meta.pk)


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        found = _BY_KEY.fetch(user_id, using=router.db_for_read(User))
        if not found:
            return None
        return found[0] if self.user_can_authenticate(found[0]) else None
