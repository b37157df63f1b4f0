"""``stdgen import``: a standard in DOCX, PDF or plain text → a clause set folder.

readers (format → blocks) → parse (blocks → set data) → write (YAML files and the import report).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..diagnostics import Position, Report
from ..i18n import Lang, Phrase, msg, phrase
from .parse import Parsed, Problem, parse
from .readers import Unreadable as Unreadable  # raised by import_file
from .readers import read

REPORT_FILE = "import-report.txt"


@dataclass
class Imported:
    folder: Path
    parsed: Parsed
    pages: int  # source pages (PDF) or an estimate (40 lines a page) for the benchmark


def import_file(source: Path, code: str, folder: Path, lang: Lang = "zh") -> Imported:
    """Read source and write the clause set into folder (created; must not exist or be empty); its
    import report in lang. Unreadable, before anything is written, when the source cannot be read."""
    blocks = read(source)
    parsed = parse(blocks, code, source.name)
    write_set(parsed, folder, source, lang)
    pages = max(int(b.where.split()[-1]) for b in blocks if b.where.startswith("page ")) if any(
        b.where.startswith("page ") for b in blocks) else max(1, len(blocks) // 40)
    return Imported(folder, parsed, pages)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # clause files refuse anchors and aliases (Y003)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)


def write_set(parsed: Parsed, folder: Path, source: Path, lang: Lang = "zh") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    head = f"# imported by `stdgen import` from {source.name}; check every value against the source\n"
    (folder / "standard.yaml").write_text(head + _dump(parsed.standard), encoding="utf-8")
    for name, key, items in (("10-terms.yaml", "terms", parsed.terms), ("20-body.yaml", "clauses", parsed.clauses),
                             ("30-annexes.yaml", "annexes", parsed.annexes)):
        if items:
            (folder / name).write_text(head + _dump({key: items}), encoding="utf-8")
    (folder / REPORT_FILE).write_text(render_problems(parsed.problems, source, lang), encoding="utf-8")


def render_problems(problems: list[Problem], source: Path, lang: Lang = "zh") -> str:
    if not problems:
        return phrase("import-all-placed", file=source.name).render(lang) + "\n"
    lines = [phrase("import-not-placed", file=source.name, count=len(problems)).render(lang)]
    lines += [f"{_where(p.where).render(lang)}\t{p.what}\t{p.why.render(lang)}" for p in problems]
    return "\n".join(lines) + "\n"


def _where(where: str) -> Phrase:
    """line 12, page 3, paragraph 7, term 3.1, cover: as the language says it."""
    kind, _, number = where.partition(" ")
    return phrase(f"import-at-{kind}", number=number) if kind in PLACES else phrase("import-at", where=where)


PLACES = ("line", "page", "paragraph", "term", "cover")


def report_problems(problems: list[Problem], source: Path, report: Report) -> None:
    """Each unplaced block as an I001 warning at its place in the source."""
    for p in problems:
        m = re.match(r"(line|page|paragraph) (\d+)", p.where)
        line = int(m.group(2)) if m else 0
        report.add(msg("I001", where=_where(p.where), what=p.what, why=p.why), Position(str(source), line, 0),
                   severity="warning")
