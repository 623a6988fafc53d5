from django.core.management.base import BaseCommand

from casereview.notifications.services import send_digests


class Command(BaseCommand):
    help = "E-mail each person who chose a daily digest what was asked of them since the last one (safe to run twice)."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest e-mail{'s' if sent != 1 else ''} queued")
