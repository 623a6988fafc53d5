"""Checking the audit chains: every event of a chain present, in order, each still matching its hash."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from .models import AuditChain, AuditEvent, event_digest

# what verify_audit tells the reader to run for a head set back (audit/management/commands/repair_audit_head.py)
REPAIR = "manage.py repair_audit_head"


@dataclass
class Finding:
    chain: str
    message: str


def verify_chains():
    """Problems found in every chain (an empty list when the trail is whole), and how many events were
    checked. Reads the trail a chain at a time in order, holding one event in memory.

    The heads and the events are read from one snapshot of the database: on a live system an event written
    after the heads were read was reported as a head changed outside casereview. (Inside a transaction
    already begun, a test's, the snapshot is that transaction's.)"""
    snapshot = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic():
        if snapshot:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return _verify_chains()


def _verify_chains():
    findings = []
    checked = 0
    rebuilt_type = ContentType.objects.get_for_model(AuditChain).pk
    heads = {head.key: head for head in AuditChain.objects.all()}
    chains = set(heads) | set(
        AuditEvent.objects.unscoped().exclude(chain="").values_list("chain", flat=True).distinct().order_by()
    )
    for key in sorted(chains):
        expected_sequence, previous_hash = 1, None
        events = AuditEvent.objects.unscoped().filter(chain=key).order_by("sequence")
        last = None
        for event in events.iterator(chunk_size=2000):
            checked += 1
            if event.sequence != expected_sequence:
                missing = event.sequence - expected_sequence
                findings.append(
                    Finding(
                        key,
                        f"{missing} event{'s' if missing != 1 else ''} missing before event {event.sequence} "
                        f"(the chain jumps from {expected_sequence - 1} to {event.sequence})",
                    )
                )
            elif previous_hash is not None and event.previous_hash != previous_hash:
                findings.append(Finding(key, f"event {event.sequence} does not follow the event before it"))
            if (
                event.object_type_id == rebuilt_type
                and event.object_repr == "Audit trail"
                and "set back" in event.reason
            ):
                findings.append(
                    Finding(key, f"on {event.at:%Y-%m-%d %H:%M}: {event.reason[0].lower()}{event.reason[1:]}")
                )
            elif event.object_type_id == rebuilt_type and event.object_repr == "Audit trail":
                findings.append(
                    Finding(
                        key,
                        f"on {event.at:%Y-%m-%d %H:%M} the record of where the chain ends was found missing "
                        "(removed outside casereview) and rebuilt",
                    )
                )
            if event_digest(event) != event.hash:
                findings.append(
                    Finding(key, f"event {event.sequence} ({event.at:%Y-%m-%d %H:%M}) was changed after it was written")
                )
            expected_sequence, previous_hash, last = event.sequence + 1, event.hash, event
        head = heads.get(key)
        if head is None and last is not None:
            findings.append(
                Finding(key, "the record of where the chain ends is missing: it was removed outside casereview")
            )
        recorded = head.length if head else 0
        found = last.sequence if last else 0
        if recorded > found:
            missing = recorded - found
            findings.append(
                Finding(
                    key,
                    "the chain's last event is missing"
                    if missing == 1
                    else f"the last {missing} events of the chain are missing",
                )
            )
        elif head is not None and recorded < found:
            # set back by hand: the next event would take a number the chain already has (probe 16)
            findings.append(
                Finding(
                    key,
                    f"the record of where the chain ends says the chain ends at event {recorded}, but it goes on "
                    f"to event {found}: it was changed outside casereview, and every audited change here fails "
                    f"until it is put right. Run `{REPAIR}` (as the application's role or the owner): it moves "
                    f"the record forward to event {found} and records that it did",
                )
            )
        elif head is not None and last is not None and head.head != last.hash:
            findings.append(Finding(key, "the chain's last event is not the one recorded as its head"))
    return findings, checked


def unchained_count():
    """Events written before the chain began (the trail of an older version), which it cannot vouch for."""
    return AuditEvent.objects.unscoped().filter(chain="").count()
