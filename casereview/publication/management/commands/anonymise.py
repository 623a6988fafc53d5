"""`casereview anonymise FILE [--table TABLE.json] [--format json|text]`: detect and replace what identifies
someone in one report. JSON: {"text", "entities": [{"start", "end", "type", "text", "replacement"}],
"table": {original: replacement}} with offsets into the document's text (for PDF and DOCX, the text the
extractor reads). The printed table can be given back with --table for the review's next document."""

import json
import os

from django.core.management.base import BaseCommand, CommandError

from casereview.documents.extraction import DEFAULT_LIMITS, ExtractionError, read_document
from casereview.documents.extraction.sniff import check_size, sniff_kind
from casereview.documents.extraction.txt import check_text_length, decode_text, too_much_text
from casereview.publication.anonymisation import ModelUnavailable, ReplacementTable, anonymise


class Command(BaseCommand):
    help = "Anonymise a review document: replace names, addresses, dates and other identifying details."

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="PDF, DOCX or TXT file")
        parser.add_argument("--table", metavar="TABLE.json", help="the review's replacement table")
        parser.add_argument("--format", choices=("json", "text"), default="json")

    def handle(self, *args, file, table, format, **options):
        try:
            text = read_text(file)
        except (ExtractionError, OSError) as exc:
            raise CommandError(f"{file}: {exc}") from exc
        try:
            replacement_table = ReplacementTable.load(table) if table else ReplacementTable()
        except (OSError, ValueError, TypeError, KeyError) as exc:
            raise CommandError(f"{table}: not a usable replacement table ({exc})") from exc
        try:
            result = anonymise(text, replacement_table)
        except ModelUnavailable as exc:
            raise CommandError(str(exc)) from exc
        if format == "text":
            self.stdout.write(result.text, ending="" if result.text.endswith("\n") else "\n")
            return
        output = {
            "text": result.text,
            "entities": [r.as_dict() for r in result.replaced],
            "table": replacement_table.as_mapping(),
        }
        self.stdout.write(json.dumps(output, indent=2, ensure_ascii=False))


def read_text(path):
    """A text file exactly as written (UTF-8, else Windows-1252), so offsets point into the file itself;
    PDF and Word through the extractor, whose text is what the offsets then point into."""
    check_size(path, DEFAULT_LIMITS)
    if sniff_kind(path) != "txt":
        return read_document(path).text
    # the same bound on text as a PDF or Word file
    if os.path.getsize(path) > 4 * DEFAULT_LIMITS.max_text_characters:
        raise too_much_text(DEFAULT_LIMITS)
    text = decode_text(path)
    check_text_length(text, DEFAULT_LIMITS)
    return text
