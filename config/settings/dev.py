"""Local development: `make run`. Never used in production (see prod.py)."""

from .base import *  # noqa: F401,F403
from .base import SECRET_KEY, VAR_DIR

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]


def _development_secret_key():
    """A per-checkout random key kept in var/, so nothing secret is committed and sessions survive
    restarts of the development server."""
    import secrets

    path = VAR_DIR / "dev-secret-key"
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = SECRET_KEY or _development_secret_key()
