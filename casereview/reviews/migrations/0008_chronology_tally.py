"""The chronology's counts by event type, agency and year (ChronologyTally), kept by the database itself:
triggers on the entries add and take away whatever is inserted, deleted or changed, however it is written
(the import's batches, a row typed on the page, the seeders, raw SQL). PostgreSQL counts each statement's
rows at once (statement triggers over their transition tables); SQLite, for development, a row at a time.
The counts of the entries already there are made once here."""

import django.db.models.deletion
from django.db import migrations, models

YEAR = {"postgresql": "EXTRACT(YEAR FROM {date})::integer", "sqlite": "CAST(strftime('%Y', {date}) AS INTEGER)"}

# Each statement adds signed counts in one upsert, its keys in order, so two imports into one review lock the
# same counts in the same order (and wait for each other rather than deadlock); counts that reach nothing
# are deleted.
_UPSERT = """
    ON CONFLICT (review_id, agency_id, event_type, year)
    DO UPDATE SET n = reviews_chronologytally.n + EXCLUDED.n;
"""
_KEYS = "review_id, agency_id, event_type, EXTRACT(YEAR FROM sort_date)::integer"

POSTGRES = [
    f"""
CREATE OR REPLACE FUNCTION reviews_chronology_tally_add() RETURNS trigger AS $$
BEGIN
    INSERT INTO reviews_chronologytally (review_id, agency_id, event_type, year, n)
    SELECT {_KEYS}, count(*) FROM added GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    {_UPSERT}
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""",
    f"""
CREATE OR REPLACE FUNCTION reviews_chronology_tally_remove() RETURNS trigger AS $$
BEGIN
    INSERT INTO reviews_chronologytally (review_id, agency_id, event_type, year, n)
    SELECT {_KEYS}, -count(*) FROM removed GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    {_UPSERT}
    DELETE FROM reviews_chronologytally WHERE n <= 0 AND review_id IN (SELECT review_id FROM removed);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""",
    f"""
CREATE OR REPLACE FUNCTION reviews_chronology_tally_change() RETURNS trigger AS $$
BEGIN
    -- the counts after less the counts before: a corrected description changes none of them
    INSERT INTO reviews_chronologytally (review_id, agency_id, event_type, year, n)
    SELECT review_id, agency_id, event_type, year, sum(n) FROM (
        SELECT {_KEYS} AS year, 1 AS n FROM added
        UNION ALL
        SELECT {_KEYS}, -1 FROM removed
    ) AS changes
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    {_UPSERT}
    DELETE FROM reviews_chronologytally WHERE n <= 0 AND review_id IN (SELECT review_id FROM removed);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""",
    """
CREATE TRIGGER reviews_chronology_tally_add AFTER INSERT ON reviews_chronologyentry
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION reviews_chronology_tally_add()
""",
    """
CREATE TRIGGER reviews_chronology_tally_remove AFTER DELETE ON reviews_chronologyentry
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION reviews_chronology_tally_remove()
""",
    """
CREATE TRIGGER reviews_chronology_tally_change AFTER UPDATE ON reviews_chronologyentry
    REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION reviews_chronology_tally_change()
""",
]

POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_add ON reviews_chronologyentry",
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_remove ON reviews_chronologyentry",
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_change ON reviews_chronologyentry",
    "DROP FUNCTION IF EXISTS reviews_chronology_tally_add()",
    "DROP FUNCTION IF EXISTS reviews_chronology_tally_remove()",
    "DROP FUNCTION IF EXISTS reviews_chronology_tally_change()",
]

_SQLITE_ADD = """
    INSERT INTO reviews_chronologytally (review_id, agency_id, event_type, year, n)
    VALUES (NEW.review_id, NEW.agency_id, NEW.event_type, CAST(strftime('%Y', NEW.sort_date) AS INTEGER), 1)
    ON CONFLICT (review_id, agency_id, event_type, year) DO UPDATE SET n = n + 1;
"""
_SQLITE_REMOVE = """
    UPDATE reviews_chronologytally SET n = n - 1
    WHERE review_id = OLD.review_id AND agency_id = OLD.agency_id AND event_type = OLD.event_type
        AND year = CAST(strftime('%Y', OLD.sort_date) AS INTEGER);
    DELETE FROM reviews_chronologytally WHERE review_id = OLD.review_id AND n <= 0;
"""
SQLITE = [
    f"CREATE TRIGGER reviews_chronology_tally_add AFTER INSERT ON reviews_chronologyentry BEGIN {_SQLITE_ADD} END",
    "CREATE TRIGGER reviews_chronology_tally_remove AFTER DELETE ON reviews_chronologyentry"
    f" BEGIN {_SQLITE_REMOVE} END",
    "CREATE TRIGGER reviews_chronology_tally_change AFTER UPDATE OF review_id, agency_id, event_type, sort_date"
    f" ON reviews_chronologyentry BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_add",
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_remove",
    "DROP TRIGGER IF EXISTS reviews_chronology_tally_change",
]

COUNT_WHAT_IS_THERE = """
INSERT INTO reviews_chronologytally (review_id, agency_id, event_type, year, n)
SELECT review_id, agency_id, event_type, {year}, count(*) FROM reviews_chronologyentry GROUP BY 1, 2, 3, 4
"""


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in YEAR:
        raise RuntimeError(f"The chronology's counts need triggers written for {vendor}")
    schema_editor.execute(COUNT_WHAT_IS_THERE.format(year=YEAR[vendor].format(date="sort_date")))
    for statement in POSTGRES if vendor == "postgresql" else SQLITE:
        schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    for statement in POSTGRES_DROP if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_password_reset_requests"),
        ("reviews", "0007_review_agencies"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChronologyTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("event_type", models.CharField(max_length=100)),
                ("year", models.IntegerField()),
                ("n", models.IntegerField()),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="accounts.agency"
                    ),
                ),
                (
                    "review",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="reviews.review"
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("review", "agency", "event_type", "year"), name="one_tally_per_cell"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
