from django_tasks import task


@task()
def import_chronology(*, import_id):
    from .services import chronology_import_run

    chronology_import_run(import_id)
