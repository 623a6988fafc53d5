from django import forms

from casereview.accounts.models import Agency
from casereview.core.forms import GovukDateField, GovukFormMixin

from .models import ChildIdentity, Incident, Sex
from .validators import validate_nhs_number, validate_postcode

FACT_FIELDS = [
    "child_pseudonym",
    "harm",
    "summary",
    "incident_date",
    "aware_date",
    "abuse_or_neglect",
    "looked_after",
    "looked_after_by",
    "care_leaver",
    "location",
    "age_years",
    "age_months",
    "sex",
    "harm_type",
    "ethnicity",
    "disability",
    "child_protection_plan",
]


class IncidentForm(GovukFormMixin, forms.ModelForm):
    incident_date = GovukDateField(label="Date of the incident", help_text="For example, 17 4 2025")
    aware_date = GovukDateField(
        label="Date the local authority became aware",
        help_text="Notification deadlines are counted in working days from this date",
    )
    agencies_involved = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Agencies known to be involved",
    )

    class Meta:
        model = Incident
        fields = FACT_FIELDS + ["agencies_involved"]
        widgets = {
            "harm": forms.RadioSelect,
            "abuse_or_neglect": forms.RadioSelect,
            "location": forms.RadioSelect,
            "summary": forms.Textarea(attrs={"rows": 4}),
            "age_years": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
            "age_months": forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        }
        error_messages = {
            "child_pseudonym": {"required": "Enter the pseudonym the child will be known by, for example Child R"},
            "harm": {"required": "Say whether the child died or was seriously harmed"},
            "abuse_or_neglect": {"required": "Say whether abuse or neglect is known or suspected"},
            "location": {"required": "Say where the incident happened"},
        }

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partnership = partnership
        self.fields["agencies_involved"].queryset = Agency.objects.unscoped().filter(partnership=partnership)
        self.fields["harm"].choices = self.fields["harm"].choices[1:]  # radios need no blank choice
        self.fields["abuse_or_neglect"].choices = self.fields["abuse_or_neglect"].choices[1:]
        self.fields["location"].choices = self.fields["location"].choices[1:]
        self.fields["sex"].required = False
        for name in ("harm_type", "ethnicity", "disability", "child_protection_plan"):
            self.fields[name].required = False

    def clean_sex(self):
        return self.cleaned_data.get("sex") or Sex.NOT_RECORDED

    def facts(self):
        facts = {name: self.cleaned_data[name] for name in FACT_FIELDS}
        # What the national panel counts is optional: left out, it is "not known".
        for name in ("harm_type", "ethnicity", "disability", "child_protection_plan"):
            facts[name] = facts[name] or "not_known"
        return facts


class IncidentEditForm(IncidentForm):
    death_aware_date = GovukDateField(
        label="Date the local authority learned of the death",
        required=False,
        help_text="Only if the child died after the incident was first recorded. The Secretary of State's and "
        "Ofsted's notifications are due from this date",
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why are the facts changing?",
        help_text="Recorded in the audit log, for example 'looked-after status confirmed by the placing authority'",
        error_messages={"required": "Say why the facts are being changed"},
    )

    class Meta(IncidentForm.Meta):
        fields = FACT_FIELDS + ["death_aware_date", "agencies_involved"]

    def facts(self):
        return {**super().facts(), "death_aware_date": self.cleaned_data.get("death_aware_date")}


class IdentityForm(GovukFormMixin, forms.ModelForm):
    date_of_birth = GovukDateField(label="Date of birth", required=False)

    class Meta:
        model = ChildIdentity
        fields = ["full_name", "date_of_birth", "address", "postcode", "nhs_number"]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class NewIncidentForm(IncidentForm):
    """Recording an incident may also record who the child is, straight into the restricted record."""

    full_name = forms.CharField(required=False, label="Child's full name", max_length=200)
    date_of_birth = GovukDateField(label="Child's date of birth", required=False)
    address = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Child's address")
    postcode = forms.CharField(required=False, max_length=10, validators=[validate_postcode])
    nhs_number = forms.CharField(required=False, max_length=12, label="NHS number", validators=[validate_nhs_number])

    class Meta(IncidentForm.Meta):
        fields = FACT_FIELDS + ["death_aware_date", "agencies_involved"]

    def facts(self):
        return {**super().facts(), "death_aware_date": self.cleaned_data.get("death_aware_date")}

    IDENTITY = ["full_name", "date_of_birth", "address", "postcode", "nhs_number"]

    def identity(self):
        return {name: self.cleaned_data[name] or ("" if name != "date_of_birth" else None) for name in self.IDENTITY}


class DutySentForm(GovukFormMixin, forms.Form):
    sent_on = GovukDateField(label="Date sent")
    reference = forms.CharField(
        required=False, max_length=100, label="Reference from the notification service (optional)"
    )


class DutyCorrectionForm(GovukFormMixin, forms.Form):
    SENT_ANOTHER_DAY, NOT_SENT = "another_day", "not_sent"
    what = forms.ChoiceField(
        label="What is right?",
        widget=forms.RadioSelect,
        choices=[
            (SENT_ANOTHER_DAY, "It was sent, but on a different date or with a different reference"),
            (NOT_SENT, "It has not been sent: it was recorded as sent by mistake"),
        ],
        error_messages={"required": "Choose what is right"},
    )
    sent_on = GovukDateField(label="Date sent", required=False, help_text="Only if it was sent")
    reference = forms.CharField(
        required=False, max_length=100, label="Reference from the notification service (optional)"
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are you correcting it?",
        help_text="This is kept in the notification's history.",
        error_messages={"required": "Say why you are correcting it"},
    )

    def clean(self):
        data = super().clean()
        if data.get("what") == self.SENT_ANOTHER_DAY and not data.get("sent_on") and "sent_on" not in self.errors:
            self.add_error("sent_on", "Enter the date it was sent")
        return data


class LocalReferralForm(GovukFormMixin, forms.Form):
    referred_on = GovukDateField(label="Date referred")
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the case referred for local consideration?",
        error_messages={"required": "Say why the case is referred for local consideration"},
    )
