from django_tasks import task


@task()
def extract_batch(*, batch_id):
    from .services import batch_extract

    batch_extract(batch_id)


@task()
def detect_report(*, report_id):
    from .publication import report_detect

    report_detect(report_id)
