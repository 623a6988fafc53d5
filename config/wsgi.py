import gc

from casereview.cli import configure_settings

configure_settings()

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

# Everything loaded so far (Django, the apps, their models and URLs: some 200,000 objects) lives as long as
# the process. Frozen, the collector no longer walks it on each full collection, which took 100-140 ms of a
# request every hundred or so requests, and a few milliseconds more of each request's collections on the
# long pages (benchmarks/floor.py's measures, decisions.md "National scale, helper scale8").
gc.freeze()
