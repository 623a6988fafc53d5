from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.accounts.models import Agency
from casereview.core.forms import GovukDateField, GovukFormMixin
from casereview.core.models import Theme
from casereview.reviews.models import LearningPoint, Recommendation, Review

from .evidence import ALLOWED_DESCRIPTION, check_evidence_file
from .models import DISPLAY_STATUSES, REPORTABLE_STATUSES, DisseminationKind, RiskStatus
from .selectors import DUE_WINDOWS
from .services import EVIDENCE_DESCRIPTION_NEEDED

SCORES = [(n, str(n)) for n in range(1, 6)]


class ActionForm(GovukFormMixin, forms.Form):
    answers = forms.ChoiceField(
        label="What the action answers",
        required=False,
        help_text="A recommendation of the review, or where it made none, a learning point",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What will be done",
        error_messages={"required": "Enter what will be done"},
    )
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(),
        label="Owner agency",
        error_messages={"required": "Choose the agency that owns the action"},
    )
    lead_role = forms.CharField(
        max_length=200,
        label="Lead (role)",
        help_text="A role, so the action survives a change of staff",
        error_messages={"required": "Enter the role that leads the action"},
    )
    start_date = GovukDateField(label="Start date")
    due_date = GovukDateField(label="Due date")
    success_measure = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Measure of success",
        error_messages={"required": "Enter how the partnership will know the action worked"},
    )
    reason = forms.CharField(
        required=False,
        label="Reason for the change",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed when the due date moves",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, review, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.unscoped().filter(partnership=review.partnership_id)
        choices = [("", "The review as a whole")]
        choices += [
            (f"r:{r.pk}", f"Recommendation {r.label}: {r.text[:90]}")
            for r in Recommendation.objects.unscoped().current().filter(review=review)
        ]
        choices += [
            (f"l:{p.pk}", f"Learning point {p.label}: {p.text[:90]}")
            for p in LearningPoint.objects.unscoped().current().filter(review=review)
        ]
        self.fields["answers"].choices = choices
        self.review = review
        if not editing:
            del self.fields["reason"]
            del self.fields["version"]

    def clean(self):
        data = super().clean()
        if data.get("start_date") and data.get("due_date") and data["due_date"] < data["start_date"]:
            self.add_error("due_date", "The due date must be the same as or after the start date")
        return data

    def links(self):
        """(recommendation, learning point) chosen in `answers`."""
        value = self.cleaned_data.get("answers") or ""
        kind, _, pk = value.partition(":")
        if kind == "r":
            return Recommendation.objects.unscoped().get(review=self.review, pk=pk), None
        if kind == "l":
            return None, LearningPoint.objects.unscoped().get(review=self.review, pk=pk)
        return None, None

    @staticmethod
    def initial_for(action):
        answers = (
            f"r:{action.recommendation_id}"
            if action.recommendation_id
            else (f"l:{action.learning_point_id}" if action.learning_point_id else "")
        )
        return {
            "answers": answers,
            "description": action.description,
            "owner_agency": action.owner_agency_id,
            "lead_role": action.lead_role,
            "start_date": action.start_date,
            "due_date": action.due_date,
            "success_measure": action.success_measure,
            "version": action.version,
        }


class ProgressUpdateForm(GovukFormMixin, forms.Form):
    posted_on = GovukDateField(label="Date of the update")
    status = forms.ChoiceField(
        choices=REPORTABLE_STATUSES,
        widget=forms.RadioSelect,
        label="Status",
        help_text=(
            "Choose “Completed — evidence awaited” when the work is done. Attach the evidence with this update "
            "if you have it: the business manager then checks it and closes the action."
        ),
        error_messages={"required": "Choose the action's status"},
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Progress",
        error_messages={"required": "Describe the progress made"},
    )
    evidence_file = forms.FileField(
        required=False, label="Evidence file (optional)", help_text=f"{ALLOWED_DESCRIPTION}"
    )
    evidence_url = forms.URLField(
        required=False,
        label="Or a link to the evidence (optional)",
        assume_scheme="https",
        error_messages={"invalid": "Enter a link in the right format, like https://intranet.example.org/policy"},
    )
    evidence_description = forms.CharField(
        max_length=300,
        required=False,
        label="Describe the evidence",
        help_text="Needed only when you give a file or a link",
    )

    def clean(self):
        # the service's checks of the evidence, here too, so that every problem is told at once: a date that
        # does not exist, a missing description and a file of the wrong kind on one page, not three
        data = super().clean()
        upload, url = data.get("evidence_file"), data.get("evidence_url")
        if upload and url:
            self.add_error("evidence_url", "Give either a file or a link, not both")
        if (upload or url or "evidence_url" in self.errors) and not (data.get("evidence_description") or "").strip():
            self.add_error("evidence_description", EVIDENCE_DESCRIPTION_NEEDED)
        if upload:
            try:
                check_evidence_file(upload)
            except ValidationError as exc:
                for message in exc.message_dict.get("evidence_file", exc.messages):
                    self.add_error("evidence_file", message)
        posted_on = data.get("posted_on")
        if posted_on and posted_on > timezone.localdate():
            self.add_error("posted_on", "The date of the update must be today or in the past")
        return data


class CloseForm(GovukFormMixin, forms.Form):
    closed_on = GovukDateField(label="Date closed")
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Sign-off",
        required=False,
        help_text="What the evidence shows, and the meeting or person that agreed the action is complete",
    )


class ReopenForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why the action is being reopened",
        error_messages={"required": "Say why the action is being reopened"},
    )
    due_date = GovukDateField(label="New due date (optional)", required=False)


class MonitoringFilterForm(GovukFormMixin, forms.Form):
    # a search, not a list: a large partnership has hundreds of reviews with actions
    review = forms.CharField(
        required=False, max_length=200, label="Review", help_text="All or part of the review's name"
    )
    agency = forms.ModelChoiceField(queryset=Agency.objects.none(), required=False, empty_label="All agencies")
    status = forms.ChoiceField(choices=[("", "Any status")] + DISPLAY_STATUSES, required=False)
    due = forms.ChoiceField(choices=[("", "Any time")] + DUE_WINDOWS, required=False, label="Due")

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def described(self):
        """The filters in words, for an export's title: "owned by Metropolitan Police Service, due this week"."""
        if not self.is_bound or not self.is_valid():
            return ""
        data = self.cleaned_data
        words = []
        if data.get("review"):
            words.append(f"reviews named “{' '.join(data['review'].split())}”")
        if data.get("agency"):
            words.append(f"owned by {data['agency'].name}")
        if data.get("status"):
            words.append(f"status {dict(DISPLAY_STATUSES)[data['status']].lower()}")
        if data.get("due") == "overdue":
            words.append("overdue")
        elif data.get("due"):
            words.append(f"due {dict(DUE_WINDOWS)[data['due']][:1].lower()}{dict(DUE_WINDOWS)[data['due']][1:]}")
        return ", ".join(words)

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "review_title": " ".join((data.get("review") or "").split()),
            "agency": data.get("agency"),
            "status": data.get("status") or "",
            "due": data.get("due") or "",
        }


class SinceForm(GovukFormMixin, forms.Form):
    since = GovukDateField(label="Changes since (the date of the last meeting)")


class DisseminationForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(
        choices=DisseminationKind.choices,
        widget=forms.RadioSelect,
        label="Kind of event",
        error_messages={"required": "Choose the kind of event"},
    )
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title"})
    held_on = GovukDateField(label="Date")
    audience = forms.CharField(max_length=300, required=False)
    attendees = forms.IntegerField(
        min_value=0,
        required=False,
        label="Number of attendees",
        error_messages={
            "min_value": "The number of attendees cannot be negative",
            "invalid": "Enter the number of attendees as a whole number",
        },
    )
    organisations = forms.IntegerField(
        min_value=0,
        required=False,
        label="Organisations represented",
        error_messages={
            "min_value": "The number of organisations cannot be negative",
            "invalid": "Enter the number of organisations as a whole number",
        },
    )
    reviews = forms.ModelMultipleChoiceField(
        queryset=Review.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Reviews whose learning it spread",
        error_messages={"required": "Choose the review or reviews whose learning the event spread"},
    )
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = reviews


class TrainingYearForm(GovukFormMixin, forms.Form):
    year_starting = forms.IntegerField(
        min_value=2000,
        max_value=2100,
        label="Year starting in April",
        help_text="For 2018-19, enter 2018",
        error_messages={
            "required": "Enter the year",
            "min_value": "Enter a year from 2000",
            "max_value": "Enter a year before 2100",
            "invalid": "Enter the year as 4 digits, like 2018",
        },
    )
    sessions = forms.IntegerField(
        min_value=0, label="Face-to-face sessions", error_messages={"required": "Enter the number of sessions"}
    )
    individuals = forms.IntegerField(
        min_value=0, label="Individuals trained", error_messages={"required": "Enter the number of individuals trained"}
    )
    organisations = forms.IntegerField(
        min_value=0, label="Organisations", error_messages={"required": "Enter the number of organisations"}
    )
    elearning_modules = forms.IntegerField(
        min_value=0,
        label="E-learning modules completed",
        error_messages={"required": "Enter the number of e-learning modules completed"},
    )
    reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="If you are correcting a year already recorded, say why",
        help_text="Kept in the year's history",
    )


class RiskForm(GovukFormMixin, forms.Form):
    title = forms.CharField(max_length=200, error_messages={"required": "Enter a title for the risk"})
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), error_messages={"required": "Describe the risk"}
    )
    owner = forms.CharField(
        max_length=200, label="Owner (role)", error_messages={"required": "Enter the role that owns the risk"}
    )
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, label="Owner's agency (optional)"
    )
    likelihood = forms.TypedChoiceField(
        choices=SCORES,
        coerce=int,
        label="Likelihood before mitigation (1 rare – 5 almost certain)",
        error_messages={"required": "Choose the likelihood before mitigation"},
    )
    impact = forms.TypedChoiceField(
        choices=SCORES,
        coerce=int,
        label="Impact before mitigation (1 negligible – 5 severe)",
        error_messages={"required": "Choose the impact before mitigation"},
    )
    mitigation = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Mitigating actions",
        error_messages={"required": "Describe the mitigating actions"},
    )
    residual_likelihood = forms.TypedChoiceField(
        choices=SCORES,
        coerce=int,
        label="Likelihood after mitigation",
        error_messages={"required": "Choose the likelihood after mitigation"},
    )
    residual_impact = forms.TypedChoiceField(
        choices=SCORES,
        coerce=int,
        label="Impact after mitigation",
        error_messages={"required": "Choose the impact after mitigation"},
    )
    review_date = GovukDateField(label="Review date")
    escalated = forms.BooleanField(required=False, label="Escalate to the executive group")
    status = forms.ChoiceField(choices=RiskStatus.choices, initial=RiskStatus.OPEN, widget=forms.RadioSelect)
    reviews = forms.ModelMultipleChoiceField(
        queryset=Review.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Linked reviews (optional)",
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        label="Themes (optional)",
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, partnership, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.unscoped().filter(partnership=partnership)
        self.fields["reviews"].queryset = reviews
