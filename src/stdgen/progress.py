"""The build's progress line: sets and files done, redrawn in place on a terminal.

    生成 [##########··········]  条款集 3/200  文件 412/1400  db34-t-3395-2019/standard.pdf

A set counts as done when its last file is written (a set with nothing to rebuild is done from
the start). When the stream is not a terminal (logs, CI) only the plan is written, on one line.
Both in the run's language.
"""

from __future__ import annotations

from typing import TextIO

from .i18n import Lang, phrase

WIDTH = 20


class BuildProgress:
    def __init__(self, stream: TextIO, *, enabled: bool | None = None, quiet: bool = False,
                 lang: Lang = "zh") -> None:
        self.stream = stream
        self.lang = lang
        self.enabled = stream.isatty() if enabled is None else enabled
        self.quiet = quiet
        self.left: dict[str, int] = {}  # set → files still to write
        self.sets = 0
        self.files = 0
        self.files_done = 0
        self.last = ""
        self.drawn = False

    def planned(self, todo: dict[str, int]) -> None:
        """The files each set will write (0 for a set already up to date)."""
        self.left = dict(todo)
        self.sets = len(todo)
        self.files = sum(todo.values())
        if not self.enabled and not self.quiet and self.files:
            sets = sum(1 for n in todo.values() if n)
            self.stream.write(phrase("progress-plan", files=self.files, sets=sets).render(self.lang) + "\n")
            self.stream.flush()
        self._draw()

    def done(self, set_name: str, file: str) -> None:
        self.files_done += 1
        self.left[set_name] = self.left.get(set_name, 1) - 1
        self.last = f"{set_name}/{file}"
        self._draw()

    @property
    def sets_done(self) -> int:
        return sum(1 for n in self.left.values() if n <= 0)

    def line(self) -> str:
        filled = WIDTH * self.files_done // self.files if self.files else WIDTH
        bar = "#" * filled + "·" * (WIDTH - filled)
        return phrase("progress-line", bar=bar, sets_done=self.sets_done, sets=self.sets, files_done=self.files_done,
                      files=self.files, last=self.last).render(self.lang).rstrip()

    def _draw(self) -> None:
        if self.enabled and not self.quiet and self.files:
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()
            self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
