from django.db import migrations


def load_themes(apps, schema_editor):
    from casereview.core.themes import TAXONOMY

    Theme = apps.get_model("core", "Theme")
    position = 0
    for category, (_label, names) in TAXONOMY.items():
        for name in names:
            position += 1
            Theme.objects.update_or_create(name=name, defaults={"category": category, "position": position})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_themes")]
    operations = [migrations.RunPython(load_themes, migrations.RunPython.noop)]
