"""Read inspection results: a filled checklist workbook (XLSX), or YAML or CSV keyed by clause ID.

Reading checks only what needs no clause set (format, header, values, duplicates); the set
is checked in ``validate``. Every cell, key or column that cannot be used is reported, never
skipped without a word.

YAML::

    set: db34-t-3395-2019        # the clause set (or give --set)
    version: 06742cff8c49        # the version printed on the checklist (检查表版本)
    unit: 某某政务服务中心 3号窗口
    type: 定点检查                # 抽点检查 / 定点检查 / 现场巡查
    inspector: 张三
    date: 2024-05-06
    scope: [window]              # optional: the checklist was filtered to these scopes
    recommendations: false       # optional: the checklist included 推荐 clauses
    results:
      QC-4: 符合
      QC-5.1: {result: 不符合, note: 窗台积灰}

CSV: optional ``# key: value`` lines with the same keys first, then a header row with
``id,result,note`` (or ``条款ID,检查结果,备注``), then one row per clause.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...diagnostics import Position, Report
from ...i18n import listing, msg
from ...loader import encoding_problem
from ...yamlpos import Located, load
from ..checklist.rows import INSPECTION_TYPES, RESULTS
from ..checklist.xlsx import (
    COLUMNS,
    FIELDS,
    FORMAT,
    HEADER_ROW,
    ID,
    INDEX,
    LABELS,
    META_SHEET,
    NOTE,
    NUMBER,
    ORIGINAL_ID,
    POINTS,
    REQUIREMENT,
    RESULT,
    SHEET,
    SUMMARY_LABELS,
    VERSION_CELL,
)

MAX_BYTES = 20_000_000
MAX_INFLATED = 100_000_000  # a workbook's parts together, unpacked: refuses zip bombs before reading
EXTRA_ROWS = 1_000  # rows read below the checklist's last row (added by hand); the rest is not read
EXTRA_COLUMNS = 20  # columns read right of the checklist's last column
DETAILS = ("unit", "type", "inspector", "date")
DETAIL_ZH = {"unit": "被检查单位（窗口）", "type": "检查类型", "inspector": "检查人员", "date": "检查日期"}
META_KEYS = ("set", "version", *DETAILS, "scope", "recommendations")
CSV_COLUMNS = {"id": "id", "条款id": "id", "result": "result", "检查结果": "result", "note": "note", "备注": "note"}


@dataclass
class Entry:
    """One clause's result as written in a results file."""

    id: str
    result: str | None  # one of RESULTS, or None when left blank
    note: str
    position: Position  # the result cell / value
    id_position: Position
    number: str | None = None  # clause number as printed in the workbook
    points: str | None = None  # points as printed in the workbook
    raw: str = ""  # the result as written (blank, or a value that is not a result)
    requirement: str | None = None  # the requirement as printed in the workbook


@dataclass
class Results:
    file: str
    kind: str  # "xlsx", "yaml", "csv"
    set_name: str | None = None
    version: str | None = None
    scopes: tuple[str, ...] = ()
    recommendations: bool = False
    details: dict[str, str] = field(default_factory=dict)  # unit, type, inspector, date
    entries: list[Entry] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)  # where set, version, … were written

    def where(self, key: str) -> Position:
        return self.positions.get(key, Position(self.file, 1, 1))


def read_results(path: Path, report: Report) -> Results | None:
    """One results file, or None when it cannot be read at all (the reason is in report)."""
    name = str(path)
    if not path.is_file():
        report.add(msg("C101.missing", file=name), Position(name))
        return None
    if path.stat().st_size > MAX_BYTES:
        report.add(msg("C101.size", limit=MAX_BYTES), Position(name, 1, 1))
        return None
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, report)
    if suffix in {".yaml", ".yml", ".csv"}:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col, message = encoding_problem(data, exc.start)
            report.add(msg("C101.encoding", problem=message), Position(name, line, col))
            return None
        return _read_yaml(name, text, report) if suffix != ".csv" else _read_csv(name, text, report)
    report.add(msg("C101.type", suffix=suffix) if suffix else msg("C101.no-suffix"), Position(name, 1, 1))
    return None


def _text(value: object) -> str:
    """A cell or YAML value as the text a person wrote."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _result(raw: str, where: Position, report: Report, ident: str) -> str | None:
    if raw == "":
        return None
    if raw in RESULTS:
        return raw
    report.add(msg("C105", value=raw, ident=ident, results=listing(RESULTS, "ideographic-sep")), where)
    return None


# --- XLSX ----------------------------------------------------------------------------------

def _read_xlsx(path: Path, report: Report) -> Results | None:
    from openpyxl import load_workbook  # imported late: only XLSX results need it

    name = str(path)
    if not _safe_package(path, name, report):
        return None
    try:
        wb = load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for damaged or foreign files
        report.add(msg("C101.workbook-fresh", reason=str(exc)), Position(name, 1, 1))
        return None
    if SHEET not in wb.sheetnames or META_SHEET not in wb.sheetnames:
        report.add(msg("C101.sheets", sheet=SHEET, meta=META_SHEET), Position(name, 1, 1))
        return None
    meta = {_text(k): _text(v) for k, v, *_ in wb[META_SHEET].iter_rows(min_row=2, values_only=True)}
    if meta.get("format") != FORMAT:
        report.add(msg("C101.meta", meta=META_SHEET), Position(name, 1, 1))
        return None
    ws = wb[SHEET]
    res = Results(name, "xlsx", meta.get("set") or None, meta.get("version") or None,
                  tuple(s for s in meta.get("scopes", "").split(",") if s), meta.get("recommendations") == "yes")
    res.positions["set"] = res.positions["version"] = Position(name, 2, 7)
    res.positions["results"] = Position(name, HEADER_ROW, ID)

    def at(ref: str) -> Position:
        cell = ws[ref]
        return Position(name, int(cell.row or 1), int(cell.column or 1))

    for ref, label in LABELS.items():
        if _text(ws[ref].value) != label:
            report.add(msg("C107", cell=ref, read=_text(ws[ref].value), label=label), at(ref))
    printed = _text(ws[VERSION_CELL].value)
    if res.version and printed != res.version:
        report.add(msg("C107.version", read=printed, version=str(res.version)), at(VERSION_CELL))
    for col, label in enumerate(COLUMNS, start=1):
        value = _text(ws.cell(HEADER_ROW, col).value)
        if value != label:
            report.add(msg("C107.column", read=value, label=label), Position(name, HEADER_ROW, col))
    for key in DETAILS:
        ref = FIELDS[key]
        res.details[key] = _text(ws[ref].value)
        res.positions[key] = at(ref)
    seen: dict[str, Position] = {}
    last = min(ws.max_row or HEADER_ROW, _int(meta.get("last_row"), HEADER_ROW) + EXTRA_ROWS)
    width = min(max(ws.max_column or ORIGINAL_ID, ORIGINAL_ID), ORIGINAL_ID + EXTRA_COLUMNS)
    if (ws.max_row or 0) > last or (ws.max_column or 0) > width:
        report.add(msg("C112.sheet", rows=ws.max_row, columns=ws.max_column, last=last, width=width),
                   Position(name, last, width), severity="warning")
    for r in range(HEADER_ROW + 1, last + 1):
        _xlsx_row(ws, r, width, name, res, seen, report)
    return res


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default


def _safe_package(path: Path, name: str, report: Report) -> bool:
    """An XLSX is a zip package: refuse what is not one, and what would unpack beyond MAX_INFLATED."""
    import zipfile

    if not zipfile.is_zipfile(path):
        report.add(msg("C101.zip"), Position(name, 1, 1))
        return False
    try:
        with zipfile.ZipFile(path) as package:
            inflated = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        report.add(msg("C101.workbook", reason=str(exc)), Position(name, 1, 1))
        return False
    if inflated > MAX_INFLATED:
        report.add(msg("C101.inflated", size=f"{inflated:,}", limit=f"{MAX_INFLATED:,}"), Position(name, 1, 1))
        return False
    return True


def _xlsx_row(ws: Any, r: int, width: int, name: str, res: Results, seen: dict[str, Position],
              report: Report) -> None:
    values = [_text(ws.cell(r, c).value) for c in range(1, width + 1)]
    if not any(values):
        return
    first, label_e = values[INDEX - 1], values[METHOD_COL - 1]
    if first in SUMMARY_LABELS or label_e in SUMMARY_LABELS:
        return  # the summary (formulas) and the signature lines under the table
    ident, original = values[ID - 1], values[ORIGINAL_ID - 1]
    for c in range(ORIGINAL_ID + 1, width + 1):
        if values[c - 1]:
            report.add(msg("C112.cell", text=values[c - 1][:40]), Position(name, r, c), severity="warning")
    if not ident and not original:
        if values[RESULT - 1] or values[NOTE - 1]:
            report.add(msg("C115.heading"), Position(name, r, RESULT if values[RESULT - 1] else NOTE))
        elif not (values[NUMBER - 1] and values[REQUIREMENT - 1]):
            report.add(msg("C112.row"), Position(name, r, 1), severity="warning")
        return
    if original and ident != original:
        report.add(msg("C107.id", read=ident, original=original), Position(name, r, ID))
        ident = original
    where = Position(name, r, RESULT)
    id_where = Position(name, r, ID)
    if ident in seen:
        report.add(msg("C109.row", ident=ident, first=seen[ident].line), id_where)
        return
    seen[ident] = id_where
    result = _result(values[RESULT - 1], where, report, ident)
    res.entries.append(Entry(ident, result, values[NOTE - 1], where, id_where,
                             number=values[NUMBER - 1], points=values[POINTS - 1], raw=values[RESULT - 1],
                             requirement=values[REQUIREMENT - 1]))


METHOD_COL = 5  # the signature row has its second label under 检查方法 (column E)


# --- YAML ----------------------------------------------------------------------------------

def _read_yaml(name: str, text: str, report: Report) -> Results | None:
    located = load(text)
    fatal = False
    for line, col, problem in located.problems:
        if problem.code == "Y002":
            report.add(msg("C109.key", problem=problem), Position(name, line, col))
        else:
            fatal = True
            report.add(msg("C101.yaml", problem=problem, code=problem.code), Position(name, line, col))
    data = located.data
    if fatal:
        return None
    if not isinstance(data, dict):
        report.add(msg("C101.mapping", keys=[*META_KEYS, "results"]), Position(name, 1, 1))
        return None
    res = Results(name, "yaml")
    _meta(res, data, lambda key: Position(name, *located.where((key,))), report,
          lambda key: Position(name, *located.where((key,), key=True)))
    raw = data.get("results")
    res.positions["results"] = Position(name, *located.where(("results",), key=True))
    if raw is None:
        report.add(msg("C101.no-results"), Position(name, 1, 1))
        return res
    seen: dict[str, Position] = {}
    if isinstance(raw, dict):
        for ident, value in raw.items():
            _yaml_entry(res, str(ident), value, ("results", ident), located, seen, report)
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            if isinstance(item, dict) and "id" in item:
                _yaml_entry(res, _text(item["id"]), {k: v for k, v in item.items() if k != "id"},
                            ("results", i), located, seen, report)
            else:
                report.add(msg("C101.item"), Position(name, *located.where(("results", i))))
    else:
        report.add(msg("C101.results"), Position(name, *located.where(("results",))))
    return res


def _yaml_entry(res: Results, ident: str, value: Any, path: tuple[str | int, ...], located: Located,
                seen: dict[str, Position], report: Report) -> None:
    name = res.file
    id_where = Position(name, *located.where(path, key=True))
    where = Position(name, *located.where(path))
    note = ""
    if isinstance(value, dict):
        for key in value:
            if key not in {"result", "note"}:
                report.add(msg("C112.result-key", key=str(key), ident=ident),
                           Position(name, *located.where((*path, key), key=True)), severity="warning")
        where = Position(name, *located.where((*path, "result")))
        note = _text(value.get("note"))
        value = value.get("result")
    if isinstance(value, (dict, list)):
        report.add(msg("C105.value", ident=ident, results=listing(RESULTS, "ideographic-sep")), where)
        return
    if ident in seen:
        report.add(msg("C109", ident=ident), id_where)
        return
    seen[ident] = id_where
    result = _result(_text(value), where, report, ident)
    res.entries.append(Entry(ident, result, note, where, id_where, raw=_text(value)))


def _meta(res: Results, data: dict[str, Any], where: Callable[[str], Position], report: Report,
          key_where: Callable[[str], Position] | None = None) -> None:
    """set, version, details, scope and recommendations from a YAML mapping or CSV comment lines."""
    for key, value in data.items():
        if key == "results":
            continue
        if key not in META_KEYS:
            report.add(msg("C112.key", key=str(key), keys=[*META_KEYS, "results"]), (key_where or where)(key),
                       severity="warning")
            continue
        res.positions[key] = where(key)
        if key == "set":
            res.set_name = _text(value) or None
        elif key == "version":
            res.version = _text(value) or None
        elif key in DETAILS:
            res.details[key] = _text(value)
        elif key == "scope":
            items = value if isinstance(value, list) else str(value).replace("，", ",").split(",")
            res.scopes = tuple(_text(s) for s in items if _text(s))
        elif key == "recommendations":
            flag = _text(value).lower()
            if flag not in {"true", "false", "yes", "no"}:
                report.add(msg("C105.flag", value=str(value)), where(key))
            res.recommendations = flag in {"true", "yes"}


# --- CSV -----------------------------------------------------------------------------------

def _read_csv(name: str, text: str, report: Report) -> Results | None:
    res = Results(name, "csv")
    lines = text.splitlines(keepends=True)
    meta: dict[str, Any] = {}
    meta_lines: dict[str, int] = {}
    start = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            start = i
            break
        key, sep, value = stripped.lstrip("#").partition(":")
        if sep:
            meta[key.strip()] = value.strip()
            meta_lines[key.strip()] = i + 1
    else:
        start = len(lines)
    _meta(res, meta, lambda key: Position(name, meta_lines.get(key, 1), 1), report)
    reader = csv.reader(io.StringIO("".join(lines[start:])))
    header = next(reader, None)
    if header is None:
        report.add(msg("C101.no-header"), Position(name, start + 1, 1))
        return None
    res.positions["results"] = Position(name, start + 1, 1)
    columns: dict[str, int] = {}
    for c, title in enumerate(header):
        column = CSV_COLUMNS.get(title.strip().lower())
        if column is None or column in columns:
            report.add(msg("C112.column", title=title), Position(name, start + 1, c + 1), severity="warning")
        else:
            columns[column] = c
    if "id" not in columns or "result" not in columns:
        report.add(msg("C101.header"), Position(name, start + 1, 1))
        return None
    seen: dict[str, Position] = {}
    for row in reader:
        number = start + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: row[c].strip() if c < len(row) else "" for key, c in columns.items()}
        for c in range(len(header), len(row)):
            if row[c].strip():
                report.add(msg("C112.beyond", text=row[c].strip()[:40]), Position(name, number, c + 1),
                           severity="warning")
        ident = cells["id"]
        id_where = Position(name, number, columns["id"] + 1)
        if not ident:
            report.add(msg("C115"), id_where)
            continue
        if ident in seen:
            report.add(msg("C109.line", ident=ident, first=seen[ident].line), id_where)
            continue
        seen[ident] = id_where
        where = Position(name, number, columns["result"] + 1)
        res.entries.append(Entry(ident, _result(cells["result"], where, report, ident), cells.get("note", ""),
                                 where, id_where, raw=cells["result"]))
    return res


def check_details(res: Results, report: Report) -> None:
    """Inspection details that the report prints: missing ones are warned about."""
    for key in DETAILS:
        value = res.details.get(key, "")
        if not value:
            report.add(msg("C113", detail=DETAIL_ZH[key]), res.where(key), severity="warning")
        elif key == "type" and value not in INSPECTION_TYPES:
            report.add(msg("C113.type", value=value, types=listing(INSPECTION_TYPES, "ideographic-sep")),
                       res.where(key), severity="warning")
