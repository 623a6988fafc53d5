"""Bad input from issues 15 and 16 tried on the command line as a hostile user would (probe/badinput16.py)."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def test_python_dash_m_casereview_cli_runs_the_command_it_is_given():
    # `python -m casereview.cli extract --help` used to exit 0 having printed nothing at all.
    completed = subprocess.run(
        [sys.executable, "-m", "casereview.cli", "extract", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": ROOT},
        timeout=120,
    )
    assert completed.returncode == 0
    assert "usage: casereview extract" in completed.stdout
