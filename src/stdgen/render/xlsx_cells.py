"""The one way stdgen writes a spreadsheet cell: text stays text.

openpyxl stores any string that starts with ``=`` as a formula, so a clause text such as
``=HYPERLINK(…)`` would become live in the workbook. Every XLSX writer puts its values
through :func:`put`: strings are stored as inline strings (never formulas), and a string
that a spreadsheet would read as a formula when the cell is edited (``=``, ``+``, ``-``,
``@``) gets the quote prefix, as if typed with a leading apostrophe. Only the writer's own
formulas pass ``formula=True``.
"""

from __future__ import annotations

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
