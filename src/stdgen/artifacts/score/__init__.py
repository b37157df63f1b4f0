"""Score report (评分报告): filled checklists or results files → compliance rate, weighted score,
per-chapter breakdown, every nonconformity, and over many files the per-clause frequencies."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

from ...diagnostics import Position, Report
from ...i18n import msg
from ...outdir import Staged, locked
from ...render.fonts import FontsMissing
from ...render.html import write_html
from ...render.pdf import write_pdf
from ...render.templates import TemplateProblem
from ...workspace import open_workspace
from ..checklist.rows import checklist_version
from .compute import Inspection, Score, Tally, score, validate
from .results import Results, read_results
from .tree import report_document, report_json

__all__ = ["Inspection", "Results", "Score", "Tally", "read_results", "run_score", "score", "validate",
           "write_report"]

FORMATS = ("json", "html", "pdf")


def run_score(paths: list[Path], clauses: Path, set_name: str | None, out: Path | None, report: Report,
              formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Read, check and score results files; write the report unless there were errors."""
    files = [r for p in paths if (r := read_results(p, report)) is not None]
    chosen = _which_set(files, set_name, report)
    if chosen is None:
        return []
    before = len(report.errors)
    workspace = open_workspace(clauses, report, [chosen])
    rs = workspace.sets.get(chosen)
    if rs is None or len(report.errors) > before:  # the clause set itself is broken
        return []
    # every file is checked against the set even when reading found errors: all problems in one run
    inspections = [i for r in files if (i := validate(r, rs, report)) is not None]
    if report.failed() or not inspections:
        return []
    result = score(inspections, rs, checklist_version(rs))
    folder = out or Path("output") / "scores" / chosen
    try:
        with locked(folder):  # one run at a time writes the folder; a killed run's debris is removed
            return write_report(result, folder, formats)
    except FontsMissing as exc:
        report.add(msg("B004.score", problem=exc.problem, install=exc.hint), Position(str(folder)))
        return []
    except TemplateProblem as exc:
        report.add(exc.text("score"), Position(exc.file, exc.line, 1))
        return []


def _which_set(files: list[Results], set_name: str | None, report: Report) -> str | None:
    named = sorted({r.set_name for r in files if r.set_name})
    if set_name is None:
        if len(named) > 1:
            for r in files:
                report.add(msg("C110.among", name=str(r.set_name), named=named), r.where("set"))
            return None
        if not named:
            for r in files:
                report.add(msg("C110.unnamed"), r.where("set"))
            return None
        set_name = named[0]
    for r in files:
        if r.set_name and r.set_name != set_name:
            report.add(msg("C110", name=str(r.set_name), wanted=set_name), r.where("set"))
    return set_name


def write_report(result: Score, out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """score.{json,html,pdf} in out, replaced together only when all were written (outdir.Staged)."""
    doc = report_document(result) if {"html", "pdf"} & set(formats) else None
    writers: dict[str, Callable[[Path], object]] = {
        "json": lambda p: p.write_text(json.dumps(report_json(result), ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")}
    if doc is not None:
        writers |= {"html": partial(write_html, doc), "pdf": partial(write_pdf, doc)}
    staged = Staged(out)
    try:
        for fmt in formats:
            if fmt in writers:
                staged.add(out / f"score.{fmt}", writers[fmt])
    except BaseException:
        staged.discard()
        raise
    return staged.commit()
