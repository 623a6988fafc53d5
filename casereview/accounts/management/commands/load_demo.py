"""`manage.py load_demo` (or `casereview demo`): the demo partnerships built from the seed papers.

Idempotent: a second run creates nothing and changes nothing. The demo users' passwords are random,
printed once when the users are created and kept in var/demo-logins.txt (readable by the owner only) so
`make run` can show them again on this machine. Refused in production.
"""

import os
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from casereview.accounts import demo


def app_demos():
    """Each installed app's `demo` module with a `load(slugs)`, in INSTALLED_APPS order (an app's demo may
    build on the records of the apps before it), found through the app registry so accounts imports none."""
    for config in apps.get_app_configs():
        if config.name == "casereview.accounts" or not config.name.startswith("casereview."):
            continue
        if find_spec(f"{config.name}.demo") is not None:
            yield import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Load the demo partnerships from the seed papers (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership",
            action="append",
            dest="partnerships",
            default=[],
            metavar="SLUG",
            help="Load only this partnership (repeatable). Default: all of them.",
        )

    def handle(self, *args, partnerships, **options):
        if os.environ.get("CASEREVIEW_ENV") == "production":
            raise CommandError(
                "Demo data is for development and testing; refusing to load it with production settings."
            )
        try:
            chosen = demo.select(partnerships)
            with transaction.atomic():  # all of it or none of it
                created, logins = demo.load(chosen)
                slugs = [p["slug"] for p in chosen]
                for app_demo in app_demos():
                    created += app_demo.load(slugs)
        except demo.DemoDataError as exc:
            raise CommandError(str(exc)) from None
        if not created:
            self.stdout.write("Demo data already loaded: nothing changed.")
            return
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {created} records created."))
        if logins:
            lines = [f"{l.username:32} {l.password:20} {l.role} — {l.partnership}" for l in logins]
            if options["verbosity"] >= 1:  # make run passes 0 and prints the saved file itself
                self.stdout.write("Demo sign-ins (shown once; also saved to var/demo-logins.txt):")
                for line in lines:
                    self.stdout.write("  " + line)
            path = settings.VAR_DIR / "demo-logins.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a") as fh:
                path.chmod(0o600)
                fh.write("\n".join(lines) + "\n")
