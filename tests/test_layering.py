"""The floors of the code: `core` and `accounts` are the ground floor and know no domain app, so a change in
a review or an action plan can never break signing in or the access decisions. Walks every module's imports,
including those inside functions and relative ones. (`apps.get_model` is not an import: a lower floor may
look a model up through the registry, as Django's contrib apps do.)"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "casereview"

# app -> the apps it may import besides itself. Tests are exempt: they build whole journeys. The audit trail
# sits between the two: it keeps events of every app's records but knows none of them (it reaches the
# partnership through core.scoping's policy), so accounts may record its own changes.
ALLOWED = {
    "core": set(),
    "audit": {"core"},
    "accounts": {"core", "audit"},
    # told by domain services what was asked of whom; knows none of them
    "notifications": {"core", "audit", "accounts"},
}


def imported_apps(path, root=PACKAGE):
    """The casereview apps a module imports, with the line of each import."""
    module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] + ([f"{target}.{a.name}" for a in node.names] if target == "casereview" else [])
        for name in names:
            parts = name.split(".")
            if parts[0] == "casereview" and len(parts) > 1:
                found.append((parts[1], node.lineno))
    return found


def modules_of(app):
    for path in sorted((PACKAGE / app).rglob("*.py")):
        if "tests" in path.relative_to(PACKAGE).parts or "migrations" in path.parts:
            continue
        yield path


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_ground_floor_imports_no_domain_app(app):
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    wrong = []
    for path in modules_of(app):
        for imported, line in imported_apps(path):
            if imported in apps and imported != app and imported not in ALLOWED[app]:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports casereview.{imported}")
    assert wrong == []


def test_the_walk_sees_imports_inside_functions_and_relative_ones(tmp_path):
    sample = tmp_path / "casereview" / "core" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text("def f():\n    from casereview.reviews.models import Review\n    from ..accounts import models\n")
    assert imported_apps(sample, root=tmp_path / "casereview") == [("reviews", 2), ("accounts", 3)]


def app_graph():
    apps = {p.name for p in PACKAGE.iterdir() if (p / "apps.py").exists()}
    graph = {app: set() for app in apps}
    for app in apps:
        for path in modules_of(app):
            graph[app] |= {imported for imported, _ in imported_apps(path) if imported in apps and imported != app}
    return graph


def test_no_import_cycle_crosses_apps():
    graph = app_graph()
    cycles = []

    def visit(app, trail):
        for nxt in sorted(graph[app]):
            if nxt in trail:
                cycles.append(" -> ".join(trail[trail.index(nxt) :] + [nxt]))
            elif len(trail) < len(graph):
                visit(nxt, trail + [nxt])

    for app in sorted(graph):
        visit(app, [app])
    assert sorted(set(cycles)) == []
