"""List markers: GB/T 1.1's own (——, a), 1)) and the numberings sources use (①, （1）)."""

from __future__ import annotations

from stdgen.artifacts.checklist.rows import _mark
from stdgen.importer.parse import CIRCLED_ITEM, PAREN_ITEM
from stdgen.render.html import marker


def test_markers() -> None:
    assert [marker("circled", i) for i in range(3)] == ["①", "②", "③"]
    assert marker("circled", 19) == "⑳"
    assert [marker("paren", i) for i in (0, 1, 11)] == ["（1）", "（2）", "（12）"]
    assert [marker("number", 0), marker("letter", 1), marker("dash", 5)] == ["1)", "b)", "——"]


def test_checklist_marks_follow_the_list_style() -> None:
    assert [_mark("circled", 1), _mark("paren", 0), _mark("number", 2)] == ["②", "（1）", "3）"]


def test_importer_reads_the_markers_back() -> None:
    for style in ("circled", "paren"):
        text = f"{marker(style, 2)}保持微笑服务。"
        pattern = CIRCLED_ITEM if style == "circled" else PAREN_ITEM
        m = pattern.match(text)
        assert m is not None and m.group(2) == "保持微笑服务。"
    assert PAREN_ITEM.match("（一）总则") is None
