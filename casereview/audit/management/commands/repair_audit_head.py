"""Move forward a chain head that was set back outside casereview (probe 16): every audited change of that
partnership fails until it is, because its next event would take a number the chain already has."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction

from casereview.audit.models import HEAD_REPAIRED, SYSTEM_CHAIN, AuditAction, AuditChain, AuditEvent


class Command(BaseCommand):
    help = (
        "Moves each audit chain head that is behind its chain's newest event forward to that event (the only "
        "change the database lets the application make to a head), and records the repair in the chain, so "
        "verify_audit goes on reporting that the head was set back. Changes nothing else."
    )

    def handle(self, *args, **options):
        partnerships = apps.get_model("accounts", "Partnership")._base_manager
        names = {str(pk): name for pk, name in partnerships.values_list("pk", "name")}
        names[SYSTEM_CHAIN] = "Sign-ins and system changes"
        repaired = 0
        for key in AuditChain.objects.order_by("key").values_list("key", flat=True):
            with transaction.atomic():
                head = AuditChain.objects.select_for_update().get(key=key)
                newest = AuditEvent.objects.unscoped().filter(chain=key).order_by("-sequence").first()
                if newest is None or newest.sequence <= head.length:
                    continue
                recorded = head.length
                AuditChain.objects.filter(pk=head.pk).update(length=newest.sequence, head=newest.hash)
                AuditEvent(
                    action=AuditAction.UPDATE,
                    partnership_id=None if key == SYSTEM_CHAIN else newest.partnership_id,
                    object_type=ContentType.objects.get_for_model(AuditChain),
                    object_id=str(head.pk),
                    object_repr="Audit trail",
                    reason=HEAD_REPAIRED.format(recorded=recorded, sequence=newest.sequence),
                ).save()
            repaired += 1
            self.stdout.write(
                f"{names.get(key, key)}: the record of where the chain ends was at event {recorded}; "
                f"moved forward to event {newest.sequence}."
            )
        self.stdout.write(
            f"{repaired} chain head(s) moved forward." if repaired else "No chain head was behind its chain."
        )
