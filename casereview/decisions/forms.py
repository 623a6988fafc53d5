from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from casereview.accounts.models import Agency, Subgroup
from casereview.core import file_checks, uploads
from casereview.core.forms import GovukDateField, GovukFormMixin

from . import services
from .models import (
    Criterion,
    CriterionMet,
    FamilyContactMethod,
    Outcome,
    PanelResponseKind,
    ReviewRecommendation,
    outcome_label,
)


class OpenRapidReviewForm(GovukFormMixin, forms.Form):
    opened_on = GovukDateField(label="Date the rapid review opened")
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Ask these agencies for information",
        error_messages={"required": "Choose at least one agency to ask for information"},
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.unscoped().filter(partnership=partnership)


PANEL_CRITERION_HINT = (
    "The national panel is sent the rapid review once it is complete, so leave this until the panel replies: "
    "the rapid review can be completed without it"
)


class RapidReviewForm(GovukFormMixin, forms.Form):
    facts_gathered = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), required=False, label="Facts gathered")
    immediate_actions = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Immediate safeguarding actions taken",
        help_text="Including whether other children need to be kept safe now",
    )
    sent_to_panel_on = GovukDateField(label="Date sent to the national panel", required=False)
    complete = forms.BooleanField(required=False, label="The rapid review is complete")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for criterion in Criterion:
            self.fields[f"met_{criterion.value}"] = forms.ChoiceField(
                choices=[("", "Not yet judged")] + list(CriterionMet.choices),
                required=False,
                label=criterion.label,
                widget=forms.RadioSelect,
                help_text=PANEL_CRITERION_HINT if criterion == Criterion.PANEL_SUGGESTED_LOCAL else "",
            )
            self.fields[f"evidence_{criterion.value}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 3}),
                required=False,
                label="Evidence",
            )
        # Fields in reading order: the criteria between the facts and the completion box.
        order = ["facts_gathered", "immediate_actions"]
        for criterion in Criterion:
            order += [f"met_{criterion.value}", f"evidence_{criterion.value}"]
        self.order_fields(order + ["sent_to_panel_on", "complete"])

    def assessments(self):
        return {
            criterion.value: (
                self.cleaned_data[f"met_{criterion.value}"],
                self.cleaned_data[f"evidence_{criterion.value}"],
            )
            for criterion in Criterion
        }


# An addition is a paragraph or two sent after the first answer; a longer account is an attachment.
ADDITION_MAX = 10_000


class AnswerForm(GovukFormMixin, forms.Form):
    response = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 10}),
        label="Your agency's information",
        error_messages={"required": "Enter your agency's information"},
    )

    def __init__(self, *args, adding=False, **kwargs):
        super().__init__(*args, **kwargs)
        if adding:
            field = self.fields["response"]
            field.label = "What to add"
            field.help_text = (
                "It is added below what you sent, with today's date and your name. What you sent stays as it is."
            )
            field.error_messages["required"] = "Enter what to add to your agency's information"
            field.max_length = ADDITION_MAX
            field.validators.append(MaxLengthValidator(ADDITION_MAX))
            field.error_messages["max_length"] = f"What you add must be {ADDITION_MAX:,} characters or fewer"
            field.widget.attrs["rows"] = 6


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFilesField(forms.FileField):
    """The files chosen in one file input. Each file's checks (empty, too large, its kind) are the
    service's (attachment_problems), so that they name the file and are told together."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        return files


class AttachmentForm(GovukFormMixin, forms.Form):
    files = MultipleFilesField(
        label="Documents to attach", error_messages={"required": "Select the documents to attach"}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = (  # read when the page is shown: the limit is a setting
            f"{file_checks.describe(services.ATTACHMENT_KINDS)}, each smaller than "
            f"{uploads.max_megabytes(services.ATTACHMENT_LIMIT)} MB. You can choose more than one."
        )

    def clean(self):
        files = self.cleaned_data.get("files")
        for problem in services.attachment_problems(files) if files else []:
            self.add_error("files", problem)
        return self.cleaned_data


def _outcomes_for(incident):
    """The outcomes in the words of the rules that judge the case: a 2026 case is offered a local child
    safeguarding practice review, a 2007 one a serious case review."""
    if incident is None:
        return Outcome.choices
    return [(value, outcome_label(value, incident)) for value in Outcome.values]


class RecommendationForm(GovukFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="Recommendation",
        error_messages={"required": "Choose a recommendation"},
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Rationale",
        help_text="With reference to the criteria",
        error_messages={
            "required": "Give the rationale: decisions are made transparently and explained, including to the family"
        },
    )
    made_on = GovukDateField(label="Date of the recommendation")
    subgroup = forms.ModelChoiceField(
        queryset=Subgroup.objects.none(), required=False, label="Made by (subgroup or board)"
    )

    def __init__(self, *args, partnership, incident=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.incident = incident
        self.fields["subgroup"].queryset = Subgroup.objects.unscoped().filter(partnership=partnership)
        self.fields["outcome"].choices = _outcomes_for(incident)

    def clean(self):
        data = super().clean()
        if self.incident is not None and data.get("made_on"):
            _check(self, services.check_recommendation_date, self.incident, data["made_on"])
        return data


class DecisionForm(GovukFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        label="Decision",
        error_messages={"required": "Choose a decision"},
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Rationale",
        error_messages={
            "required": "Give the rationale: decisions are made transparently and explained, including to the family"
        },
    )
    decided_on = GovukDateField(label="Date of the decision")
    confidential = forms.BooleanField(
        required=False,
        label="Keep the review confidential for now",
        help_text="Only the business manager, the chair and the review's panel and reviewer will see the review",
    )

    def __init__(self, *args, incident=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.incident = incident
        self.fields["outcome"].choices = _outcomes_for(incident)

    def clean(self):
        # the service's date checks here too, so that a missing rationale and a date to come are told at once
        data = super().clean()
        if self.incident is not None and data.get("decided_on"):
            recommendation = ReviewRecommendation.objects.unscoped().filter(incident=self.incident).first()
            _check(self, services.check_decision_date, data["decided_on"], recommendation)
        return data


def _check(form, check, *args):
    """Run one of the service's checks, its errors put beside their fields (the service runs it again)."""
    try:
        check(*args)
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)


def _correction_reason():
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are you correcting it?",
        help_text="For example: the wrong outcome was chosen, or the date was mistyped. This is kept in its history.",
        error_messages={"required": "Say why you are correcting it"},
    )


class DecisionCorrectionForm(DecisionForm):
    """The decision as it should have been recorded, and why it is corrected."""

    reason = _correction_reason()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["confidential"]  # the review's confidentiality is changed on the review, not here
        self.fields["rationale"].help_text = _RATIONALE_STILL_FITS


# The rationale is carried over into the correction form; a corrected outcome can leave it arguing the opposite.
_RATIONALE_STILL_FITS = "If you change the outcome, check the rationale still explains it"


class RecommendationCorrectionForm(RecommendationForm):
    reason = _correction_reason()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rationale = self.fields["rationale"]
        rationale.help_text = f"{rationale.help_text}. {_RATIONALE_STILL_FITS}"


class PanelResponseForm(GovukFormMixin, forms.Form):
    response = forms.ChoiceField(
        choices=PanelResponseKind.choices,
        widget=forms.RadioSelect,
        label="The national panel's response",
        error_messages={"required": "Choose the national panel's response"},
    )
    received_on = GovukDateField(label="Date received")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FamilyCommunicationForm(GovukFormMixin, forms.Form):
    communicated_on = GovukDateField(label="Date the family was told")
    method = forms.ChoiceField(
        choices=FamilyContactMethod.choices,
        widget=forms.RadioSelect,
        label="How",
        error_messages={"required": "Say how the family was told"},
    )
    communicated_by = forms.CharField(
        max_length=200,
        label="Told by",
        help_text="Name and role",
        error_messages={"required": "Say who told the family"},
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
