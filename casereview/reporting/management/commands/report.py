"""`casereview report annual --partnership SLUG --year 2018-19 --format docx|pdf --output FILE`: the
partnership's yearly report, as its business manager (or --user) would download it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casereview.accounts.models import Membership, Partnership, Role, User
from casereview.reporting import annual, document, services
from casereview.reporting.models import AnnualReport


class Command(BaseCommand):
    help = "Build a report from casereview's records (today: the partnership's yearly report)."

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="kind", required=True, metavar="annual")
        yearly = kinds.add_parser("annual", help="The yearly report, April to March")
        yearly.add_argument("--partnership", required=True, help="The partnership's short name, e.g. southwark")
        yearly.add_argument("--year", required=True, help="April's year and the next, e.g. 2018-19")
        yearly.add_argument("--format", choices=["docx", "pdf"], required=True, dest="file_format")
        yearly.add_argument("--output", required=True, help="The file to write")
        yearly.add_argument("--user", help="Build it as this user sees it (default: the business manager)")

    def handle(self, *args, kind, partnership, year, file_format, output, user=None, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"No partnership is called {partnership!r}")
        try:
            year_starting = annual.parse_year(year)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        reader = self._reader(found, user)
        report = AnnualReport.objects.filter(partnership=found, year_starting=year_starting).first()
        if report is None:
            # Nothing entered for the year yet: the report still shows the live records, and says what is missing.
            report = AnnualReport(partnership=found, year_starting=year_starting)
        content = annual.annual_content(user=reader, report=report)
        doc = annual.annual_document(content)
        body = document.to_docx(doc) if file_format == "docx" else document.to_pdf(doc)
        Path(output).write_bytes(body)
        if report.pk and not report._state.adding:
            services.annual_report_export_recorded(actor=reader, report=report, file_format=file_format)
        self.stdout.write(f"Wrote {output} ({len(body):,} bytes): {doc.title}, {found.name}.")

    def _reader(self, partnership, username):
        if username:
            reader = User.objects.filter(username=username, is_active=True).first()
            if reader is None:
                raise CommandError(f"No active user is called {username!r}")
            if not Membership.objects.filter(user=reader, partnership=partnership, is_active=True).exists():
                raise CommandError(f"{username} is not a member of {partnership.name}")
            return reader
        membership = (
            Membership.objects.filter(partnership=partnership, role=Role.BUSINESS_MANAGER, is_active=True)
            .select_related("user")
            .first()
        )
        if membership is None:
            raise CommandError(f"{partnership.name} has no business manager: name a member with --user")
        return membership.user
