"""`manage.py check --database default` warns when the application's database role owns the audit table:
an owner can TRUNCATE it, disable its trigger or drop it, so the trail could be lost without a trace in
the database (verify_audit would still see the chain broken, but not bring it back)."""

from django.core.checks import Tags, Warning, register
from django.db import connections


@register(Tags.database)
def audit_table_not_owned_by_the_application(app_configs=None, databases=None, **kwargs):
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tableowner = current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
                "FROM pg_tables WHERE tablename = 'audit_auditevent'"
            )
            row = cursor.fetchone()
        if row and (row[0] or row[1]):
            warnings.append(
                Warning(
                    "The application's database role owns the audit table (or is a superuser), so it could "
                    "empty the table or switch off the trigger that keeps it append-only.",
                    hint="Run the application as a role that may only SELECT and INSERT on audit_auditevent "
                    "(README: Production, the audit trail).",
                    obj=alias,
                    id="casereview.W014",
                )
            )
    return warnings


@register(Tags.database)
def audit_chain_not_deletable_by_the_application(app_configs=None, databases=None, **kwargs):
    """The chain heads (audit_auditchain) are moved forward by every event, so the application needs UPDATE
    on their length and hash, but never DELETE or TRUNCATE: a deleted head was a way to stop a
    partnership's audited work (probe 15)."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT has_table_privilege('audit_auditchain', 'DELETE'), "
                "has_table_privilege('audit_auditchain', 'TRUNCATE'), "
                "has_column_privilege('audit_auditchain', 'key', 'UPDATE') "
                "WHERE to_regclass('audit_auditchain') IS NOT NULL"
            )
            row = cursor.fetchone()
        if row and any(row):
            warnings.append(
                Warning(
                    "The application's database role may delete, empty or re-key the audit trail's chain "
                    "heads (audit_auditchain).",
                    hint="Grant it only SELECT, INSERT and UPDATE (length, head) on audit_auditchain "
                    "(README: Production, the audit trail).",
                    obj=alias,
                    id="casereview.W015",
                )
            )
    return warnings
