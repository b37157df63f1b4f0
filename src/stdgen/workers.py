"""Worker processes of a build, each ready to lay out a PDF before it takes its first job.

The first worker is forked from the build's process as soon as the command starts (the sets are not
loaded yet) and imports WeasyPrint while that process loads them; it then forks the other workers
from itself, so they begin with WeasyPrint already imported instead of importing it again (0.3–0.4 s
of CPU each, and on a one-clause edit it came before the second PDF, the edit's last file).
``concurrent.futures.ProcessPoolExecutor`` forks every worker from the process that makes it, hence
this small pool. Jobs go out on a queue and results come back on a pipe. Each worker also holds the
write end of a pipe of its own, which the build's process watches: when a worker dies (killed, out of
memory) its pipe closes, every job not yet answered fails instead of waiting for ever, and the other
workers are stopped (as ``ProcessPoolExecutor`` does when one of its workers dies).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from multiprocessing.connection import wait
from typing import Any

from .outdir import die_with_parent

Work = Callable[..., Any]


class WorkerPool:
    """jobs worker processes running work(*args) for each submit; warm() runs in the first worker before it
    forks the others (what every worker should start with). The build's process never calls warm."""

    def __init__(self, jobs: int, work: Work, warm: Callable[[], object]) -> None:
        context = multiprocessing.get_context("fork")
        self.jobs = jobs
        self._calls: Any = context.Queue()  # (ident, pickled args); None: stop. Sent by a thread: submit never waits
        self._results, results = context.Pipe(duplex=False)  # (ident, ok, result or exception)
        sending = context.Lock()  # one worker's result at a time on the pipe
        pipes = [os.pipe() for _ in range(jobs)]
        self._lives = [read for read, _ in pipes]  # end of file: that worker is gone
        first = context.Process(target=_first_worker, name="stdgen-worker-1", daemon=False,
                                args=(os.getpid(), self._calls, (results, sending), [w for _, w in pipes],
                                      self._lives, work, warm))
        first.start()
        results.close()
        for _, write in pipes:
            os.close(write)
        self._first = first
        self._lock = threading.Lock()
        self._pending: dict[int, Future[Any]] = {}
        self._next = 0
        self._broken: BrokenProcessPool | None = None
        self._closing = False
        self._reader = threading.Thread(target=self._read, name="stdgen-results", daemon=True)
        self._reader.start()

    def submit(self, *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:  # here, not in the queue's feeder thread, which drops what fails to pickle: a job never answered
            payload = pickle.dumps(args, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            future.set_exception(exc)
            return future
        with self._lock:
            if self._broken is not None:
                future.set_exception(self._broken)
                return future
            ident, self._next = self._next, self._next + 1
            self._pending[ident] = future
        self._calls.put((ident, payload))
        return future

    def close(self) -> None:
        """Let the workers finish their jobs and end; wait for them."""
        self._closing = True
        for _ in range(self.jobs):
            self._calls.put(None)
        self._calls.close()
        self._first.join()  # it waits for the workers it forked
        self._reader.join()
        for read in self._lives:
            os.close(read)
        self._results.close()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self) -> None:
        """The results as they come, until every worker has ended; a worker that ends before the pool is
        closed fails every job not yet answered, and the pool refuses new ones."""
        lives: list[Any] = list(self._lives)
        results: list[Any] = [self._results]
        while lives:  # a worker is still there
            for ready in wait(results + lives):
                if ready is self._results:
                    try:
                        self._answer(*self._results.recv())
                    except EOFError:  # every worker has closed its end: nothing more will come
                        results = []
                elif isinstance(ready, int) and not os.read(ready, 1):  # end of file: its worker ended
                    lives.remove(ready)
                    self._lost()

    def _answer(self, ident: int, ok: bool, value: Any) -> None:
        with self._lock:
            future = self._pending.pop(ident, None)
        if future is None:  # failed already: another worker ended
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _lost(self) -> None:
        with suppress(EOFError):
            while self._results.poll():  # what the worker sent before it ended
                self._answer(*self._results.recv())
        with self._lock:
            if self._closing and not self._pending:
                return
            self._broken = self._broken or BrokenProcessPool(
                "a worker process ended while the build ran (killed, or out of memory)")
            pending, self._pending = self._pending, {}
        self._calls.cancel_join_thread()  # what is still queued is never read: exit without sending it
        self._first.kill()  # the others die with it (their parent): no job is run for a build that has failed
        for future in pending.values():
            future.set_exception(self._broken)


Results = tuple[Any, Any]  # the pipe's sending end and the lock that takes turns on it


def _first_worker(parent: int, calls: Any, results: Results, lives: list[int], reads: list[int], work: Work,
                  warm: Callable[[], object]) -> None:
    """Warm up, fork the other workers from this process, then work; end after them."""
    die_with_parent(parent)
    for read in reads:
        os.close(read)
    with suppress(Exception):  # a warm-up that fails is done again, and reported, by the job that needs it
        warm()
    context = multiprocessing.get_context("fork")
    others = [context.Process(target=_worker, name=f"stdgen-worker-{i + 1}", daemon=True,
                              args=(os.getpid(), calls, results, lives[i], lives, work))
              for i in range(1, len(lives))]
    for other in others:
        other.start()
    _worker(parent, calls, results, lives[0], lives, work, check_parent=False)
    for other in others:
        other.join()


def _worker(parent: int, calls: Any, results: Results, life: int, lives: Sequence[int], work: Work,
            check_parent: bool = True) -> None:
    """Run jobs until told to stop. life: this worker's pipe end, held open while it lives."""
    if check_parent:
        die_with_parent(parent)
    for other in lives:
        if other != life:
            os.close(other)
    with suppress(KeyboardInterrupt):  # Ctrl-C reaches every process of the build; the build's says so
        while (call := calls.get()) is not None:
            ident, payload = call
            try:
                answer = (ident, True, work(*pickle.loads(payload)))
            except Exception as exc:
                answer = (ident, False, exc)
            _send(results, answer)


def _send(results: Results, answer: tuple[int, bool, Any]) -> None:
    pipe, sending = results
    with sending:
        try:
            pipe.send(answer)  # pickled before a byte is written
        except Exception as exc:  # a result or an exception that does not pickle: say what it was
            pipe.send((answer[0], False, RuntimeError(f"{answer[2]!r} could not be sent back: {exc!r}")))
