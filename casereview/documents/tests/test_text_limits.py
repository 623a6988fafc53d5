"""A text file is held to the same bound on text as a PDF or a Word file."""

import dataclasses

import pytest
from django.core.management import CommandError, call_command

from casereview.documents.extraction import DEFAULT_LIMITS, ExtractionError, read_document

SMALL = dataclasses.replace(DEFAULT_LIMITS, max_text_characters=1000)


def test_a_text_file_over_the_text_limit_is_refused(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("The social worker visited. " * 100)
    with pytest.raises(ExtractionError) as refused:
        read_document(str(path), SMALL)
    assert "more than 1,000 characters of text" in refused.value.problem


def test_a_text_file_within_the_limit_is_read(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("The social worker visited.")
    assert read_document(str(path), SMALL).text.startswith("The social worker")


def test_the_anonymise_command_refuses_a_text_file_over_the_limit(tmp_path, monkeypatch):
    from casereview.publication.management.commands import anonymise

    monkeypatch.setattr(anonymise, "DEFAULT_LIMITS", SMALL)
    path = tmp_path / "huge.txt"
    path.write_text("Mary Jones visited. " * 1000)
    with pytest.raises(CommandError, match="characters of text"):
        call_command("anonymise", str(path))
