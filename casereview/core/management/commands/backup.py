from django.core.management.base import BaseCommand, CommandError

from casereview.core.backup import BackupError, backup, settings_note


class Command(BaseCommand):
    help = (
        "Backs up the database (SQLite's online backup, or pg_dump for PostgreSQL) and every uploaded file "
        "into a new folder DEST, with a manifest of checksums. Safe while the service runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", metavar="DEST", help="a folder that does not exist yet")

    def handle(self, *args, destination, **options):
        try:
            manifest = backup(destination)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        files = manifest["files"]
        count = f"{len(files)} uploaded file" + ("" if len(files) == 1 else "s")
        size = sum(f["size"] for f in files) + manifest["database"]["size"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the {manifest['database']['vendor']} database ({sum(manifest['rows'].values())} rows) "
                f"and {count} to {destination} ({size / 1024 / 1024:.1f} MB)."
            )
        )
        self.stdout.write(settings_note())
