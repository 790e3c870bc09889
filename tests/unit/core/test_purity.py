"""The core must not read the clock, start threads or touch storage (DESIGN.md 3.2)."""

import ast
from pathlib import Path

import movebreak.core

CORE = Path(movebreak.core.__file__).parent
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "monotonic"),
    ("time", "localtime"),
}
FORBIDDEN_IMPORTS = {"threading", "sqlite3", "PySide6", "pynput", "apscheduler", "platformdirs"}


def _violations(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in FORBIDDEN_CALLS:
                found.append(f"{owner.id}.{node.func.attr}() at line {node.lineno}")
            if isinstance(owner, ast.Name) and owner.id == "random" and node.func.attr != "Random":
                found.append(f"module-level random.{node.func.attr}() at line {node.lineno}")
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                if name.split(".")[0] in FORBIDDEN_IMPORTS:
                    found.append(f"import {name} at line {node.lineno}")
    return found


def test_the_checker_catches_a_clock_read() -> None:
    assert sorted(_violations("import time\nx = time.monotonic()\nimport threading\n")) == [
        "import threading at line 3",
        "time.monotonic() at line 2",
    ]


def test_core_modules_are_pure() -> None:
    problems = {
        path.name: found
        for path in sorted(CORE.glob("*.py"))
        if (found := _violations(path.read_text(encoding="utf-8")))
    }
    assert problems == {}
