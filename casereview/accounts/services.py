"""Writes. Each service validates, saves and writes its audit event in one transaction."""

from django.db import transaction

from casereview.audit.services import audit_create

from .models import Agency


@transaction.atomic
def agency_create(*, actor, partnership, name, sector):
    agency = Agency(partnership=partnership, name=name.strip(), sector=sector)
    agency.full_clean()
    agency.save()
    audit_create(actor=actor, obj=agency)
    return agency
