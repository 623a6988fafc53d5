from django.core.management.base import BaseCommand

from casereview.reporting.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = (
        "E-mail reminders of deadlines due soon or overdue. For cron (e.g. each weekday at 07:00); safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site-url", help="The address people open casereview at, for links in the e-mails")

    def handle(self, *args, site_url=None, **options):
        outcome = send_deadline_reminders(site_url=site_url)
        self.stdout.write(f"Reminders sent: {outcome.sent}; already sent earlier: {outcome.already_sent}.")
