"""Long work goes through the Django Tasks API. Development uses the database backend, so a queued
e-mail waits in the database until `manage.py db_worker` runs it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks import task_backends

from casereview.core.tasks import send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_task_backend(settings):
    settings.TASKS = DB_TASKS  # django-tasks drops its cached backend when the setting changes
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"


@pytest.mark.django_db(transaction=True)
def test_password_reset_email_waits_for_the_worker(client, alice, database_task_backend):
    from django_tasks_db.models import DBTaskResult

    client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    # the lookup and the e-mail both happen in the task, so the page does the same for any address
    assert queued.task_path == "casereview.accounts.tasks.send_password_reset"

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your casereview password"
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_send_email_task_sends_immediately_in_tests(db):
    send_email.enqueue(subject="Hello", body="Body", to=["x@example.org"])
    assert [m.subject for m in mail.outbox] == ["Hello"]
