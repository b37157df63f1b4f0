"""The output folder survives crashes: one build at a time, atomic swaps, no debris, no orphans.

- :func:`locked` holds ``OUT/.stdgen-lock`` (``flock``) for a whole build: a second build on
  the same folder waits for the first and never interleaves with it. The kernel drops the lock
  when its process dies, even by SIGKILL, so a killed build never leaves a stale lock.
- Everything temporary is named ``.stdgen-…`` inside OUT; :func:`clean` (run under the lock,
  before a build) removes what a killed build left and puts back a set folder that a kill
  caught in the middle of a two-rename swap.
- :func:`swap` replaces a set's folder by its staging folder with one ``renameat2(…,
  RENAME_EXCHANGE)`` on Linux: there is no moment at which the set's folder is missing. Where
  the call is unavailable it falls back to two renames, which :func:`clean` can undo.
- :class:`Staged` writes single files (``stdgen checklist``, ``stdgen cards``, the cross-set files
  of ``stdgen build``) under ``OUT/.stdgen-tmp-…`` names and renames them into place together
  only when all were written: a failure keeps the previous files, a kill leaves debris that
  :func:`clean` removes.
- :func:`die_with_parent` (called first in each worker) makes worker processes exit when the build does.
"""

from __future__ import annotations

import ctypes
import fcntl
import filecmp
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

PREFIX = ".stdgen-"
LOCK = ".stdgen-lock"
STAGING = ".stdgen-staging-"  # a set's new output while it is written
OLD = ".stdgen-old-"  # a set's previous output during a two-rename swap
TMP = ".stdgen-tmp-"  # single files written before they are renamed into place
PAUSE_VARIABLE = "STDGEN_PAUSE_AT"  # test hook: stop at a named moment so a test can kill the build there

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_PR_SET_PDEATHSIG = 1


@contextmanager
def locked(out_root: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output folder's lock (waiting for another build to finish, after calling waiting), then
    clean debris."""
    out_root.mkdir(parents=True, exist_ok=True)
    with open(out_root / LOCK, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            clean(out_root)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clean(out_root: Path) -> list[str]:
    """Remove what killed builds left in out_root; return the names removed or restored."""
    done: list[str] = []
    for entry in sorted(out_root.glob(f"{PREFIX}*")):
        name = entry.name
        if name == LOCK:
            continue
        if name.startswith(OLD) and not (out_root / name[len(OLD):]).exists():
            entry.rename(out_root / name[len(OLD):])  # killed between the two renames: the old output is whole
        elif entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        done.append(name)
    return done


class Staged:
    """Files of one update, written under ``.stdgen-tmp-`` names in the output folder (held locked by
    :func:`locked`) and renamed into their places (anywhere under it) only by :meth:`commit`."""

    def __init__(self, out_root: Path) -> None:
        self.out_root = out_root
        self.files: list[tuple[Path, Path]] = []  # (temporary, final)

    def add(self, final: Path, write: Callable[[Path], object], keep_same: bool = False) -> Path:
        """Write final's new content into a temporary file with write(path); return the temporary path.
        A write that fails removes its temporary file and raises. keep_same: when the new content is
        final's, final is left as it is (its time too) and not listed by commit."""
        self.out_root.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f"{TMP}{final.stem}-", suffix=final.suffix, dir=self.out_root)
        os.close(handle)
        path = Path(name)
        try:
            write(path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        path.chmod(0o644)
        if keep_same and final.is_file() and filecmp.cmp(path, final, shallow=False):
            path.unlink()
        else:
            self.files.append((path, final))
        return path

    def discard(self) -> None:
        """Remove what was written: the previous files stay as they were."""
        for path, _ in self.files:
            path.unlink(missing_ok=True)
        self.files.clear()

    def commit(self) -> list[Path]:
        """Rename every file into place (each rename atomic); return the final paths."""
        checkpoint("files")
        for path, final in self.files:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, final)
        done = [final for _, final in self.files]
        self.files.clear()
        return done


def same_files(staging: Path, final: Path) -> bool:
    """Whether a staging folder holds exactly final's files with final's bytes. Each staged file equal to
    final's is replaced by a hard link to it, so that swapping keeps the unchanged files' inodes and times."""
    if not final.is_dir():
        return False
    same = True
    for path in staging.rglob("*"):
        if path.is_dir():
            continue
        old = final / path.relative_to(staging)
        if old.is_file() and (os.path.samefile(path, old) or filecmp.cmp(path, old, shallow=False)):
            if not os.path.samefile(path, old):
                tmp = path.with_name(f"{PREFIX}link-{path.name}")
                os.link(old, tmp)
                os.replace(tmp, path)
        else:
            same = False
    staged = {p.relative_to(staging) for p in staging.rglob("*") if not p.is_dir()}
    return same and staged == {p.relative_to(final) for p in final.rglob("*") if not p.is_dir()}


def swap(staging: Path, final: Path) -> None:
    """Put staging in final's place; the previous final is removed afterwards."""
    if final.exists() and _exchange(staging, final):
        checkpoint("swap")
        shutil.rmtree(staging, ignore_errors=True)  # it holds the previous output now
        return
    old = final.with_name(f"{OLD}{final.name}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    checkpoint("swap")
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result: int = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def die_with_parent(parent: int) -> None:
    """Called first in a worker process: the kernel kills this process when its parent dies (Linux)."""
    with suppress(AttributeError, OSError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the call above
        os._exit(1)


def checkpoint(moment: str) -> None:
    """Test hook: when STDGEN_PAUSE_AT names this moment, say so on stderr and wait to be killed."""
    if os.environ.get(PAUSE_VARIABLE) == moment:
        print(f"stdgen: paused at {moment}", file=sys.stderr, flush=True)
        time.sleep(600)
