"""Compiled templates kept between runs: Jinja compiles a template's source to Python on its first use in
each process, 24 ms for ``document.html.j2`` and 40 ms for the site's, in the main process of every build
and again in each worker that writes HTML or a PDF. Jinja's bytecode cache keeps the compiled code on disk,
checked against the template's source on every load (a changed template, a bureau's too, is compiled
again); loaded, the document template takes 0.6 ms.

The folder (``$XDG_CACHE_HOME/stdgen/templates/<Jinja>-<Python>/<kind>``) has one subfolder per kind of
environment, because the code differs with the environment's settings (sandboxed, escaping, finalize),
which Jinja's cache key (the template's name and file) does not hold. A folder that cannot be written, or
an entry that cannot be read, only means compiling as without a cache."""

from __future__ import annotations

import os
import sys
from contextlib import suppress
from typing import Any

import jinja2

from .usercache import user_cache


class _Kept(jinja2.FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Any) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable, or cut short (Jinja's unpickling raises): compiled as without a cache
            bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        with suppress(OSError):  # written whole by Jinja (a temporary file, then renamed), or not at all
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def compiled(kind: str) -> jinja2.BytecodeCache | None:
    """The cache of one kind of environment (a name stdgen gives each set of environment settings); None
    where the user has no cache folder."""
    root = user_cache()
    if root is None:
        return None
    version = f"jinja{jinja2.__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"
    return _Kept(str(root / "stdgen" / "templates" / version / kind), "%s.cache")
