"""Run as a child process by docx.py: prints {"pages": [text, …]} for one .docx.

Paragraphs are separated by blank lines, numbered and bulleted paragraphs get their marker back ("3.",
"(b)", "•") from numbering.xml, and a table row becomes one line with its cells separated by tabs."""

import json
import sys

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

FORMATS = {
    "decimal": str,
    "lowerLetter": lambda n: chr(96 + (n - 1) % 26 + 1),
    "upperLetter": lambda n: chr(64 + (n - 1) % 26 + 1),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def _roman(n):
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, numeral in numerals:
        while n >= value:
            out, n = out + numeral, n - value
    return out


class Numbering:
    """Counts list paragraphs the way Word does, so "3." comes back as the third item's marker."""

    def __init__(self, document):
        self.levels = self._levels(document)
        self.counters = {}

    @staticmethod
    def _levels(document):
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return {}
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                start = lvl.find(qn("w:start"))
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "%1.",
                    int(start.get(qn("w:val"))) if start is not None else 1,
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        return {
            num.get(qn("w:numId")): abstract.get(num.find(qn("w:abstractNumId")).get(qn("w:val")), {})
            for num in root.findall(qn("w:num"))
        }

    def marker(self, paragraph):
        num_id, level = self._num_pr(paragraph)
        if num_id is None or num_id not in self.levels or level not in self.levels[num_id]:
            return ""
        counts = self.counters.setdefault(num_id, {})
        fmt, template, start = self.levels[num_id][level]
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if fmt == "bullet":
            return "•"
        out = template
        for lvl in range(level + 1):
            lvl_fmt, _, lvl_start = self.levels[num_id].get(lvl, ("decimal", "", 1))
            out = out.replace(f"%{lvl + 1}", FORMATS.get(lvl_fmt, str)(counts.get(lvl, lvl_start)))
        return out

    @staticmethod
    def _num_pr(paragraph):
        for source in (paragraph._p.pPr, getattr(paragraph.style.element, "pPr", None)):
            num_pr = source.find(qn("w:numPr")) if source is not None else None
            if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
                ilvl = num_pr.find(qn("w:ilvl"))
                return num_pr.find(qn("w:numId")).get(qn("w:val")), int(
                    ilvl.get(qn("w:val"))
                ) if ilvl is not None else 0
        return None, 0


def document_pages(document):
    numbering = Numbering(document)
    pages, current = [], []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            marker = numbering.marker(paragraph)
            text = paragraph.text.strip()
            if text:
                current.append(f"{marker} {text}" if marker else text)
            if child.xpath('.//w:br[@w:type="page"]'):
                pages.append("\n\n".join(current))
                current = []
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            current.extend("\t".join(cell.text.strip() for cell in row.cells) for row in table.rows)
    pages.append("\n\n".join(current))
    return pages


def main(path):
    print(json.dumps({"pages": document_pages(Document(path))}))


if __name__ == "__main__":
    main(sys.argv[1])
