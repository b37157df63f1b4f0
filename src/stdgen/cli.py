"""The stdgen command line: parse arguments, call the library, print diagnostics."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal

import typer

from .diagnostics import ExitCode, Report
from .workspace import open_workspace

app = typer.Typer(
    help="Local service standards as clause YAML → GB/T 1.1—2020 DOCX, PDF and HTML.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)


class Format(StrEnum):
    text = "text"
    json = "json"


SetsArg = Annotated[list[str] | None, typer.Argument(help="Clause-set folder names (default: all).")]
ClausesOpt = Annotated[Path, typer.Option("--clauses", help="Folder holding the clause sets.")]
FormatOpt = Annotated[Format, typer.Option("--format", help="Diagnostics as text or JSON.")]


def _finish(report: Report, fmt: Format, strict: bool = False) -> None:
    if fmt is Format.json:
        typer.echo(report.render_json())
    elif report.items:
        typer.echo(report.render_text(), err=True)
    if report.failed(strict):
        errors = len(report.errors)
        warnings = len(report.items) - errors
        if fmt is Format.text:
            typer.echo(f"{errors} error(s), {warnings} warning(s)", err=True)
        raise typer.Exit(ExitCode.ERRORS)


class Language(StrEnum):
    zh = "zh"
    en = "en"


@app.command()
def check(sets: SetsArg = None, clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          strict: Annotated[bool, typer.Option(help="Warnings fail the check too.")] = False,
          list_rules: Annotated[bool, typer.Option("--list-rules", help="Print the drafting rules and exit.")] = False,
          lang: Annotated[Language, typer.Option("--lang", help="Language of drafting-rule messages.")] = Language.zh,
          ) -> None:
    """Validate clause sets: YAML, schema, IDs, cross-references, structure and GB/T 1.1 drafting rules."""
    from .lint import lint_workspace
    from .lint import list_rules as rule_list

    language: Literal["zh", "en"] = "en" if lang is Language.en else "zh"
    if list_rules:
        typer.echo(rule_list(language, fmt.value))
        return
    report = Report()
    workspace = open_workspace(clauses, report, sets)
    lint_workspace(workspace, report, language)
    _finish(report, fmt, strict)
    if fmt is Format.text:
        typer.echo(f"ok: {len(workspace.sets)} clause set(s) checked", err=True)


@app.command()
def build(sets: SetsArg = None, clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          out: Annotated[Path, typer.Option(help="Output folder; each set goes to OUT/<set>/.")] = Path("output"),
          strict: Annotated[bool, typer.Option(help="Warnings stop the build too.")] = False) -> None:
    """Check the clause sets, then build their documents (DOCX, HTML, PDF) under OUT."""
    from .build import build_set

    report = Report()
    workspace = open_workspace(clauses, report, sets)
    if report.failed(strict):
        _finish(report, fmt, strict)
    written = [path for rs in workspace.sets.values() for path in build_set(rs, out, report)]
    _finish(report, fmt, strict)
    if fmt is Format.text:
        for path in written:
            typer.echo(str(path))


@app.command()
def schema(out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None) -> None:
    """Write the JSON Schema of clause-set files (standard.yaml and content files)."""
    from .schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if out is None:
        typer.echo(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")


def main() -> None:  # pragma: no cover - entry point for `python -m stdgen`
    try:
        app()
    except Exception as exc:  # a bug in stdgen: say so plainly, no traceback
        print(f"stdgen: internal error: {exc!r}; please report it", file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)
