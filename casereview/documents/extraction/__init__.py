"""Extraction of a case review's structure from a PDF, DOCX or text file: plain Python, no web request.

    extract_file(path) -> Extraction       read_document(path) -> SourceText
    extract_structure(source_text) -> Extraction
Every unreadable file raises ExtractionError with `problem` and `remedy`."""

from .errors import ExtractionError
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
    "read_document",
]
