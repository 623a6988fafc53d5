"""Background tasks shared by every app (Django Tasks API: database backend in development, RQ on Redis
in production — see settings TASK_BACKEND)."""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(*, subject, body, to, from_email=None):
    EmailMessage(subject=subject, body=body, to=to, from_email=from_email).send()


@task()
def run_export(*, job_id):
    from .exports import export_run

    export_run(job_id)
