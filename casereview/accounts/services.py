"""Writes. Each service validates, saves and writes its audit event in one transaction."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from casereview.audit.services import audit_create
from casereview.core.concurrency import lock

from .models import Agency

# How soon after the first a second identical submission is taken as the same one sent twice.
DOUBLE_SUBMISSION = timedelta(minutes=5)


@transaction.atomic
def agency_create(*, actor, partnership, name, sector):
    """Add an agency. The same form sent twice is answered with the agency the first one made."""
    lock(partnership)
    same = Agency.objects.unscoped().filter(partnership=partnership, name=name.strip(), sector=sector).first()
    if same is not None and same.created >= timezone.now() - DOUBLE_SUBMISSION:
        return same
    agency = Agency(partnership=partnership, name=name.strip(), sector=sector)
    agency.full_clean()
    agency.save()
    audit_create(actor=actor, obj=agency)
    return agency
