"""Diagnostics are collected, never raised one at a time, and printed as
``file:line:col CODE message`` with a hint, worded in the run's language."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from typing import Literal

from .i18n import Lang, Message, Phrase

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
    text: Message
    position: Position
    severity: Severity = "error"

    @property
    def code(self) -> str:
        return self.text.code

    @property
    def message(self) -> str:
        """The message in English: what programs (and tests) match on; people read render(lang)."""
        return self.text.worded("en")[0]

    @property
    def hint(self) -> str:
        return self.text.worded("en")[1]

    def render(self, lang: Lang = "zh") -> str:
        message, hint = self.text.worded(lang)
        words = SEVERITY_WORDS[lang]
        text = f"{self.position} {self.code} {words[self.severity]}{message}"
        return f"{text}\n    {words['hint']}{hint}" if hint else text

    def as_json(self, lang: Lang = "zh") -> dict[str, object]:
        """The diagnostic as printed by --format json: code, message and hint in lang."""
        message, hint = self.text.worded(lang)
        return {"code": self.code, "message": message, "position": asdict(self.position),
                "severity": self.severity, "hint": hint}


SEVERITY_WORDS: dict[Lang, dict[str, str]] = {
    "zh": {"error": "错误：", "warning": "警告：", "info": "信息：", "hint": "提示："},
    "en": {"error": "error: ", "warning": "warning: ", "info": "info: ", "hint": "hint: "},
}


@dataclass
class Report:
    """All diagnostics of one run, in the order they were found."""

    items: list[Diagnostic] = field(default_factory=list)
    # files under these folders (sets that failed to load) are listed first, then FOLLOW_ON summaries
    leading: list[str] = field(default_factory=list)
    lang: Lang = "zh"  # the language the run prints in

    def add(self, text: Message, position: Position, severity: Severity = "error") -> None:
        """Collect a diagnostic: what it says (a catalogue key and parameters) and where."""
        self.items.append(Diagnostic(text, position, severity))

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

    def render_text(self, lang: Lang | None = None) -> str:
        return "\n".join(d.render(lang or self.lang) for d in self.sorted())

    def render_json(self, lang: Lang | None = None) -> str:
        return json.dumps([d.as_json(lang or self.lang) for d in self.sorted()], ensure_ascii=False, indent=2)

    def summary(self) -> str:
        """The closing line of a failed run: how many errors and warnings."""
        errors = len(self.errors)
        return Phrase("summary", (("errors", errors), ("warnings", len(self.items) - errors))).render(self.lang)
