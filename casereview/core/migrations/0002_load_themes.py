from django.db import migrations


def load_themes(apps, schema_editor):
    from casereview.core.themes import ensure_themes

    ensure_themes(apps.get_model("core", "Theme"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_themes")]
    operations = [migrations.RunPython(load_themes, migrations.RunPython.noop)]
