"""Walkthrough 9, finding 16 (helper uifix9a): free text has a limit with a GOV.UK error, and long words
break inside their column instead of widening the page."""

from pathlib import Path

from django import forms

from casereview.core.forms import TEXT_MAX_CHARACTERS, GovukFormMixin


class NotesForm(GovukFormMixin, forms.Form):
    notes = forms.CharField(widget=forms.Textarea, label="Notes")
    short = forms.CharField(widget=forms.Textarea, max_length=50, label="Short")


def test_a_text_box_with_no_limit_of_its_own_takes_the_default_and_says_so_beside_it():
    form = NotesForm({"notes": "x" * (TEXT_MAX_CHARACTERS + 1), "short": "ok"})
    assert not form.is_valid()
    assert form.errors["notes"] == [
        f"Notes must be {TEXT_MAX_CHARACTERS:,} characters or fewer. It is {TEXT_MAX_CHARACTERS + 1:,} characters "
        "now. Shorten it and send it again."
    ]
    assert NotesForm({"notes": "x" * TEXT_MAX_CHARACTERS, "short": "ok"}).is_valid()
    # a form's own limit stands, and the box does not cut what is pasted short without a word
    assert NotesForm().fields["short"].max_length == 50
    assert "maxlength" not in str(NotesForm()["notes"])


def test_long_words_wrap_in_tables_summary_lists_and_text():
    css = (Path(__file__).parents[1] / "static" / "casereview" / "casereview.css").read_text(encoding="utf-8")
    assert ".govuk-table__cell,.govuk-table__header,.govuk-summary-list__key,.govuk-summary-list__value" in css
    assert "overflow-wrap:anywhere" in css
