"""Limits for parsing untrusted files, and a way to run a parser under them.

A hostile PDF or DOCX can make a parser loop, allocate without end or crash. Every parse of such a file runs
in a child process with a wall-clock timeout and kernel limits on CPU time, memory and output size, so the
worst it can do is fail; the web worker or CLI that asked survives and reports why."""

import resource
import subprocess
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * MB
    max_pages: int = 1000
    seconds: int = 60
    memory_bytes: int = 1024 * MB
    max_text_bytes: int = 64 * MB
    # Text handed on to extraction and anonymisation, whatever the kind of file: ten million characters
    # is about 30 times the longest published review, and keeps detection's memory near a gigabyte.
    max_text_characters: int = 10_000_000
    # A DOCX is a zip: refuse one whose parts would expand past this, or expand suspiciously well.
    max_unzipped_bytes: int = 200 * MB
    max_compression_ratio: int = 200


DEFAULT_LIMITS = Limits()


class LimitExceeded(Exception):
    """The child ran out of time, memory or output space."""


def apply_kernel_limits(limits):
    """Called in the child, before it parses anything."""
    resource.setrlimit(resource.RLIMIT_CPU, (limits.seconds, limits.seconds))
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.max_text_bytes, limits.max_text_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _kernel_limits(limits):
    return lambda: apply_kernel_limits(limits)


def run_limited(command, limits, *, stdout=subprocess.PIPE):
    """Run `command` under `limits`; returns the CompletedProcess, or raises LimitExceeded."""
    try:
        completed = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=limits.seconds,
            preexec_fn=_kernel_limits(limits),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise LimitExceeded(f"took longer than {limits.seconds} s") from exc
    if completed.returncode < 0:
        # Killed by a signal: SIGXCPU, SIGXFSZ, SIGKILL (out of memory) or SIGSEGV (a parser crash).
        raise LimitExceeded(f"was stopped by signal {-completed.returncode}")
    return completed
