"""Page and paragraph styles of the concordance: A4 landscape, a table of small type."""

from __future__ import annotations

from ...doctree import PageSetup, Style

PAGE = PageSetup(width_mm=297, height_mm=210, inside_mm=15, outside_mm=15, top_mm=18, bottom_mm=15,
                 mirrored=False)

TOPIC_WIDTH = 10.0  # relative width of the topic column; each set column is SET_WIDTH
SET_WIDTH = 21.0

STYLES: dict[str, Style] = {
    "title": Style("对照表_标题", "hei", 16, "center", after=0.3),
    "subtitle": Style("对照表_副标题", "song", 10.5, "center", after=0.5),
    "lead": Style("对照表_说明", "song", 9, "justify", before=0.2, after=0.3),
    "body": Style("对照表_段", "song", 9, "justify"),
    "cell": Style("对照表_表格", "song", 8.5, "left"),
    "cell-topic": Style("对照表_主题", "hei", 9, "left"),
    "cell-note": Style("对照表_注", "song", 7.5, "left"),
    "cell-head": Style("对照表_表头", "hei", 9, "center"),
    "cell-head-small": Style("对照表_表头小字", "song", 7.5, "center"),
    "header": Style("对照表_页眉", "hei", 9, "right"),
    "footer": Style("对照表_页脚", "song", 9, "right"),
}
