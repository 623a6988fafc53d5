from django import forms
from django.core import validators
from django.forms.models import ModelChoiceIterator
from django.forms.widgets import Input
from django.utils.html import format_html
from django.utils.safestring import mark_safe

_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.FileInput: "govuk-file-upload",
    Input: "govuk-input",
}


# The longest free text a box takes when its form sets no limit of its own: about six pages. Without one a
# pasted document was saved whole and the pages showing it became hundreds of thousands of pixels wide.
TEXT_MAX_CHARACTERS = 20_000


def what_it_is(field, name=""):
    """The field's label as the subject of a sentence ("The reason must be …"). A label asking a question
    ("Why is publication held?") made "Why is publication held? must be 20,000 characters or fewer"
    (walkthrough 10, finding 8): a "why" question is the reason, any other question the answer."""
    label = " ".join(str(field.label or name.replace("_", " ") or "the text").split())
    if label.endswith("?"):
        return "The reason" if label.lower().startswith("why") else "Your answer"
    return label[:1].upper() + label[1:]


def _limit_free_text(field):
    """A text box with no limit gets TEXT_MAX_CHARACTERS, refused with a GOV.UK error naming the field and
    the limit. Idempotent (a form styles its fields again at render time)."""
    if not isinstance(field, forms.CharField) or not isinstance(field.widget, forms.Textarea):
        return
    if field.max_length is not None:
        return
    field.max_length = TEXT_MAX_CHARACTERS
    field.validators.append(validators.MaxLengthValidator(TEXT_MAX_CHARACTERS))


class CountedMaxLengthValidator(validators.MaxLengthValidator):
    """Django's limit, with the text's length written as a person reads it ("29,000") for the message."""

    def __call__(self, value):
        try:
            super().__call__(value)
        except forms.ValidationError as exc:
            exc.params = {**(exc.params or {}), "length": f"{len(value):,}"}
            raise


def _count_the_length(field):
    field.validators[:] = [
        CountedMaxLengthValidator(v.limit_value) if type(v) is validators.MaxLengthValidator else v
        for v in field.validators
    ]


def _say_limits_and_null_characters(field):
    """A text field's own limit and a NUL character refused in a sentence, not in Django's words ("Ensure
    this value has at most 200 characters", "Null characters are not allowed."), saying how long the text
    is (walkthrough 11, finding 21: "must be 20,000 characters or fewer" left the person to count). A form
    may add what to do instead (`too_long_advice` on the field). Idempotent."""
    if not isinstance(field, forms.CharField):
        return
    if field.max_length is not None:
        _count_the_length(field)
        advice = getattr(field, "too_long_advice", "") or "Shorten it and send it again."
        _our_message(
            field,
            "max_length",
            f"{what_it_is(field)} must be {field.max_length:,} characters or fewer. It is %(length)s "
            f"characters now. {advice}",
        )
    _our_message(field, "null_characters_not_allowed", NULL_CHARACTER_MESSAGE.format(what_it_is(field)))


def _our_message(field, code, message):
    """Set the field's message for `code` unless its form chose one: ours follow the label, which a form may
    change after styling its fields."""
    ours = field.__dict__.setdefault("_casereview_messages", {})
    if field.error_messages.get(code) in (None, ours.get(code)):
        field.error_messages[code] = ours[code] = message


# The NUL is taken out of the text shown again (GovukFormMixin.full_clean), so the message says so: a browser
# shows it as "�", which the person had to search for (walkthrough 10, finding 9).
NULL_CHARACTER_MESSAGE = (
    "{} had a character that cannot be saved (a null character, which some systems leave when text is "
    "copied from them). It has been taken out: check the text and send it again."
)


class GovukFormMixin:
    """Renders a form the GOV.UK way (label, hint, error message, styled control) and ties errors and
    hints to their control with aria-describedby, so a screen reader announces them."""

    template_name = "core/forms/form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._govuk_style()

    def _govuk_style(self):
        """Idempotent, and run again at render time, so fields a form adds after __init__ are styled too."""
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.NumberInput):
                # GOV.UK asks for a text input with a numeric keyboard: number inputs round, scroll and
                # reject what a screen reader user typed without saying why.
                widget.input_type = "text"
                widget.attrs.setdefault("inputmode", "numeric")
                widget.attrs.setdefault("spellcheck", "false")
            if type(widget) is forms.Select:
                # Same widget, same HTML, written in Python (QuickSelect): no state to carry over.
                widget.__class__ = QuickSelect
            for widget_class, css in _WIDGET_CLASSES.items():
                if isinstance(widget, widget_class):
                    classes = widget.attrs.get("class", "").split()
                    if css not in classes:
                        widget.attrs["class"] = " ".join([css, *classes])
                    break
            _name_the_empty_choice(field)
            _limit_free_text(field)
            _say_limits_and_null_characters(field)
            if isinstance(field, forms.ModelChoiceField) and field.iterator is ModelChoiceIterator:
                field.iterator = ListedModelChoiceIterator

    def get_context(self):
        self._govuk_style()
        return super().get_context()

    def full_clean(self):
        self._govuk_style()  # the messages follow labels a form set after __init__
        super().full_clean()
        self._take_out_null_characters()
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

    def _take_out_null_characters(self):
        """A field refused for a NUL is shown again without it, the rest of the text as typed."""
        if not self.is_bound or not self._errors:
            return
        refused = [
            name
            for name, errors in self._errors.as_data().items()
            if name in self.fields and any(getattr(e, "code", None) == "null_characters_not_allowed" for e in errors)
        ]
        if not refused:
            return
        data = self.data.copy()  # a QueryDict is immutable
        for name in refused:
            key = self.add_prefix(name)
            if key not in data:
                continue  # a field of several inputs (a date): Django's widgets read them by their own names
            if hasattr(data, "getlist"):
                data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
            elif isinstance(data.get(key), str):
                data[key] = data[key].replace("\x00", "")
        self.data = data


class ListedModelChoiceIterator(ModelChoiceIterator):
    """A model choice field's options read with one plain query. Django reads them through
    QuerySet.iterator(), which on PostgreSQL opens a server-side cursor (DECLARE, FETCH, CLOSE: three round
    trips, and a cursor kept past the transaction) for what is a few dozen agencies or reviews."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


def _name_the_empty_choice(field):
    """Django's "---------" empty option says nothing; the GOV.UK select's empty choice says what it means."""
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label == "---------":
            field.empty_label = "Choose one" if field.required else "Not chosen"
    elif isinstance(field, forms.ChoiceField) and not callable(getattr(field, "_choices", None)):
        choices = list(field.choices)
        if any(value == "" and label == "---------" for value, label in choices):
            field.choices = [
                ("", "Choose one" if field.required else "Not chosen") if v == "" else (v, l) for v, l in choices
            ]


def _attrs(attrs):
    """As Django's widgets/attrs.html writes them."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """Django's select, writing the HTML its templates write, in Python and without the per-option
    dictionaries of Select.optgroups. The templates include a template for each option: for the action
    plans filter (a partnership's two hundred reviews and ten years of due months) that was a third of the
    page's time. A test compares the two."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        html = [format_html('<select name="{}"', name), _attrs(self.build_attrs(self.attrs, attrs)), ">"]
        has_selected = False
        for option_value, option_label in self.choices:
            if isinstance(option_label, (list, tuple)):
                group, options = option_value, option_label
            else:
                group, options = None, [("" if option_value is None else option_value, option_label)]
            if group:
                html.append(format_html('\n  <optgroup label="{}">', group))
            for subvalue, sublabel in options:
                selected = not has_selected and str(subvalue) in chosen
                has_selected |= selected
                html.append(
                    format_html(
                        '\n  <option value="{}"{}>{}</option>\n',  # the option template's own last line
                        str(subvalue),
                        " selected" if selected else "",
                        sublabel,
                    )
                )
            if group:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 - every part above is escaped


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "core/forms/widgets/date.html"

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(
                attrs={"class": "govuk-input govuk-date-input__input govuk-input--width-2", "inputmode": "numeric"}
            ),
            forms.TextInput(
                attrs={"class": "govuk-input govuk-date-input__input govuk-input--width-2", "inputmode": "numeric"}
            ),
            forms.TextInput(
                attrs={"class": "govuk-input govuk-date-input__input govuk-input--width-4", "inputmode": "numeric"}
            ),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], ["Day", "Month", "Year"]):
            subwidget["label"] = label
        return context


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget

    def __init__(self, *, label, required=True, **kwargs):
        self.what = label[:1].lower() + label[1:]
        if self.what.split(" (")[0].startswith("date") or self.what.split(" (")[0].endswith("date"):
            # "Enter the date of the decision", not "Enter date of the decision" (walkthrough 10, finding 13)
            self.what = f"the {self.what}"
        fields = [forms.CharField(required=False)] * 3
        error_messages = {"required": f"Enter {self.what}", "incomplete": f"Enter {self.what}"}
        super().__init__(
            fields=fields,
            required=required,
            require_all_fields=False,
            label=label,
            error_messages=error_messages,
            **kwargs,
        )

    def compress(self, data_list):
        import datetime

        day, month, year = (data_list + [""] * 3)[:3]
        if not any([day, month, year]):
            if self.required:
                raise forms.ValidationError(f"Enter {self.what}")
            return None
        missing = [
            name for name, value in zip(["day", "month", "year"], [day, month, year]) if not str(value or "").strip()
        ]
        if missing:
            raise forms.ValidationError(f"{self.label} must include a {' and '.join(missing)}")
        try:
            numbers = [int(str(v).strip()) for v in (year, month, day)]
        except ValueError:
            raise forms.ValidationError(f"{self.label} must be a real date, written in numbers") from None
        if not 1900 <= numbers[0] <= 2100:
            raise forms.ValidationError(f"{self.label} must include a 4-digit year, like 2025")
        try:
            return datetime.date(*numbers)
        except ValueError:
            raise forms.ValidationError(f"{self.label} must be a real date") from None

    def clean(self, value):
        # An empty optional date is None, not an error.
        if not self.required and (not value or not any(str(v or "").strip() for v in value)):
            return None
        return super().clean(value if value else ["", "", ""])


def apply_service_errors(form, exc):
    """Put a service's refusal beside the field it concerns (or at the top), keeping what was typed."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def submitted(request, form, action):
    """For a POST with a valid form, run `action(cleaned_data)` (a service call). True when it succeeded;
    otherwise the form carries the errors and the page is shown again with everything typed kept."""
    from django.core.exceptions import ValidationError

    if request.method != "POST" or not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        apply_service_errors(form, exc)
        return False
    return True


def posted(request):
    """The submitted data on a POST, None on a GET, so a form is bound only when something was sent."""
    return request.POST if request.method == "POST" else None


def form_page(request, form, title, *, template="core/form_page.html", **context):
    """The one way a form page is shown: the form, its title and whatever the template's blocks need
    (back_url, caption, submit, intro, the record the form is about)."""
    from django.shortcuts import render

    return render(request, template, {"form": form, "title": title, **context})


class WithdrawalForm(GovukFormMixin, forms.Form):
    """The reason asked for on every page that withdraws a record (a duplicate, something entered by
    mistake): the withdrawal is refused without one."""

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are you withdrawing it?",
        help_text="For example: entered twice, or entered for the wrong review. This is kept in its history.",
        error_messages={"required": "Say why you are withdrawing it"},
    )


def withdraw_page(request, *, withdraw, title, caption, record_lines, back_url, submit, success, **context):
    """The one page that withdraws a record: what it is, what follows, and a reason, required.
    `withdraw(reason=...)` is the service call; on success the user is told `success` and sent to
    `done_url` (else `back_url`). Other context (consequence) goes to the template as it is."""
    from django.contrib import messages
    from django.shortcuts import redirect

    form = WithdrawalForm(posted(request))
    if submitted(request, form, lambda data: withdraw(**data)):
        messages.success(request, success)
        return redirect(context.pop("done_url", None) or back_url)
    context.pop("done_url", None)
    return form_page(
        request,
        form,
        title,
        template="core/withdraw_confirm.html",
        caption=caption,
        record_lines=record_lines,
        back_url=back_url,
        submit=submit,
        **context,
    )
