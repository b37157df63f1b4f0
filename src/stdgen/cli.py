"""The stdgen command line: parse arguments, call the library, print diagnostics."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .diagnostics import ExitCode, Position, Report
from .i18n import Arg, Lang, lang_of, msg, phrase

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
TemplatesOpt = Annotated[Path | None, typer.Option(
    "--templates", help="Bureau templates overriding stdgen's (cover, header, page CSS); default: ./templates "
                        "when it exists.")]


def use_templates(folder: Path | None, report: Report) -> bool:
    """Render with the bureau's templates (folder, else ./templates); False when one is broken (T001)."""
    from .render import templates

    chosen = folder if folder is not None else Path("templates") if Path("templates").is_dir() else None
    if chosen is not None and not chosen.is_dir():
        report.add(msg("T001.folder", folder=str(chosen)), Position(str(chosen)))
        return False
    templates.use(chosen)
    problems = templates.check()
    for problem in problems:
        report.add(problem.text("check"), Position(problem.file, problem.line, 1))
    return not problems


def writable(out: Path, report: Report, create: bool = True) -> bool:
    """The output folder is a folder (or nothing yet) and can be made (B006 otherwise)."""
    try:
        if out.exists() and not out.is_dir():
            raise NotADirectoryError(20, "it is a file, not a folder", str(out))
        if create:
            out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        unwritable(out, exc, report)
        return False
    return True


def unwritable(out: Path, exc: OSError, report: Report) -> None:
    report.add(msg("B006", folder=str(exc.filename or out), reason=str(exc.strerror or exc)), Position(str(out)))


def _waiting(report: Report, out: Path) -> Callable[[], None]:
    """What a run says when another run holds the output folder."""
    return lambda: typer.echo(phrase("waiting", folder=str(out)).render(report.lang), err=True)


def _finish(report: Report, fmt: Format, strict: bool = False) -> None:
    if fmt is Format.json:
        typer.echo(report.render_json())
    elif report.items:
        typer.echo(report.render_text(), err=True)
    if report.failed(strict):
        if fmt is Format.text:
            typer.echo(report.summary(), err=True)
        raise typer.Exit(ExitCode.ERRORS)


class Language(StrEnum):
    zh = "zh"
    en = "en"


LangOpt = Annotated[Language, typer.Option("--lang", help="Language of the run's messages: zh (Chinese) or en.")]


def _language(lang: Language) -> Lang:
    return "en" if lang is Language.en else "zh"


def _say(report: Report, key: str, **args: Arg) -> str:
    """A line of the run's own (not a diagnostic), in the run's language."""
    return phrase(key, **args).render(report.lang)


@app.command()
def check(sets: SetsArg = None, clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          strict: Annotated[bool, typer.Option(help="Warnings fail the check too.")] = False,
          list_rules: Annotated[bool, typer.Option("--list-rules", help="Print the drafting rules and exit.")] = False,
          lang: LangOpt = Language.zh) -> None:
    """Validate clause sets: YAML, schema, IDs, cross-references, structure and GB/T 1.1 drafting rules."""
    from .lint import lint_workspace
    from .lint import list_rules as rule_list
    from .workspace import open_workspace

    language = _language(lang)
    if list_rules:
        typer.echo(rule_list(language, fmt.value))
        return
    report = Report(lang=language)
    workspace = open_workspace(clauses, report, sets)
    lint_workspace(workspace, report)
    _finish(report, fmt, strict)
    if fmt is Format.text:
        typer.echo(_say(report, "checked", count=len(workspace.sets)), err=True)


@app.command()
def build(sets: SetsArg = None, clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          out: Annotated[Path, typer.Option(help="Output folder; each set goes to OUT/<set>/.")] = Path("output"),
          strict: Annotated[bool, typer.Option(help="Warnings stop the build too.")] = False,
          jobs: Annotated[int, typer.Option(help="Worker processes (0: one per CPU core).", min=0)] = 0,
          force: Annotated[bool, typer.Option(help="Rebuild everything, even what is up to date.")] = False,
          templates: TemplatesOpt = None, lang: LangOpt = Language.zh) -> None:
    """Check the clause sets, then build what changed: standard and checklist files per set under OUT,
    and the concordance and cross-reference index when every set is built."""
    from . import uptodate

    key = uptodate.build_key(clauses, out, sets or [], templates, lang.value)
    recorded = None if force else uptodate.replay(out, key, _language(lang))
    if recorded is not None:  # nothing changed since a build without errors: its diagnostics, no work
        _finish(recorded, fmt, strict)
        if fmt is Format.text:
            typer.echo(_say(recorded, "up-to-date"), err=True)
        return
    from .build import CrossAhead, WorkerPool, build_sets, build_workspace
    from .lint import lint_workspace
    from .outdir import locked
    from .progress import BuildProgress
    from .workspace import open_workspace, sets_with_errors

    report = Report(lang=_language(lang))
    templates_good = use_templates(templates, report)  # chosen before the workers start: they inherit them
    workers = jobs or os.cpu_count() or 1
    written: list[Path] = []
    with WorkerPool(workers) if workers > 1 else nullcontext() as pool:  # they start while the sets load
        workspace = open_workspace(clauses, report, sets)
        lint_workspace(workspace, report)  # what `stdgen check` reports stops a build too
        # a set with errors is not built; the other sets named are (the run still fails)
        refused = sets_with_errors(workspace, report) if not strict else (
            set(workspace.sets) if report.failed(strict) else set())
        if not templates_good:
            refused = set(workspace.sets)
        ready = [rs for name, rs in workspace.sets.items() if name not in refused]
        progress = BuildProgress(sys.stderr, quiet=fmt is Format.json, lang=report.lang)
        try:
            if writable(out, report):
                with locked(out, waiting=_waiting(report, out)), CrossAhead(workspace, out, force) as ahead:
                    try:
                        written = build_sets(ready, out, report, jobs=workers, force=force, progress=progress,
                                             meanwhile=ahead, pool=pool)
                    finally:
                        progress.close()
                    if not report.failed(strict):  # cross-set files link every set: only when all of them are good
                        written += build_workspace(workspace, out, report, force=force, ahead=ahead)
                        if not report.failed(strict):
                            uptodate.record(out, key, report)
        except OSError as exc:  # the output folder cannot be written (read-only, full disk)
            unwritable(out, exc, report)
    _finish(report, fmt, strict)
    if fmt is Format.text:
        for path in written:
            typer.echo(str(path))
        if not written:
            typer.echo(_say(report, "up-to-date"), err=True)


@app.command()
def schema(out: Annotated[Path | None, typer.Option(help="Write here instead of standard output.")] = None,
           lang: LangOpt = Language.zh) -> None:
    """Write the JSON Schema of clause-set files (standard.yaml and content files)."""
    from .schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2)
    if out is None:
        typer.echo(text)
    else:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text + "\n", encoding="utf-8")
        except OSError as exc:  # a folder in the way, a file where a folder should be, no permission
            typer.echo(phrase("schema-unwritable", path=str(exc.filename or out), reason=str(exc.strerror or exc))
                       .render(_language(lang)), err=True)
            raise typer.Exit(ExitCode.ERRORS) from None


class EditionName(StrEnum):
    e2020 = "2020"
    e2009 = "2009"


@app.command()
def new(name: Annotated[str, typer.Argument(help="Folder name of the new set under --clauses.", show_default=False)],
        code: Annotated[str, typer.Option("--code", help="ID prefix of the new set, e.g. QC.", show_default=False)],
        edition: Annotated[EditionName, typer.Option(help="GB/T 1.1 edition the text follows.")] = EditionName.e2020,
        clauses: ClausesOpt = Path("clauses"), lang: LangOpt = Language.zh) -> None:
    """Start a clause set: files with commented examples of every construct, checked by editors through
    the JSON Schema written beside them (VS Code: the YAML extension reads each file's first line)."""
    import datetime as dt

    from .scaffold import scaffold

    folder = _require_new_set("new", code, clauses, name, _language(lang))
    for path in scaffold(folder, code, edition.value, dt.date.today().year):
        typer.echo(str(path))
    typer.echo(phrase("next-steps", standard=str(folder / "standard.yaml"), name=name).render(_language(lang)),
               err=True)


@app.command("import")
def import_(source: Annotated[Path, typer.Argument(help="The standard as DOCX, PDF or plain text.",
                                                   show_default=False)],
            code: Annotated[str, typer.Option("--code", help="ID prefix of the new set, e.g. QC.",
                                              show_default=False)],
            name: Annotated[str | None, typer.Option(help="Folder name of the set (default: the file's name).")
                            ] = None,
            clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text, lang: LangOpt = Language.zh) -> None:
    """Import a standard into a new clause set: metadata, references, terms, clauses (printed numbers kept in
    source.clause), lists, notes, examples, tables and annexes; then check it. What could not be placed is
    listed in the set's import-report.txt."""
    import re

    from .importer import Unreadable, import_file, report_problems
    from .lint import lint_set
    from .loader import load_set
    from .resolve import resolve

    report = Report(lang=_language(lang))
    name = name or re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-.").lower() or "imported"
    if not source.is_file():
        typer.echo(_say(report, "import-no-file", file=str(source)), err=True)
        raise typer.Exit(ExitCode.USAGE)
    folder = _require_new_set("import", code, clauses, name, report.lang, phrase("choose-name"))
    try:
        imported = import_file(source, code, folder, report.lang)
    except Unreadable as exc:
        report.add(msg(exc.key, name=source.name, **exc.params), Position(str(source), 1, 1))
        _finish(report, fmt)
    report_problems(imported.parsed.problems, source, report)
    loaded = load_set(folder, report)
    if loaded is not None:
        lint_set(resolve(loaded, report), loaded, report)
    if fmt is Format.text:
        typer.echo(_say(report, "imported", folder=str(folder), chapters=len(imported.parsed.clauses),
                        terms=len(imported.parsed.terms), annexes=len(imported.parsed.annexes),
                        unplaced=len(imported.parsed.problems), listed=str(folder / "import-report.txt")), err=True)
    _finish(report, fmt)
    if fmt is Format.text:
        typer.echo(_say(report, "import-passes", folder=str(folder)), err=True)


class ScopeName(StrEnum):
    all_staff = "all-staff"
    window = "window"
    hotline = "hotline"
    hall = "hall"
    management = "management"
    supervision = "supervision"
    citizen = "citizen"


@app.command()
def checklist(sets: SetsArg = None, clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
              scope: Annotated[list[ScopeName] | None, typer.Option(
                  help="Only provisions for this scope (repeat for several); all-staff ones count for window, "
                       "hotline and hall.")] = None,
              recommendations: Annotated[bool, typer.Option(help="Include 推荐 (recommendation) clauses.")] = False,
              out: Annotated[Path, typer.Option(help="Output folder; each set goes to OUT/<set>/.")] = Path(
                  "output/checklists"), templates: TemplatesOpt = None, lang: LangOpt = Language.zh) -> None:
    """Build inspection checklists (PDF, DOCX, XLSX, HTML), filtered by scope; `build` makes the full ones."""
    from .artifacts.checklist.build import write_checklists
    from .lint import lint_workspace
    from .outdir import locked
    from .workspace import open_workspace

    report = Report(lang=_language(lang))
    workspace = open_workspace(clauses, report, sets)
    lint_workspace(workspace, report)
    use_templates(templates, report)
    if report.failed():
        _finish(report, fmt)
    scopes = [str(s.value) for s in scope or []]
    written: list[Path] = []
    try:
        if writable(out, report):
            with locked(out, waiting=_waiting(report, out)):  # as `stdgen build`
                written = [p for rs in workspace.sets.values()
                           for p in write_checklists(rs, out, scopes, recommendations, report)]
    except OSError as exc:
        unwritable(out, exc, report)
    _finish(report, fmt)
    if fmt is Format.text:
        for path in written:
            typer.echo(str(path))


class LayoutName(StrEnum):
    sheet = "sheet"
    tent = "tent"
    poster = "poster"


class SizeName(StrEnum):
    a6 = "a6"
    a5 = "a5"


@app.command()
def cards(sets: Annotated[list[str], typer.Argument(help="Clause sets merged into one deck (a phrase several "
                                                         "give is shown once, citing each).", show_default=False)],
          clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          scope: Annotated[list[ScopeName] | None, typer.Option(
              help="Only phrases of clauses for this scope (repeat for several); all-staff ones count for "
                   "window, hotline and hall.")] = None,
          layout: Annotated[LayoutName, typer.Option(
              help="sheet: cards on A4 with cut marks; tent: A4 desk tent card folded in the middle; "
                   "poster: A4 wall poster of 服务忌语 → 替代说法.")] = LayoutName.sheet,
          size: Annotated[SizeName, typer.Option(help="Card size of the sheet.")] = SizeName.a6,
          out: Annotated[Path, typer.Option(help="Output folder; each deck goes to OUT/<set>[+<set>…]/.")] = Path(
              "output/cards"), templates: TemplatesOpt = None, lang: LangOpt = Language.zh) -> None:
    """Build counter phrase cards (PDF; the sheet also as DOCX and a phone-friendly HTML page);
    `build` makes each set's default deck."""
    from .artifacts.cards.build import write_cards
    from .outdir import locked
    from .workspace import open_workspace

    report = Report(lang=_language(lang))
    workspace = open_workspace(clauses, report, sets)
    use_templates(templates, report)  # page.css.j2 styles the cards' PDF and HTML
    if report.failed():
        _finish(report, fmt)
    chosen = [workspace.sets[name] for name in dict.fromkeys(sets) if name in workspace.sets]
    written: list[Path] = []
    try:
        if writable(out, report):
            with locked(out, waiting=_waiting(report, out)):  # as `stdgen build`
                written = write_cards(chosen, out, [str(s.value) for s in scope or []], layout.value, size.value,
                                      report)
    except OSError as exc:
        unwritable(out, exc, report)
    _finish(report, fmt)
    if fmt is Format.text:
        for path in written:
            typer.echo(str(path))


@app.command()
def score(results: Annotated[list[Path], typer.Argument(
              help="Filled checklist.xlsx files, or YAML/CSV results keyed by clause ID.", show_default=False)],
          set_name: Annotated[str | None, typer.Option("--set", help="Clause set (default: the one the files name).")
                              ] = None,
          clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
          out: Annotated[Path | None, typer.Option(help="Report folder (default: output/scores/<set>).")] = None,
          templates: TemplatesOpt = None, lang: LangOpt = Language.zh) -> None:
    """Check inspection results against the clause set and write the score report (PDF, HTML, JSON)."""
    from .artifacts.score import run_score

    report = Report(lang=_language(lang))
    written: list[Path] = []
    try:
        # the report folder is made only when there is a report
        if use_templates(templates, report) and (out is None or writable(out, report, create=False)):
            written = run_score(results, clauses, set_name, out, report)
    except OSError as exc:
        unwritable(out or Path("output/scores"), exc, report)
    _finish(report, fmt)
    if fmt is Format.text:
        for path in written:
            typer.echo(str(path))


def _require_new_set(command: str, code: str, clauses: Path, name: str, lang: Lang, hint: Arg = "") -> Path:
    """A set that new, import and fork create: a code of letters and digits, and a folder beside the sets
    (a name `stdgen check` accepts: letters, digits, '-', '_', '.'; no '..' or '/') not yet in use."""
    from .workspace import SET_NAME

    folder = clauses / name
    if not SET_NAME.fullmatch(name) or ".." in name:
        typer.echo(phrase("bad-set-name", command=command, name=name, hint=hint).render(lang), err=True)
        raise typer.Exit(ExitCode.USAGE)
    if not (code.isascii() and code.isalnum() and code[0].isalpha()):
        typer.echo(phrase("bad-code", command=command, code=code).render(lang), err=True)
        raise typer.Exit(ExitCode.USAGE)
    if folder.exists() and any(folder.iterdir()):
        typer.echo(phrase("folder-in-use", command=command, folder=str(folder), hint=hint).render(lang), err=True)
        raise typer.Exit(ExitCode.USAGE)
    return folder


@app.command()
def fork(base: Annotated[str, typer.Argument(help="The clause set to fork (its folder name).", show_default=False)],
         new: Annotated[str, typer.Argument(help="Folder name of the new variant.", show_default=False)],
         code: Annotated[str, typer.Option("--code", help="ID prefix of the clauses the variant adds.")],
         clauses: ClausesOpt = Path("clauses"), lang: LangOpt = Language.zh) -> None:
    """Scaffold a variant of BASE in clauses/NEW: `extends`, metadata to state, and a commented
    example of every change (remove, modify, add, move) keyed by BASE's clause IDs."""
    from .variant import scaffold
    from .workspace import open_workspace

    target = _require_new_set("fork", code, clauses, new, _language(lang))
    report = Report(lang=_language(lang))
    workspace = open_workspace(clauses, report, [base])
    if base not in workspace.sets or report.failed():
        _finish(report, Format.text)
        raise typer.Exit(ExitCode.USAGE)
    target.mkdir(exist_ok=True)
    (target / "standard.yaml").write_text(scaffold(workspace.sets[base].clause_set, code), encoding="utf-8")
    typer.echo(str(target / "standard.yaml"))


@app.command()
def diff(old: Annotated[str, typer.Argument(help="The old set (parent, earlier edition): a set name or a set folder.",
                                            show_default=False)],
         new: Annotated[str, typer.Argument(help="The new set (variant, new edition): a set name or a set folder.",
                                            show_default=False)],
         clauses: ClausesOpt = Path("clauses"), fmt: FormatOpt = Format.text,
         out: Annotated[Path | None, typer.Option(
             help="Also write changes.{html,docx,xlsx,json} and redline.docx into this folder.")] = None,
         lang: LangOpt = Language.zh) -> None:
    """Compare two clause sets that share clause IDs: the declared changes of a variant against the
    set it extends, else the differences found clause by clause (e.g. an edition kept in another
    folder: give set folders as paths)."""
    from .artifacts.changes import as_json, write_comparison
    from .diff import compare, shared_ids
    from .loader import Cache, load_set
    from .resolve import resolve

    report = Report(lang=_language(lang))
    cache: Cache = {}
    sides = []
    for name in (old, new):
        folder = Path(name) if ("/" in name and (Path(name) / "standard.yaml").is_file()) else clauses / name
        loaded = load_set(folder, report, cache)
        if loaded is not None:
            sides.append(resolve(loaded, report, frozenset()))  # each on its own: links elsewhere are not checked
    if report.failed() or len(sides) != 2:
        _finish(report, fmt)
        raise typer.Exit(ExitCode.ERRORS)
    a, b = sides
    if not shared_ids(a, b):
        typer.echo(_say(report, "no-shared-ids", old=old, new=new), err=True)
        raise typer.Exit(ExitCode.USAGE)
    comparison = compare(a, b)
    if fmt is Format.json:
        typer.echo(json.dumps(as_json(comparison), ensure_ascii=False, indent=1))
    else:
        for line in comparison.foreword():
            typer.echo(line)
        for row in comparison.rows:
            typer.echo(f"{row.old or '—'}\t{row.new or '—'}\t{row.id}\t{row.change}\t{row.label}\t{row.reason or '—'}")
    if out is not None:
        for path in write_comparison(comparison, out):
            typer.echo(str(path), err=fmt is Format.json)
form_app = typer.Typer(help="Forms: read filled forms back.", no_args_is_help=True)
app.add_typer(form_app, name="form")


class ValuesFormat(StrEnum):
    json = "json"
    csv = "csv"
    yaml = "yaml"


@form_app.command("read")
def form_read(files: Annotated[list[Path], typer.Argument(help="Filled FORM-fillable.pdf or FORM.docx files.",
                                                          show_default=False)],
              fmt: Annotated[ValuesFormat, typer.Option("--format", help="How to print the values.")
                             ] = ValuesFormat.json,
              clauses: ClausesOpt = Path("clauses"),
              set_name: Annotated[str | None, typer.Option("--set", help="Clause set (default: the one the file "
                                                                           "names).")] = None,
              form_id: Annotated[str | None, typer.Option("--form", help="Form ID (default: the one the file "
                                                                          "names).")] = None,
              lang: LangOpt = Language.zh) -> None:
    """Print the values of filled forms, checked against the form definitions (exit 1 on errors)."""
    from .forms.read import read_forms
    from .forms.values import render_values

    report = Report(lang=_language(lang))
    records = read_forms(files, clauses, report, set_name, form_id)
    if records:
        typer.echo(render_values(records, fmt.value), nl=False)
    _finish(report, Format.text)


@app.command()
def serve(clauses: ClausesOpt = Path("clauses"),
          out: Annotated[Path, typer.Option(help="Output folder to build into and serve.")] = Path("output"),
          port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).", min=0, max=65535)] = 8000,
          jobs: Annotated[int, typer.Option(help="Worker processes (0: one per CPU core).", min=0)] = 0,
          lang: LangOpt = Language.zh) -> None:
    """Build, serve OUT on http://127.0.0.1:PORT/ and rebuild what changed when a clause file is saved
    (open pages reload); Ctrl-C stops."""
    from .serve import serve as run

    try:
        run(clauses, out, port, jobs or os.cpu_count() or 1, lang=_language(lang))
    except OSError as exc:  # the port is taken, or not ours to use
        typer.echo(phrase("serve-port", port=port, reason=str(exc.strerror or exc)).render(_language(lang)), err=True)
        raise typer.Exit(ExitCode.USAGE) from None


def main() -> None:
    """The command line (entered through launch.main, which answers an unchanged build first)."""
    try:
        app()
    except Exception as exc:  # a bug in stdgen: say so plainly, no traceback
        print(phrase("internal-error", error=repr(exc)).render(lang_of(sys.argv)), file=sys.stderr)
        sys.exit(ExitCode.INTERNAL)
