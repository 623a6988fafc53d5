"""`casereview extract FILE... --format json|text`."""

import io
import json

import pytest
from django.core.management import call_command


def run_extract(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("extract", *args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, out.getvalue(), err.getvalue()


def test_json_for_several_files_is_an_array_in_argument_order(corpus):
    first, second = (
        corpus / "docs" / "003_southwark_response_child_r.txt",
        corpus / "pdf" / "001_worcestershire_cpb_2020.pdf",
    )

    status, out, _ = run_extract(str(first), str(second), "--format", "json")

    records = json.loads(out)
    assert status == 0
    assert [r["source"] for r in records] == [first.name, second.name]
    assert len(records[0]["learning_points"]) == 12 and len(records[1]["recommendations"]) == 2


def test_text_format_lists_items_in_order_with_their_place_and_the_count_note(corpus):
    status, out, _ = run_extract(str(corpus / "docs" / "003_southwark_response_child_r.txt"))

    assert status == 0
    assert "Learning points (12):" in out
    assert out.index("   1. Knowledge of a child’s") < out.index("  12. The power and lure")
    assert '"eighteen learning points" (18)' in out


def test_an_unreadable_file_is_reported_and_the_others_still_extracted(tmp_path, corpus):
    (tmp_path / "empty.pdf").write_bytes(b"")

    status, out, err = run_extract(
        str(tmp_path / "empty.pdf"), str(corpus / "docs" / "000_southwark_hwb_child_r.txt"), "--format", "json"
    )

    records = json.loads(out)
    assert status == 1
    assert "empty.pdf: The file is empty" in err
    assert records[0]["error"].startswith("The file is empty") and len(records[1]["learning_points"]) == 12


def test_a_missing_file_is_a_message_not_a_traceback(tmp_path):
    status, _, err = run_extract(str(tmp_path / "nope.pdf"))
    assert status == 1 and "No such file" in err


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_single_file_formats(fmt, corpus):
    status, out, _ = run_extract(str(corpus / "docs" / "002_tower_hamlets_gp_2007.txt"), "--format", fmt)
    assert status == 0
    if fmt == "json":
        assert json.loads(out)["child_pseudonyms"] == ["M", "E"]
    else:
        assert "Children: M, E" in out
