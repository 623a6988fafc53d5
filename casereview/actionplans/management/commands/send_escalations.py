from django.core.management.base import BaseCommand

from casereview.actionplans.escalations import send_escalations


class Command(BaseCommand):
    help = (
        "E-mail escalations of actions overdue beyond the partnership's limit or at risk in consecutive updates "
        "to the owner agency's executive member. For cron (e.g. each weekday at 07:00); safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--site-url", help="The address people open casereview at, for links in the e-mails")

    def handle(self, *args, site_url=None, **options):
        outcome = send_escalations(site_url=site_url)
        self.stdout.write(f"Escalations sent: {outcome.sent}; already sent earlier: {outcome.already_sent}.")
