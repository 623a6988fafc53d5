from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from casereview.audit.models import SYSTEM_CHAIN
from casereview.audit.verification import unchained_count, verify_chains


class Command(BaseCommand):
    help = (
        "Checks that no audit event has been deleted or edited: each partnership's events are numbered and "
        "each carries the hash of the one before. Exits with an error naming every gap and edit found."
    )

    def handle(self, *args, **options):
        findings, checked = verify_chains()
        partnerships = apps.get_model("accounts", "Partnership")._base_manager
        names = {str(pk): name for pk, name in partnerships.values_list("pk", "name")}
        names[SYSTEM_CHAIN] = "Sign-ins and system changes"
        older = unchained_count()
        if older:
            self.stdout.write(f"{older} events were written before the chain began and cannot be checked.")
        if findings:
            for finding in findings:
                self.stderr.write(f"{names.get(finding.chain, finding.chain)}: {finding.message}")
            raise CommandError(f"The audit trail is not whole: {len(findings)} problem(s) in {checked} events.")
        self.stdout.write(self.style.SUCCESS(f"The audit trail is whole: {checked} events checked."))
