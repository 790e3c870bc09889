"""One shape for everything wrong with what a user gave us.

A bad settings file, a bad exercise file or a bad command-line value all become a
``Problem``: the app keeps running on defaults and shows the user exactly where to look.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How much a problem matters: an error means a default replaced the user's value."""

    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a user's file, located as precisely as we can.

    Attributes:
        source: the file the problem is in.
        key: dotted setting name (``"breaks.sitting_limit"``), or ``None`` for the whole file.
        line: 1-based line number when known.
        message: what is wrong and what the app does instead, in plain words.
        severity: ``ERROR`` when the user's value was replaced, ``WARNING`` when it was kept.
    """

    source: Path
    key: str | None
    line: int | None
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = str(self.source)
        if self.line is not None:
            where += f", line {self.line}"
        if self.key is not None:
            where += f", {self.key}"
        return f"{where}: {self.message}"
