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


class Theme(models.Model):
    """One tag of the national themes taxonomy (core/themes.py), shared by every app that tags learning."""

    category = models.CharField(max_length=20)
    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.name
