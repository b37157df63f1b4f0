"""WeasyPrint, imported the fast way: every PDF writer and the build import it through ``load``.

On import WeasyPrint opens GLib, Pango, HarfBuzz and fontconfig by trying, for each, the names it has
on every platform. cffi hands each name that is not a path to ``ctypes.util.find_library``, which on
Linux runs ``ldconfig -p`` and gcc: 22 calls, 0.21 of the 0.59 s the import took here, paid by every
process that writes a PDF (a one-clause edit's critical path). Each list also holds the library's
soname (``libpango-1.0.so.0``), which the dynamic loader finds on its own; so on Linux the import runs
with ``find_library`` finding nothing and, should a library then fail to open, once more as
WeasyPrint wrote it, with its own advice printed.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from ..collector import collector_paused


def load() -> ModuleType:
    """The ``weasyprint`` module, imported once per process."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
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
