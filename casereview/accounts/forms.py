from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.mail import EmailMessage
from django.template import loader
from django.utils import timezone

from casereview.core.forms import GovukFormMixin

from .models import Agency, Partnership, Role, Sector
from .permissions import ROLE_SUMMARIES


class SignInForm(GovukFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your business manager.",
    }


class TwoFactorCodeForm(GovukFormMixin, forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code your app shows now. It changes every 30 seconds.",
        max_length=12,
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input govuk-input--width-10",
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "spellcheck": "false",
            }
        ),
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The code is 6 numbers, like 123456")
        return code


class TwoFactorResetForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why are you resetting their two-factor sign-in?",
        help_text="For example: their phone was lost and they asked by telephone. This is kept in the audit trail.",
        error_messages={"required": "Say why two-factor sign-in is being reset"},
    )


class QueuedPasswordResetForm(GovukFormMixin, PasswordResetForm):
    """The page does the same work whatever address is typed: it queues one task, and the task looks the
    address up and sends the e-mail only if it belongs to an account. Neither the page's time nor a slow
    mail server can then tell which addresses have accounts."""

    def save(
        self,
        domain_override=None,
        subject_template_name="registration/password_reset_subject.txt",
        email_template_name="registration/password_reset_email.html",
        use_https=False,
        token_generator=None,
        from_email=None,
        request=None,
        html_email_template_name=None,
        extra_email_context=None,
    ):
        from django.contrib.sites.shortcuts import get_current_site

        from .tasks import send_password_reset

        send_password_reset.enqueue(
            email=self.cleaned_data["email"],
            domain=domain_override or get_current_site(request).domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            from_email=from_email,
        )


class PasswordResetMailForm(PasswordResetForm):
    """Django's own lookup and message, run by the background task: an active account with that address
    and a usable password gets the link."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        EmailMessage(subject=subject, body=body, to=[to_email], from_email=from_email).send()


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
        from .services import DOUBLE_SUBMISSION

        # one added moments ago under this name is this form sent twice: the service answers with it
        earlier = Agency.objects.unscoped().filter(partnership=self.partnership, name__iexact=name)
        if earlier.filter(created__lt=timezone.now() - DOUBLE_SUBMISSION).exists():
            raise forms.ValidationError(f"{self.partnership} already has an agency called {name}")
        return name


def _role_choices():
    return [(value, label) for value, label in Role.choices]


def _role_field():
    field = forms.ChoiceField(
        widget=forms.RadioSelect,
        label="Role",
        error_messages={"required": "Choose the person's role", "invalid_choice": "Choose a role from the list"},
    )
    field.choice_hints = ROLE_SUMMARIES  # shown under each choice: what the role may see and do
    return field


def _agency_field(partnership, *, required=False):
    return forms.ModelChoiceField(
        # unscoped: the partnership the view authorised; its agencies are visible to all its roles anyway.
        queryset=Agency.objects.unscoped().filter(partnership=partnership),
        required=required,
        label="Agency",
        empty_label="Not on behalf of an agency",
        help_text="An agency safeguarding lead must be linked to their agency",
        error_messages={"invalid_choice": "Choose an agency from the list"},
    )


class InviteForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        help_text="The invitation is sent here; it is also their username",
        error_messages={
            "required": "Enter the person's e-mail address",
            "invalid": "Enter an e-mail address like name@example.org",
        },
    )
    first_name = forms.CharField(max_length=150, label="First name", required=False)
    last_name = forms.CharField(max_length=150, label="Last name", required=False)
    role = _role_field()
    job_title = forms.CharField(max_length=200, label="Job title (optional)", required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices()
        self.fields["agency"] = _agency_field(partnership)
        order = ["email", "first_name", "last_name", "role", "agency", "job_title"]
        self.order_fields(order)


class MembershipForm(GovukFormMixin, forms.Form):
    role = _role_field()
    job_title = forms.CharField(max_length=200, label="Job title (optional)", required=False)

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices()
        self.fields["agency"] = _agency_field(partnership)
        self.order_fields(["role", "agency", "job_title"])


class EndMembershipForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is this role ending?",
        help_text="For example, they have left the agency",
        error_messages={"required": "Say why this role is ending"},
    )


class PartnershipForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        max_length=200, label="Partnership name", error_messages={"required": "Enter the partnership's name"}
    )
    slug = forms.SlugField(
        max_length=60,
        label="Short name for web addresses",
        help_text="Lower-case letters, numbers and hyphens, for example north-yorkshire",
        error_messages={
            "required": "Enter a short name",
            "invalid": "Use only lower-case letters, numbers and hyphens",
        },
    )
    local_authority = forms.CharField(max_length=200, label="Local authority (optional)", required=False)
    manager_email = forms.EmailField(
        label="Business manager's e-mail address",
        error_messages={
            "required": "Enter the business manager's e-mail address",
            "invalid": "Enter an e-mail address like name@example.org",
        },
    )
    manager_first_name = forms.CharField(
        max_length=150,
        label="Business manager's first name",
        error_messages={"required": "Enter the business manager's first name"},
    )
    manager_last_name = forms.CharField(
        max_length=150,
        label="Business manager's last name",
        error_messages={"required": "Enter the business manager's last name"},
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        # unscoped: a yes/no uniqueness check across the country for the system administrator's new partnership.
        if Partnership.objects.unscoped().filter(name__iexact=name).exists():
            raise forms.ValidationError(f"There is already a partnership called {name}")
        return name

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Partnership.objects.unscoped().filter(slug=slug).exists():
            raise forms.ValidationError(f"The short name {slug} is taken: choose another")
        return slug
