"""The walls between modules: no module reads another's private names, and modules and functions stay small.

The import layers themselves are import-linter contracts in pyproject.toml (run by ``make lint``).
"""

from __future__ import annotations

import ast
from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib" / "newsdesk"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80
#: A function longer than the limit says why on its ``def`` line or the line above it.
EXCEPTION_MARK = "# size exception:"


def _modules() -> list[tuple[Path, str, ast.Module]]:
    return [(path, text, ast.parse(text)) for path in sorted(LIB.rglob("*.py")) for text in [path.read_text("utf-8")]]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name != "_"  # doc._ is spaCy's extension space


def _names_defined_in(cls: ast.ClassDef) -> set[str]:
    names = set()
    for node in cls.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    for node in ast.walk(cls):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self":
                names.add(target.attr)
    return names


def test_no_module_reads_another_modules_private_names() -> None:
    found = []
    for path, _, tree in _modules():
        where = path.relative_to(LIB.parent)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsdesk"):
                found += [f"{where}:{node.lineno} imports {a.name}" for a in node.names if _private(a.name)]
            own_object = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in (
                "self",
                "cls",
            )
            if isinstance(node, ast.Attribute) and _private(node.attr) and not own_object:
                found.append(f"{where}:{node.lineno} reads {ast.unparse(node)}")
            if isinstance(node, ast.ClassDef):  # a subclass reading its base's private state
                own = _names_defined_in(node)
                for inner in ast.walk(node):
                    reads_self = isinstance(inner, ast.Attribute) and isinstance(inner.value, ast.Name)
                    if reads_self and inner.value.id == "self" and _private(inner.attr) and inner.attr not in own:
                        found.append(f"{where}:{inner.lineno} {node.name} reads inherited self.{inner.attr}")
    assert found == []


def test_modules_and_functions_stay_small_or_say_why() -> None:
    too_long = []
    for path, text, tree in _modules():
        where = path.relative_to(LIB.parent)
        lines = text.splitlines()
        if len(lines) > MAX_MODULE_LINES:
            too_long.append(f"{where}: {len(lines)} lines")
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            marked = any(EXCEPTION_MARK in line for line in lines[max(0, first - 2) : node.lineno])
            if size > MAX_FUNCTION_LINES and not marked:
                too_long.append(f"{where}:{node.lineno} {node.name}: {size} lines")
    assert too_long == []
