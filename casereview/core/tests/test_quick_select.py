"""The select every GOV.UK form uses is written in Python, and must write what Django's templates write."""

import pytest
from django import forms

from casereview.core.forms import GovukFormMixin, QuickSelect


def both(choices, value, attrs=None):
    return (
        forms.Select(attrs=attrs, choices=choices).render("review", value),
        QuickSelect(attrs=attrs, choices=choices).render("review", value),
    )


@pytest.mark.parametrize(
    "choices, value, attrs",
    [
        ([("", "All reviews"), ("1", "Child R"), ("2", "Child S")], "2", {"class": "govuk-select", "id": "id_review"}),
        ([("", "Any month"), ("2025-01", "January 2025")], None, {"aria-describedby": "x_helptext x_error"}),
        ([("a", 'Tom & Jerry <script>"'), ("b", "O'Brien")], "a", {"required": True, "disabled": False}),
        ([("Police", [("p1", "Met"), ("p2", "City")]), ("Health", [("h1", "Trust")]), ("x", "Other")], "h1", None),
        ([(1, "One"), (2, "Two")], 2, {"data-x": 3}),
        ([(None, "Nothing"), ("", [("a", "A")]), ("b", "B")], "a", None),
        ([("a", "A"), ("a", "A again")], "a", None),  # only the first match is selected
    ],
)
def test_it_writes_the_html_djangos_select_writes(choices, value, attrs):
    django_html, ours = both(choices, value, attrs)
    assert ours == django_html


class Filter(GovukFormMixin, forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), ("open", "Open")], required=False)
    many = forms.MultipleChoiceField(choices=[("a", "A")], required=False)


def test_govuk_forms_use_it_for_plain_selects_only():
    form = Filter({"status": "open"})
    assert type(form.fields["status"].widget) is QuickSelect
    assert type(form.fields["many"].widget) is forms.SelectMultiple
    assert 'class="govuk-select"' in str(form["status"]) and '<option value="open" selected>Open</option>' in str(
        form["status"]
    )


@pytest.mark.django_db
def test_a_model_choice_select_is_written_as_djangos(partnership_a):
    from casereview.accounts.models import Agency
    from casereview.testing import AgencyFactory

    chosen = AgencyFactory(partnership=partnership_a, name="Police & Crime")
    AgencyFactory(partnership=partnership_a, name="Health <Trust>")
    field = forms.ModelChoiceField(queryset=Agency.objects.unscoped(), empty_label="All agencies", required=False)
    django_html = forms.Select(choices=field.choices).render("agency", chosen.pk, {"id": "id_agency"})
    ours = QuickSelect(choices=field.choices).render("agency", chosen.pk, {"id": "id_agency"})
    assert ours == django_html and "selected" in ours
