"""Extraction of a case review's structure from a PDF, DOCX or text file: plain Python, no web request.

    extract_file(path) -> Extraction       read_document(path) -> SourceText
    extract_structure(source_text) -> Extraction
    parse_stated_date("early spring 2014") -> date(2014, 3, 1)
    is_request_to_meeting("Note the report at appendix 1.") -> True
Every unreadable file raises ExtractionError with `problem` and `remedy`."""

from .dates import parse_stated_date
from .errors import ExtractionError
from .items import is_request_to_meeting
from .limits import DEFAULT_LIMITS, Limits
from .pipeline import extract_file, extract_structure, read_document
from .result import Extraction, Item
from .source_text import SourceText

__all__ = [
    "DEFAULT_LIMITS",
    "Extraction",
    "ExtractionError",
    "Item",
    "Limits",
    "SourceText",
    "extract_file",
    "extract_structure",
    "is_request_to_meeting",
    "parse_stated_date",
    "read_document",
]
