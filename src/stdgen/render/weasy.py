"""WeasyPrint, imported the fast way: every PDF writer and the build import it through ``load``.

On import WeasyPrint opens GLib, Pango, HarfBuzz and fontconfig by trying, for each, the names it has
on every platform. cffi hands each name that is not a path to ``ctypes.util.find_library``, which on
Linux runs ``ldconfig -p`` and gcc: 22 calls, 0.21 of the 0.59 s the import took here, paid by every
process that writes a PDF (a one-clause edit's critical path). Each list also holds the library's
soname (``libpango-1.0.so.0``), which the dynamic loader finds on its own; so on Linux the import runs
with ``find_library`` finding nothing and, should a library then fail to open, once more as
WeasyPrint wrote it, with its own advice printed. ``load`` also has the dots of every leader (the
目次's) laid out as one text box (``_join_leader_dots``), keeps font subsets between builds
(fontcache.py), and has pydyf serialize each object of a PDF once (``_serialize_once``).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys
import threading
from collections.abc import Callable, Iterator
from functools import partial, wraps
from types import ModuleType
from typing import Any

from ..collector import collector_paused
from .fontcache import cache_font_subsets


def load() -> ModuleType:
    """The ``weasyprint`` module, imported once per process, its leaders joined (``_join_leader_dots``), its
    font subsets kept (fontcache.py) and each PDF object serialized once (``_serialize_once``)."""
    module = sys.modules.get("weasyprint") or _fast_import()
    _join_leader_dots()
    cache_font_subsets()
    _serialize_once()
    return module


def _fast_import() -> ModuleType:
    if sys.platform.startswith("linux"):
        try:
            with _sonames_only(), contextlib.redirect_stdout(io.StringIO()):  # its advice: for the retry
                return _imported()
        except OSError:
            for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
                del sys.modules[name]
    return _imported()


def layout(html: str, base_url: str | None = None, **options: Any) -> Any:
    """The laid-out ``weasyprint.Document`` of an HTML page (options: those of ``HTML.render``), with the
    collector paused as for every layout (collector.py)."""
    with collector_paused():
        return load().HTML(string=html, base_url=base_url).render(**options)


def _join_leader_dots() -> None:
    """Lay each ``leader()`` out as one text box of all its dots (once per process).

    WeasyPrint fills a leader with one text box per dot, placed edge to edge back from the line's end, and
    walks, paints and tags each on its own (a Pango layout set up again, a tagged span per dot): the 2,800
    dots of the 目次 of 驻马店's standard took 0.2 s of its layout and 0.26 s of its painting, a third of
    the PDF's 1.3 s. Joined as soon as WeasyPrint has placed them on their line, the dots print where they
    stood: the PDF advances each by the dot's width rounded to 1/1000 em, 0.01 pt from where WeasyPrint
    put the last of 120. Should WeasyPrint's layout no longer have this shape, its leaders stay as they
    are."""
    inline: Any = sys.modules.get("weasyprint.layout.inline")
    line_break: Any = sys.modules.get("weasyprint.text.line_break")
    handle = getattr(inline, "handle_leader", None)
    create_layout = getattr(line_break, "create_layout", None)
    if handle is None or create_layout is None or getattr(handle, "joins_dots", False):
        return

    @wraps(handle)
    def handle_leader(context: Any, line: Any, containing_block: Any) -> None:
        handle(context, line, containing_block)
        for box in line.descendants():
            if getattr(box, "is_leader", False) and len(box.children) > 1:
                box.children = _joined(box.children, partial(create_layout, context=context, max_width=None,
                                                             justification_spacing=0))

    handle_leader.joins_dots = True  # type: ignore[attr-defined]
    inline.handle_leader = handle_leader


def _joined(dots: tuple[Any, ...], create_layout: Callable[..., Any]) -> tuple[Any, ...]:
    """One text box for a leader's dots: copies of one box, edge to edge (else the dots as they are)."""
    first = min(dots, key=lambda dot: dot.position_x)
    if any(getattr(dot, "pango_layout", None) is not first.pango_layout for dot in dots):
        return dots
    text = first.text * len(dots)
    run = first.copy()
    run.text, run.width = text, first.width * len(dots)
    run.pango_layout = create_layout(text, style=first.style)
    return (run,)


_writing = threading.local()  # .made, while pydyf writes a PDF: id of each numbered object → (it, its bytes)


def _serialize_once() -> None:
    """Have pydyf serialize each numbered object of a PDF once while it writes the file (once per process).

    Asked for an identifier (stdgen's /ID is a hash of the content: equal input, equal bytes), pydyf writes
    every object, then serializes them all again to hash them: each stream compressed a second time at zlib
    level 9, a kept font subset's (fontcache.py) too, and every dictionary put into bytes again: pydyf's
    write of 驻马店's checklist took 0.149 s of CPU, 0.057 s once. While ``PDF.write`` runs, nothing
    changes the objects, so the first bytes of each are given again: the same file. Should pydyf no longer
    have this shape, it stays as it is."""
    pydyf: Any = sys.modules.get("pydyf")
    pdf_class = getattr(pydyf, "PDF", None)
    write = getattr(pdf_class, "write", None)
    classes = [getattr(pydyf, name, None) for name in ("Dictionary", "Stream", "String", "Array")]
    data = [vars(cls).get("data") if isinstance(cls, type) else None for cls in classes]
    if write is None or getattr(write, "serializes_once", False) or not all(isinstance(d, property) for d in data):
        return
    for cls, prop in zip(classes, data, strict=True):
        cls.data = property(_made_once(prop.fget))  # type: ignore[union-attr]
    pdf_class.write = _made_once_while(write)  # type: ignore[union-attr]


def _made_once_while(write: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(write)
    def writing(pdf: Any, *args: Any, **kwargs: Any) -> Any:
        outer = getattr(_writing, "made", None)
        _writing.made = {}
        try:
            return write(pdf, *args, **kwargs)
        finally:
            _writing.made = outer

    writing.serializes_once = True  # type: ignore[attr-defined]
    return writing


def _made_once(data: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    @wraps(data)
    def once(obj: Any) -> bytes:
        made: dict[int, tuple[Any, bytes]] | None = getattr(_writing, "made", None)
        numbered = getattr(obj, "number", None) is not None  # else a value inside another object
        if made is None or not numbered:
            return data(obj)
        found = made.get(id(obj))
        if found is None or found[0] is not obj:
            found = made[id(obj)] = (obj, data(obj))  # the object kept: its id is not reused meanwhile
        return found[1]

    return once


def _imported() -> ModuleType:
    import weasyprint  # an import statement, as `python -X importtime` reports (importlib.import_module is not)

    module: ModuleType = weasyprint
    return module


@contextlib.contextmanager
def _sonames_only() -> Iterator[None]:
    real = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = real
