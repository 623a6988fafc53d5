"""Documents made in the test: report-like PDFs (reportlab), Word files (python-docx), and the shared corpus."""

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"


@pytest.fixture
def corpus():
    folder = SHARED / "corpus"
    if not (folder / "gold").is_dir():
        pytest.skip(f"the shared corpus is not at {folder}")
    return folder


def gold(corpus, name):
    return json.loads((corpus / "gold" / f"{name}.json").read_text())
