"""On PostgreSQL the database refuses to move a chain head backwards or away from the chain's events.

The application's role may UPDATE a head's `length` and `head` (every event moves them forward), and with
only that grant it could set a partnership's head back (probe 16): the next event then took a number the
chain already had, every audited change in that partnership failed on the chain's unique numbering, and
verify_audit saw nothing wrong. The trigger lets a head move only forward, and only to an event that exists
with that hash. The role that owns the table (migrate's) is the only one who can drop it; SQLite, for
development, has no trigger."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditchain_moves_forward() RETURNS trigger AS $$
BEGIN
    IF NEW.key <> OLD.key THEN
        RAISE EXCEPTION 'an audit chain head is never re-keyed';
    END IF;
    IF NEW.length < OLD.length THEN
        RAISE EXCEPTION USING MESSAGE =
            'an audit chain head only moves forward (from ' || OLD.length || ' to ' || NEW.length || ')';
    END IF;
    IF NEW.length > 0 AND NOT EXISTS (
        SELECT 1 FROM audit_auditevent WHERE chain = NEW.key AND sequence = NEW.length AND hash = NEW.head
    ) THEN
        RAISE EXCEPTION USING MESSAGE =
            'an audit chain head must name event ' || NEW.length || ' of its chain, with its hash';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditchain_forward_only BEFORE UPDATE ON audit_auditchain
    FOR EACH ROW EXECUTE FUNCTION audit_auditchain_moves_forward();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditchain_forward_only ON audit_auditchain;
DROP FUNCTION IF EXISTS audit_auditchain_moves_forward();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_merge_20261201_2349")]
    operations = [migrations.RunPython(create_trigger, drop_trigger)]
