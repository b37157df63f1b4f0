"""build.WorkerPool: started before the sets load, one worker imports WeasyPrint meanwhile and takes the first
job (the build submits the longest first, a PDF); the others wait for that, and import WeasyPrint only for a
PDF of their own."""

from __future__ import annotations

import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from stdgen import build


def _spy(*args: Any) -> dict[str, int]:
    """In place of render_job (inherited by the forked workers): which process ran the job, and whether
    WeasyPrint was imported there when it began."""
    started = "weasyprint" in sys.modules
    time.sleep(0.3)  # long enough for every worker to take a job
    return {"pid": os.getpid(), "weasyprint": int(started), "job": int(args[0])}


def _shipped(value: object) -> build.Shipped:
    return build.Shipped(f"key-{value!r}", pickle.dumps(value))


def _received(rs: Any, *args: Any) -> tuple[int, int, object]:
    return os.getpid(), id(rs), rs


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked")
def test_a_worker_unpickles_each_set_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "render_job", _received)
    a, b = _shipped(["set", "a"]), _shipped(["set", "b"])
    with build.WorkerPool(1) as pool:
        results = [pool.submit(shipped).result() for shipped in (a, a, b, a)]
    assert [value for _, _, value in results] == [["set", "a"], ["set", "a"], ["set", "b"], ["set", "a"]]
    ids = [ident for _, ident, _ in results]
    assert ids[0] == ids[1] == ids[3] != ids[2]  # one object per set in the worker, kept between its jobs


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked")
def test_the_worker_that_imported_weasyprint_takes_the_first_job(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)  # as in `stdgen build`: not imported here
    monkeypatch.setattr(build, "render_job", _spy)
    with build.WorkerPool(2) as pool:
        results = [future.result() for future in [pool.submit(_shipped(job)) for job in range(4)]]
    first = results[0]
    assert first["weasyprint"] == 1  # imported before its first job
    others = [r for r in results if r["pid"] != first["pid"]]
    assert others, "the second worker took no job"
    assert all(r["weasyprint"] == 0 for r in others)  # no PDF came its way: never imported
    assert "weasyprint" not in sys.modules


def test_a_pool_that_gets_no_job_closes() -> None:
    start = time.perf_counter()
    with build.WorkerPool(2):
        pass
    assert time.perf_counter() - start < 60  # the waiting worker is let go, not left blocked


def test_a_build_with_a_pool_writes_what_one_without_writes(tmp_path: Path) -> None:
    from stdgen.diagnostics import Report
    from stdgen.workspace import open_workspace

    clauses = Path(__file__).resolve().parents[1] / "clauses"
    rs = open_workspace(clauses, Report(), ["zmd-civility-2023"]).sets["zmd-civility-2023"]
    with build.WorkerPool(2) as pool:
        written = build.build_sets([rs], tmp_path / "pooled", Report(), formats=("html", "pdf"), pool=pool)
    alone = build.build_sets([rs], tmp_path / "alone", Report(), formats=("html", "pdf"))
    names = sorted(p.name for p in alone)
    assert sorted(p.name for p in written) == names and "standard.pdf" in names and "checklist.pdf" in names
    for path in alone:
        assert (tmp_path / "pooled" / path.relative_to(tmp_path / "alone")).read_bytes() == path.read_bytes()
