from django import forms

from casereview.core.forms import GovukFormMixin

from . import search

MESSAGES = {
    "theme": "There is no theme called “{value}”. Choose a theme from the list",
    "review_type": "There is no type of review called “{value}”",
    "source": "Choose where the learning comes from from the list",
    "sector": "Choose an agency sector from the list",
    "age_group": "Choose an age group from the list",
    "kind": "Choose a kind of learning from the list",
}


class SearchForm(GovukFormMixin, forms.Form):
    """The search box and the filters, from the URL. Every value is checked, so an unknown theme or year
    gives a message instead of an empty or broken page."""

    q = forms.CharField(label="Search the learning", required=False, strip=True)
    theme = forms.CharField(required=False)
    year = forms.CharField(required=False)
    review_type = forms.CharField(required=False)
    source = forms.CharField(required=False)
    sector = forms.CharField(required=False)
    age_group = forms.CharField(required=False)
    kind = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, *args, known=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = known or {}

    def clean_q(self):
        text = self.cleaned_data["q"]
        if not text:
            return None
        try:
            return search.parse_query(text)
        except search.QueryError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_year(self):
        value = self.cleaned_data["year"]
        if not value:
            return None
        if not value.isdigit() or not 1950 <= int(value) <= 2100:
            raise forms.ValidationError(f"“{value[:20]}” is not a year. Enter a year such as 2019")
        return int(value)

    def clean_page(self):
        value = self.cleaned_data["page"]
        return int(value) if value.isdigit() and len(value) < 7 else 1

    def clean(self):
        cleaned = super().clean()
        for name, message in MESSAGES.items():
            value = cleaned.get(name)
            allowed = self.known.get(name)
            if value and allowed is not None and value not in allowed:
                self.add_error(name, message.format(value=value[:60]))
        return cleaned

    def filters(self):
        return {
            name: self.cleaned_data.get(name)
            for name in ("theme", "year", "review_type", "source", "sector", "age_group", "kind")
        }


class EntryThemesForm(GovukFormMixin, forms.Form):
    themes = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.CheckboxSelectMultiple, label="Themes"
    )

    def __init__(self, *args, **kwargs):
        from casereview.core.models import Theme

        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()


class BriefingForm(GovukFormMixin, forms.Form):
    title = forms.CharField(max_length=200, label="Title", error_messages={"required": "Enter a title"})
    what_happened = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What happened",
        error_messages={"required": "Say what happened"},
    )
    key_learning = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Key learning",
        error_messages={"required": "Enter the key learning"},
    )
    for_practice = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="What it means for practice",
        error_messages={"required": "Say what it means for practice"},
    )
    questions = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Questions to reflect on",
        help_text="One question a line",
        error_messages={"required": "Enter at least one question"},
    )

    def clean(self):
        cleaned = super().clean()
        total = sum(len(cleaned.get(f) or "") for f in ("what_happened", "key_learning", "for_practice", "questions"))
        if total > 6000:
            raise forms.ValidationError(
                f"A seven-minute briefing fits on one page: shorten it by {total - 6000} characters"
            )
        return cleaned
