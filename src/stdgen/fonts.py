"""Fonts for PDF: the installed Noto CJK SC faces, prepared once into small TrueType slices.

Why: WeasyPrint embeds a font by subsetting it. The Noto Serif/Sans CJK faces are CFF-outline
collections of 65,535 glyphs. Without HarfBuzz-Subset (libharfbuzz-subset0) WeasyPrint subsets them
with fontTools, which takes 5–20 s a PDF (it walks every CFF glyph, several times). With HarfBuzz
it is fast, but the embedded fonts keep every glyph ID up to the highest one used (CJK glyph IDs
run up to 65,535), which triples the size of a small PDF.

What: each source face (宋体 = Noto Serif CJK SC, 黑体 = Noto Sans CJK SC, regular and bold) is cut
into slices by character, and each slice's CFF outlines are converted to TrueType (quadratic)
outlines with cu2qu. The "core" slice holds GB 2312 (6,763 hanzi, kana, Greek, Cyrillic, symbols),
ASCII, Latin-1, pinyin letters and the common punctuation and symbol blocks: nearly every character
a standard uses. Every other character of the face lives in a slice of 1,024 code points (喆 U+5586
in slice U5400, 堃 U+5803 in U5800, 镕 U+9555 in U9400; CJK Extension A and Hangul likewise), made
the first time a document uses one of its characters. Nothing is dropped: a slice has the glyphs of
all its characters, plus the glyphs the shaping features reach from them.

A PDF gets @font-face rules for the core slices and the slices its text needs, one CSS family per
slice ("stdgen Song", "stdgen Song U5400" …; WeasyPrint would merge faces of one family and weight),
then the system families as fallback. Advance widths and vertical metrics are the source's, so the
layout (line breaks, page breaks, page numbers) is the same as with the system fonts.

Kept from the source: the OpenType features HarfBuzz applies by default to horizontal text (ccmp,
locl, liga, kern, mark …) and the zh-Hans (ZHS) language system. Left out: vertical-writing
features, features that need CSS font-feature-settings/font-variant (palt, fwid, hwid, ruby …) and
the Japanese/Korean/Traditional-Chinese locl forms; stdgen documents are horizontal zh-CN text and
request none of them. The prepared fonts carry their own names ("stdgen Song …"), as the SIL Open
Font License asks of modified fonts; the copyright and licence entries are kept.

Cache: <root>/fonts/<face>-<key>/, root = $STDGEN_CACHE, else $XDG_CACHE_HOME/stdgen, else
~/.cache/stdgen. The key hashes the source file's path, size, mtime, face index and PREP_VERSION, so
a font upgrade or a change of this code makes new files. Each slice file has a JSON sidecar with its
size and SHA-256, written after it; a file that does not match its sidecar (partial, corrupted) is
made again. Files are written under a temporary name and renamed into place, under a per-slice lock,
so concurrent builds neither corrupt nor duplicate work. Slices are made in worker processes, as
many at once as there are CPUs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .render.html import FONT_STACKS

log = logging.getLogger(__name__)

PREP_VERSION = 2  # bump when the prepared files would come out different
SLICE_BITS = 10  # non-core slices span 1,024 code points of the BMP …
SLICE_BITS_SUPPLEMENTARY = 14  # … and 16,384 beyond it, where a font's characters are sparse
CU2QU_MAX_ERR = 1.0  # font units (1/1000 em): the quadratic outline stays within this of the cubic one

# role → (system family, prepared family)
ROLES: dict[str, tuple[str, str]] = {
    "song": ("Noto Serif CJK SC", "stdgen Song"),
    "hei": ("Noto Sans CJK SC", "stdgen Hei"),
}
_DEBIAN_FILES = {  # fonts-noto-cjk; used when fontconfig cannot be asked
    ("song", False): "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    ("song", True): "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    ("hei", False): "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ("hei", True): "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
# Features HarfBuzz applies to horizontal text unless CSS asks otherwise (plus Hangul jamo shaping).
LAYOUT_FEATURES = ["abvm", "blwm", "calt", "ccmp", "clig", "curs", "dist", "kern", "liga", "ljmo", "locl",
                   "ltra", "ltrm", "mark", "mkmk", "rclt", "rlig", "rvrn", "tjmo", "vjmo"]
LANGUAGE_SYSTEM = "ZHS "  # the OpenType language system of zh-Hans; the default ones are kept too
_CORE_RANGES = [
    (0x0020, 0x024F),  # ASCII, Latin-1, Latin Extended-A/B (pinyin: ā ǎ ü)
    (0x02B0, 0x036F),  # modifier letters, combining marks
    (0x0370, 0x04FF),  # Greek, Cyrillic
    (0x2000, 0x206F),  # general punctuation (— … ‰ ※)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x23FF),  # letterlike (℃ №), number forms (Ⅻ), arrows, maths, technical
    (0x2460, 0x27BF),  # enclosed alphanumerics (①), box drawing, shapes (□ ○ ★), symbols, dingbats
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x30FF),  # CJK symbols and punctuation (、。〔〕《》), hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x3200, 0x33FF),  # enclosed CJK (㈠ ㊣), CJK compatibility (㎡ ㎏)
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (，：（）％)
]


@cache
def core_codepoints() -> frozenset[int]:
    """The characters of the core slice (before intersecting with a font's character map)."""
    cps: set[int] = set()
    for a, b in _CORE_RANGES:
        cps.update(range(a, b + 1))
    for hi in range(0xA1, 0xF8):  # GB 2312, decoded from its own table
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                cps.update(map(ord, bytes((hi, lo)).decode("gb2312")))
    return frozenset(cps)


def slice_members(slice_name: str, charmap: frozenset[int]) -> tuple[int, ...]:
    """The code points of a slice that a font with this character map has."""
    core = core_codepoints()
    if slice_name == "core":
        return tuple(sorted(core & charmap))
    start = int(slice_name[1:], 16)
    end = start + (1 << (SLICE_BITS if start < 0x10000 else SLICE_BITS_SUPPLEMENTARY))
    return tuple(cp for cp in range(start, end) if cp in charmap and cp not in core)


def slice_of(cp: int) -> str:
    """Name of the slice a code point belongs to: "core" or "u5400" (the slice's first code point)."""
    if cp in core_codepoints():
        return "core"
    bits = SLICE_BITS if cp < 0x10000 else SLICE_BITS_SUPPLEMENTARY
    return f"u{cp >> bits << bits:04x}"


# --- installed faces -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceFace:
    """One installed face (a font file and its index in a collection) for a role and weight."""

    role: str  # "song" | "hei"
    bold: bool
    path: Path
    index: int

    @property
    def name(self) -> str:
        return f"{self.path.stem}-{self.index}"


def find_faces() -> list[SourceFace]:
    """The installed Noto Serif/Sans CJK SC faces, regular and bold (fontconfig, else Debian paths)."""
    faces = []
    for role, (family, _) in ROLES.items():
        for bold in (False, True):
            face = _fc_match(role, family, bold) or _known_path(role, family, bold)
            if face is not None:
                faces.append(face)
    return faces


@cache
def _installed_faces() -> tuple[SourceFace, ...]:
    """find_faces(), asked once a process (four fc-match runs cost about 30 ms)."""
    return tuple(find_faces())


def _fc_match(role: str, family: str, bold: bool) -> SourceFace | None:
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}|%{index}|%{family}|%{weight}", pattern],
                             capture_output=True, text=True, timeout=30, check=True).stdout
        file, index, families, weight = out.split("|")
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    # fc-match always answers; accept only the family asked for, in the weight asked for
    if family not in families.split(",") or (float(weight) >= 150) != bold or not Path(file).is_file():
        return None
    return SourceFace(role, bold, Path(file), int(index))


def _known_path(role: str, family: str, bold: bool) -> SourceFace | None:
    path = Path(_DEBIAN_FILES[role, bold])
    if not path.is_file():
        return None
    from fontTools.ttLib import TTCollection, TTLibError

    try:
        fonts = TTCollection(path, lazy=True).fonts
    except (OSError, TTLibError):
        return None
    for index, font in enumerate(fonts):
        if font["name"].getDebugName(1) == family:
            return SourceFace(role, bold, path, index)
    return None


# --- cache -----------------------------------------------------------------------------------------


def cache_root() -> Path:
    """Folder of the prepared fonts: $STDGEN_CACHE/fonts, else $XDG_CACHE_HOME/stdgen/fonts or ~/.cache/…"""
    if root := os.environ.get("STDGEN_CACHE"):
        return Path(root) / "fonts"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "stdgen" / "fonts"


def face_dir(face: SourceFace, root: Path) -> Path:
    """The face's folder in the cache, named by the source file's identity and PREP_VERSION."""
    st = face.path.stat()
    ident = f"{face.path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{face.index}|{PREP_VERSION}"
    return root / f"{face.name}-{hashlib.sha256(ident.encode()).hexdigest()[:16]}"


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # readable like any font file (mkstemp makes 0600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on path (a lock file) for the block; no lock where fcntl is missing."""
    try:
        import fcntl
    except ImportError:  # Windows: atomic renames still keep the files whole
        yield
        return
    with open(path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


_verified: dict[tuple[str, int, int], bool] = {}


def slice_ok(font_file: Path) -> bool:
    """The slice file exists and matches its sidecar (size, SHA-256): not partial, not corrupted."""
    try:
        st = font_file.stat()
        meta = json.loads(font_file.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    memo = (str(font_file), st.st_size, st.st_mtime_ns)
    if memo in _verified:
        return _verified[memo]
    ok = (isinstance(meta, dict) and meta.get("version") == PREP_VERSION and meta.get("bytes") == st.st_size
          and meta.get("sha256") == hashlib.sha256(font_file.read_bytes()).hexdigest())
    _verified[memo] = ok
    return ok


# --- character maps of the faces --------------------------------------------------------------------


def _ranges(cps: Iterable[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


@cache
def _charmap_cached(manifest: Path, mtime_ns: int) -> frozenset[int]:
    data = json.loads(manifest.read_text(encoding="utf-8"))
    return frozenset(cp for a, b in data["cmap"] for cp in range(a, b + 1))


def face_charmap(face: SourceFace, folder: Path) -> frozenset[int]:
    """Code points the face has, from face.json in its cache folder (made from the font once);
    empty when the face is not a static CFF font (nothing to prepare: the system font is used)."""
    manifest = folder / "face.json"
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        return _charmap_cached(manifest, manifest.stat().st_mtime_ns)
    from fontTools.ttLib import TTFont

    font = TTFont(face.path, fontNumber=face.index, lazy=True)
    preparable = "CFF " in font and "fvar" not in font
    cps = frozenset(font.getBestCmap()) if preparable else frozenset()
    _remove_stale(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = {"version": PREP_VERSION, "source": str(face.path), "index": face.index, "preparable": preparable,
            "family": font["name"].getDebugName(1), "cmap": _ranges(cps)}
    _write_atomic(manifest, json.dumps(data, sort_keys=True).encode())
    return cps


def _remove_stale(folder: Path) -> None:
    """Remove the folders of the same face made from an older font file or by an older PREP_VERSION."""
    face_name = folder.name.rsplit("-", 1)[0]
    for other in folder.parent.glob(f"{face_name}-*"):
        key = other.name[len(face_name) + 1:]
        if other != folder and len(key) == 16 and all(c in "0123456789abcdef" for c in key):
            shutil.rmtree(other, ignore_errors=True)


# --- making one slice ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """Make one slice of one face into folder."""

    face: SourceFace
    folder: Path
    slice: str

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.face.role, "bold": self.face.bold, "path": str(self.face.path),
                "index": self.face.index, "folder": str(self.folder), "slice": self.slice}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> Job:
        return Job(SourceFace(d["role"], d["bold"], Path(d["path"]), d["index"]), Path(d["folder"]), d["slice"])


def run_job(job: Job) -> None:
    """Make the slice file unless a valid one exists (checked again under the slice's lock)."""
    job.folder.mkdir(parents=True, exist_ok=True)
    target = job.folder / f"{job.slice}.ttf"
    with _locked(job.folder / f"{job.slice}.lock"):
        if slice_ok(target):
            return
        started = time.perf_counter()
        cps = slice_members(job.slice, face_charmap(job.face, job.folder))
        data, glyphs = build_slice(job.face, job.slice, cps)
        _write_atomic(target, data)
        meta = {"version": PREP_VERSION, "slice": job.slice, "source": str(job.face.path), "index": job.face.index,
                "chars": len(cps), "glyphs": glyphs, "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest()}
        _write_atomic(target.with_suffix(".json"), json.dumps(meta, sort_keys=True).encode())
        log.info("prepared %s %s: %d characters, %d glyphs, %.1f s", job.face.name, job.slice, len(cps),
                 glyphs, time.perf_counter() - started)


def build_slice(face: SourceFace, slice_name: str, cps: Iterable[int]) -> tuple[bytes, int]:
    """TrueType font of the face's glyphs for cps (and the glyphs shaping reaches from them)."""
    import io

    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    font = TTFont(face.path, fontNumber=face.index, lazy=True, recalcTimestamp=False)
    if "CFF " not in font or "fvar" in font:
        raise ValueError(f"{face.path}#{face.index}: not a static CFF font")
    charstrings = font["CFF "].cff.topDictIndex[0].CharStrings
    order = font.getGlyphOrder()

    # 1. The same font with empty TrueType glyphs: subsetting it picks the glyphs and trims cmap,
    #    metrics and layout tables without touching a CFF outline (slow in fontTools).
    for tag in ("GSUB", "GPOS"):
        if tag in font:
            for record in font[tag].table.ScriptList.ScriptRecord:
                script = record.Script
                script.LangSysRecord = [r for r in script.LangSysRecord if r.LangSysTag == LANGUAGE_SYSTEM]
                script.LangSysCount = len(script.LangSysRecord)
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {name: Glyph() for name in order}
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                 "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                 "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font.sfntVersion = "\0\1\0\0"
    options = subset.Options(layout_features=LAYOUT_FEATURES, notdef_outline=True, glyph_names=False,
                             hinting=False, name_IDs=["*"], name_languages=["*"], name_legacy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=cps)
    subsetter.subset(font)

    # 2. Outlines: CFF cubic → TrueType quadratic, contours reversed to TrueType's direction.
    glyf = font["glyf"]
    hmtx = font["hmtx"].metrics
    names = font.getGlyphOrder()
    for name in names:
        pen = TTGlyphPen(None)
        charstrings[name].draw(Cu2QuPen(pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf.glyphs[name] = glyph
        hmtx[name] = (hmtx[name][0], getattr(glyph, "xMin", 0))  # TrueType: left side bearing = xMin

    _rename(font, face, slice_name)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue(), len(names)


def _rename(font: Any, face: SourceFace, slice_name: str) -> None:
    family = family_name(face.role, slice_name)
    style = "Bold" if face.bold else "Regular"
    postscript = f"{family}-{style}".replace(" ", "")
    name = font["name"]
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25)]
    for name_id, value in ((1, family), (2, style), (3, f"{postscript};stdgen{PREP_VERSION}"),
                           (4, f"{family} {style}"), (6, postscript)):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)


def family_name(role: str, slice_name: str) -> str:
    """CSS family of a slice: "stdgen Song" (core), "stdgen Song U5400" …"""
    base = ROLES[role][1]
    return base if slice_name == "core" else f"{base} {slice_name.upper()}"


# --- preparing and using --------------------------------------------------------------------------


@dataclass(frozen=True)
class FontSetup:
    """What a PDF build needs: @font-face rules and, for render_html, a font stack per role."""

    css: str = ""
    stacks: dict[str, str] = field(default_factory=lambda: dict(FONT_STACKS))
    files: tuple[Path, ...] = ()


def prepare_fonts(text: str = "", *, cache_dir: Path | None = None, faces: Sequence[SourceFace] | None = None,
                  everything: bool = False, workers: int | None = None) -> FontSetup:
    """Prepare (or find in the cache) the slices for text — the core slices always — and return the
    @font-face CSS and font stacks that use them.

    Call it with no text to warm the cache before builds (`python -m stdgen.fonts` does); with
    everything=True it prepares every slice of every face (minutes; the returned CSS then lists them
    all). Faces that are missing or whose slices cannot be made fall back to the system fonts.
    """
    root = cache_dir or cache_root()
    faces = _installed_faces() if faces is None else faces
    wanted = {ord(c) for c in text}
    jobs: list[Job] = []
    plan: list[tuple[SourceFace, Path, list[str]]] = []
    for face in faces:
        folder = face_dir(face, root)
        charmap = face_charmap(face, folder)
        if not charmap:
            continue
        names = sorted({slice_of(cp) for cp in (charmap if everything else wanted & charmap)} | {"core"},
                       key=lambda s: (s != "core", s))
        plan.append((face, folder, names))
        jobs.extend(Job(face, folder, s) for s in names if not slice_ok(folder / f"{s}.ttf"))
    if jobs:
        _run_jobs(jobs, workers)
    return _setup(plan)


def _run_jobs(jobs: list[Job], workers: int | None) -> None:
    started = time.perf_counter()
    n = max(1, min(len(jobs), workers or os.cpu_count() or 1))
    log.info("preparing %d font slice(s) with %d worker(s), once", len(jobs), n)
    if n == 1:
        _run_batch(jobs)
    else:  # a core slice alone (about 10 s), the small ones in batches (saves starting Pythons)
        batches = [[j] for j in jobs if j.slice == "core"]
        small = [j for j in jobs if j.slice != "core"]
        batches += [small[i:i + 8] for i in range(0, len(small), 8)]
        with ThreadPoolExecutor(n) as pool:
            list(pool.map(_run_in_process, batches))
    log.info("font preparation took %.1f s", time.perf_counter() - started)


def _run_batch(jobs: Sequence[Job]) -> bool:
    ok = True
    for job in jobs:
        try:
            run_job(job)
        except Exception:
            log.warning("could not prepare %s %s; using the system font", job.face.name, job.slice, exc_info=True)
            ok = False
    return ok


def _run_in_process(jobs: list[Job]) -> None:
    """Jobs in a fresh Python (fontTools work is CPU-bound; processes use every core)."""
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[1])  # the stdgen this process runs, installed or not
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-m", "stdgen.fonts", "--jobs"], input=jobs_json(jobs),
                          env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        log.warning("could not prepare every font slice of %s; those use the system font:\n%s",
                    ", ".join(f"{j.face.name} {j.slice}" for j in jobs), proc.stderr.strip()[-3000:])


def jobs_json(jobs: Iterable[Job]) -> str:
    """Jobs for `python -m stdgen.fonts --jobs` (read from standard input)."""
    return json.dumps([j.to_dict() for j in jobs])


def _setup(plan: list[tuple[SourceFace, Path, list[str]]]) -> FontSetup:
    rules: list[str] = []
    files: list[Path] = []
    families: dict[str, list[str]] = {role: [] for role in ROLES}
    for face, folder, names in plan:
        for s in names:
            font_file = folder / f"{s}.ttf"
            if not slice_ok(font_file):
                continue
            family = family_name(face.role, s)
            if family not in families[face.role]:
                families[face.role].append(family)
            rules.append(f'@font-face {{ font-family: "{family}"; font-style: normal; '
                         f'font-weight: {"bold" if face.bold else "normal"}; src: url("{font_file.as_uri()}"); }}')
            files.append(font_file)
    stacks = dict(FONT_STACKS)
    for role, names_ in families.items():
        if names_:
            stacks[role] = ", ".join(f'"{n}"' for n in names_) + ", " + FONT_STACKS[role]
    return FontSetup("\n".join(rules), stacks, tuple(files))


def pdf_fonts(text: str) -> FontSetup:
    """prepare_fonts(text) for a PDF build; on any failure the system fonts (slower, same glyphs)."""
    try:
        return prepare_fonts(text)
    except Exception:
        log.warning("prepared fonts unavailable; embedding the system fonts", exc_info=True)
        return FontSetup()


def clear_cache(cache_dir: Path | None = None) -> None:
    """Delete the prepared fonts (they are made again when next needed)."""
    shutil.rmtree(cache_dir or cache_root(), ignore_errors=True)


def _main(argv: list[str]) -> int:
    if argv[:1] == ["--jobs"]:  # a worker of _run_jobs
        return 0 if _run_batch([Job.from_dict(d) for d in json.load(sys.stdin)]) else 1
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    setup = prepare_fonts(everything="--all" in argv)
    for f in setup.files:
        print(f)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
