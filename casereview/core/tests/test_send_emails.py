"""A batch of e-mails queued as one task (the escalation command's batches) is delivered by the worker, each
message to its own people."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends

from casereview.core.tasks import send_emails


@pytest.mark.django_db(transaction=True)
def test_a_queued_batch_waits_for_the_worker_then_sends_each_message(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    assert type(task_backends["default"]).__name__ == "DatabaseBackend"
    send_emails.enqueue(
        messages=[
            {"subject": "Escalated: action 1", "body": "Overdue", "to": ["exec@example.org"]},
            {"subject": "Escalated: action 2", "body": "At risk", "to": ["bm@example.org", "chair@example.org"]},
        ]
    )
    assert mail.outbox == [] and DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Escalated: action 1", ["exec@example.org"]),
        ("Escalated: action 2", ["bm@example.org", "chair@example.org"]),
    ]
