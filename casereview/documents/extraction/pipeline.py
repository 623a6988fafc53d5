"""From a file to an Extraction: check it, read its text (in a limited child process for PDF and DOCX),
then find its structure."""

import os

from . import metadata, other_work
from .blocks import split_blocks
from .checks import count_notes, nothing_found_note
from .docx import read_docx
from .items import LEARNING, RECOMMENDATIONS, find_items
from .limits import DEFAULT_LIMITS
from .lists import build_runs
from .markers import join_lone_bullets
from .pdf import read_pdf
from .result import Extraction
from .reviews import entry_pseudonyms, find_review_entries
from .sniff import check_size, sniff_kind
from .source_text import SourceText
from .txt import check_text_length, read_txt

READERS = {"pdf": read_pdf, "docx": read_docx, "txt": read_txt}


def read_document(path, limits=DEFAULT_LIMITS):
    """The document's SourceText; raises ExtractionError saying what is wrong and what to do."""
    check_size(path, limits)
    source = READERS[sniff_kind(path)](path, limits)
    check_text_length(source.text, limits)
    return source


def extract_file(path, limits=DEFAULT_LIMITS):
    return extract_structure(read_document(path, limits), source=os.path.basename(path))


def extract_structure(doc, source=""):
    text = doc.text
    layout = join_lone_bullets(text)  # the same length: items' offsets point into `text` as well
    laid_out = doc if layout == text else SourceText(layout, doc.page_starts)
    blocks = split_blocks(layout)
    found = find_items(blocks, build_runs(blocks, layout), laid_out)
    entries = find_review_entries(text, found[LEARNING], found[RECOMMENDATIONS])
    # the child whose death led to an inspection is that case's, not the inspection's
    pseudonyms = [] if other_work.about_an_inspection(text) else metadata.find_child_pseudonyms(text)
    pseudonyms += [name for name in entry_pseudonyms(entries) if name not in pseudonyms]
    doc_type = metadata.guess_doc_type(text, entries, pseudonyms, found)
    dates = metadata.find_dates(text)
    return Extraction(
        source=source,
        doc_type=doc_type,
        review_type=metadata.guess_review_type(text, doc_type, entries, dates, pseudonyms),
        child_pseudonyms=pseudonyms,
        partnership=metadata.find_partnership(text),
        dates=dates,
        agencies_involved=metadata.find_agencies(text),
        themes=metadata.find_themes(text),
        methodology=metadata.find_methodology(text),
        learning_points=found[LEARNING],
        recommendations=found[RECOMMENDATIONS],
        reviews=entries,
        notes=count_notes(text, found) + nothing_found_note(found),
        pages=doc.page_count,
    )
