"""Python's cyclic garbage collector around the work that builds large live data (trees, HTML, layouts).

What a build makes is live until written, so the full collections it triggers find little garbage and
walk more each time: the part of a large file's time that grew faster than its clauses. Measured:
WeasyPrint's layout of the 2,000-clause standard took 7.3 s of CPU with the collector on and 5.0 s off
(peak 523 / 499 MB); checklist.html of 5,000 clauses 2.57 s on, 1.63 s off (same peak); the checklist
PDF of 2,000 clauses 24.1 s of CPU, 8.2 s of it collecting, against 18.2 s frozen and collected once a
part.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext


@contextmanager
def collector_paused() -> Iterator[None]:
    """Automatic collection off meanwhile (left off if it was off). Writing a PDF keeps it on: off, it left
    60 MB more garbage at the peak. What the paused work leaves is freed by the next collection."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


@contextmanager
def collected_after(paused: bool) -> Iterator[None]:
    """What exists now is frozen, so collections meanwhile walk only the new objects; the work's garbage is
    collected once at the end (a laid-out document is cyclic: freed then, a worker's next job reuses its
    memory). paused: automatic collection off meanwhile too. Thaws only what it froze: inside another
    collected_after (a build job writing the checklist's PDF parts) the outer one thaws."""
    outer = gc.get_freeze_count()
    gc.freeze()
    try:
        with collector_paused() if paused else nullcontext():
            yield
    finally:
        gc.collect()
        if not outer:
            gc.unfreeze()
