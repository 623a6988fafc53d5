from django.core.management.base import BaseCommand, CommandError

from casereview.core.backup import BackupError, read_backup, restore


def _count(number, thing):
    return f"{number} {thing}" + ("" if number == 1 else "s")


class Command(BaseCommand):
    help = (
        "Restores a backup made by `casereview backup`: checks every checksum first, then replaces the whole "
        "database and puts back the uploaded files. Refuses a database that already holds accounts unless "
        "--force is given, and then asks for confirmation (--no-input skips the question)."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="SRC", help="a backup folder")
        parser.add_argument("--force", action="store_true", help="replace a database that already holds records")
        parser.add_argument("--no-input", action="store_false", dest="interactive", help="do not ask to confirm")

    def handle(self, *args, source, force, interactive, **options):
        try:
            plan = read_backup(source)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        made = plan.manifest["created_at"]
        if plan.replaces_records:
            if not force:
                accounts = _count(plan.people_now, "sign-in account")
                raise CommandError(
                    f"This database is in use: it holds {accounts} and their records. "
                    "Restoring replaces all of it: run again with --force if that is what you want."
                )
            if interactive:
                answer = input(
                    f"Everything in this database will be replaced by the backup made at {made}. "
                    "Type 'yes' to continue: "
                )
                if answer.strip().lower() != "yes":
                    raise CommandError("Restore cancelled: nothing was changed.")
        try:
            differences = restore(plan)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        if differences:
            listed = ", ".join(f"{label} {want} → {got}" for label, (want, got) in list(differences.items())[:10])
            raise CommandError(f"The restored database does not match the backup's row counts: {listed}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup made at {made}: {sum(plan.manifest['rows'].values())} rows and "
                f"{_count(len(plan.manifest['files']), 'uploaded file')}."
            )
        )
        self.stdout.write(
            "Next: `manage.py migrate` (if this code is newer than the backup) and `manage.py verify_audit`."
        )
