from django import forms

from casereview.core.forms import GovukFormMixin


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class UploadForm(GovukFormMixin, forms.Form):
    files = MultipleFileField(
        label="Documents (PDF, Word .docx or text)",
        help_text="You can choose several files. Each is read in the background.",
        error_messages={"required": "Choose at least one file", "empty": "One of the files is empty"},
    )
