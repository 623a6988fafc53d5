"""The PDF reader's own process (started by pdf.py): it loads PDFium (pypdfium2) once, then for each request
forks a child that takes the kernel limits and reads one PDF, page by page, laid out from the positions of
its text. Forking a process that has PDFium loaded costs a millisecond; starting an interpreter and loading
PDFium costs ~80 ms, several times what reading a report takes.

PDFium gives each line of a text run as a rectangle; those rectangles are enough to lay a page out the way
a reader reads it, and asking for them costs a few calls a line where a box per character costs one a
character. On each page: a gutter that no body line crosses splits the page into columns, read one after
the other (a title or footer across the gutter ends one band of columns and starts the next); lines are
rebuilt from rectangles that share a baseline; a gap larger than the usual line spacing becomes a blank
line, which is what tells a paragraph or list item from the next."""

import json
import os
import re
import select
import signal
import statistics
import sys
import time

import pypdfium2 as pdfium

from casereview.documents.extraction.limits import MB, Limits, apply_kernel_limits

# From one line's top to the next, more than this many times the column's usual text height is a
# paragraph break (lines of one paragraph are 1.1-1.3 text heights apart).
PARAGRAPH_GAP = 1.65
# A gutter: a vertical strip at least this wide (points) that no column line crosses.
MIN_GUTTER = 7.0
# Text columns: at least this many lines on each side (the last column of a brief may hold a few), each
# side's lines this share of the text width, and this many lines in all.
MIN_COLUMN_LINES = 2
MIN_LINES_FOR_COLUMNS = 8
MIN_COLUMN_SHARE = 0.28
# A line wider than this share of the text area spans the columns (a title, a running header); a gutter
# may be crossed by this share of the narrower lines (a title or caption that overhangs it).
SPANNING_SHARE = 0.62
CROSSING_SHARE = 0.04
# Running headers, footers and page numbers sit in this share of the page height at its top or bottom.
MARGIN_SHARE = 0.06


class TooManyPages(Exception):
    pass


def read_pages(path, max_pages):
    """[page text, …] for the first `max_pages` pages; TooManyPages past that; PdfiumError if unreadable."""
    document = pdfium.PdfDocument(path)
    try:
        if len(document) > max_pages:
            raise TooManyPages(len(document))
        return [_page_text(document, index) for index in range(len(document))]
    finally:
        document.close()


def _page_text(document, index):
    page = document[index]
    height = page.get_height()
    try:
        textpage = page.get_textpage()
        try:
            rects = _text_rects(textpage)
        finally:
            textpage.close()
    finally:
        page.close()
    return lay_out(rects, height)


def _text_rects(textpage):
    """(left, bottom, right, top, text) for every run of text on the page, blank ones dropped.

    PDFium's text comes in lines (CR LF between them); a line is asked for its rectangles, and only a line
    with more than one (two columns or table cells on one baseline) is asked for each rectangle's text:
    a bounded text query scans the whole page, so one per line would cost more than the page."""
    text = textpage.get_text_range()
    rects, start = [], 0
    # PDFium ends a line with CR LF, or, where a word is hyphenated over the break, with U+FFFE alone.
    for match in re.finditer(r"[^\r\n\ufffe]*(?:\r\n|\ufffe|$)", text):
        line = match.group()
        if not line:
            break
        if line.strip():
            count = len(line.rstrip("\r\n"))
            found = [textpage.get_rect(k) for k in range(textpage.count_rects(start, count))]
            if len(found) == 1:
                rects.append((*found[0], _clean(line)))
            else:
                for box in found:
                    words = _clean(textpage.get_text_bounded(*box))
                    if words:
                        rects.append((*box, words))
        start = match.end()
    return rects


def _clean(text):
    """One line's text; the hyphen PDFium found at a line break becomes a soft hyphen, which the repair
    removes when it rejoins the word."""
    text = text.replace("\ufffe", "\u00ad").replace("\x02", "\u00ad")
    return " ".join(text.split())


def lay_out(rects, page_height=0.0):
    """The page's text: what sits in the top and bottom margins (running headers, footers, page numbers)
    first and last on their own, columns one after the other, paragraphs separated by a blank line."""
    if not rects:
        return ""
    top_zone, bottom_zone = page_height * (1 - MARGIN_SHARE), page_height * MARGIN_SHARE
    header = [r for r in rects if page_height and r[1] >= top_zone]
    footer = [r for r in rects if page_height and r[3] <= bottom_zone]
    body = [r for r in rects if not (page_height and (r[1] >= top_zone or r[3] <= bottom_zone))]
    height = statistics.median(r[3] - r[1] for r in rects)  # the page's usual text height
    lines = []
    for band in [header, *(_bands(body) if body else []), footer]:
        if band:
            if lines:
                lines.append("")
            lines.extend(_column_lines(band, height))
    return "\n".join(lines)


def _bands(rects):
    """Rects in reading order, as bands: a band is lines across the page, or one column of a run of columns."""
    left_edge = min(r[0] for r in rects)
    right_edge = max(r[2] for r in rects)
    width = max(right_edge - left_edge, 1.0)
    gutter = _gutter(rects, left_edge, width)
    if gutter is None:
        return [rects]
    start, end = gutter
    bands, spanning, left, right = [], [], [], []
    for rect in sorted(rects, key=lambda r: -r[3]):
        if rect[0] < start and rect[2] > end:
            bands.extend(column for column in (left, right) if column)
            left, right = [], []
            spanning.append(rect)
        else:
            if spanning:
                bands.append(spanning)
                spanning = []
            (left if rect[2] <= end else right).append(rect)
    bands.extend(column for column in (spanning, left, right) if column)
    return bands


def _gutter(rects, left_edge, width):
    """(start, end) of the widest vertical strip in the middle of the text area that (nearly) no line
    crosses, if it parts two columns of text lines; None for a page in one column or a table (whose
    cells are short)."""
    narrow = [r for r in rects if r[2] - r[0] < SPANNING_SHARE * width]
    if len(narrow) < MIN_LINES_FOR_COLUMNS:
        return None
    # How many lines cross each point of the page's width (a difference array: one pass over the lines).
    bins = int(width) + 2
    crossing = [0] * (bins + 1)
    for r in narrow:
        crossing[max(0, int(r[0] - left_edge))] += 1
        crossing[min(bins, int(r[2] - left_edge) + 1)] -= 1
    allowed = max(1, int(CROSSING_SHARE * len(narrow)))
    best, run_start, depth = None, None, 0
    low, high = int(0.25 * width), int(0.75 * width)
    for x in range(bins):
        depth += crossing[x]
        clear = low <= x <= high and depth <= allowed
        if clear and run_start is None:
            run_start = x
        if run_start is not None and (not clear or x == high):
            if x - run_start >= MIN_GUTTER and (best is None or x - run_start > best[1] - best[0]):
                best = (run_start, x)
            run_start = None
    if best is None:
        return None
    start, end = left_edge + best[0], left_edge + best[1]
    left = [r[2] - r[0] for r in narrow if r[2] <= end]
    right = [r[2] - r[0] for r in narrow if r[0] >= start]
    for side in (left, right):
        if len(side) < MIN_COLUMN_LINES or statistics.median(side) < MIN_COLUMN_SHARE * width:
            return None
    return start, end


def _column_lines(rects, height):
    """Text lines of one column, top to bottom, with a blank line at each paragraph break."""
    rows = []  # [top, bottom, [rects]]
    for rect in sorted(rects, key=lambda r: (-r[3], r[0])):
        middle = (rect[1] + rect[3]) / 2
        if rows and rows[-1][1] <= middle <= rows[-1][0]:
            rows[-1][2].append(rect)
            rows[-1][1] = min(rows[-1][1], rect[1])
        else:
            rows.append([rect[3], rect[1], [rect]])
    tops = [row[0] for row in rows]
    lines = []
    for n, (top, _bottom, members) in enumerate(rows):
        if n and tops[n - 1] - top > PARAGRAPH_GAP * height:
            lines.append("")
        lines.append(" ".join(r[4] for r in sorted(members, key=lambda r: r[0])))
    return lines


def read_limited(request):
    """Fork, read the PDF in the child under the request's limits, and say what happened."""
    limits = Limits(**request["limits"])
    receive, send = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(receive)
        _child(send, request["path"], limits)
    os.close(send)
    chunks, size, deadline = [], 0, time.monotonic() + limits.seconds
    overran = None
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([receive], [], [], remaining)[0]:
                overran = f"took longer than {limits.seconds} s"
                break
            chunk = os.read(receive, 1 << 16)
            if not chunk:
                break
            size += len(chunk)
            if size > limits.max_text_bytes:
                overran = f"gave more than {limits.max_text_bytes // MB} MB of text"
                break
            chunks.append(chunk)
    finally:
        os.close(receive)
        if overran:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if overran:
        return {"outcome": "limit", "detail": overran}
    if os.WIFSIGNALED(status):
        return {"outcome": "limit", "detail": f"was stopped by signal {os.WTERMSIG(status)}"}
    if not chunks:
        return {"outcome": "error", "code": None, "detail": "the reader stopped without an answer"}
    return json.loads(b"".join(chunks))


def _child(send, path, limits):
    """Never returns: the forked child writes its answer to `send` and exits."""
    try:
        apply_kernel_limits(limits)
        try:
            answer = {"outcome": "pages", "pages": read_pages(path, limits.max_pages)}
        except TooManyPages:
            answer = {"outcome": "too_many_pages"}
        except pdfium.PdfiumError as exc:
            answer = {"outcome": "error", "code": getattr(exc, "err_code", None), "detail": str(exc)}
        except MemoryError:
            answer = {"outcome": "limit", "detail": f"needed more than {limits.memory_bytes // MB} MB of memory"}
        data = json.dumps(answer).encode()
        view = memoryview(data)
        while view:
            view = view[os.write(send, view) :]
    finally:
        os._exit(0)


def serve(requests, replies):
    """One JSON request a line in, one JSON answer a line out, until the requests end."""
    for line in requests:
        try:
            answer = read_limited(json.loads(line))
        except Exception as exc:  # the server must outlive anything one request does
            answer = {"outcome": "error", "code": None, "detail": f"{type(exc).__name__}: {exc}"}
        replies.write(json.dumps(answer) + "\n")
        replies.flush()


if __name__ == "__main__":
    serve(sys.stdin, sys.stdout)
