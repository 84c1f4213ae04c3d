"""The arrows of DESIGN.md: blueprints → services → models; nlp imports nothing of the app; bleach in one place."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "feedback_app"


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, with relative imports resolved to absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_only_sanitize_imports_bleach():
    users = {p.name for p in modules() if any(name.split(".")[0] == "bleach" for name in imports_of(p))}
    assert users == {"sanitize.py"}


def test_nothing_imports_the_blueprints():
    offenders = [
        str(p.relative_to(PACKAGE)) for p in modules()
        if "blueprints" not in p.parts and any(n.startswith("feedback_app.blueprints") for n in imports_of(p))
        and p.name != "__init__.py"
    ]
    assert offenders == []


def test_services_and_models_do_not_import_blueprints_or_flask_views():
    for folder in ("services", "models"):
        for path in modules(folder):
            assert not any(n.startswith("feedback_app.blueprints") for n in imports_of(path)), path


def test_nlp_imports_nothing_of_the_app_or_flask():
    for path in modules("nlp"):
        names = imports_of(path)
        app_imports = {n for n in names if n.startswith("feedback_app") and not n.startswith("feedback_app.nlp")}
        assert not app_imports, f"{path.name} imports {app_imports}"
        assert not any(n.split(".")[0] in {"flask", "flask_sqlalchemy", "sqlalchemy"} for n in names), path.name
