"""A no-op build without loading anything: the whole run's inputs hashed first.

After a build without errors, ``stdgen build`` records in ``OUT/.build-run.json`` a key over
everything the run read — stdgen's own code, every file under the clauses folder, the
templates folder, the options that shape the output — with the run's diagnostics and the
size and time of every file in OUT. A later run whose key is the same, and whose output is
as that run left it, is a no-op: it reports the recorded diagnostics (same inputs, same code: same diagnostics) and
stops, without importing the YAML parser, pydantic or a renderer. This module imports only
the standard library, so that check costs a few milliseconds on top of Python's start.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Diagnostic, Position, Report
from .i18n import Lang, Message, Phrase

RECORD = ".build-run.json"  # hidden; not ".stdgen-…", the prefix of debris a crashed build leaves
CODE_SUFFIXES = frozenset({".py", ".j2", ".css", ".html", ".tmpl", ".js"})


@cache
def code_fingerprint() -> str:
    """Hash of stdgen's own code and templates: any change to them rebuilds everything."""
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).parent
    for path in sorted(root.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def run_key(clauses: Path, templates: Path | None, options: dict[str, Any]) -> str:
    """Everything a build reads: code, the clause folder's files, the templates, the options."""
    h = hashlib.sha256(code_fingerprint().encode())
    h.update(json.dumps({**options, "clauses": str(clauses.resolve()), "templates": str(templates),
                         "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "")}, sort_keys=True).encode())
    for folder in (clauses, templates):
        if folder is not None and folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    h.update(b"\0" + str(path.relative_to(folder)).encode() + b"\0")
                    h.update(path.read_bytes())
    return h.hexdigest()


def replay(out: Path, key: str, lang: Lang = "zh") -> Report | None:
    """The recorded run's diagnostics when key matches it and its files are all there; else None."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
        if data.get("key") != key or _unfinished(out) or data["files"] != _output_state(out):
            return None
        report = Report(leading=list(data["leading"]), lang=lang)
        for item in data["diagnostics"]:
            report.items.append(Diagnostic(Message.from_data(item["text"]), Position(**item["position"]),
                                           item["severity"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return report


def record(out: Path, key: str, report: Report) -> None:
    """Remember a finished run for replay, with the state of every file it left in out."""
    data = {"stdgen": __version__, "key": key, "files": _output_state(out), "leading": report.leading,
            "diagnostics": [{"text": d.text.as_data(), "position": asdict(d.position), "severity": d.severity}
                            for d in report.items]}
    tmp = out / ".stdgen-tmp-build-run.json"  # a crash leaves it as debris, cleaned like the others
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / RECORD)


def _unfinished(out: Path) -> bool:
    """Another build is writing, or one stopped half-way (its debris is cleaned by a full run)."""
    return any(p.name.startswith(".stdgen-") and p.name != ".stdgen-lock" for p in out.iterdir())


def _output_state(out: Path) -> dict[str, list[int]]:
    """Size and modification time of every output file (hidden ones aside): a file written, replaced
    or removed since the record — by a later build that stopped half-way, or by hand — shows here."""
    state: dict[str, list[int]] = {}
    for path in out.rglob("*"):
        relative = path.relative_to(out)
        if not any(part.startswith(".") for part in relative.parts) and path.is_file():
            stat = path.stat()
            state[str(relative)] = [stat.st_size, stat.st_mtime_ns]
    return state


def build_key(clauses: Path, out: Path, sets: list[str], templates: Path | None, lang: str) -> str:
    """The key of ``stdgen build`` with these arguments (templates: the folder given, else ./templates)."""
    chosen = templates if templates is not None else Path("templates") if Path("templates").is_dir() else None
    return run_key(clauses, chosen, {"sets": sorted(sets), "lang": lang, "given": str(clauses), "cwd": os.getcwd(),
                                     "out": str(out)})


VALUED = frozenset({"--clauses", "--out", "--format", "--lang", "--templates", "--jobs"})
FLAGS = frozenset({"--strict", "--no-strict", "--no-force"})


def replay_build(argv: list[str]) -> int | None:
    """Before the command line is parsed (parsing imports pydantic): a ``stdgen build`` whose run is
    recorded and unchanged prints what the recorded run reported and returns its exit code. Any
    argument this does not know (--force, --help, a new option) returns None: the full path runs."""
    if not argv or argv[0] != "build":
        return None
    options: dict[str, str] = {}
    sets: list[str] = []
    args = iter(argv[1:])
    for arg in args:
        name, _, value = arg.partition("=")
        if name in VALUED:
            options[name] = value if value else next(args, "")
        elif arg in FLAGS:
            options[arg] = ""
        elif arg.startswith("-") or not arg:
            return None
        else:
            sets.append(arg)
    fmt, lang = options.get("--format", "text"), options.get("--lang", "zh")
    if fmt not in {"text", "json"} or lang not in {"zh", "en"} or not options.get("--jobs", "0").isdigit():
        return None
    out = Path(options.get("--out", "output"))
    templates = Path(options["--templates"]) if options.get("--templates") else None
    language: Lang = "en" if lang == "en" else "zh"
    report = replay(out, build_key(Path(options.get("--clauses", "clauses")), out, sets, templates, lang), language)
    if report is None:
        return None
    strict = "--strict" in options
    if fmt == "json":
        print(report.render_json())
    elif report.items:
        print(report.render_text(), file=sys.stderr)
    if report.failed(strict):
        if fmt == "text":
            print(report.summary(), file=sys.stderr)
        return 1
    if fmt == "text":
        print(Phrase("up-to-date").render(language), file=sys.stderr)
    return 0
