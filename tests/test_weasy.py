"""WeasyPrint imported without ctypes.util.find_library (render/weasy.py): the same libraries open, and a
failed fast import falls back to WeasyPrint's own."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fast import is Linux's")

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


def test_the_fast_import_opens_the_same_libraries_without_find_library() -> None:
    fast_calls, fast_libs = _probe("stdgen")
    plain_calls, plain_libs = _probe("plain")
    assert fast_calls == 0
    assert plain_calls > 0  # what the loader spares
    assert fast_libs == plain_libs
    assert "libpango-1.0.so.0" in fast_libs and "libharfbuzz-subset.so.0" in fast_libs


def test_a_library_that_fails_by_its_soname_falls_back_to_weasyprints_own_search() -> None:
    calls, libs = _probe("stdgen", FAIL_ONCE)
    assert calls > 0  # the second import searched as WeasyPrint does
    assert "libpango-1.0.so.0" in libs
