from django_tasks import task


@task()
def extract_batch(*, batch_id):
    from .services import batch_extract

    batch_extract(batch_id)
