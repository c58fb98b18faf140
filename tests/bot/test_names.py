"""One name per concept in the core (issue 13): no two classes share a name,
an alert is called an alert (the stored table's old name, ``broadcast``,
stays in SQL only), and the audit trail has one way in."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CORE = ROOT / "bot"


def _modules() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(CORE.rglob("*.py"))
    }


def _identifiers(tree: ast.Module) -> set[str]:
    """Every name the code gives or uses (not the text of its strings)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.arg) or (isinstance(node, ast.keyword) and node.arg is not None):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add(node.asname or node.name)
    return names


def test_no_two_classes_in_the_core_share_a_name() -> None:
    where: dict[str, list[str]] = defaultdict(list)
    for path, tree in _modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                where[node.name].append(str(path.relative_to(ROOT)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


def test_the_core_calls_an_alert_an_alert() -> None:
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path, tree in _modules().items()
        for name in _identifiers(tree)
        if "broadcast" in name.lower()
    }
    assert found == set()
    assert not (CORE / "store" / "broadcast.py").exists()


def test_the_audit_trail_has_one_way_in() -> None:
    """Only ``bot.forum.audit.record`` calls the store's writer, and only the
    store's audit module writes the table."""
    writers: set[str] = set()
    callers: set[str] = set()
    for path, tree in _modules().items():
        text = path.read_text(encoding="utf-8")
        if "INSERT INTO audit" in text:
            writers.add(str(path.relative_to(ROOT)))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "audit_rows"
            ):
                callers.add(str(path.relative_to(ROOT)))
    assert writers == {"bot/store/audit.py"}
    assert callers == {"bot/forum/audit.py"}
