import uuid

from django.db import models


class BaseModel(models.Model):
    """Every domain record: a UUID key (no guessable, countable ids in URLs) and when it was made and
    last changed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
