from django_tasks import task


@task()
def detect_report(*, report_id):
    from .services import report_detect

    report_detect(report_id)


@task()
def check_report_text(*, report_id):
    from .services import report_text_check

    report_text_check(report_id)
