"""The library only reads other apps, through their selectors (and the extraction pipeline, a plain
module that reads files); the ground floor (core, accounts, audit) is open to it, as to every app."""

import ast
from pathlib import Path

LIBRARY = Path(__file__).resolve().parents[1]
GROUND = {"core", "accounts", "audit"}


def foreign_imports():
    wrong = []
    for path in LIBRARY.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("casereview."):
                parts = node.module.split(".")
                app = parts[1]
                allowed = (
                    app in GROUND
                    or app == "library"
                    or parts[2:3] == ["selectors"]
                    or parts[1:3] == ["documents", "extraction"]
                )
                if not allowed:
                    wrong.append(f"{path.name}: from {node.module} import ...")
    return wrong


def test_the_library_reads_other_apps_only_through_their_selectors():
    assert foreign_imports() == []
