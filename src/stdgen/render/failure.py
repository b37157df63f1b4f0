"""What a renderer's failure is told as, for every command that writes files: a missing font (B004), a
bureau template at its line (T001/T002) or anything else (B001), each keyed by where it happened
(``B004.build``, ``T001.checklist`` …) so the command's own wording and parameters are used."""

from __future__ import annotations

from ..diagnostics import Position
from ..i18n import Arg, Message, msg
from .fonts import FontsMissing
from .templates import TemplateProblem


def render_failure(exc: Exception, where: str, **args: Arg) -> tuple[Message, Position | None]:
    """The diagnostic of exc and its position (a template's line; None: the caller's own place)."""
    if isinstance(exc, FontsMissing):
        return msg(f"B004.{where}", problem=exc.problem, install=exc.hint, **args), None
    if isinstance(exc, TemplateProblem):
        return exc.text(where, **args), Position(exc.file, exc.line, 1)
    return msg(f"B001.{where}", error=repr(exc), **args), None
