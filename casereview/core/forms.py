from django import forms
from django.forms.widgets import Input

_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.FileInput: "govuk-file-upload",
    Input: "govuk-input",
}


class GovukFormMixin:
    """Renders a form the GOV.UK way (label, hint, error message, styled control) and ties errors and
    hints to their control with aria-describedby, so a screen reader announces them."""

    template_name = "core/forms/form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            for widget_class, css in _WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
                    break

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            bound = self[name]
            described_by = []
            if field.help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            if name in self.errors:
                described_by.append(f"{bound.auto_id}_error")
                css = field.widget.attrs.get("class", "")
                if "error" not in css and css:
                    field.widget.attrs["class"] = f"{css} {css.split()[-1]}--error"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)
