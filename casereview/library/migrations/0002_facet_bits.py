"""The filters' values packed on each entry (search.refresh_facets), filled in for the entries there are, and
the narrow index SQLite checks a search's matches in."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from casereview.library.search import refresh_facets

    # refresh_facets reads only fields this migration's state has (themes, sectors, source, kind, age
    # group, year); the national collection can be large, so it works through keys in chunks
    Entry = apps.get_model("library", "Entry")
    refresh_facets(Entry.objects.values_list("pk", flat=True))


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="facet_code",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.AddField(
            model_name="entry",
            name="theme_bits",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                fields=[
                    "id",
                    "partnership",
                    "is_published",
                    "is_confidential",
                    "review",
                    "theme_bits",
                    "facet_code",
                    "review_type",
                ],
                name="library_entry_search_cover",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
