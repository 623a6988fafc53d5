"""Settings come from the environment; bad values are explained, production passes Django's deploy check."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.base import database_from_env

ROOT = Path(__file__).resolve().parent.parent
CASEREVIEW = Path(sys.executable).parent / "casereview"


def manage(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    full_env.update(env)
    return subprocess.run([str(CASEREVIEW), *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


def test_without_database_url_an_sqlite_file_under_var_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr("config.settings.base.VAR_DIR", tmp_path)
    config = database_from_env()
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "casereview.sqlite3"


def test_database_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casereview")
    config = database_from_env()
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("127.0.0.1", 5432, "casereview")


def test_postgresql_sessions_start_no_parallel_workers(monkeypatch):
    """A page's queries are short index reads: starting parallel workers for one costs more than it saves."""
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casereview?options=-c%20work_mem%3D8MB")
    assert database_from_env()["OPTIONS"]["options"] == "-c work_mem=8MB -c max_parallel_workers_per_gather=0"
    monkeypatch.setenv("CASEREVIEW_PG_PARALLEL_WORKERS", "2")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/casereview")
    assert database_from_env()["OPTIONS"]["options"] == "-c max_parallel_workers_per_gather=2"


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y", "postgres://host:notaport/db", "postgres://host:5432/"])
def test_malformed_database_url_is_explained(monkeypatch, url):
    monkeypatch.setenv("DATABASE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_env()


def test_malformed_database_url_stops_the_command_with_a_clear_message():
    result = manage("check", DATABASE_URL="mysql//oops")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_unknown_environment_name_is_refused():
    result = manage("check", CASEREVIEW_ENV="staging")
    assert result.returncode != 0
    assert "CASEREVIEW_ENV must be one of development, test, production" in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        CASEREVIEW_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="casereview.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", CASEREVIEW_ENV="production", SECRET_KEY="", ALLOWED_HOSTS="casereview.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def _redis_reachable():
    import socket

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_reachable() and not os.environ.get("CI"), reason="no Redis on 127.0.0.1:6379")
def test_production_task_backend_queues_work_on_redis():
    """CASEREVIEW_TASK_BACKEND=rq sends tasks to RQ on Redis instead of the database."""
    script = (
        "import django_rq; from casereview.core.tasks import send_email; "
        "q = django_rq.get_queue('default'); q.empty(); "
        "r = send_email.enqueue(subject='s', body='b', to=['x@example.org']); "
        "print('queued', q.count, r.status); q.empty()"
    )
    result = manage("shell", "-c", script, CASEREVIEW_TASK_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/15")
    assert result.returncode == 0, result.stderr
    assert "queued 1 READY" in result.stdout


def test_unknown_task_backend_is_explained():
    result = manage("check", CASEREVIEW_TASK_BACKEND="carrier-pigeon")
    assert result.returncode != 0
    assert "CASEREVIEW_TASK_BACKEND must be 'database', 'rq' or 'immediate'" in result.stderr


def test_no_template_relies_on_an_inline_style_the_content_security_policy_refuses():
    """style-src 'self' makes the browser ignore every style="…" attribute: the dashboard's charts overflowed a
    phone and the themes page drew no bars while the markup looked right. Styles belong in casereview.scss."""
    root = ROOT / "casereview"
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in root.glob("*/templates/**/*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\sstyle=[\"']", line)
    ]
    assert offenders == []
