"""Crash safety: a build killed at any moment leaves the previous output complete, the next build
removes its debris, workers die with the build, and two builds on one folder never interleave."""

from __future__ import annotations

import json
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_process import StdgenProcess
from conftest import CLAUSES
from stdgen import outdir, uptodate

SUBSET = ("window-conduct", "db4108-t-6-2020")


def _build(root: Path, out: Path, *args: str, pause: str | None = None) -> StdgenProcess:
    return StdgenProcess(["build", "--clauses", str(root), "--out", str(out), *args], pause)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _snapshot(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(outdir.PREFIX) and not p.parent.name.startswith(outdir.PREFIX)
            and p.name != uptodate.RECORD}  # the record of the last run is not output


def _assert_complete(out: Path, baseline: dict[str, bytes]) -> None:
    """Every file of the previous build is there and whole (and, builds being reproducible, equal)."""
    for name, data in baseline.items():
        path = out / name
        assert path.is_file(), f"{name} is missing"
        if path.suffix in {".docx", ".xlsx"}:
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None, name
        elif path.suffix == ".pdf":
            assert len(PdfReader(path).pages) > 0, name
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        assert path.read_bytes() == data, f"{name} differs from the previous build"


def _debris(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(outdir.PREFIX) and p.name != outdir.LOCK)


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["staged", "rendered", "swap", "cross", 2.0, 6.0])
def test_sigkill_keeps_the_previous_output(tmp_path: Path, moment: str | float) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)
    out = tmp_path / "out"
    subset = () if moment in ("cross", 6.0) else SUBSET  # cross-set files are written by a full build
    first = _build(root, out, *subset, "--jobs", "2")
    assert first.proc.wait() == 0, first.err.decode()
    baseline = _snapshot(out)

    # in English, so that the plan line's "building" marks when the timed kill's clock starts
    build = _build(root, out, *subset, "--force", "--jobs", "2", "--lang", "en",
                   pause=moment if isinstance(moment, str) else None)
    if isinstance(moment, str):
        build.wait_for(f"paused at {moment}")
    else:
        build.wait_for("building")
        time.sleep(moment)
    workers = build.workers()
    build.kill()
    _assert_complete(out, baseline)
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the killed build"

    again = _build(root, out, *subset, "--jobs", "2")
    assert again.proc.wait() == 0, again.err.decode()
    assert _debris(out) == []
    _assert_complete(out, baseline)


@pytest.mark.slow
def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with outdir.locked(out):  # a build in progress
        waiting = _build(CLAUSES, out, SUBSET[0], "--jobs", "1")
        waiting.wait_for("另一个 stdgen 进程正在写入")
        time.sleep(0.5)
        assert sorted(p.name for p in out.iterdir()) == [outdir.LOCK]  # it wrote nothing meanwhile
    assert waiting.proc.wait() == 0, waiting.err.decode()
    assert (out / SUBSET[0] / "standard.pdf").is_file()


def test_clean_undoes_a_swap_killed_between_its_renames(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / f"{outdir.OLD}a").mkdir(parents=True)  # a's previous output, renamed away
    (out / f"{outdir.OLD}a" / "standard.html").write_text("old", encoding="utf-8")
    (out / f"{outdir.STAGING}a-x1y2z3").mkdir()  # the new output, not yet renamed into place
    (out / "b").mkdir()
    (out / f"{outdir.OLD}b").mkdir()  # b was swapped already: its old copy is debris
    (out / f"{outdir.TMP}xref-abc.json").write_text("{", encoding="utf-8")
    removed = outdir.clean(out)
    assert len(removed) == 4
    assert sorted(p.name for p in out.iterdir()) == ["a", "b"]
    assert (out / "a" / "standard.html").read_text(encoding="utf-8") == "old"


def test_swap_without_exchange_falls_back_to_two_renames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    final, staging = tmp_path / "set", tmp_path / f"{outdir.STAGING}set-1"
    final.mkdir()
    (final / "f").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "f").write_text("new", encoding="utf-8")
    monkeypatch.setattr(outdir, "_exchange", lambda a, b: False)
    outdir.swap(staging, final)
    assert (final / "f").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["set"]


def test_swap_exchanges_atomically(tmp_path: Path) -> None:
    final, staging = tmp_path / "set", tmp_path / f"{outdir.STAGING}set-1"
    for folder, text in ((final, "old"), (staging, "new")):
        folder.mkdir()
        (folder / "f").write_text(text, encoding="utf-8")
    assert outdir._exchange(staging, final)  # Linux: one renameat2 call, no moment without the folder
    assert (final / "f").read_text(encoding="utf-8") == "new"
    assert (staging / "f").read_text(encoding="utf-8") == "old"
