"""Undo what PDF text extraction breaks: running headers and footers, page numbers, words hyphenated at
line ends, and sentences wrapped over several lines."""

import re
from collections import Counter

from .markers import TERMINAL_PUNCTUATION, is_all_caps, is_heading_text, is_numbered_section_title, match_marker
from .source_text import clean_characters

PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
# Typesetters mark the hyphens they add (U+2010, soft hyphen); those go. A plain "-" at a line end is
# usually part of a compound ("looked-after"), so it stays unless the document spells the word unbroken.
ADDED_HYPHENS = "\u2010\u00ad\x02"  # PDFium reports a hyphen it finds at a line break as U+0002
EDGE_LINES = 3  # how many lines at the top and bottom of a page may be a running header or footer


def repair_pages(raw_pages):
    pages = [[line.strip() for line in clean_characters(page).split("\n")] for page in raw_pages]
    running = _running_lines(pages)
    pages = [_drop_running_lines(lines, running) for lines in pages]
    vocabulary = _words(pages)
    return [_join_wrapped_lines(lines, vocabulary) for lines in pages]


def _edge_keys(lines):
    text_lines = [line for line in lines if line]
    edges = text_lines[:EDGE_LINES] + text_lines[-EDGE_LINES:]
    return {_running_key(line) for line in edges}


def _running_key(line):
    return re.sub(r"\d+", "#", line.lower())


def _running_lines(pages):
    """Lines at the top or bottom of at least half the pages (page numbers digit-blind)."""
    if len(pages) < 2:
        return set()
    counts = Counter(key for lines in pages for key in _edge_keys(lines))
    threshold = max(2, (len(pages) + 1) // 2)
    return {key for key, count in counts.items() if count >= threshold}


def _drop_running_lines(lines, running):
    text_positions = [i for i, line in enumerate(lines) if line]
    edge = set(text_positions[:EDGE_LINES] + text_positions[-EDGE_LINES:])
    seen, kept = set(), []
    for i, line in enumerate(lines):
        if i in edge:
            key = _running_key(line)
            if PAGE_NUMBER.match(line) or (key in running and key not in seen):
                seen.add(key)
                continue
        kept.append(line)
    return _trim_blank_edges(kept)


def _trim_blank_edges(lines):
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _words(pages):
    return set(re.findall(r"[a-z]+", "\n".join("\n".join(lines) for lines in pages).lower()))


def _join_wrapped_lines(lines, vocabulary):
    out, out_markers = [], []  # a joined line keeps the marker of its first line
    for line in lines:
        marker = match_marker(line) if line else None
        if out and out[-1] and line and _is_hyphen_break(out[-1], line):
            out[-1] = _dehyphenate(out[-1], line, vocabulary)
        elif out and out[-1] and line and _continues_line(out[-1], out_markers[-1], line, marker):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
            out_markers.append(marker)
    return "\n".join(out)


def _is_hyphen_break(previous, line):
    return len(previous) > 1 and previous[-1] in ADDED_HYPHENS + "-" and previous[-2].isalpha() and line[0].isalpha()


def _dehyphenate(previous, line, vocabulary):
    head = re.search(r"[A-Za-z]+$", previous[:-1])
    tail = re.match(r"[A-Za-z]+", line)
    keep_hyphen = previous[-1] == "-"
    if keep_hyphen and head and tail and (head[0] + tail[0]).lower() in vocabulary:
        keep_hyphen = False
    return (previous if keep_hyphen else previous[:-1]) + line


def _is_dash_inside_sentence(marker, previous, previous_marker):
    """'– especially when…' wrapped to a line start is punctuation, not a bullet."""
    in_bullet_list = previous_marker is not None and previous_marker.is_bullet
    return marker.is_dash and not in_bullet_list and previous[-1] not in TERMINAL_PUNCTUATION + ":;"


# Words a wrapped sentence stops on before a dash that carries it on ("… known to the - police -").
RUNS_ON_WORDS = frozenset("the a an of to and or in for with by on at from as that which who is are was were".split())


def _bullet_under_heading(marker, previous, previous_marker, line):
    """'- The model produces …' under a heading line ('Key messages'): the first of its bullets, not a dash
    wrapped from a sentence, when the heading does not stop on a word that runs on."""
    body = line[marker.body_offset :].lstrip()
    return (
        previous_marker is None
        and is_heading_text(previous)
        and previous.split()[-1].lower() not in RUNS_ON_WORDS
        and body[:1].isupper()
    )


def _continues_line(previous, previous_marker, line, marker):
    """Is `line` the rest of `previous`'s sentence (a wrap), rather than a new paragraph, item or heading?"""
    if marker:
        return _is_dash_inside_sentence(marker, previous, previous_marker) and not _bullet_under_heading(
            marker, previous, previous_marker, line
        )
    if previous_marker and not previous[previous_marker.body_offset :].strip():
        return True  # "7." alone on its line: the item's text follows
    if is_numbered_section_title(previous, previous_marker, line):
        return False  # "1. Background" over its section's text
    if line[0].islower():
        return True
    if previous.endswith(":") or (is_heading_text(previous) and not previous_marker) or is_all_caps(previous):
        return False
    return previous[-1] not in TERMINAL_PUNCTUATION
