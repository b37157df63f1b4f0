"""Build artifacts for resolved clause sets: incremental, parallel and atomic per set.

Every output file is a job keyed by a hash of what it depends on (the stdgen code and
templates, the set's data, the artifact and the format). ``build.json`` in each set's
folder records the keys that made its files, so a build with nothing changed writes
nothing, and an edited set rebuilds only its own files. A set that needs work is written
into a fresh temporary folder (unchanged files hard-linked from the old output) and swapped
in only when every job succeeded: a failed build leaves the previous good output untouched.
Jobs run in worker processes (``jobs`` > 1). The cross-set outputs (concordance,
cross-reference index) are written the same way: temporary files, renamed into place together.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import pickle
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from typing import Any, Protocol

from . import __version__, workers
from .artifacts import forms
from .artifacts.cards.build import DIRECT, deck_document, deck_empty, deck_ids, set_deck
from .artifacts.changes import units as change_units
from .artifacts.checklist.pdf import write_set_pdf
from .artifacts.checklist.rows import build_checklist
from .artifacts.checklist.tree import build as checklist_tree
from .artifacts.checklist.tree import empty_notice as checklist_empty
from .artifacts.checklist.tree import row_ids as checklist_ids
from .artifacts.concordance.topics import build_concordance
from .artifacts.concordance.tree import build as concordance_tree
from .artifacts.standard.tree import build as standard_tree
from .collector import collected_after, collector_paused
from .diagnostics import Position, Report
from .doctree import Document, has_toc
from .i18n import Message, msg
from .outdir import STAGING, Staged, checkpoint, same_files, swap
from .render import templates
from .render.failure import render_failure
from .render.fonts import describe, rare_characters
from .render.html import write_html
from .render.pdf import write_pdf
from .render.weasy import load as load_weasyprint
from .reproducible import seal, source_date, write_sealed
from .resolve import ResolvedSet
from .unit import Documents, fingerprint
from .unit import Unit as Unit  # re-exported: artifacts and tests name it build.Unit
from .uptodate import code_fingerprint
from .version import digest
from .workspace import Workspace

Writer = Callable[[Document, Path], object]


def _deferred(module: str, name: str) -> Callable[..., Any]:
    """A writer imported on its first call, by the process that writes its file: openpyxl and python-docx take
    0.12 and 0.1 s to import, which the main process of a build, handing its files to workers, never needs."""
    def write(*args: Any) -> object:
        return getattr(importlib.import_module(module, __package__), name)(*args)
    return write


WRITERS: dict[str, Writer] = {"docx": _deferred(".render.docx_render", "write_docx"), "html": write_html,
                              "pdf": write_pdf}
SetWriter = Callable[[ResolvedSet, Path], object]  # a PDF writer may return its anchors' pages
FORMATS = ("docx", "html", "pdf", "xlsx", "json")
MANIFEST = "build.json"
SITE = "site"  # the site's pages under the output folder (its entry page is output/index.html)
XREF_LABEL = "条款交叉索引"
COST = {"pdf": 3, "docx": 2, "xlsx": 1, "html": 0}  # relative render time, for scheduling


class Progress(Protocol):
    def planned(self, todo: dict[str, int]) -> None: ...  # files to write per set
    def done(self, set_name: str, file: str) -> None: ...


@dataclass(frozen=True)
class Artifact:
    """A kind of output. Most write one unit per set named after the artifact, from ``tree``;
    one that writes several gives ``units`` instead (then ``formats`` is the union of theirs)."""

    name: str  # file stem under output/<set>/ of the single unit
    tree: Callable[[ResolvedSet], Document] | None
    formats: tuple[str, ...]
    direct: dict[str, SetWriter] = field(default_factory=dict)  # formats written from the set, not a tree (XLSX)
    ids: Callable[[ResolvedSet], Iterable[str]] | None = None  # IDs it shows (xref); default: its tree's anchors/links
    units: Callable[[ResolvedSet], list[Unit]] | None = None
    empty: Callable[[ResolvedSet], Message | None] | None = None  # why it would have no content (a B003 warning)
    label: str = ""  # its name for readers (site navigation, xref); empty: its name
    content: Callable[[ResolvedSet], object] | None = None  # what its direct writers read (Unit.content)

    @property
    def title(self) -> str:
        return self.label or self.name

    def outputs(self, rs: ResolvedSet) -> list[Unit]:
        """The documents this artifact writes for the set."""
        if self.units is not None:
            return self.units(rs)
        assert self.tree is not None, f"artifact {self.name} has neither tree nor units"
        ids, content = self.ids, self.content
        return [Unit(self.name, partial(self.tree, rs), self.formats,
                     {fmt: partial(write, rs) for fmt, write in self.direct.items()},
                     partial(ids, rs) if ids is not None else None,
                     content=partial(content, rs) if content is not None else None)]


ARTIFACTS = [
    Artifact("standard", standard_tree, ("docx", "html", "pdf"), label="标准文本"),
    Artifact("checklist", checklist_tree, ("docx", "html", "pdf", "xlsx"),
             {"pdf": write_set_pdf, "xlsx": _deferred(".artifacts.checklist.xlsx", "write_set_xlsx")}, checklist_ids,
             empty=checklist_empty, label="监督检查表", content=build_checklist),
    Artifact("changes", None, ("docx", "html", "xlsx", "json"), units=change_units,  # a variant's only
             label="差异对照表"),
    Artifact("cards", deck_document, ("pdf", "docx", "html"), DIRECT, deck_ids, empty=deck_empty, label="用语卡片",
             content=set_deck),
    Artifact("forms", None, forms.FORMATS, units=forms.units, label="表单"),
]


@dataclass(frozen=True)
class Job:
    artifact: str
    stem: str  # the unit's
    fmt: str
    key: str  # the code, the set's data, the artifact and the format: equal to the last build's → nothing to do

    @property
    def file(self) -> str:
        return f"{self.stem}.{self.fmt}"


@dataclass(frozen=True)
class Reuse:
    """A format whose writer can take what the writer of another format of the same unit returned, instead
    of working it out again."""

    source: str  # the other format
    wanted: Callable[[Document], bool]  # whether this document's writer needs it at all
    write: Callable[[Document, Path, dict[str, int]], object]


# The DOCX's 目次 prints the page numbers of the PDF's layout: given the PDF's anchor pages it does not lay
# the document out again (WeasyPrint: ~1 s for the 10-page 驻马店 standard, 2.7 s per 500 clauses). Its job
# waits for the PDF job of its unit; the other jobs keep the cores busy meanwhile. Measured on the bundled
# sets (2 cores): `build --force` 29.6 s CPU against 34.7 s when each DOCX lays itself out; on a one-clause
# edit both took the same wall time while a worker kept its last layout (no longer: see render/pdf.py _layout).
REUSES: dict[str, Reuse] = {"docx": Reuse("pdf", has_toc, _deferred(".render.docx_render", "write_docx_paged"))}


@dataclass(frozen=True)
class Task:
    work: _SetWork
    job: Job
    after: Job | None = None  # the job of the same unit whose result this one takes (REUSES)
    given: dict[str, int] | None = None  # that result, when known (or guessed from the last build)


@dataclass
class _SetWork:
    rs: ResolvedSet
    final: Path
    jobs: list[Job]
    todo: list[Job]  # files to render
    old: dict[str, Any]
    contents: dict[str, str]  # file → content key (what it was written from)
    changed: bool  # the folder needs a new manifest (or other files), even when nothing is rendered
    docs: dict[str, Document] = field(default_factory=dict)  # stem → tree, of the units whose data changed
    staging: Path | None = None
    pages: dict[str, dict[str, int]] = field(default_factory=dict)
    error: tuple[Message, Position | None] | None = None  # the first failure and its place (a template's line)
    shipped: Shipped | None = None  # the set as worker processes receive it, made for its first job there


@dataclass(frozen=True)
class Shipped:
    """A resolved set as a worker process receives it: pickled once per build, unpickled once per worker
    (``_received``). Pickled with each job, the set of 5,000 clauses took 0.09 s to pickle and 0.11 s to
    unpickle a job, and its jobs grow with it (a form's four files per 500 clauses)."""

    key: str
    data: bytes

    @classmethod
    def of(cls, rs: ResolvedSet) -> Shipped:
        return cls(uuid.uuid4().hex, pickle.dumps(rs, protocol=pickle.HIGHEST_PROTOCOL))


def data_key(rs: ResolvedSet) -> str:
    """The set's data and its figures' images, and those of the sets it extends (a variant's changes are
    against them)."""
    return digest(rs.clause_set) + _images(rs) + (data_key(rs.parent) if rs.parent is not None else "")


def _images(rs: ResolvedSet) -> str:
    return "".join(hashlib.sha256(path.read_bytes()).hexdigest() for path in rs.figure_files.values())


def _code() -> str:
    return _hash(code_fingerprint(), templates.fingerprint())  # a bureau's changed template rebuilds too


def plan(rs: ResolvedSet, formats: tuple[str, ...] = FORMATS) -> list[Job]:
    data, code = data_key(rs), _code()
    return [Job(a.name, unit.stem, fmt, _hash(code, data, a.name, unit.stem, fmt))
            for a in ARTIFACTS for unit in a.outputs(rs) for fmt in unit.formats if fmt in formats]


def content_keys(rs: ResolvedSet, jobs: list[Job], docs: dict[str, Document]) -> dict[str, str]:
    """file → a key of what the file is written from: its unit's document tree, or for a format with a
    direct writer the unit's declared content (else the set's whole data), with the code, the figures'
    images and the date stamped in files. The trees made on the way are left in docs."""
    code, images = _code(), _images(rs)
    when = source_date([rs.standard.issued]).isoformat()
    keys: dict[str, str] = {}
    sources: dict[tuple[str, bool], str] = {}  # (unit, direct?) → what it is written from, once for its formats
    whole_data = cache(partial(data_key, rs))  # for direct writers that declare no content
    for job in jobs:
        unit = _unit(rs, job.artifact, job.stem)
        direct = job.fmt in unit.direct
        try:
            if job.stem not in docs:
                docs[job.stem] = unit.document()
            if (job.stem, direct) not in sources:  # 5,000 clauses: the checklist's rows once for PDF and XLSX
                sources[job.stem, direct] = _written_from(unit, docs[job.stem], direct, whole_data)
            source = sources[job.stem, direct]
        except Exception:  # e.g. a bureau template that fails: its job reports it
            source = os.urandom(32).hex()  # written again, so that the job runs and says why it fails
        keys[job.file] = _hash(code, images, when, job.artifact, job.stem, job.fmt, source)
    return keys


def _written_from(unit: Unit, doc: Document, direct: bool, whole_data: Callable[[], str]) -> str:
    """A fingerprint of what a format of the unit is written from: its tree, or for a direct writer its declared
    content, else the set's whole data."""
    if not direct:
        return fingerprint(doc)
    return fingerprint(unit.content()) if unit.content is not None else whole_data()


def build_sets(sets: Iterable[ResolvedSet], out_root: Path, report: Report, *, formats: tuple[str, ...] = FORMATS,
               jobs: int = 1, force: bool = False, progress: Progress | None = None,
               meanwhile: Callable[[Outputs], object] | None = None,
               pool: workers.WorkerPool | None = None) -> list[Path]:
    """Bring every set's output up to date; return the files written (none for an unchanged set). meanwhile:
    work for this process while worker processes render, given the outputs the sets will have if each PDF not
    yet written comes out with the pages its last build recorded (not called when one has no such record).
    pool: the worker processes to render in (else jobs > 1 starts its own)."""
    out_root.mkdir(parents=True, exist_ok=True)
    sets = list(sets)
    _report_empty(sets, out_root, report)
    with collector_paused():  # the trees made for the keys stay live until keyed (and are freed below)
        work = [_prepare(rs, out_root, formats, force) for rs in sets]
    pending = [w for w in work if w.changed]
    if progress:
        progress.planned({w.rs.clause_set.name: len(w.todo) for w in work})
    for w in pending:
        w.staging = _staging(out_root, w.final, w.jobs, w.todo, w.old)
    checkpoint("staged")
    _report_rare_characters(pending, report)
    tasks = [Task(w, job, _source(w, job)) for w in pending for job in w.todo]
    tasks.sort(key=lambda task: COST.get(task.job.fmt, 0), reverse=True)  # longest first: workers finish together
    for w in pending:  # the trees served the keys, the font check and REUSES; each job makes its own. They hold
        w.docs.clear()  # no cycles: freed here, before workers this call starts fork (a full collection found 3 more)
    _run(tasks, jobs, progress, partial(_ahead, meanwhile, work) if meanwhile is not None else None, pool)
    checkpoint("rendered")
    written: list[Path] = []
    for w in pending:
        written.extend(_finish(w, report))
    return written


def _ahead(meanwhile: Callable[[Outputs], object], work: list[_SetWork]) -> None:
    foreseen = _foreseen(work)
    if foreseen is not None:
        meanwhile(foreseen)


def _foreseen(work: list[_SetWork]) -> Outputs | None:
    """The sets' outputs after this build if each PDF still to be written keeps the pages recorded by the last
    build (those written so far give theirs: with every PDF written, the outputs are known)."""
    keys: dict[str, dict[str, str]] = {}
    pdf: dict[str, dict[str, dict[str, int]]] = {}
    for w in work:
        name, pages = w.rs.clause_set.name, w.old.get("pages", {}) | w.pages
        if any(j.fmt == "pdf" and j.file not in pages for j in w.todo):
            return None
        keys[name] = {j.file: j.key for j in w.jobs}
        pdf[name] = {j.file: pages.get(j.file, {}) for j in w.jobs if j.fmt == "pdf"}  # as _finish records them
    return Outputs(keys, pdf)


def _report_empty(sets: list[ResolvedSet], out_root: Path, report: Report) -> None:
    for rs in sets:
        for artifact in ARTIFACTS:
            why = artifact.empty(rs) if artifact.empty else None
            if why:
                report.add(why, Position(str(out_root / rs.clause_set.name / artifact.name)), severity="warning")


def build_set(rs: ResolvedSet, out_root: Path, report: Report, formats: tuple[str, ...] = FORMATS,
              force: bool = True) -> list[Path]:
    """One set, every job in this process; rebuilt unless force is False."""
    return build_sets([rs], out_root, report, formats=formats, force=force)


def _prepare(rs: ResolvedSet, out_root: Path, formats: tuple[str, ...], force: bool) -> _SetWork:
    """What a set needs: files whose data key changed are checked again by their content key, so an edit
    renders only the files whose own content it changes (the rest keep their inode and time)."""
    final = out_root / rs.clause_set.name
    jobs = plan(rs, formats)
    old = {} if force else _read_manifest(final)
    done: dict[str, str] = old.get("files", {})
    written_from: dict[str, str] = old.get("content", {})
    stale = [j for j in jobs if done.get(j.file) != j.key or not (final / j.file).is_file()]
    docs: dict[str, Document] = {}
    keys = content_keys(rs, stale, docs)
    todo = [j for j in stale if written_from.get(j.file) != keys[j.file] or not (final / j.file).is_file()]
    contents = {j.file: keys.get(j.file, written_from.get(j.file, "")) for j in jobs}
    changed = bool(stale) or set(done) != {j.file for j in jobs}
    return _SetWork(rs, final, jobs, todo, old, contents, changed, docs)


def _source(w: _SetWork, job: Job) -> Job | None:
    """The job of the same unit whose result this job's writer takes (REUSES), when it has one to take."""
    reuse = REUSES.get(job.fmt)
    unit = _unit(w.rs, job.artifact, job.stem)
    if reuse is None or reuse.source not in unit.formats or {job.fmt, reuse.source} & set(unit.direct):
        return None
    doc = w.docs.get(job.stem)
    if doc is None or not reuse.wanted(doc):
        return None
    return next((j for j in w.jobs if j.stem == job.stem and j.fmt == reuse.source), None)


def _staging(out_root: Path, final: Path, jobs: list[Job], todo: list[Job], old: dict[str, Any]) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{final.name}-", dir=out_root))
    staging.chmod(0o755)
    for job in jobs:
        if job not in todo:  # unchanged: reuse the file of the previous build
            (staging / job.file).parent.mkdir(parents=True, exist_ok=True)
            _link_or_copy(final / job.file, staging / job.file)
    return staging


def _run(tasks: list[Task], jobs: int, progress: Progress | None,
         meanwhile: Callable[[], object] | None = None, pool: workers.WorkerPool | None = None) -> None:
    """Run the tasks, each after the task whose result it takes (REUSES); in worker processes (pool, else
    a pool of its own when jobs > 1), this process doing meanwhile's work as soon as they are handed out.
    Sharing the cores with the workers from the start, not waiting for one to be idle, ends 驻马店's edit of
    ZMD-1's opening words in 1.96 s, not 2.28: the cross-set files then take 0.5 s, which came after
    the other worker's checklist PDF; its edit of ZMD-P1 (a PDF, a DOCX) took 1.38 s, not 1.31."""
    if pool is not None:
        _Workers(progress).run(tasks, pool, meanwhile)
    elif jobs <= 1 or len(tasks) <= 1:
        _run_here(tasks, progress)
    else:
        with WorkerPool(jobs) as own:
            _Workers(progress).run(tasks, own, meanwhile)


def _run_here(tasks: list[Task], progress: Progress | None) -> None:
    waiting: dict[tuple[int, str], list[Task]] = {}
    ready: list[Task] = []
    for task in tasks:
        if task.after is not None and task.after in task.work.todo:
            waiting.setdefault(_key(task.work, task.after), []).append(task)
        else:
            ready.append(task)
    while ready:
        task = ready.pop(0)
        w = task.work
        _collect(w, task.job, partial(render_job, *_args(task, _recorded(task) if task.given is None else task.given)))
        if progress:
            progress.done(w.rs.clause_set.name, task.job.file)
        followers = waiting.pop(_key(w, task.job), []) if w.error is None else []
        ready[:0] = [replace(t, given=w.pages[task.job.file], after=None) for t in followers]


class _Workers:
    """The tasks on a pool of worker processes. A task whose source (REUSES) is rendered in this run starts at
    once when the last build recorded the source's result (a DOCX's 目次 from the last PDF's pages), side by
    side with its source, and is run again only if the source's new result differs; without a record, it
    waits for its source. A one-clause edit's DOCX no longer waits for its PDF: 0.16 s of 驻马店's edit."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.running: dict[Future[dict[str, int]], Task] = {}
        self.followers: dict[tuple[int, str], list[Task]] = {}  # source (set, file) → tasks that take its result
        self.held: dict[tuple[int, str], tuple[Task, Callable[[], dict[str, int]]]] = {}  # ended before their source

    def run(self, tasks: list[Task], pool: workers.WorkerPool, meanwhile: Callable[[], object] | None) -> None:
        self.pool = pool
        for task in tasks:
            self.start(task)
        if meanwhile is not None:
            meanwhile()
        while self.running:
            done, _ = wait(self.running, return_when=FIRST_COMPLETED)
            for future in done:
                self.ended(self.running.pop(future), future.result)

    def start(self, task: Task) -> None:
        source = task.after
        if source is None or source not in task.work.todo:
            self.submit(replace(task, given=_recorded(task)))
            return
        guess = _recorded(task)
        if guess is not None:
            task = replace(task, given=guess)
            self.submit(task)
        self.followers.setdefault(_key(task.work, source), []).append(task)

    def submit(self, task: Task) -> None:
        w = task.work
        if w.shipped is None:
            w.shipped = Shipped.of(w.rs)
        self.running[self.pool.submit(w.shipped, *_args(task, task.given)[1:])] = task  # the set as shipped

    def ended(self, task: Task, result: Callable[[], dict[str, int]]) -> None:
        source, w = task.after, task.work
        if source is None or source not in w.todo:
            self.settle(task, result)
        elif w.error is None and source.file not in w.pages:  # a guess whose source is still rendering
            self.held[_key(w, task.job)] = (task, result)
        elif w.error is None:
            self.check(task, result)

    def check(self, task: Task, result: Callable[[], dict[str, int]]) -> None:
        """A task that took a result before its source ended: kept if the result came true, else run again."""
        assert task.after is not None
        actual = task.work.pages[task.after.file]
        if task.given == actual:
            self.settle(task, result)
        else:
            self.submit(replace(task, given=actual, after=None))

    def settle(self, task: Task, result: Callable[[], dict[str, int]]) -> None:
        w = task.work
        _collect(w, task.job, result)
        if self.progress:
            self.progress.done(w.rs.clause_set.name, task.job.file)
        if w.error is not None:
            return
        for follower in self.followers.pop(_key(w, task.job), []):
            if follower.given is None:  # it waited for this result
                self.submit(replace(follower, given=w.pages[task.job.file], after=None))
            elif (held := self.held.pop(_key(w, follower.job), None)) is not None:
                self.check(*held)
            # else still running on a guess: checked when it ends


class WorkerPool(workers.WorkerPool):
    """The worker processes of a build, started before the sets are loaded (``stdgen build``): the first
    imports WeasyPrint meanwhile and forks the others from itself (workers.py), so that every worker lays
    out its first PDF without importing it. Started after the bureau's templates are chosen (templates.use),
    which they inherit."""

    def __init__(self, jobs: int) -> None:
        super().__init__(jobs, _job, _warm)


def _warm() -> None:
    with collector_paused():  # an import makes live objects only
        load_weasyprint()


_received: dict[str, ResolvedSet] = {}  # in a worker: the sets it was shipped, by key (the last few)
_RECEIVED_KEPT = 4


def _job(shipped: Shipped, *args: Any) -> dict[str, int]:
    return render_job(_unshipped(shipped), *args)


def _unshipped(shipped: Shipped) -> ResolvedSet:
    rs = _received.pop(shipped.key, None)
    if rs is None:
        rs = pickle.loads(shipped.data)
        while len(_received) >= _RECEIVED_KEPT:  # a library's sets come one after another: the oldest goes
            del _received[next(iter(_received))]
    _received[shipped.key] = rs  # last: the most recently used
    return rs


def _key(w: _SetWork, job: Job) -> tuple[int, str]:
    return id(w), job.file


def _recorded(task: Task) -> dict[str, int] | None:
    """The result of the task's source as the last build recorded it (None: no source, or no record)."""
    if task.after is None:
        return None
    recorded: dict[str, int] | None = task.work.old.get("pages", {}).get(task.after.file)
    return recorded


def _args(task: Task, given: dict[str, int] | None) -> tuple[ResolvedSet, str, str, str, Path, dict[str, int] | None]:
    """render_job's arguments for a task (names and data only: a worker process receives them)."""
    w, job = task.work, task.job
    return w.rs, job.artifact, job.stem, job.fmt, _path(w, job), given


def _path(w: _SetWork, job: Job) -> Path:
    assert w.staging is not None
    path = w.staging / job.file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _collect(w: _SetWork, job: Job, result: Callable[[], dict[str, int]]) -> None:
    try:
        w.pages[job.file] = result()
    except Exception as exc:  # a renderer failed: the set keeps its previous output
        w.error = w.error or _failure(job, exc, w.rs.clause_set.name)


def _failure(job: Job, exc: Exception, name: str) -> tuple[Message, Position | None]:
    # a missing font keeps the whole set as it was, not only its PDFs: a set's files are one edition (a filed
    # DOCX and its PDF must not differ; build.json and the site's page numbers describe the files there)
    return render_failure(exc, "build", name=name, file=job.file)


def render_job(rs: ResolvedSet, artifact_name: str, stem: str, fmt: str, path: Path,
               given: dict[str, int] | None = None) -> dict[str, int]:
    """Write one file of one unit; return the PDF page of each anchor (empty for other formats). given: the
    result of the unit's REUSES source format, when its writer takes it. The unit is found again here by
    its stem: a worker process receives names, not closures."""
    # The set, the modules and what earlier jobs left are frozen for the job, and its garbage collected at its
    # end (collector.py): unfrozen, full collections walked the whole heap, 0.47 s of checklist.docx's 2.47 s at
    # 5,000 clauses. Automatic collection is paused too, except for a PDF, which is written with it on
    # (WeasyPrint's layout pauses it itself): checklist.html of 5,000 clauses 2.57 -> 1.63 s.
    with collected_after(paused=fmt != "pdf"):
        unit = _unit(rs, artifact_name, stem)
        direct = unit.direct.get(fmt)
        if direct is not None:
            result: object = direct(path)  # a direct PDF writer may return its anchors' pages too
        elif given is not None:
            result = REUSES[fmt].write(unit.document(), path, given)
        else:
            result = WRITERS[fmt](unit.document(), path)
        seal(path, fmt, source_date([rs.standard.issued]))
    return result if isinstance(result, dict) else {}


def _unit(rs: ResolvedSet, artifact_name: str, stem: str) -> Unit:
    artifact = next(a for a in ARTIFACTS if a.name == artifact_name)
    return next(u for u in artifact.outputs(rs) if u.stem == stem)


def _report_rare_characters(pending: list[_SetWork], report: Report) -> None:
    """A DOCX embeds no font: warn about characters that the usual 宋体/黑体 (GBK) may lack (each DOCX of a
    set whose data changed, written again or not)."""
    for w in pending:
        for job in w.jobs:
            doc = w.docs.get(job.stem) if job.fmt == "docx" else None
            rare = rare_characters(doc) if doc is not None else []
            if rare:
                report.add(msg("B005", file=job.file, count=len(rare), chars=describe(rare)),
                           Position(str(w.final / job.file)), severity="warning")


def _finish(w: _SetWork, report: Report) -> list[Path]:
    assert w.staging is not None
    if w.error is not None:
        shutil.rmtree(w.staging, ignore_errors=True)
        failure, where = w.error
        report.add(failure, where or Position(str(w.final)))
        return []
    old_pages: dict[str, dict[str, int]] = w.old.get("pages", {})
    pages = {j.file: w.pages.get(j.file, old_pages.get(j.file, {})) for j in w.jobs if j.fmt == "pdf"}
    manifest = {"stdgen": __version__, "files": {j.file: j.key for j in w.jobs}, "content": w.contents,
                "pages": pages}
    (w.staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    swap(w.staging, w.final)
    return [w.final / j.file for j in w.todo]


def _read_manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


CONCORDANCE_FORMATS = ("html", "docx")
CROSS_FILES = ("concordance.html", "concordance.docx", "xref.json", "xref.html", "index.html")


@dataclass(frozen=True)
class Outputs:
    """What the sets' output folders hold, as each folder's build.json records it (a build writes every
    file it lists): per set, each file's key, and each PDF's anchor → 1-based page (xref.Built)."""

    keys: dict[str, dict[str, str]]  # set → file → key
    pdf: dict[str, dict[str, dict[str, int]]]  # set → PDF file → anchor → page

    @classmethod
    def read(cls, out_root: Path, names: Iterable[str]) -> Outputs:
        manifests = {name: _read_manifest(out_root / name) for name in names}
        return cls({n: m.get("files", {}) for n, m in manifests.items()},
                   {n: m.get("pages", {}) for n, m in manifests.items()})

    def has(self, set_name: str, file: str) -> bool:
        return file in self.keys.get(set_name, {})

    def pages(self, set_name: str, stem: str) -> dict[str, int]:
        return self.pdf.get(set_name, {}).get(f"{stem}.pdf", {})

    def key(self, set_name: str, file: str) -> str:
        return self.keys.get(set_name, {}).get(file, "")

    def merged(self, other: Outputs) -> Outputs:
        return Outputs(other.keys | self.keys, other.pdf | self.pdf)


@dataclass
class _Cross:
    """Cross-set files written under temporary names, and the manifest to record once they are in place."""

    staged: Staged
    site: Path  # the site's new folder
    manifest: dict[str, Any]

    def discard(self) -> None:
        self.staged.discard()
        shutil.rmtree(self.site, ignore_errors=True)


class CrossAhead:
    """The cross-set files, staged while the workers render (``build_sets``' meanwhile) from the outputs the
    sets will have if each PDF keeps its last build's pages; ``build_workspace`` renames them into place if
    the sets' outputs came out so, else stages them again. A one-clause edit of 驻马店: 0.3 s less. Used as a
    context: what was staged and not taken is removed at its end."""

    def __init__(self, ws: Workspace, out_root: Path, force: bool) -> None:
        self.ws, self.out_root, self.force = ws, out_root, force
        self.cross: _Cross | None = None
        self.current = False  # staged, or found up to date, from self.outputs
        self.outputs: Outputs | None = None

    def __call__(self, foreseen: Outputs) -> None:
        if not _all_resolved(self.ws):
            return
        outputs = foreseen.merged(Outputs.read(self.out_root, (n for n in self.ws.sets if n not in foreseen.keys)))
        try:
            with collector_paused():
                self.cross = _stage_cross(self.ws, self.out_root, outputs, self.force)
        except Exception:  # a renderer failed: staged again after the sets, which reports why
            return
        self.outputs, self.current = outputs, True

    def take(self, outputs: Outputs) -> tuple[bool, _Cross | None]:
        """(whether it was made from these outputs, the files staged: None when they were up to date)."""
        if not self.current or self.outputs != outputs:
            return False, None
        cross, self.cross, self.current = self.cross, None, False
        return True, cross

    def __enter__(self) -> CrossAhead:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.cross is not None:
            self.cross.discard()
            self.cross = None


def _all_resolved(ws: Workspace) -> bool:
    return bool(ws.sets) and set(ws.sets) == set(ws.loaded)


def build_workspace(ws: Workspace, out_root: Path, report: Report, force: bool = True,
                    ahead: CrossAhead | None = None) -> list[Path]:
    """The cross-set outputs in out_root: ``concordance.{html,docx}``, ``xref.{json,html}`` and the site
    (``index.html`` and the folder ``site/``).

    They link into every set's output, so they are written only when every set of the clause
    folder was resolved and no set failed to build in this run; and only when a set's output or
    stdgen changed since they were written (unless force). Even then each file is written only when
    what it is made from changed (its tree, the index; each site page likewise), and the site's folder
    is replaced only when one of its files changed. All files go to temporary names first and are
    renamed into place together: a failure leaves the previous ones untouched. ahead: the files staged
    while the sets were rendered (CrossAhead), taken if they were made from the outputs the sets have.
    """
    if not _all_resolved(ws) or any(d.code == "B001" for d in report.items):
        return []
    outputs = Outputs.read(out_root, ws.sets)
    taken, cross = ahead.take(outputs) if ahead is not None else (False, None)
    if not taken:
        try:
            with collector_paused():  # the index and the site's pages are made from trees that stay live until written
                cross = _stage_cross(ws, out_root, outputs, force)
        except Exception as exc:  # a renderer failed: report it, keep the previous files
            report.add(msg("B001.cross", error=repr(exc)), Position(str(out_root)))
            return []
    return _commit_cross(cross, out_root) if cross is not None else []


def _stage_cross(ws: Workspace, out_root: Path, outputs: Outputs, force: bool) -> _Cross | None:
    """The cross-set files made from outputs, under temporary names; None when they are up to date."""
    files = (json.dumps(outputs.keys.get(n, {}), sort_keys=True) for n in sorted(ws.sets))
    code = _code()
    key = _hash(code, *files)
    recorded = {} if force else _read_manifest(out_root)
    if (recorded.get("cross") == key and (out_root / SITE).is_dir()
            and all((out_root / f).is_file() for f in CROSS_FILES)):
        return None
    from .site import write_site
    from .xref import CONCORDANCE_LABEL, build_index, write_json, xref_document

    out_root.mkdir(parents=True, exist_ok=True)
    staged = Staged(out_root)
    site = Path(tempfile.mkdtemp(prefix=f"{STAGING}{SITE}-", dir=out_root))
    site.chmod(0o755)
    written_from: dict[str, str] = recorded.get("content", {})
    contents: dict[str, str] = {}
    site_record: dict[str, Any] = {}  # its pages' keys, for the next build

    def add(name: str, source: object, write: Callable[[Path], object], fmt: str) -> None:
        contents[name] = _hash(code, when.isoformat(), fingerprint(source))
        if written_from.get(name) != contents[name] or not (out_root / name).is_file():
            staged.add(out_root / name, partial(write_sealed, write, fmt, when))

    try:
        conc = build_concordance(ws)  # its diagnostics were reported by the check before the build
        doc = concordance_tree(conc)
        when = source_date(rs.standard.issued for rs in ws.sets.values())
        for fmt in CONCORDANCE_FORMATS:
            add(f"concordance.{fmt}", doc, partial(WRITERS[fmt], doc), fmt)
        documents = Documents()  # the index's and the site's
        index = build_index(ws, outputs, ARTIFACTS, conc, CONCORDANCE_FORMATS, documents)
        add("xref.json", index, partial(write_json, index), "json")
        xref_doc = xref_document(index)
        add("xref.html", xref_doc, partial(write_html, xref_doc), "html")
        cross = [("concordance.html", CONCORDANCE_LABEL, doc, [f"concordance.{f}" for f in CONCORDANCE_FORMATS
                                                             if f != "html"]),
                 ("xref.html", XREF_LABEL, xref_doc, ["xref.json"])]

        def site_and_entry(path: Path) -> None:
            site_record.update(write_site(ws.sets, index, ARTIFACTS, outputs, out_root, cross, site, path,
                                          recorded.get("site", {}), code, documents))
        staged.add(out_root / "index.html", partial(write_sealed, site_and_entry, "html", when), keep_same=True)
    except BaseException:
        staged.discard()
        shutil.rmtree(site, ignore_errors=True)
        raise
    return _Cross(staged, site, {"stdgen": __version__, "cross": key, "content": contents, "site": site_record})


def _commit_cross(cross: _Cross, out_root: Path) -> list[Path]:
    checkpoint("cross")
    written = cross.staged.commit()
    if same_files(cross.site, out_root / SITE):  # nothing changed in it: the site keeps its files and times
        shutil.rmtree(cross.site, ignore_errors=True)
    else:
        swap(cross.site, out_root / SITE)
        written.append(out_root / SITE)
    (out_root / MANIFEST).write_text(json.dumps(cross.manifest), encoding="utf-8")
    return written
