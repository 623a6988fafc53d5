"""Background work of the accounts app (Django Tasks API)."""

from django_tasks import task


@task()
def send_password_reset(*, email, domain, use_https, subject_template_name, email_template_name, from_email=None):
    """Look the address up and send the reset link if it is an account's; nothing otherwise. Run in the
    background so the page that asked takes the same time either way."""
    from .forms import PasswordResetMailForm

    form = PasswordResetMailForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            from_email=from_email,
        )
