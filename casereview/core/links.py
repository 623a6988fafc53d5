"""Links to many records of one kind."""

import uuid

from django.urls import reverse

_SLOT = uuid.UUID(int=0)


def paths_to(viewname):
    """pk -> the path of `viewname` (a view taking one record's UUID) for that record, reversed once:
    reversing it for each row of a long table, or each of a batch of e-mails, cost more than the row."""
    head, tail = reverse(viewname, args=[_SLOT]).split(str(_SLOT), 1)
    return lambda pk: f"{head}{pk}{tail}"
