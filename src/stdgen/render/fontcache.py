"""Font subsets kept between builds: a PDF written again with the glyphs it had takes its fonts from disk.

WeasyPrint subsets each font a PDF uses with HarfBuzz, and pydyf compresses the subset at zlib level 9.
For a CJK font both are paid in full whatever the glyphs: the subset keeps every glyph ID up to the
highest used (0.7–1.0 MB even for 8 glyphs). 驻马店's standard uses three fonts: 0.10–0.14 s of
subsetting and most of the 0.11 s pydyf spends compressing, on every edit's critical path, though an
edit rarely adds a character. So the subset is kept, as the compressed stream pydyf writes, under a key
of everything it is made from (the font file, its face, the glyph IDs, the subsetting options, the
versions of WeasyPrint, HarfBuzz and zlib); a later PDF with that key reads it back and writes the same
bytes. The folder (``$XDG_CACHE_HOME/stdgen/font-subsets``) keeps the most recently used entries up to
``LIMIT_BYTES``; a folder that cannot be written only means no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import zlib
from array import array
from functools import cache, wraps
from pathlib import Path
from typing import Any

from .usercache import user_cache

LIMIT_BYTES = 64 * 2**20  # about 400 entries (a compressed CJK subset is 100–250 KB)
LEVEL = 9  # pydyf's: the stream is written as pydyf writes it
_compressed: dict[int, tuple[bytes, bytes]] = {}  # id(subset) → (subset, its compressed stream), for pydyf
_KEPT = 8  # streams not yet written (a PDF has a few fonts; each is dropped once pydyf has written it)


def cache_font_subsets() -> None:
    """Wrap WeasyPrint's ``Font.subset`` and pydyf's ``Stream.data`` (once per process; left as they are
    should either have another shape)."""
    fonts: Any = sys.modules.get("weasyprint.pdf.fonts")
    pydyf: Any = sys.modules.get("pydyf")
    font_class: Any = getattr(fonts, "Font", None)
    subset = getattr(font_class, "subset", None)
    data = getattr(getattr(pydyf, "Stream", None), "data", None)
    if subset is None or not isinstance(data, property) or getattr(subset, "kept", False):
        return
    font_class.subset = _kept_subset(subset)
    pydyf.Stream.data = property(_known_stream(data.fget, pydyf.Dictionary))


def folder() -> Path | None:
    """Where subsets are kept (None: no cache, e.g. where the libraries cannot be identified)."""
    root = user_cache()
    if root is None or not _libraries():
        return None
    return root / "stdgen" / "font-subsets"


def _kept_subset(subset: Any) -> Any:
    @wraps(subset)
    def kept(font: Any, to_unicode: dict[int, str], hinting: bool) -> None:
        where = folder() if to_unicode else None
        if where is None:
            subset(font, to_unicode, hinting)
            return
        entry = where / _key(font, to_unicode, hinting)
        kept_entry = _read(entry)
        if kept_entry is not None:
            stream, font.file_content = kept_entry
        else:
            whole = font.file_content
            subset(font, to_unicode, hinting)
            if font.file_content is whole:  # HarfBuzz failed: WeasyPrint embeds the whole font, said so
                return
            stream = _compress(font.file_content)
            _write(where, entry, stream)
        _remember(font.file_content, stream)

    kept.kept = True  # type: ignore[attr-defined]
    return kept


def _known_stream(data: Any, dictionary: Any) -> Any:
    """pydyf's ``Stream.data``, which takes a kept font's compressed stream instead of compressing it again."""

    @wraps(data)
    def known(stream: Any) -> bytes:
        if stream.compress and len(stream.stream) == 1:
            found = _compressed.pop(id(stream.stream[0]), None)
            if found is not None and found[0] is stream.stream[0]:
                extra = dictionary(stream.extra.copy())  # as pydyf writes a compressed stream
                extra["Filter"] = "/FlateDecode"
                extra["Length"] = len(found[1])
                return b"\n".join((extra.data, b"stream", found[1], b"endstream"))
        result: bytes = data(stream)
        return result

    return known


def _key(font: Any, to_unicode: dict[int, str], hinting: bool) -> str:
    glyphs = array("I", sorted(to_unicode))
    parts = [*_libraries(), _file(font.file_content), f"face {font.index}",
             f"hinting {bool(hinting)} notdef {bool(font.missing)}"]
    digest = hashlib.sha256("\n".join(parts).encode())
    digest.update(glyphs.tobytes())
    return digest.hexdigest()


_files: dict[tuple[int, str], str] = {}  # (length, head) → the whole file's checksum, once per process


def _file(content: bytes) -> str:
    """The font file: its length, the SHA-256 of its head (the table directories, with each table's checksum)
    and the CRC-32 of all of it (6 ms for a 26 MB CJK collection, worked out once per process)."""
    head = hashlib.sha256(content[:65536]).hexdigest()
    whole = _files.get((len(content), head))
    if whole is None:
        whole = _files[len(content), head] = f"{zlib.crc32(content):08x}"
    return f"font {len(content)} {head} {whole}"


@cache
def _libraries() -> tuple[str, ...]:
    """What the subset and its compression are made by: WeasyPrint's version, the HarfBuzz libraries loaded
    (their files, as the dynamic loader mapped them) and zlib's; empty where they cannot be read."""
    weasyprint: Any = sys.modules.get("weasyprint")
    try:
        maps = Path("/proc/self/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    files = sorted({line.split(maxsplit=5)[-1] for line in maps.splitlines()
                    if "libharfbuzz" in line and len(line.split(maxsplit=5)) == 6})
    if weasyprint is None or not files:
        return ()
    stamps = []
    for name in files:
        try:
            info = os.stat(name)
        except OSError:
            return ()
        stamps.append(f"{os.path.realpath(name)} {info.st_size} {info.st_mtime_ns}")
    return (f"weasyprint {weasyprint.__version__}", f"zlib {zlib.ZLIB_RUNTIME_VERSION} {LEVEL}", *stamps)


def _compress(content: bytes) -> bytes:
    compressor = zlib.compressobj(level=LEVEL)
    return compressor.compress(content) + compressor.flush()


def _remember(content: bytes, stream: bytes) -> None:
    while len(_compressed) >= _KEPT:
        del _compressed[next(iter(_compressed))]
    _compressed[id(content)] = (content, stream)


def _read(entry: Path) -> tuple[bytes, bytes] | None:
    """(compressed stream, subset) of a kept entry; None if there is none or it is not whole."""
    try:
        stream = entry.read_bytes()
        content = zlib.decompress(stream)  # a truncated or foreign file is read as a miss
        os.utime(entry)  # recently used: kept when the folder is trimmed
    except (OSError, zlib.error):
        return None
    return stream, content


def _write(where: Path, entry: Path, stream: bytes) -> None:
    """Write the entry whole (a worker beside may read it meanwhile), then trim the folder."""
    with contextlib.suppress(OSError):
        where.mkdir(parents=True, exist_ok=True)
        part = where / f".{entry.name}.{os.getpid()}"
        part.write_bytes(stream)
        os.replace(part, entry)
        _trim(where)


def _trim(where: Path) -> None:
    entries = []
    for item in os.scandir(where):
        with contextlib.suppress(OSError):
            info = item.stat()
            entries.append((info.st_mtime_ns, info.st_size, item.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= LIMIT_BYTES:
            break
        with contextlib.suppress(OSError):
            os.remove(path)
            total -= size
