"""Background tasks shared by every app (Django Tasks API: database backend in development, RQ on Redis
in production — see settings TASK_BACKEND)."""

from django.core.mail import EmailMessage, get_connection
from django_tasks import task


@task()
def send_email(*, subject, body, to, from_email=None):
    EmailMessage(subject=subject, body=body, to=to, from_email=from_email).send()


@task()
def send_emails(*, messages):
    """Several e-mails (each a dict of subject, body, to) over one connection: a batch job queues one task
    for a batch rather than one per message."""
    emails = [EmailMessage(subject=m["subject"], body=m["body"], to=m["to"]) for m in messages]
    with get_connection() as connection:
        connection.send_messages(emails)


@task()
def run_export(*, job_id):
    from .exports import export_run

    export_run(job_id)
