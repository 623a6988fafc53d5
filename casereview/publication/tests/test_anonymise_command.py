"""`casereview anonymise FILE [--table TABLE.json] --format json|text`."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casereview.publication.anonymisation import ENTITY_TYPES
from casereview.testing import make_pdf

TEXT = (
    "On 14 March 2014 Kerry\u00a0Adams, the social worker, visited Jade Smith at 23 Albany Road, SE5 7QJ.\r\n"
    "Jade told Ms Adams she was frightened.\r\n"
)


def run(*args):
    out = StringIO()
    call_command("anonymise", *args, stdout=out)
    return out.getvalue()


def test_json_has_the_issues_shape_with_offsets_into_the_original_file(tmp_path):
    source = tmp_path / "report.txt"
    source.write_bytes(TEXT.encode("utf-8"))
    result = json.loads(run(str(source), "--format", "json"))
    assert set(result) == {"text", "entities", "table"}
    assert result["entities"], "something must be found"
    for entity in result["entities"]:
        assert set(entity) == {"start", "end", "type", "text", "replacement"}
        assert entity["type"] in ENTITY_TYPES
        assert TEXT[entity["start"] : entity["end"]] == entity["text"]  # NBSP and CRLF kept: offsets match
    assert {"Kerry\u00a0Adams", "Jade Smith", "23 Albany Road, SE5 7QJ"} <= set(result["table"])
    assert "Kerry" not in result["text"] and "Jade" not in result["text"]


def test_a_table_file_gives_the_child_the_reviews_pseudonym_and_keeps_allowed_terms(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    table = tmp_path / "table.json"
    table.write_text(
        json.dumps({"Jade Smith": "Child R", "allowed": [{"term": "23 Albany Road, SE5 7QJ", "by": "alice"}]})
    )
    text = run(str(source), "--table", str(table), "--format", "text")
    assert "Child R" in text and "Jade" not in text
    assert "23 Albany Road, SE5 7QJ" in text


def test_the_printed_table_keeps_pseudonyms_for_the_next_document(tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(TEXT, encoding="utf-8")
    second.write_text("A later note says that Kerry Adams closed the case.\n", encoding="utf-8")
    table = tmp_path / "table.json"
    table.write_text(json.dumps(json.loads(run(str(first)))["table"]))
    pseudonym = json.loads(table.read_text())["Kerry\u00a0Adams"]
    assert pseudonym in run(str(second), "--table", str(table), "--format", "text")


def test_pdf_input_goes_through_the_extractor(tmp_path):
    pdf = make_pdf(tmp_path / "report.pdf", [["On 14 March 2014 Kerry Adams visited 23 Albany Road, SE5 7QJ."]])
    result = json.loads(run(str(pdf)))
    assert "SE5 7QJ" not in result["text"] and "Albany Road" not in result["text"]


def test_unreadable_input_and_bad_tables_get_a_message(tmp_path):
    with pytest.raises(CommandError, match="missing.txt"):
        run(str(tmp_path / "missing.txt"))
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('["not", "a", "table"]')
    with pytest.raises(CommandError, match="not a usable replacement table"):
        run(str(source), "--table", str(bad))
