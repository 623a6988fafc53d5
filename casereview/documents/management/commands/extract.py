"""`casereview extract FILE... [--format json|text]`: print what the extractor finds in each file.

Nothing is saved. A file that cannot be read gets its message on stderr (and `{"source", "error"}` in the
JSON array, so positions still match the arguments); the command then exits with status 1."""

import json

from django.core.management.base import BaseCommand

from casereview.documents.extraction import ExtractionError, extract_file
from casereview.documents.extraction.formatting import as_text


class Command(BaseCommand):
    help = "Extract the structure (learning points, recommendations, …) of reviews and committee papers."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="PDF, DOCX or TXT files")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, files, format, **options):
        results, failed = [], False
        for path in files:
            try:
                results.append(extract_file(path))
            except (ExtractionError, OSError) as exc:
                failed = True
                self.stderr.write(f"{path}: {exc}")
                results.append({"source": path, "error": str(exc)})
        self.stdout.write(self._render(results, format))
        if failed:
            raise SystemExit(1)

    @staticmethod
    def _render(results, format):
        if format == "json":
            objects = [r if isinstance(r, dict) else r.as_gold_dict() for r in results]
            return json.dumps(objects[0] if len(objects) == 1 else objects, indent=2, ensure_ascii=False)
        return "\n\n".join(as_text(r) for r in results if not isinstance(r, dict))
