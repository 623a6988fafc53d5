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


# --- the yearly report ---------------------------------------------------------------------------------


class YearForm(GovukFormMixin, forms.Form):
    year = forms.CharField(
        label="Which year, April to March?",
        help_text="For example, 2018-19",
        max_length=9,
        error_messages={"required": "Enter the year, for example 2018-19"},
    )

    def clean_year(self):
        from .annual import parse_year

        try:
            return parse_year(self.cleaned_data["year"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


def _whole_number(text, what):
    cleaned = (text or "").strip().replace(",", "")
    if not cleaned:
        return None
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        raise forms.ValidationError(f"{what} cannot be negative")
    if not cleaned.isdigit():
        raise forms.ValidationError(f"{what} must be a whole number, like 329")
    return int(cleaned)


class FiguresForm(GovukFormMixin, forms.Form):
    """One number and its source for each figure kept in another system."""

    def __init__(self, *args, report, **kwargs):
        from .models import FigureKind

        super().__init__(*args, **kwargs)
        self.kinds = list(FigureKind)
        saved = {f.kind: f for f in report.figures.all()}
        for kind in self.kinds:
            figure = saved.get(kind)
            self.fields[f"{kind}_value"] = forms.CharField(
                label=kind.label, required=False, max_length=30, initial=figure.value if figure else ""
            )
            self.fields[f"{kind}_value"].widget.attrs.update(
                {"class": "govuk-input govuk-input--width-10", "inputmode": "numeric"}
            )
            self.fields[f"{kind}_source"] = forms.CharField(
                label="Where this figure comes from",
                required=False,
                max_length=300,
                initial=figure.source if figure else "",
            )

    def pairs(self):
        return [(self[f"{kind}_value"], self[f"{kind}_source"]) for kind in self.kinds]

    def clean(self):
        from .services import validate_plain_text

        data = super().clean()
        self.figures = {}
        for kind in self.kinds:
            what = kind.label[:1] + kind.label[1:]
            try:
                value = _whole_number(data.get(f"{kind}_value"), what)
            except forms.ValidationError as exc:
                self.add_error(f"{kind}_value", exc)
                continue
            source = (data.get(f"{kind}_source") or "").strip()
            try:
                validate_plain_text(source, what="The source")
            except Exception as exc:
                self.add_error(f"{kind}_source", exc.messages[0])
                continue
            if value is not None and not source:
                self.add_error(
                    f"{kind}_source", f"Say where the figure for {kind.label[:1].lower()}{kind.label[1:]} comes from"
                )
                continue
            self.figures[kind] = (value, source)
        return data


class ContributionForm(GovukFormMixin, forms.Form):
    contributor = forms.CharField(label="Partner", required=False, max_length=200)
    amount = forms.CharField(label="Amount in pounds", required=False, max_length=20)
    source = forms.CharField(label="Where the amount comes from", required=False, max_length=300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].widget.attrs.update(
            {"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
        )

    def clean(self):
        from decimal import Decimal, InvalidOperation

        from .services import validate_plain_text

        data = super().clean()
        name = (data.get("contributor") or "").strip()
        amount_text = (data.get("amount") or "").strip().replace(",", "").replace("£", "")
        if not name and not amount_text:
            data["row"] = None
            return data
        if not name:
            self.add_error("contributor", "Enter the partner who made this contribution")
        try:
            amount = Decimal(amount_text)
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            self.add_error("amount", "Enter the amount as a number of pounds, like 5000 or 63421.50")
            return data
        if amount < 0:
            self.add_error("amount", "A contribution cannot be negative")
        elif amount != amount.quantize(Decimal("0.01")):
            self.add_error("amount", "Enter the amount to the nearest penny")
        for field in ("contributor", "source"):
            try:
                validate_plain_text(data.get(field) or "", what="The " + self.fields[field].label.lower())
            except Exception as exc:
                self.add_error(field, exc.messages[0])
        if not self.errors:
            data["row"] = (name, amount, (data.get("source") or "").strip())
        return data


ContributionFormSet = forms.formset_factory(ContributionForm, extra=3, max_num=40)


class SectionForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        max_length=40000,
        help_text="Plain text. Leave a blank line between paragraphs; start a line with '- ' for a bulleted list.",
    )

    def __init__(self, *args, label="Text", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label

    def clean_text(self):
        from .services import validate_plain_text

        text = self.cleaned_data["text"].replace("\r\n", "\n")
        try:
            validate_plain_text(text, what="The text")
        except Exception as exc:
            raise forms.ValidationError(exc.messages[0]) from None
        return text


# --- committee papers -----------------------------------------------------------------------------------


class PaperReviewsForm(GovukFormMixin, forms.Form):
    reviews = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Which reviews is the paper about?",
        error_messages={"required": "Choose at least one review"},
    )

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = reviews


class PaperForm(GovukFormMixin, forms.ModelForm):
    meeting_date = GovukDateField(label="Date of the meeting", help_text="For example, 21 10 2015")

    class Meta:
        from .models import CommitteePaper

        model = CommitteePaper
        fields = [
            "meeting",
            "meeting_date",
            "item_number",
            "classification",
            "title",
            "wards",
            "from_whom",
            "recommendations",
            "background",
            "key_issues",
            "policy_implications",
            "community_implications",
            "legal_implications",
            "financial_implications",
            "appendices",
        ]
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in [
                "recommendations",
                "background",
                "key_issues",
                "policy_implications",
                "community_implications",
                "legal_implications",
                "financial_implications",
                "appendices",
            ]
        }

    def clean(self):
        from .services import validate_plain_text

        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str):
                try:
                    validate_plain_text(value, what=str(self.fields[name].label))
                except Exception as exc:
                    self.add_error(name, exc.messages[0])
        return data


# --- subgroups' work -----------------------------------------------------------------------------------


class SubgroupMemberForm(GovukFormMixin, forms.Form):
    name = forms.CharField(max_length=200, error_messages={"required": "Enter the member's name"})
    role = forms.CharField(
        label="Job title and organisation", max_length=300, error_messages={"required": "Enter their job title"}
    )
    is_chair = forms.BooleanField(label="Chairs the subgroup", required=False)


class SubgroupMeetingForm(GovukFormMixin, forms.Form):
    held_on = GovukDateField(label="Date of the meeting", help_text="For example, 14 1 2019")
    minutes = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), max_length=40000, error_messages={"required": "Enter the minutes"}
    )


class WorkItemForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="What will be done", max_length=300, error_messages={"required": "Say what will be done"}
    )
    owner = forms.CharField(
        max_length=200, help_text="The person or role responsible", error_messages={"required": "Enter the owner"}
    )
    due_on = GovukDateField(label="Due by", required=False)


class WorkItemStatusForm(GovukFormMixin, forms.Form):
    from .models import WorkItemStatus

    status = forms.ChoiceField(choices=WorkItemStatus.choices, label="Progress")
