from datetime import timedelta

from django import forms
from django.utils import timezone

from casereview.core.forms import GovukDateField, GovukFormMixin


class PeriodForm(GovukFormMixin, forms.Form):
    start = GovukDateField(label="Since the last meeting on", required=False)

    def period(self):
        today = timezone.localdate()
        start = self.cleaned_data.get("start") if self.is_valid() else None
        return (start or today - timedelta(days=91)), today

    def clean_start(self):
        start = self.cleaned_data.get("start")
        if start and start > timezone.localdate():
            raise forms.ValidationError("The date of the last meeting must be in the past")
        return start
