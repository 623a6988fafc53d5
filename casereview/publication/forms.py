from django import forms

from casereview.core.forms import GovukDateField, GovukFormMixin

from .anonymisation.entities import ENTITY_TYPES
from .models import TYPE_LABELS, ReportSignOffKind


def type_label(entity_type):
    label = TYPE_LABELS.get(entity_type, entity_type.replace("_", " ").lower())
    return label[:1].upper() + label[1:]


class ReportUploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="The final report (PDF, Word .docx or text)",
        error_messages={"required": "Choose the report file", "empty": "The file is empty"},
    )


class TermAddForm(GovukFormMixin, forms.Form):
    # the errors are the GOV.UK summary's, not the browser's own bubble that says nothing on the page
    use_required_attribute = False
    original = forms.CharField(
        max_length=500,
        label="Word or phrase the detector missed",
        error_messages={"required": "Enter the word or phrase to replace"},
    )
    # no choice made for the person: a place left as the first choice, "Person", was replaced as "[person]"
    type = forms.ChoiceField(
        choices=[("", "Choose what it is")] + [(t, type_label(t)) for t in ENTITY_TYPES],
        label="What it is",
        error_messages={"required": "Choose what the detail is", "invalid_choice": "Choose what the detail is"},
    )
    replacement = forms.CharField(
        max_length=500,
        required=False,
        label="Replace it with (optional)",
        help_text="Leave blank for a suggestion such as 'Person A'",
    )


class SignOffForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(choices=ReportSignOffKind.choices, label="Sign-off by")
    signed_by = forms.CharField(
        max_length=200, label="Name and role", error_messages={"required": "Enter who signed off"}
    )
    signed_on = GovukDateField(label="Date signed off")
    # The fingerprint of the anonymised text when the page was opened: a sign-off sent after the table
    # changed the text under the page is refused, not kept as given for a text nobody had signed off.
    text_seen = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class HoldForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why is publication held?",
        error_messages={"required": "Say why publication is held, for example criminal proceedings"},
    )


class HoldLiftForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the hold lifted?",
        help_text="For example: the trial ended with a verdict on 2 December; the police agree to publication",
        error_messages={"required": "Say why the hold is lifted, for example the criminal proceedings have ended"},
    )


class SentForm(GovukFormMixin, forms.Form):
    sent_on = GovukDateField(
        label="Date the report was sent to the national panel and the Secretary of State",
        help_text="Send them the anonymised text that will be published, as the review panel, police and legal "
        "adviser signed it off. The date cannot be before that text was made.",
    )


class PublishForm(GovukFormMixin, forms.Form):
    publication_date = GovukDateField(
        label="Publication date",
        help_text="The day the report goes online. You can check a day to come, but publish only on the day itself",
    )
    public_url = forms.URLField(
        required=False, label="Address of the published report (optional)", assume_scheme="https"
    )
