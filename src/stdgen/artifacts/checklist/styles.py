"""Paragraph styles and page of the checklist: large enough to read and write on a clipboard."""

from __future__ import annotations

from ...doctree import PageSetup, Style

PAGE = PageSetup(width_mm=210, height_mm=297, inside_mm=15, outside_mm=15, top_mm=18, bottom_mm=16,
                 mirrored=False)
TEXT_WIDTH_MM = PAGE.width_mm - PAGE.inside_mm - PAGE.outside_mm

STYLES: dict[str, Style] = {
    "title": Style("检查表_标题", "hei", 16, "center", after=0.3),
    "subtitle": Style("检查表_副标题", "song", 10.5, "center", after=0.5),
    "lead": Style("检查表_说明", "song", 9, "left", before=0.3, after=0.3),
    "heading": Style("检查表_小标题", "hei", 12, "left", before=0.8, after=0.3, outline=1),
    "cell": Style("检查表_表格", "song", 10, "left"),
    "cell-center": Style("检查表_表格居中", "song", 10, "center"),
    "cell-small": Style("检查表_表格小字", "song", 8, "center"),
    "cell-phrases": Style("检查表_用语", "song", 8, "left"),  # the phrases of a phrase-list row
    "cell-title": Style("检查表_条标题", "hei", 10, "left"),
    "cell-head": Style("检查表_表头", "hei", 10, "center"),
    "cell-head-small": Style("检查表_表头小字", "hei", 9, "center"),
    "cell-label": Style("检查表_栏目", "hei", 10.5, "left"),
    "cell-field": Style("检查表_填写", "song", 10.5, "left"),
    "box": Style("检查表_勾选框", "song", 15, "center"),
    "group": Style("检查表_分组", "hei", 10, "left"),
    "body": Style("检查表_段", "song", 10.5, "justify"),
    "header": Style("检查表_页眉", "hei", 9, "right"),
    "footer": Style("检查表_页脚", "song", 9, "right"),
}
