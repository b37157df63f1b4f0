"""Values read from filled forms as JSON, CSV (one row per file) or YAML."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml


def render_values(records: list[dict[str, Any]], fmt: str) -> str:
    """One file: its record; several: a list. CSV: a header of file, set, form and the field names."""
    if fmt == "csv":
        names = list(dict.fromkeys(n for r in records for n in r["values"]))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["file", "set", "form", *names])
        for r in records:
            writer.writerow([r["file"], r["set"], r["form"], *(_cell(r["values"].get(n)) for n in names)])
        return out.getvalue()
    data: Any = records[0] if len(records) == 1 else records
    if fmt == "yaml":
        return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)
