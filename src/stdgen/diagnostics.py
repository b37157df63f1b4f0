"""Diagnostics are collected, never raised one at a time, and printed as
``file:line:col CODE message`` with a hint."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Literal

Severity = Literal["error", "warning", "info"]
FOLLOW_ON = "F005"  # one line for the errors a set that failed to load causes in other files


class ExitCode(IntEnum):
    """Documented exit codes of every stdgen command."""

    OK = 0
    ERRORS = 1  # the input has errors (or warnings under --strict)
    USAGE = 2  # bad command line: unknown set, unknown option
    INTERNAL = 3  # a bug in stdgen; the message asks for a report


@dataclass(frozen=True)
class Position:
    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    position: Position
    severity: Severity = "error"
    hint: str = ""

    def render(self) -> str:
        text = f"{self.position} {self.code} {self.severity}: {self.message}"
        return f"{text}\n    hint: {self.hint}" if self.hint else text

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["position"] = asdict(self.position)
        return data


@dataclass
class Report:
    """All diagnostics of one run, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)
    # files under these folders (sets that failed to load) are listed first, then FOLLOW_ON summaries
    leading: list[str] = field(default_factory=list)

    def add(self, code: str, message: str, position: Position, hint: str = "",
            severity: Severity = "error") -> None:
        self.items.append(Diagnostic(code, message, position, severity, hint))

    def extend(self, other: Report) -> None:
        self.items.extend(other.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    def failed(self, strict: bool = False) -> bool:
        bad = {"error", "warning"} if strict else {"error"}
        return any(d.severity in bad for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """By file and place; a set's own load errors lead, the summary of what they caused follows."""
        def rank(d: Diagnostic) -> int:
            if d.code == FOLLOW_ON:
                return 1
            return 0 if any(d.position.file.startswith(folder + "/") for folder in self.leading) else 2

        return sorted(self.items, key=lambda d: (rank(d), d.position.file, d.position.line, d.position.col))

    def render_text(self) -> str:
        return "\n".join(d.render() for d in self.sorted())

    def render_json(self) -> str:
        return json.dumps([d.as_json() for d in self.sorted()], ensure_ascii=False, indent=2)
