"""How large an upload may be, per kind, from settings (CASEREVIEW_UPLOAD_MAX_MB), and the one way of
saying a file is too large, so every limit and its message agree."""

from django.conf import settings


def max_megabytes(kind):
    return settings.CASEREVIEW_UPLOAD_MAX_MB[kind]


def max_bytes(kind):
    return max_megabytes(kind) * 1024 * 1024


def too_large(kind, size, advice=""):
    """The message for a file of `size` bytes over the `kind` limit, or None when it fits."""
    if size <= max_bytes(kind):
        return None
    message = f"The selected file must be smaller than {max_megabytes(kind)} MB (it is {size / 1024 / 1024:.1f} MB)"
    return f"{message}. {advice}" if advice else message
