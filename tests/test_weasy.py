"""WeasyPrint imported without ctypes.util.find_library (render/weasy.py): the same libraries open, and a
failed fast import falls back to WeasyPrint's own. Leaders laid out as one text box print as WeasyPrint's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.diagnostics import Report
from stdgen.render.html import render_html
from stdgen.workspace import open_workspace

CLAUSES = Path(__file__).resolve().parents[1] / "clauses"

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast import is Linux's")

# Prints the C libraries the process mapped and how often find_library ran, after importing WeasyPrint (by
# stdgen's loader or plainly) and laying out one line of Chinese.
PROBE = """
import ctypes.util, re, sys
calls = []
real = ctypes.util.find_library
def counted(name):
    calls.append(name)
    return real(name)
ctypes.util.find_library = counted
{setup}
if sys.argv[1] == "stdgen":
    from stdgen.render.weasy import load
    weasyprint = load()
else:
    import weasyprint
pdf = weasyprint.HTML(string="<p style='font-family: Noto Serif CJK SC'>服务规范</p>").write_pdf()
assert pdf.startswith(b"%PDF")
libs = set()
for line in open("/proc/self/maps"):
    found = re.search(r"/(lib(?:gobject|pango|pangoft2|harfbuzz|harfbuzz-subset|fontconfig)[-.0-9]*\\.so[.0-9]*)$",
                      line.strip())
    if found:
        libs.add(found.group(1))
print(len(calls))
print(" ".join(sorted(libs)))
"""

# The first import of weasyprint.text.ffi fails as if a library did not open by its soname.
FAIL_ONCE = """
import importlib.abc
class FailOnce(importlib.abc.MetaPathFinder):
    failed = False
    def find_spec(self, name, path, target=None):
        if name == "weasyprint.text.ffi" and not FailOnce.failed:
            FailOnce.failed = True
            raise OSError("cannot load library 'libpango-1.0.so.0'")
        return None
sys.meta_path.insert(0, FailOnce())
"""


def _probe(how: str, setup: str = "") -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", PROBE.format(setup=setup), how], capture_output=True, text=True,
                          check=True)
    calls, libs = done.stdout.splitlines()[-2:]
    return int(calls), libs


@linux_only
def test_the_fast_import_opens_the_same_libraries_without_find_library() -> None:
    fast_calls, fast_libs = _probe("stdgen")
    plain_calls, plain_libs = _probe("plain")
    assert fast_calls == 0
    assert plain_calls > 0  # what the loader spares
    assert fast_libs == plain_libs
    assert "libpango-1.0.so.0" in fast_libs and "libharfbuzz-subset.so.0" in fast_libs


@linux_only
def test_a_library_that_fails_by_its_soname_falls_back_to_weasyprints_own_search() -> None:
    calls, libs = _probe("stdgen", FAIL_ONCE)
    assert calls > 0  # the second import searched as WeasyPrint does
    assert "libpango-1.0.so.0" in libs


def _chars_by_line(pdf: Path) -> list[list[tuple[float, str, float]]]:
    """Per page: (line's top, character, its x) in reading order."""
    with pdfplumber.open(pdf) as opened:
        return [sorted((round(c["top"], 1), c["text"], c["x0"]) for c in page.chars) for page in opened.pages]


def test_a_leaders_dots_print_where_weasyprint_puts_them_as_one_text_box(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """驻马店's standard: its 目次 laid out with the dots of each leader joined (render/weasy.py) prints
    the same characters, every one within 0.02 pt of where WeasyPrint's own layout puts it."""
    from stdgen.render.weasy import layout, load

    weasyprint = load()
    import weasyprint.layout.inline as inline

    report = Report()
    rs = open_workspace(CLAUSES, report, ["zmd-civility-2023"]).sets["zmd-civility-2023"]
    html = render_html(standard_tree(rs), external_links=False)
    joined = layout(html)
    toc = joined.pages[2]._page_box
    leaders = [box for box in toc.descendants() if box.is_leader]
    assert len(leaders) >= 20  # an entry for 前言 and each chapter and clause
    assert all(len(box.children) == 1 and set(box.children[0].text) == {"."} for box in leaders)
    joined.write_pdf(tmp_path / "joined.pdf")
    monkeypatch.setattr(inline, "handle_leader", inline.handle_leader.__wrapped__)
    plain = weasyprint.HTML(string=html).render()  # load() would join them again
    assert all(len(box.children) > 50 for box in plain.pages[2]._page_box.descendants() if box.is_leader)
    plain.write_pdf(tmp_path / "plain.pdf")
    pages, ours = _chars_by_line(tmp_path / "plain.pdf"), _chars_by_line(tmp_path / "joined.pdf")
    assert len(pages) == len(ours) == 10
    dots = 0
    for theirs, mine in zip(pages, ours, strict=True):
        assert [c[:2] for c in theirs] == [c[:2] for c in mine]
        assert all(abs(a[2] - b[2]) < 0.02 for a, b in zip(theirs, mine, strict=True))
        dots += sum(c[1] == "." for c in mine)
    assert dots > 2000


def test_each_pdf_object_is_serialized_once_and_the_file_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydyf, asked for an identifier, serializes every object again to hash them: with stdgen's loader each
    numbered stream is made (and compressed) once, and the bytes are pydyf's own."""
    from collections import Counter

    from stdgen.render import weasy

    weasyprint = weasy.load()
    import pydyf

    rs = open_workspace(CLAUSES, Report()).sets["zmd-civility-2023"]
    document = weasyprint.HTML(string=render_html(standard_tree(rs), external_links=False)).render()
    made: Counter[int] = Counter()
    stdgens = pydyf.Stream.data.fget.__wrapped__  # what the loader wrapped: the font cache's, then pydyf's

    def counted(stream: object) -> bytes:
        made[id(stream)] += 1
        data: bytes = stdgens(stream)
        return data

    monkeypatch.setattr(pydyf.Stream, "data", property(weasy._made_once(counted)))
    once = document.write_pdf(pdf_identifier=True, pdf_tags=True)
    assert len(made) > 10 and set(made.values()) == {1}
    made.clear()
    monkeypatch.setattr(pydyf.PDF, "write", pydyf.PDF.write.__wrapped__)  # pydyf's own: everything twice
    twice = document.write_pdf(pdf_identifier=True, pdf_tags=True)
    assert max(made.values()) == 2  # all but the cross-reference stream, made after the hashing
    assert once == twice and once.startswith(b"%PDF")
