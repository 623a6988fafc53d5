"""What the tests of kinds of document share: extract a text written in the test (indented as the test
writes it) and read the parts a test compares."""

import textwrap

from casereview.documents.extraction import SourceText, extract_structure


def extract(text):
    return extract_structure(SourceText(textwrap.dedent(text)))


def texts(items):
    return [item.text for item in items]


def review_type(text):
    return extract(text).review_type
