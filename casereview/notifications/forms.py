from django import forms

from casereview.core.forms import GovukFormMixin

from .models import Delivery


class DeliveryForm(GovukFormMixin, forms.Form):
    delivery = forms.ChoiceField(
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        label="How do you want to be told when something is asked of you?",
        help_text="E-mails hold only a link and the child's pseudonym; the details stay in casereview",
        error_messages={"required": "Choose how you want to be told", "invalid_choice": "Choose one of the options"},
    )
