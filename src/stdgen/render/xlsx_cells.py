"""The one way stdgen writes a spreadsheet cell: text stays text.

openpyxl stores any string that starts with ``=`` as a formula, so a clause text such as
``=HYPERLINK(…)`` would become live in the workbook. Every XLSX writer puts its values
through :func:`put`: strings are stored as inline strings (never formulas), and a string
that a spreadsheet would read as a formula when the cell is edited (``=``, ``+``, ``-``,
``@``) gets the quote prefix, as if typed with a leading apostrophe. Only the writer's own
formulas pass ``formula=True``.

Every XLSX writer imports openpyxl inside :func:`without_numpy` (the score's reader imports the
checklist's writer first).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def put(cell: Any, value: str | float | None, *, formula: bool = False) -> Any:
    """Set a cell's value (an openpyxl cell); text is stored as text, whatever it starts with."""
    cell.value = value
    if isinstance(value, str) and not formula:
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


@contextmanager
def without_numpy() -> Iterator[None]:
    """openpyxl's first import, with numpy (where installed) kept out of it: openpyxl imports numpy only to
    count numpy's scalars as numbers (``openpyxl.compat.numbers``), 0.05 s of a worker's first workbook
    (most of openpyxl's 0.17 s), and stdgen puts Python's numbers and strings in cells. Once openpyxl is
    imported, or numpy is, this changes nothing."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # what `import numpy` finds: ImportError
    try:
        yield
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]
