"""Entry points: `manage.py` and the `casereview` console script both land here.

CASEREVIEW_ENV picks the settings module (development by default), so production is one variable away
and cannot be reached by accident."""

import os
import sys

SETTINGS_BY_ENV = {
    "development": "config.settings.dev",
    "test": "config.settings.test",
    "production": "config.settings.prod",
}
# Friendly names for the commands people use most; anything else passes straight to Django.
ALIASES = {"demo": "load_demo", "seed-scale": "seed_scale"}


def configure_settings():
    env = os.environ.get("CASEREVIEW_ENV", "development")
    if env not in SETTINGS_BY_ENV:
        sys.exit(f"CASEREVIEW_ENV must be one of {', '.join(SETTINGS_BY_ENV)}, not {env!r}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_BY_ENV[env])


def run_django(argv):
    configure_settings()
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as exc:
        # A configuration mistake deserves one clear sentence, not a traceback.
        sys.exit(f"casereview: configuration problem: {exc}")


def main():
    argv = list(sys.argv)
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    argv[0] = "casereview"
    run_django(argv)


if __name__ == "__main__":  # `python -m casereview.cli ...` as well as the console script
    main()
