from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.template import loader

from casereview.core.forms import GovukFormMixin
from casereview.core.tasks import send_email

from .models import Agency, Sector


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your business manager.",
    }


class QueuedPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """Sends the reset e-mail through the task queue, so the page answers at once and a slow mail server
    cannot be used to tell which addresses have accounts."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.enqueue(subject=subject, body=body, to=[to_email], from_email=from_email)


class GovukSetPasswordForm(GovukFormMixin, SetPasswordForm):
    pass


class GovukPasswordChangeForm(GovukFormMixin, PasswordChangeForm):
    pass


class AgencyForm(GovukFormMixin, forms.Form):
    name = forms.CharField(max_length=200, label="Agency name", error_messages={"required": "Enter the agency's name"})
    sector = forms.ChoiceField(
        choices=[("", "Choose a sector")] + list(Sector.choices),
        error_messages={"required": "Choose the agency's sector", "invalid_choice": "Choose a sector from the list"},
    )

    def __init__(self, *args, partnership, **kwargs):
        self.partnership = partnership
        super().__init__(*args, **kwargs)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError("Enter the agency's name")
        if Agency.objects.unscoped().filter(partnership=self.partnership, name__iexact=name).exists():
            raise forms.ValidationError(f"{self.partnership} already has an agency called {name}")
        return name
