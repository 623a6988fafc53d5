from django import forms

from casereview.core.forms import GovukFormMixin

from .models import AuditAction


class AuditFilterForm(GovukFormMixin, forms.Form):
    action = forms.ChoiceField(choices=[("", "Any action")] + list(AuditAction.choices), required=False)
    who = forms.CharField(required=False, label="Person", max_length=150)
    text = forms.CharField(required=False, label="Record or reason contains", max_length=200)
    date_from = forms.DateField(
        required=False,
        label="From",
        help_text="For example, 17/4/2025",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the from date as day/month/year"},
    )
    date_to = forms.DateField(
        required=False,
        label="To",
        help_text="For example, 28/4/2025",
        input_formats=["%d/%m/%Y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the to date as day/month/year"},
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned
