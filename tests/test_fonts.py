"""Prepared PDF fonts (stdgen.fonts): glyph coverage, embedding, cache reuse and repair."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from stdgen.doctree import Document, Para, Section, Style
from stdgen.fonts import (
    Job,
    SourceFace,
    cache_root,
    face_dir,
    family_name,
    find_faces,
    jobs_json,
    prepare_fonts,
    run_job,
    slice_of,
    slice_ok,
)
from stdgen.render.pdf import write_pdf

SONG_LINE = "本文件起草人：张镕、李堃、王喆。GB/T 1.1—2020，第5章（规范性）"
HEI_LINE = "黑体标题：镕堃喆 4 要求"
RARE = "镕堃喆"


def test_slices_of_characters() -> None:
    assert {slice_of(ord(c)) for c in "中文，。A1（）—《》①㎡"} == {"core"}
    assert slice_of(ord("喆")) == "u5400"
    assert slice_of(ord("堃")) == "u5800"
    assert slice_of(ord("镕")) == "u9400"  # famously not in GB 2312
    assert slice_of(0x3400) == "u3400"  # CJK Extension A
    assert slice_of(0x20BB7) == "u20000"  # 𠮷, Extension B: slices of 16,384 beyond the BMP
    assert family_name("song", "core") == "stdgen Song"
    assert family_name("hei", "u5400") == "stdgen Hei U5400"


@pytest.fixture(scope="module")
def faces() -> list[SourceFace]:
    found = find_faces()
    if {(f.role, f.bold) for f in found} < {("song", False), ("hei", False)}:
        pytest.skip("Noto Serif/Sans CJK SC are not installed (apt-get install fonts-noto-cjk)")
    return found


def _song_regular(faces: list[SourceFace]) -> SourceFace:
    return next(f for f in faces if f.role == "song" and not f.bold)


def _tiny_document() -> Document:
    styles = {"p": Style("正文", "song", 10.5, "left"), "h": Style("标题", "hei", 14, "left")}
    body = Section("body", "none", None, [Para.of("h", HEI_LINE), Para.of("p", SONG_LINE)], odd_start=False)
    return Document("字体测试", [body], styles)


@pytest.mark.slow
def test_pdf_embeds_prepared_fonts_with_rare_characters(faces: list[SourceFace], tmp_path: Path) -> None:
    pdf = tmp_path / "fonts.pdf"
    write_pdf(_tiny_document(), pdf)

    embedded = {}
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"]
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded[str(font["/BaseFont"])] = [k for k in descriptor if k.startswith("/FontFile")]
    assert embedded, "no fonts in the PDF"
    # every font embedded as TrueType (FontFile2): no character fell back to a system CFF font
    assert all(files and set(files) <= {"/FontFile", "/FontFile2"} for files in embedded.values()), embedded
    assert all("stdgen" in name for name in embedded), embedded

    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() for page in doc.pages)
        chars = [c for page in doc.pages for c in page.chars if str(c["text"]).strip()]
    for line in (SONG_LINE, HEI_LINE):
        assert line.replace(" ", "") in text.replace(" ", "").replace("\n", ""), text
    assert all(text.count(c) == 2 for c in RARE), text

    def fonts_of(size: float) -> set[str]:  # 宋 lines are 10.5 pt, 黑 lines 14 pt
        return {str(c["fontname"]).split("+", 1)[1] for c in chars if abs(float(c["size"]) - size) < 0.1}

    song, hei = fonts_of(10.5), fonts_of(14)
    assert song and all(name.startswith("stdgen-Song") for name in song), song
    assert hei and all(name.startswith("stdgen-Hei") for name in hei), hei
    assert not song & hei  # 宋 and 黑 are different embedded fonts
    # the rare characters come from their own slices, in both roles
    assert {"stdgen-Song-U5400", "stdgen-Song-U5800", "stdgen-Song-U9400"} <= song
    assert {"stdgen-Hei-U5400", "stdgen-Hei-U5800", "stdgen-Hei-U9400"} <= hei


@pytest.mark.slow
def test_second_preparation_reuses_the_cache(faces: list[SourceFace]) -> None:
    first = prepare_fonts(RARE)
    assert first.files and all(slice_ok(f) for f in first.files)
    assert "stdgen Song U9400" in first.stacks["song"] and "stdgen Hei U5800" in first.stacks["hei"]
    assert first.stacks["song"].endswith('"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif')
    before = {p: p.stat().st_mtime_ns for f in first.files for p in (f, f.with_suffix(".json"))}
    second = prepare_fonts(RARE)
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in before} == before  # nothing rewritten
    assert not [p for f in first.files for p in f.parent.iterdir() if p.suffix == ".tmp"]


def _damage(font_file: Path, how: str) -> None:
    data = font_file.read_bytes()
    if how == "truncated":  # a partial write
        font_file.write_bytes(data[: len(data) // 2])
    elif how == "flipped":  # same size, different bytes
        middle = len(data) // 2
        font_file.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) + data[middle + 64:])
    elif how == "no-sidecar":
        font_file.with_suffix(".json").unlink()
    elif how == "bad-sidecar":
        font_file.with_suffix(".json").write_text("{not json", encoding="utf-8")
    else:
        raise AssertionError(how)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["truncated", "flipped", "no-sidecar", "bad-sidecar"])
def test_damaged_slice_is_detected_and_rebuilt(faces: list[SourceFace], tmp_path: Path, how: str) -> None:
    face = _song_regular(faces)
    prepare_fonts("堃", faces=[face])  # the shared cache: core and U5800 (made once)
    cache = tmp_path / "cache"
    shutil.copytree(face_dir(face, cache_root()), face_dir(face, cache))
    folder = face_dir(face, cache)
    target, core = folder / "u5800.ttf", folder / "core.ttf"
    good = hashlib.sha256(target.read_bytes()).hexdigest()
    core_mtime = core.stat().st_mtime_ns
    assert slice_ok(target)

    _damage(target, how)
    assert not slice_ok(target)
    setup = prepare_fonts("堃", cache_dir=cache, faces=[face])
    assert target in setup.files and slice_ok(target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == good  # made again, byte for byte
    assert core.stat().st_mtime_ns == core_mtime  # the intact slice was left alone


@pytest.mark.slow
def test_concurrent_preparation_of_one_slice(faces: list[SourceFace], tmp_path: Path) -> None:
    face = _song_regular(faces)
    folder = face_dir(face, tmp_path)
    job = Job(face, folder, "u5400")
    workers = [subprocess.Popen([sys.executable, "-m", "stdgen.fonts", "--jobs"], stdin=subprocess.PIPE, text=True)
               for _ in range(2)]
    for w in workers:
        assert w.stdin is not None
        w.stdin.write(jobs_json([job]))
        w.stdin.close()
    assert [w.wait(timeout=600) for w in workers] == [0, 0]
    target = folder / "u5400.ttf"
    assert slice_ok(target)
    mtime = target.stat().st_mtime_ns
    run_job(job)  # valid already: not made again
    assert target.stat().st_mtime_ns == mtime
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]
