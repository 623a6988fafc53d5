from django import forms
from django.core.exceptions import ValidationError

from casereview.accounts.models import Agency, Role
from casereview.accounts.selectors import agency_lead_exists
from casereview.core import file_checks, report_numbers, uploads
from casereview.core.forms import GovukDateField, GovukFormMixin
from casereview.core.models import Theme

from . import chronology, services
from .models import (
    Addressee,
    ContributionKind,
    DuplicateStatus,
    LearningPoint,
    Methodology,
    Participation,
    ReviewType,
    Stage,
)


class ReviewForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        max_length=200,
        label="Title",
        help_text="Usually the child's pseudonym, e.g. Child R",
        error_messages={"required": "Enter the review's title"},
    )
    subjects = forms.CharField(max_length=300, required=False, label="Other children the review concerns (pseudonyms)")
    review_type = forms.ChoiceField(
        choices=ReviewType.choices,
        widget=forms.RadioSelect,
        label="Type of review",
        error_messages={"required": "Choose the type of review"},
    )
    decided_on = GovukDateField(label="Date of the decision to review")
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Agencies involved with the child and family",
    )
    is_confidential = forms.BooleanField(
        required=False,
        label="Confidential",
        help_text="Only the business manager, the chair and the review's panel and reviewer will see it",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.unscoped().filter(partnership=partnership)


class StageForm(GovukFormMixin, forms.Form):
    # Publishing happens only through the publication gate (documents app), never by a stage change.
    stage = forms.ChoiceField(
        choices=[c for c in Stage.choices if c[0] != Stage.PUBLISHED],
        widget=forms.RadioSelect,
        label="New stage",
        error_messages={"required": "Choose the stage the review has reached"},
    )
    changed_on = GovukDateField(label="Date reached")
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Note",
        help_text="Required when it is decided not to publish the report: give the reason",
    )


class MonitoringCheckForm(GovukFormMixin, forms.Form):
    checked_on = GovukDateField(label="Date of the check")
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What did the partners conclude about the time taken and the quality?",
        help_text="For example: on track for the target; the draft needs the police report before the panel meets",
        error_messages={"required": "Say what the partners concluded about the time taken and the quality"},
    )


class TermsForm(GovukFormMixin, forms.Form):
    scope_start = GovukDateField(label="Scope from")
    scope_end = GovukDateField(label="Scope to")
    lines_of_enquiry = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Key lines of enquiry",
        error_messages={"required": "Enter the key lines of enquiry"},
    )
    methodology = forms.ChoiceField(
        choices=Methodology.choices, widget=forms.RadioSelect, error_messages={"required": "Choose the methodology"}
    )
    methodology_other = forms.CharField(required=False, max_length=200, label="If other, which methodology")
    agreed_on = GovukDateField(label="Date agreed", required=False)


class PanelMemberForm(GovukFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), error_messages={"required": "Choose the member's agency"}
    )
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the member's name"})
    job_title = forms.CharField(max_length=200, required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.unscoped().filter(partnership=partnership)


class ReviewerForm(GovukFormMixin, forms.Form):
    user = forms.ModelChoiceField(
        queryset=None, label="Independent reviewer", error_messages={"required": "Choose the reviewer"}
    )
    appointed_on = GovukDateField(label="Date appointed")
    declaration = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Declaration of independence",
        help_text="The reviewer's statement that they are independent of the case and of the agencies involved",
        error_messages={
            "required": (
                "Record the reviewer's declaration that they are independent of the case and the agencies involved"
            )
        },
    )
    is_lead = forms.BooleanField(required=False, initial=True, label="Lead reviewer")

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        from casereview.accounts.models import User

        self.fields["user"].queryset = User.objects.filter(
            memberships__partnership=partnership, memberships__role=Role.REVIEWER, memberships__is_active=True
        ).distinct()


class ContributionRequestForm(GovukFormMixin, forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one agency"},
    )
    kinds = forms.MultipleChoiceField(
        choices=ContributionKind.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Ask for",
        help_text="Select all that apply",
        # nothing ticked to start with, as the agencies are not: a box ticked already is unticked by the
        # person who clicks it meaning to choose it
        error_messages={"required": "Choose what to ask for: a chronology, an agency report or both"},
    )
    due_date = GovukDateField(label="Due by")
    move_due_dates = forms.BooleanField(
        required=False,
        label="Also move requests already made to this due date",
        help_text="An agency already asked for the same thing is not asked twice: tick this to change its due date",
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.unscoped().filter(partnership=partnership).annotate(has_lead=agency_lead_exists())
        field = self.fields["agencies"]
        field.queryset = agencies
        field.label_from_instance = lambda agency: (
            str(agency) if agency.has_lead else f"{agency} (nobody there uses casereview)"
        )
        # Said once: the labels name the agencies (the hint listed ten of them again; walkthrough 10, 12).
        if any(not agency.has_lead for agency in agencies):
            field.help_text = (
                "casereview cannot tell an agency where nobody uses it: send the request to them yourself, "
                "then record what they send on the request's page."
            )


class ChronologyUploadForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Chronology file (CSV or Excel .xlsx)",
        error_messages={"required": "Choose the file to upload", "empty": "The file is empty"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = uploads.max_megabytes("chronology")
        self.fields["file"].help_text = f"Up to {limit} MB. Uploading again replaces your agency's chronology."


class ChronologyRowForm(GovukFormMixin, forms.Form):
    event_date = forms.CharField(
        label="Date",
        help_text="For example 17/04/2014, or 04/2014 for a month",
        error_messages={"required": "Enter the date"},
    )
    event_time = forms.CharField(label="Time (optional)", required=False, help_text="For example 14:30")
    date_precision = forms.ChoiceField(
        choices=[("exact", "Exact"), ("month", "Month"), ("approximate", "Approximate")], label="Date precision"
    )
    event_type = forms.ChoiceField(choices=[(t, t) for t in chronology.EVENT_TYPES], label="Type of event")
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), error_messages={"required": "Describe the event"}
    )
    practitioner_role = forms.CharField(required=False, max_length=200)
    source_reference = forms.CharField(required=False, max_length=200)

    def record(self):
        data = self.cleaned_data
        return {
            "date": data["event_date"],
            "time": data["event_time"],
            "date precision": data["date_precision"],
            "event type": data["event_type"],
            "description": data["description"],
            "practitioner role": data["practitioner_role"],
            "source reference": data["source_reference"],
        }


# A management review runs to 30 pages or more (walkthrough 11, finding 1: a 4,500-word one was refused at
# 20,000 characters); this takes about 60 pages typed or pasted. Longer ones, or ones with tables, come as a file.
AGENCY_REPORT_TEXT_MAX = 200_000


class ReportForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        label="Agency report",
        required=False,
        max_length=AGENCY_REPORT_TEXT_MAX,
        help_text="Your agency's management review or summary, typed or pasted. You can attach it as a file "
        "below instead.",
    )
    document = forms.FileField(label="Attach the report as a file", required=False)

    def __init__(self, *args, has_file=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_file = has_file
        self.fields[
            "text"
        ].too_long_advice = (
            "Attach the report as a Word or PDF file instead (below), and leave this box for a short summary."
        )
        self.fields["document"].help_text = (  # read when the page is shown: the limit is a setting
            f"{file_checks.describe(services.AGENCY_REPORT_KINDS)}, smaller than "
            f"{uploads.max_megabytes(services.AGENCY_REPORT_LIMIT)} MB."
            + (" A file attached now replaces the one sent before." if has_file else "")
        )

    def clean(self):
        data = super().clean()
        document = data.get("document")
        if document is not None:
            try:
                services.agency_report_file_type(document)
            except ValidationError as exc:
                self.add_error("document", exc.message_dict["document"])
        elif not (data.get("text") or "").strip() and not self.has_file and "text" not in self.errors:
            self.add_error("text", services.AGENCY_REPORT_REQUIRED)
        return data


class ChronologyFilterForm(GovukFormMixin, forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False, empty_label="All agencies")
    event_type = forms.ChoiceField(required=False, label="Type of event")
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def __init__(self, *args, review, event_types, agencies, agency_names=None, **kwargs):
        """`agency_names`: [(agency id, name)] of `agencies`, when the caller has them (the page's
        ChronologySummary does): the choices are then listed from them, and the agencies are read only to
        check one chosen."""
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if agency_names is not None:
            agency = self.fields["agency"]
            agency.iterator = _listed_choices(agency_names)
            agency.widget.choices = agency.choices  # as setting the queryset does
        self.fields["event_type"].choices = [("", "All types")] + [(t, t) for t in event_types]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("date_to", "The to date must be after the from date")
        return cleaned


def _listed_choices(names):
    """A model choice field's iterator listing (key, name) pairs already read, in the order given."""

    class Listed(forms.models.ModelChoiceIterator):
        def __iter__(self):
            if self.field.empty_label is not None:
                yield ("", self.field.empty_label)
            for pk, name in names:
                yield (forms.models.ModelChoiceIteratorValue(pk, None), name)

        def __len__(self):
            return len(names) + (self.field.empty_label is not None)

        def __bool__(self):
            return self.field.empty_label is not None or bool(names)

    return Listed


class DuplicateForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(DuplicateStatus.LINKED, "Same event"), (DuplicateStatus.DISMISSED, "Different events")]
    )


class LearningEventForm(GovukFormMixin, forms.Form):
    held_on = GovukDateField(label="Date held")
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Agencies represented",
    )
    attendees = forms.IntegerField(
        min_value=0,
        max_value=5000,
        required=False,
        label="Number of attendees",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-4"}),
    )
    themes_discussed = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = Agency.objects.unscoped().filter(partnership=partnership)


class FamilyForm(GovukFormMixin, forms.Form):
    invited_on = GovukDateField(label="Date the family was invited", required=False)
    participation = forms.ChoiceField(
        choices=Participation.choices, widget=forms.RadioSelect, label="Level of participation"
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class FindingForm(GovukFormMixin, forms.Form):
    noun = "learning point"
    report_number = forms.CharField(
        label="Number in the report",
        max_length=20,
        required=False,
        help_text="As numbered in the published report, for example 3.1. Leave blank if the report does not number it.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
    )
    # One number to fill, not two (walkthrough 11, finding 6): the place in the list is optional, and follows
    # the report's numbers when every item has one.
    number = forms.IntegerField(
        label="Place in this review's list (optional)",
        min_value=1,
        max_value=999,
        required=False,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}))
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # the field's name in its errors, as the page names it: "Enter the text" did not say which
        noun = self.noun
        number = self.fields["number"]
        number.help_text = (
            f"Leave blank: a new {noun} goes after the last one, and when every {noun} has a number in the "
            "report they are listed in that order (3.2 before 3.10)"
        )
        number.error_messages.update(
            required=f"Enter the {noun}'s number",
            invalid=f"The {noun}'s number must be a whole number, like 3. If the report numbers it 3.1, "
            "enter 3.1 under “Number in the report”",
            min_value=f"The {noun}'s number must be 1 or more",
            max_value=f"The {noun}'s number must be 999 or less",
        )
        self.fields["report_number"].error_messages["max_length"] = (
            "The number in the report must be 20 characters or fewer"
        )
        self.fields["text"].label = f"The {noun}"
        self.fields["text"].error_messages["required"] = f"Enter the text of the {noun}"
        self.fields["themes"].help_text = "Tick every theme it is about"

    def clean_report_number(self):
        value = report_numbers.clean(self.cleaned_data.get("report_number"))
        if value and not report_numbers.is_valid(value):
            raise forms.ValidationError(report_numbers.MESSAGE)
        return value

    def theme_groups(self):
        """The themes' checkboxes in the taxonomy's groups (domain.md: abuse type, child, family, practice),
        [(group label, [bound checkbox])], each group shown in a fieldset of its own."""
        from casereview.core.themes import TAXONOMY

        categories = dict(Theme.objects.values_list("pk", "category"))
        groups = {key: [] for key in TAXONOMY}
        for choice in self["themes"]:
            groups.setdefault(categories.get(choice.data["value"].value, ""), []).append(choice)
        return [(TAXONOMY[key][0] if key in TAXONOMY else "Other", items) for key, items in groups.items() if items]


class RecommendationForm(FindingForm):
    noun = "recommendation"
    addressee = forms.ChoiceField(
        choices=Addressee.choices,
        widget=forms.RadioSelect,
        label="Addressed to",
        error_messages={"required": "Select who the recommendation is addressed to"},
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label="Agency (if addressed to an agency)"
    )
    national_body = forms.CharField(max_length=200, required=False, label="National body (if addressed to one)")
    learning_points = forms.ModelMultipleChoiceField(
        queryset=LearningPoint.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Answers these learning points",
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.unscoped().filter(partnership=review.partnership)
        self.fields["agency"].error_messages["invalid_choice"] = "Choose an agency of this partnership"
        self.fields["learning_points"].queryset = LearningPoint.objects.unscoped().current().filter(review=review)
        self.order_fields(
            [
                "report_number",
                "number",
                "text",
                "addressee",
                "agency",
                "national_body",
                "learning_points",
                "themes",
                "version",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("addressee") == Addressee.AGENCY and not cleaned.get("agency"):
            self.add_error("agency", "Choose the agency the recommendation is addressed to")
        if cleaned.get("addressee") == Addressee.NATIONAL and not (cleaned.get("national_body") or "").strip():
            self.add_error("national_body", "Name the national body")
        return cleaned
