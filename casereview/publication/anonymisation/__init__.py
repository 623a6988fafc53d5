"""Anonymisation of review documents: plain Python, no web request.

detect(text, table=None) -> [Entity]                      what identifies someone, with offsets
anonymise(text, table=None) -> Anonymised                 text with consistent replacements
ReplacementTable                                           one per review: edit, add missed terms, allow
final_scan(text, KnownDetails(...)) -> [ScanHit]           the restricted record's details, however disguised
text_check_failures(...) -> [GateFailure]                  the publication gate's checks on the text
"""

from .detection import detect
from .entities import ENTITY_TYPES, Entity
from .final_scan import KnownDetails, ScanHit, final_scan
from .gate import GateFailure, text_check_failures
from .model import ModelUnavailable
from .replacement import Anonymised, Replaced, anonymise
from .table import ReplacementTable, TableEntry

__all__ = [
    "ENTITY_TYPES",
    "Anonymised",
    "Entity",
    "GateFailure",
    "KnownDetails",
    "ModelUnavailable",
    "Replaced",
    "ReplacementTable",
    "ScanHit",
    "TableEntry",
    "anonymise",
    "detect",
    "final_scan",
    "text_check_failures",
]
