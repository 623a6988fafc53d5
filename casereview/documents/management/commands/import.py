"""`casereview import DIR --partnership SLUG --user USERNAME`: read every PDF, Word and text file in a
folder into draft documents, each waiting for a person to check its items on the documents page."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casereview.accounts.models import Partnership, User
from casereview.documents.extraction.sniff import DOCUMENT_KINDS
from casereview.documents.models import DocumentStatus
from casereview.documents.services import MAX_FILES_PER_BATCH, batch_extract, documents_upload


class Command(BaseCommand):
    help = "Import a folder of published reviews and papers as draft documents for checking."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--partnership", required=True, help="The partnership's short name, e.g. southwark")
        parser.add_argument("--user", required=True, help="The username recorded as having imported them")

    def handle(self, folder, partnership, user, **options):
        path = Path(folder)
        if not path.is_dir():
            raise CommandError(f"{folder} is not a folder")
        owner = Partnership.objects.filter(slug=partnership).first()
        if owner is None:
            raise CommandError(
                f"No partnership called {partnership!r}. Known: "
                f"{', '.join(Partnership.objects.values_list('slug', flat=True))}"
            )
        actor = User.objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"No active user called {user!r}")
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower().lstrip(".") in DOCUMENT_KINDS)
        if not files:
            raise CommandError(f"{folder} has no .pdf, .docx or .txt files")
        read = failed = 0
        for start in range(0, len(files), MAX_FILES_PER_BATCH):
            chunk = files[start : start + MAX_FILES_PER_BATCH]
            batch = documents_upload(
                actor=actor, partnership=owner, files=[(f.name, f.read_bytes()) for f in chunk], queue=False
            )
            batch_extract(batch.pk)
            for document in batch.documents.order_by("created"):
                if document.status == DocumentStatus.READY:
                    read += 1
                    self.stdout.write(f"{document.file_name}: {document.items.count()} items to check")
                else:
                    failed += 1
                    self.stderr.write(f"{document.file_name}: {document.problem}")
        self.stdout.write(f"{read} documents ready to check on the documents page; {failed} could not be read.")
