"""build.WorkerPool (workers.py): started before the sets load, the first worker imports WeasyPrint meanwhile and
forks the others from itself, so every worker starts its first job with WeasyPrint imported; a worker that dies
fails the jobs still waiting instead of leaving the build waiting for them."""

from __future__ import annotations

import os
import pickle
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

from stdgen import build


def _spy(*args: Any) -> dict[str, int]:
    """In place of render_job (inherited by the forked workers): which process ran the job, its parent, and
    whether WeasyPrint was imported there when it began."""
    started = "weasyprint" in sys.modules
    time.sleep(0.3)  # long enough for every worker to take a job
    return {"pid": os.getpid(), "parent": os.getppid(), "weasyprint": int(started), "job": int(args[0])}


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
def test_every_worker_starts_with_weasyprint_imported_by_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)  # as in `stdgen build`: not imported here
    monkeypatch.setattr(build, "render_job", _spy)
    with build.WorkerPool(3) as pool:
        results = [future.result() for future in [pool.submit(_shipped(job)) for job in range(6)]]
    assert [r["job"] for r in results] == list(range(6))
    assert all(r["weasyprint"] == 1 for r in results)  # imported before any worker's first job
    workers = {r["pid"]: r["parent"] for r in results}
    assert len(workers) >= 2, "one worker took every job"
    first = [pid for pid, parent in workers.items() if parent == os.getpid()]
    assert len(first) <= 1  # the others were forked from the first worker, after its import
    assert all(parent in (os.getpid(), *first) for parent in workers.values())
    forked = [pid for pid, parent in workers.items() if parent != os.getpid()]
    assert forked and all(workers[pid] == workers[forked[0]] for pid in forked)
    assert "weasyprint" not in sys.modules  # never in the build's own process


def _dies(*args: Any) -> None:
    if args[0] == "die":
        os._exit(3)  # as a worker killed by the kernel (out of memory) ends: no exception, no result
    time.sleep(0.5)


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked")
def test_a_worker_that_dies_fails_the_waiting_jobs_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "render_job", _dies)
    start = time.perf_counter()
    with build.WorkerPool(2) as pool:
        futures = [pool.submit(_shipped(what)) for what in ("die", "wait", "wait", "wait", "wait")]
        errors = [future.exception(timeout=60) for future in futures]
        assert isinstance(errors[0], BrokenProcessPool)
        assert any(isinstance(e, BrokenProcessPool) for e in errors[1:])  # the jobs no one will take
        later = pool.submit(_shipped("wait"))
        assert isinstance(later.exception(timeout=5), BrokenProcessPool)
    assert time.perf_counter() - start < 60


class _Unpicklable(Exception):
    def __reduce__(self) -> Any:
        raise TypeError("not this one")


def _fails(*args: Any) -> None:
    if args[0] == "unpicklable":
        raise _Unpicklable("a lock in it")
    raise ValueError(f"job {args[0]} failed")


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked")
def test_a_job_exception_comes_back_to_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "render_job", _fails)
    with build.WorkerPool(2) as pool:
        plain, odd = pool.submit(_shipped(7)).exception(timeout=60), pool.submit(_shipped("unpicklable"))
        assert isinstance(plain, ValueError) and str(plain) == "job 7 failed"
        error = odd.exception(timeout=60)
        assert isinstance(error, RuntimeError) and "a lock in it" in str(error)  # said, though not sent as raised
        assert pool.submit(_shipped(8)).exception(timeout=60) is not None  # the pool still works
        unsent = pool.submit(_shipped(9), lambda: None)  # a job whose arguments do not pickle fails at once
        assert unsent.done() and unsent.exception() is not None
        assert str(pool.submit(_shipped(10)).exception(timeout=60)) == "job 10 failed"


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


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked")
def test_a_build_whose_worker_dies_fails_and_keeps_the_previous_output(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from stdgen.diagnostics import Report
    from stdgen.workspace import open_workspace

    clauses = Path(__file__).resolve().parents[1] / "clauses"
    rs = open_workspace(clauses, Report(), ["zmd-civility-2023"]).sets["zmd-civility-2023"]
    out = tmp_path / "out"
    build.build_sets([rs], out, Report(), formats=("html", "pdf"))
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = build.render_job

    def killed_on_the_checklist_pdf(rs: Any, artifact: str, stem: str, fmt: str, path: Path, given: Any = None) -> Any:
        if artifact == "checklist" and fmt == "pdf":
            os._exit(9)  # as the kernel's out-of-memory killer ends a worker
        return real(rs, artifact, stem, fmt, path, given)

    monkeypatch.setattr(build, "render_job", killed_on_the_checklist_pdf)
    report = Report()
    with build.WorkerPool(2) as pool:
        written = build.build_sets([rs], out, report, formats=("html", "pdf"), force=True, pool=pool)
    assert written == []
    errors = [d for d in report.items if d.severity == "error"]
    assert [d.code for d in errors] == ["B001"], errors  # the set failed, once
    assert "BrokenProcessPool" in str(errors[0].text.as_data())
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # nothing written, nothing left
