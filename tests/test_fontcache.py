"""Font subsets kept between builds (render/fontcache.py): a PDF written from kept subsets has the bytes
WeasyPrint writes on its own, whatever the folder holds or whether it can be written at all."""

from __future__ import annotations

import inspect
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from stdgen.render import fontcache
from stdgen.render.weasy import load

weasyprint: Any = load()
import pydyf  # noqa: E402  (after load: WeasyPrint imports it)
from weasyprint.pdf.fonts import Font  # noqa: E402

SUBSET = Font.subset.__wrapped__  # WeasyPrint's own
STREAM_DATA = inspect.unwrap(pydyf.Stream.data.fget)  # pydyf's own (under the font cache's and render/weasy.py's)
HTML = ("<p style='font-family: Noto Serif CJK SC'>服务规范：窗口工作人员应当文明用语。</p>"
        "<p style='font-family: Noto Sans CJK SC; font-weight: bold'>禁用语</p>")


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "stdgen" / "font-subsets"


@pytest.fixture
def subsets_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The fonts HarfBuzz subsets (the kept ones are read, not made)."""
    made: list[str] = []

    def counted(font: Any, to_unicode: Any, hinting: Any) -> None:
        made.append(font.family)
        SUBSET(font, to_unicode, hinting)

    monkeypatch.setattr(Font, "subset", fontcache._kept_subset(counted))
    yield made


def pdf(html: str = HTML) -> bytes:
    data: bytes = weasyprint.HTML(string=html).write_pdf(pdf_identifier=b"stdgen-test")
    return data


def pure_weasyprint(monkeypatch: pytest.MonkeyPatch, html: str = HTML) -> bytes:
    """As WeasyPrint and pydyf write it, without the wrappers."""
    with monkeypatch.context() as m:
        m.setattr(Font, "subset", SUBSET)
        m.setattr(pydyf.Stream, "data", property(STREAM_DATA))
        return pdf(html)


def test_the_wrappers_are_in_place() -> None:
    assert getattr(Font.subset, "kept", False)
    assert hasattr(pydyf.Stream.data.fget, "__wrapped__")


def test_kept_subsets_write_the_bytes_weasyprint_writes(cache_home: Path, subsets_made: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first = pdf()
    assert len(subsets_made) == 2 and len(list(cache_home.iterdir())) == 2  # a serif and a bold sans
    again = pdf()
    assert len(subsets_made) == 2  # none made again: both read back
    assert first == again == pure_weasyprint(monkeypatch)
    other = pdf(HTML.replace("禁用语", "推荐用语"))  # other glyphs of the sans: its subset made anew
    assert subsets_made[2:] == ["Noto Sans CJK SC"] and len(list(cache_home.iterdir())) == 3
    assert other == pure_weasyprint(monkeypatch, HTML.replace("禁用语", "推荐用语"))


def test_a_damaged_entry_is_made_again(cache_home: Path, subsets_made: list[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = pdf()
    for entry in cache_home.iterdir():
        entry.write_bytes(entry.read_bytes()[:100])  # cut short, as a full disk leaves it
    assert pdf() == first == pure_weasyprint(monkeypatch)
    assert len(subsets_made) == 4
    assert pdf() == first and len(subsets_made) == 4  # written whole again, then read


def test_no_folder_to_write_only_means_no_cache(tmp_path: Path, subsets_made: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert pdf() == pdf() == pure_weasyprint(monkeypatch)
    assert len(subsets_made) == 4


def test_the_folder_keeps_the_most_recently_used(cache_home: Path, subsets_made: list[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pdf()
    sizes = {entry.name: entry.stat().st_size for entry in cache_home.iterdir()}
    for entry in cache_home.iterdir():
        os.utime(entry, (1, 1))  # long unused
    monkeypatch.setattr(fontcache, "LIMIT_BYTES", max(sizes.values()) + 1)  # room for one entry
    pdf(HTML.replace("禁用语", "推荐用语"))
    kept = [entry.name for entry in cache_home.iterdir()]
    assert len(kept) == 1 and kept[0] not in sizes  # the new sans subset; the old ones trimmed
