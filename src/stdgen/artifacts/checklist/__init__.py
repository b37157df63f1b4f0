"""Inspection checklist (监督检查表): rows from the resolved set, a document tree for PDF/DOCX/HTML
and an XLSX workbook that can be filled in and read back by ``stdgen score``."""

from __future__ import annotations

from .rows import INSPECTION_TYPES, RESULTS, Checklist, Group, Row, build_checklist

__all__ = ["INSPECTION_TYPES", "RESULTS", "Checklist", "Group", "Row", "build_checklist"]
