"""Keeping two people's writes from trampling each other.

- `lock(obj)`: the record's row lock until the transaction ends, and its current state. Numbering
  (max + 1), check-then-insert and once-only steps (a close, a decision) lock the record they hang from,
  so the second of two simultaneous requests waits, then sees the first one's result and is answered
  with it or refused plainly, never a 500 from a unique constraint or a deadlock.
- `check_version(obj, expected)`: optimistic locking for edit forms. The form carries the version it
  was opened at; saving over a newer version is refused with a message, so no edit is silently lost.

SQLite (development) writes one transaction at a time, so the lock there is the database's own.
"""

from django.core.exceptions import ValidationError


def lock(obj):
    """Lock `obj`'s row until the transaction ends; returns the row as it now stands.

    FOR NO KEY UPDATE, not FOR UPDATE: two lockers still wait for each other, but a row inserted meanwhile
    that points at `obj` (an audit event's partnership, taken FOR KEY SHARE by its foreign key) does not
    wait. With FOR UPDATE, an audited read holding its chain's head and waiting on the partnership, and a
    write holding the partnership and waiting on the chain, deadlocked (probe 15)."""
    return type(obj)._base_manager.select_for_update(no_key=True).get(pk=obj.pk)


class StaleEdit(ValidationError):
    pass


def check_version(current, expected, *, what="record"):
    """Refuse an edit that did not start from the version now saved (or names none)."""
    try:
        expected = int(expected)
    except (TypeError, ValueError):
        raise StaleEdit(f"This {what} could not be saved: reload the page and make your change again") from None
    if current.version != expected:
        raise StaleEdit(
            f"Someone else changed this {what} after you opened it. Your change has not been saved: "
            "reload the page to see theirs, then make yours again"
        )
