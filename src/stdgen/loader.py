"""Read a clause-set folder into validated models, collecting every problem.

A set is a folder with ``standard.yaml`` (metadata) and any number of content
files (``*.yaml``) holding ``terms``, ``clauses``, ``annexes`` and ``forms``;
content files are read in name order, so ``10-body.yaml`` comes before
``20-annexes.yaml``.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Position, Report
from .i18n import Message, Phrase, listing, msg, phrase
from .model import Annex, Change, Clause, ClauseSet, Form, Standard, Strict, Term, Text
from .yamlpos import Located, load

M = typing.TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 2_000_000  # a clause file larger than this is refused, not parsed


class Content(Strict):
    terms: list[Term] = []
    clauses: list[Clause] = []
    annexes: list[Annex] = []
    forms: list[Form] = []


class VariantFile(Strict):
    """The keys of a variant's standard.yaml besides metadata overrides (any Standard key)."""

    extends: Text  # the parent set's folder name, beside this one
    changes: list[Change] | None = None  # `changes:` with every example still commented out is empty


@dataclass
class LoadedSet:
    """A clause set together with where each identified object came from.

    A variant's origins point into the parent's files for what it inherits and into its own
    ``standard.yaml`` for what its changes wrote."""

    clause_set: ClauseSet
    folder: Path
    origins: dict[tuple[str, str], Position] = field(default_factory=dict)
    parent: LoadedSet | None = None  # the set a variant extends
    removed: dict[str, Position] = field(default_factory=dict)  # IDs a variant removed → the removing change
    own_ids: frozenset[str] | None = None  # IDs a variant adds; None: the set defines all its IDs itself
    reshaped: dict[str, Position] = field(default_factory=dict)  # clause ("" top) whose sub-clauses a change altered

    def lineage(self) -> list[str]:
        """This set's name and those of the sets it extends, nearest first."""
        return [self.clause_set.name, *(self.parent.lineage() if self.parent else [])]

    def defines(self) -> set[str]:
        """The IDs this set defines itself (not inherited)."""
        if self.own_ids is not None:
            return set(self.own_ids)
        return {ident for ident, key in self.origins if key == ""} - {self.clause_set.standard.code}

    def occurrence(self, ident: str, index: int) -> Position:
        """Where the index-th object with this ID was written (duplicates have several)."""
        spots = self.origins.get((ident, f"#{index}"))
        return spots or self.where(ident)

    def where_text(self, ident: str, key: str, text: str) -> Position:
        """Where a text of this object (a list item, a table cell …) was written."""
        return self.origins.get((ident, TEXT + text)) or self.where(ident, key)

    def where(self, ident: str, key: str = "") -> Position:
        return self.origins.get((ident, key)) or self.origins.get((ident, "")) or Position(
            str(self.folder / "standard.yaml"), 1, 1)


Cache = dict[Path, "LoadedSet | None"]
TEXT = "\x00text:"  # origins key prefix of a text's own position
INHERITED_NOT = ("number", "filing_number", "replaces", "issued", "implemented")
"""Metadata that names one document: a variant states its own or has none."""


def load_set(folder: Path, report: Report, cache: Cache | None = None,
             chain: tuple[Path, ...] = ()) -> LoadedSet | None:
    """Load one set (and the sets it extends); None when it cannot be validated (problems are in
    report). cache: sets loaded before in this run, so a parent is read and reported once."""
    cache = {} if cache is None else cache
    key = folder.resolve()
    if key not in cache:
        cache[key] = _load(folder, report, cache, (*chain, key))
    return cache[key]


def _load(folder: Path, report: Report, cache: Cache, chain: tuple[Path, ...]) -> LoadedSet | None:
    meta_path = folder / "standard.yaml"
    if not meta_path.is_file():
        report.add(msg("F001", folder=str(folder)), Position(str(folder)))
        return None
    located = _located(meta_path, report)
    if located is not None and "extends" in located.data:
        return _load_variant(folder, located, report, cache, chain)
    origins: dict[tuple[str, str], Position] = {}
    standard = _check(located, meta_path, Standard, report, origins) if located else None
    contents = [_validate(path, Content, report, origins)
                for path in sorted(folder.glob("*.yaml")) if path.name != "standard.yaml"]
    if standard is None or any(c is None for c in contents):
        return None
    parts = [c for c in contents if isinstance(c, Content)]
    clause_set = ClauseSet(
        name=folder.name, standard=standard,
        terms=[t for c in parts for t in c.terms],
        clauses=[x for c in parts for x in c.clauses],
        annexes=[a for c in parts for a in c.annexes],
        forms=[f for c in parts for f in c.forms],
    )
    return LoadedSet(clause_set, folder, origins)


def _load_variant(folder: Path, located: Located, report: Report, cache: Cache,
                  chain: tuple[Path, ...]) -> LoadedSet | None:
    """A variant: the parent loaded first, metadata overridden, the changes applied."""
    from .variant import apply_changes

    meta_path = folder / "standard.yaml"
    name = str(meta_path)
    own_keys = {k: v for k, v in located.data.items() if k in VariantFile.model_fields}
    spec = _check(replace(located, data=own_keys), meta_path, VariantFile, report, {})
    parent = _parent(folder, located, spec, report, cache, chain) if spec else None
    if spec is None or parent is None:
        return None
    inherited = parent.clause_set.standard.model_dump(mode="json", exclude=set(INHERITED_NOT), exclude_none=True)
    overrides = {k: v for k, v in located.data.items() if k not in VariantFile.model_fields}
    merged = replace(located, data={**inherited, **overrides})
    origins: dict[tuple[str, str], Position] = {}
    record = {**located.data, "code": merged.data.get("code")}  # positions keyed by the variant's code
    standard = _check(merged, meta_path, Standard, report, origins, record)
    if standard is None:
        return None
    for extra in sorted(p.name for p in folder.glob("*.yaml") if p.name != "standard.yaml"):
        report.add(msg("V007.file", file=extra), Position(str(folder / extra), 1, 1), severity="warning")

    def at(index: int, key: str) -> Position:
        return Position(name, *located.where(("changes", index, key) if key else ("changes", index)))

    applied = apply_changes(parent.clause_set, folder.name, standard, parent.clause_set.name, spec.changes or [],
                            at, report)
    origins.update(applied.modified)  # a modified field is reported where the change wrote it
    for spot, pos in parent.origins.items():
        if spot[0] not in applied.removed:
            origins.setdefault(spot, pos)
    return LoadedSet(applied.clause_set, folder, origins, parent, applied.removed, frozenset(applied.added),
                     applied.reshaped)


def _parent(folder: Path, located: Located, spec: VariantFile, report: Report, cache: Cache,
            chain: tuple[Path, ...]) -> LoadedSet | None:
    here = Position(str(folder / "standard.yaml"), *located.where(("extends",)))
    target = spec.extends
    if "/" in target or "\\" in target or target in {".", ".."} or target.startswith("~"):
        report.add(msg("V004", target=target), here)
        return None
    parent_folder = folder.parent / target
    if not (parent_folder / "standard.yaml").is_file():
        siblings = sorted(p.name for p in folder.parent.iterdir() if (p / "standard.yaml").is_file())
        close = difflib.get_close_matches(target, siblings, n=1)
        report.add(msg("V004.unknown", target=target, folder=str(folder.parent),
                       hint=phrase("did-you-mean", name=close[0]) if close else phrase("sets-here", names=siblings)),
                   here)
        return None
    if parent_folder.resolve() in chain:
        cycle = " → ".join([p.name for p in chain[chain.index(parent_folder.resolve()):]] + [target])
        report.add(msg("V003", cycle=cycle), here)
        return None
    return load_set(parent_folder, report, cache, chain)


def _located(path: Path, report: Report) -> Located | None:
    """The file's YAML with positions; problems reported, None when it holds no mapping."""
    located = _read(path, report)
    if located is None:
        return None
    name = str(path)
    lines = text_lines(path)
    for line, col, problem in located.problems:
        if problem.code == "Y001" and "[[" in lines.get(line, "") + lines.get(line - 1, ""):
            problem = problem.but(hint=phrase("yaml-quote-refs"))
        report.add(problem, Position(name, line, col))
    if any(p.code == "Y001" for _, _, p in located.problems) or (located.data is None and located.problems):
        return None  # a syntax error leaves no data to validate; other problems do not hide the rest
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        report.add(msg("S004.file"), Position(name, 1, 1))
        return None
    return located


def _validate(path: Path, model: type[M], report: Report,
              origins: dict[tuple[str, str], Position]) -> M | None:
    located = _located(path, report)
    return _check(located, path, model, report, origins) if located else None


def _check(located: Located, path: Path, model: type[M], report: Report,
           origins: dict[tuple[str, str], Position], record: dict[str, Any] | None = None) -> M | None:
    """Validate the located data as model; record where each identified object is written."""
    name = str(path)
    data = located.data
    _record_origins(record if record is not None else data, (), located, name, origins)
    try:
        validated = model.model_validate(data)
    except ValidationError as exc:
        seen: set[tuple[str, tuple[str | int, ...]]] = set(("value", p) for p in located.unreadable)
        for err in exc.errors():
            # a union (e.g. text: str | list[str]) fails once per branch: report each place once
            key = (err["type"] if err["type"] in {"extra_forbidden", "missing"} else "value",
                   _data_path(located.data, tuple(err["loc"])))
            if key not in seen:
                seen.add(key)
                _report_error(err, model, located, name, report)
        return None
    return None if located.problems else validated


def text_lines(path: Path) -> dict[int, str]:
    """1-based lines of a file already known to be readable UTF-8 (for hints)."""
    return dict(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))


def _read(path: Path, report: Report) -> Located | None:
    inside = path.parent.parent.resolve()  # the clauses folder of <clauses>/<set>/<file>.yaml
    if not path.resolve().is_relative_to(inside):
        report.add(msg("F006", file=path.name, target=str(path.resolve())), Position(str(path), 1, 1))
        return None
    if path.stat().st_size > MAX_FILE_BYTES:
        report.add(msg("F003.size", limit=MAX_FILE_BYTES), Position(str(path), 1, 1))
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
        if _looks_utf16(data):
            raise UnicodeDecodeError("utf-8", data, 0, 1, "UTF-16")
    except UnicodeDecodeError as exc:
        line, col, message = encoding_problem(data, exc.start)
        report.add(message, Position(str(path), line, col))
        return None
    return load(text)


def encoding_problem(data: bytes, start: int) -> tuple[int, int, Message]:
    """(line, column, message) for bytes that are not UTF-8: where, and what they seem to be (F003)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 1, 1, msg("F003.utf16-bom")
    if _looks_utf16(data):
        return 1, 1, msg("F003.utf16")
    line_start = data.rfind(b"\n", 0, start) + 1
    line, col = data.count(b"\n", 0, start) + 1, len(data[line_start:start].decode("utf-8", "replace")) + 1
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return line, col, msg("F003.byte", byte=f"0x{data[start]:02X}")
    return line, col, msg("F003.gbk")


def _looks_utf16(data: bytes) -> bool:
    """ASCII text saved as UTF-16 is valid UTF-8 full of NUL bytes: every other byte is zero."""
    sample = data[:4096]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


def _record_origins(data: Any, path: tuple[str | int, ...], located: Located, name: str,
                    origins: dict[tuple[str, str], Position], owners: tuple[str, ...] = (),
                    owner: tuple[str, int] | None = None) -> None:
    """Positions by ID and key; every text by the IDs that hold it (TEXT + text), so a problem in
    a list item or a table cell is reported at its own line; and inside an identified object every
    nested value by its dotted path from the object (``rows.2.1.colspan``), for form checks."""
    if isinstance(data, str):
        for holder in owners:
            origins.setdefault((holder, TEXT + data), Position(name, *located.where(path)))
    if owner is not None and len(path) > owner[1]:
        inner = ".".join(str(p) for p in path[owner[1]:])
        origins.setdefault((owner[0], inner), Position(name, *located.where(path)))
    if isinstance(data, dict):
        # objects are located by their ID; standard.yaml's keys by the set's code
        ident = data.get("id") if path else data.get("id", data.get("code"))
        if isinstance(ident, str):
            owners = (*owners, ident)
            here = Position(name, *located.where((*path, "id")))
            origins.setdefault((ident, ""), here)
            count = 0
            while (ident, f"#{count}") in origins:  # loops only over duplicates of this ID
                count += 1
            origins[(ident, f"#{count}")] = here
            for key in data:
                origins.setdefault((ident, str(key)), Position(name, *located.where((*path, key))))
            owner = (ident, len(path))
        for key, value in data.items():
            _record_origins(value, (*path, key), located, name, origins, owners, owner)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            _record_origins(value, (*path, i), located, name, origins, owners, owner)


def _report_error(err: Any, root: type[BaseModel], located: Located, name: str,
                  report: Report) -> None:
    loc = _data_path(located.data, tuple(err["loc"]))
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = list(_fields_at(root, loc[:-1]))
        report.add(msg("S001", key=key, hint=_key_hint(key, allowed)), Position(name, *located.where(loc, key=True)))
    elif kind == "missing":
        field_name = str(err["loc"][-1])
        report.add(msg("S002", key=field_name), Position(name, *located.where(loc[:-1])))
    elif kind in {"literal_error", "enum"}:
        expected = err.get("ctx", {}).get("expected", "")
        report.add(msg("S003", value=str(err["input"]), key=_label(loc), expected=_expected(expected)),
                   Position(name, *located.where(loc)))
    elif kind == "string_pattern_mismatch":
        report.add(msg("S005", value=str(err["input"]), key=_label(loc)), Position(name, *located.where(loc)))
    else:
        report.add(msg("S004", key=_label(loc), problem=pydantic_problem(err)), Position(name, *located.where(loc)))


def _expected(expected: str) -> Phrase | str:
    """pydantic's "'2020' or '2009'" as the allowed values, listed the language's way."""
    values = re.findall(r"'([^']*)'", expected)
    if not values:
        return expected
    return phrase("one-of", values=listing((phrase("quoted", value=v) for v in values), "or-sep"))


def pydantic_problem(err: Any) -> Phrase | str:
    """What is wrong with a value, in the catalogue's words (pydantic's own for an error it does not know)."""
    kind = str(err["type"])
    ctx = {name: str(value) for name, value in (err.get("ctx") or {}).items() if isinstance(value, (str, int, float))}
    if kind == "value_error" and ctx.get("error") in VALUE_ERRORS:
        return phrase(VALUE_ERRORS[ctx["error"]], msg=str(err["msg"]))
    if kind in PYDANTIC_PROBLEMS:
        wanted = PYDANTIC_PROBLEMS[kind]
        return phrase("pydantic-" + kind, msg=str(err["msg"]), **{k: v for k, v in ctx.items() if k in wanted})
    return str(err["msg"])


PYDANTIC_PROBLEMS = {  # pydantic error type → the context values its phrase uses
    "string_type": (), "int_type": (), "int_parsing": (), "int_from_float": (), "float_type": (),
    "float_parsing": (), "bool_type": (), "bool_parsing": (), "list_type": (), "dict_type": (), "model_type": (),
    "model_attributes_type": (), "date_type": (), "date_parsing": (), "date_from_datetime_inexact": (),
    "date_from_datetime_parsing": (), "string_too_short": ("min_length",), "string_too_long": ("max_length",),
    "too_short": ("min_length",), "too_long": ("max_length",), "greater_than": ("gt",),
    "greater_than_equal": ("ge",), "less_than": ("lt",), "less_than_equal": ("le",), "none_required": (),
    "url_parsing": (), "frozen_instance": (),
}
VALUE_ERRORS = {"must hold text, not only spaces": "blank-text"}  # messages of model.py's own validators


KEY_SYNONYMS = {
    "english": "en", "chinese": "zh", "name": "title", "heading": "title", "body": "text",
    "paragraphs": "text", "content": "text", "list": "items", "bullets": "items", "note": "notes",
    "example": "examples", "children": "clauses", "subclauses": "clauses", "kind_of": "type",
    "provision": "type", "ref": "related", "refs": "related", "see_also": "related", "definition_en": "en",
    "references": "normative_references", "drafter": "drafters", "proposed_by": "proposer",
    "issued_by": "issuer", "effective": "implemented", "published": "issued", "replace": "replaces",
    "supersedes": "replaces", "filing": "filing_number", "record_number": "filing_number",
    "terms_and_definitions": "terms", "annex": "annexes", "appendix": "annexes", "appendices": "annexes",
    "figure": "figures", "image": "figures", "caption_en": "caption", "drafting_unit": "drafting_units",
}
"""Keys a newcomer writes that no spelling distance finds (``english`` → ``en``)."""


def _key_hint(key: str, allowed: list[str]) -> Phrase:
    """A did-you-mean for every unknown key: a known synonym, a close spelling, else the nearest key."""
    synonym = KEY_SYNONYMS.get(key.lower().replace("-", "_"))
    close = [synonym] if synonym in allowed else difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if not close:
        close = [k for k in allowed if key.lower() in k or k in key.lower()][:1]
    if not close:
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.0)
    if not allowed:
        return phrase("no-keys-here")
    return phrase("did-you-mean-key" if close else "allowed-keys", name=close[0] if close else "", keys=allowed)


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Keep the parts of a pydantic error location that exist in the data.

    Union validation adds branch names such as 'str' or 'list[str]' to the location.
    """
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        if in_dict or (isinstance(node, list) and isinstance(part, int) and part < len(node)):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and isinstance(part, str) and part == loc[-1]:
            path.append(part)  # the missing or unknown key itself
    return tuple(path)


def _label(loc: tuple[str | int, ...]) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return names[-1] if names else "value"


def _fields_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> dict[str, Any]:
    """Model fields at a data path, following list and union annotations."""
    current: Any = root
    for part in loc:
        model = _model_in(current)
        if model is None:
            return {}
        if isinstance(part, int):  # list index: _model_in unwraps list[...] already
            continue
        info = model.model_fields.get(part)
        if info is None:
            return {}
        current = info.annotation
    model = _model_in(current)
    return dict(model.model_fields) if model else {}


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first pydantic model inside an annotation such as ``list[Clause] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
