"""Check results against the clause set and score them.

符合率 = 符合 ÷ 适用, 适用 = 符合 + 不符合 (不适用 rows count for neither).
得分 = points of the 符合 rows; 满分 = points of the 适用 rows; 得分率 = 得分 ÷ 满分;
扣分 = points of the 不符合 rows. Points come from the clause set (``check.points``, default 1),
never from the results file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ...diagnostics import Position, Report
from ...i18n import msg, phrase
from ...resolve import ResolvedSet
from ..checklist.rows import FAIL, NOT_APPLICABLE, PASS, SCOPE_ZH, Checklist, Row, build_checklist
from ..checklist.xlsx import REQUIREMENT
from .results import Entry, Results, check_details


@dataclass
class Tally:
    applicable: int = 0
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    points_possible: float = 0.0
    points_earned: float = 0.0

    def add(self, row: Row, result: str) -> None:
        if result == NOT_APPLICABLE:
            self.not_applicable += 1
            return
        self.applicable += 1
        self.points_possible += row.points
        if result == PASS:
            self.passed += 1
            self.points_earned += row.points
        else:
            self.failed += 1

    def merge(self, other: Tally) -> None:
        self.applicable += other.applicable
        self.passed += other.passed
        self.failed += other.failed
        self.not_applicable += other.not_applicable
        self.points_possible += other.points_possible
        self.points_earned += other.points_earned

    @property
    def rate(self) -> float | None:
        """符合率: None when nothing applied."""
        return self.passed / self.applicable if self.applicable else None

    @property
    def score_rate(self) -> float | None:
        """得分率 (weighted by points)."""
        return self.points_earned / self.points_possible if self.points_possible else None

    @property
    def points_deducted(self) -> float:
        return self.points_possible - self.points_earned

    def as_json(self) -> dict[str, object]:
        return {
            "applicable": self.applicable, "passed": self.passed, "failed": self.failed,
            "not_applicable": self.not_applicable, "rate": _round(self.rate),
            "points_possible": self.points_possible, "points_earned": self.points_earned,
            "points_deducted": self.points_deducted, "score_rate": _round(self.score_rate),
        }


@dataclass(frozen=True)
class Finding:
    row: Row
    result: str
    note: str
    position: Position


@dataclass
class Inspection:
    results: Results
    checklist: Checklist
    findings: list[Finding]  # in checklist order, one per row
    total: Tally = field(default_factory=Tally)
    chapters: dict[str, Tally] = field(default_factory=dict)  # chapter/annex number → tally, document order

    @property
    def nonconformities(self) -> list[Finding]:
        return [f for f in self.findings if f.result == FAIL]

    @property
    def other_notes(self) -> list[Finding]:
        return [f for f in self.findings if f.result != FAIL and f.note]


@dataclass(frozen=True)
class Frequency:
    row: Row
    inspected: int  # results files whose checklist had this row
    failed: int
    not_applicable: int


@dataclass
class Score:
    rs: ResolvedSet
    version: str
    inspections: list[Inspection]
    total: Tally = field(default_factory=Tally)

    @property
    def frequency(self) -> list[Frequency]:
        """Per clause over every file: how often 不符合 and 不适用; most failed first."""
        rows: dict[str, Row] = {}
        counts: dict[str, list[int]] = {}
        for insp in self.inspections:
            for f in insp.findings:
                rows.setdefault(f.row.id, f.row)
                c = counts.setdefault(f.row.id, [0, 0, 0])
                c[0] += 1
                c[1] += f.result == FAIL
                c[2] += f.result == NOT_APPLICABLE
        table = [Frequency(rows[i], *c) for i, c in counts.items()]
        order = {row.id: n for n, row in enumerate(rows.values())}
        return sorted(table, key=lambda q: (-q.failed, -q.not_applicable, order[q.row.id]))


def validate(res: Results, rs: ResolvedSet, report: Report) -> Inspection | None:
    """The file's results checked against the set; None when they cannot be scored (any error in the file)."""
    bad_scopes = [s for s in res.scopes if s not in SCOPE_ZH]
    for scope in bad_scopes:
        report.add(msg("C105.scope", scope=scope, scopes=list(SCOPE_ZH)), res.where("scope"))
    cl = build_checklist(rs, [s for s in res.scopes if s in SCOPE_ZH], res.recommendations)
    if res.version is None:
        report.add(msg("C116", version=cl.version), res.where("version"), severity="warning")
    elif res.version != cl.version:
        report.add(msg("C106", version=res.version, now=cl.version), res.where("version"))
    check_details(res, report)
    rows = cl.by_id
    found: dict[str, Entry] = {}
    for entry in res.entries:
        row = rows.get(entry.id)
        if row is None:
            _unknown(entry, rs, cl, report)
            continue
        found[entry.id] = entry
        if entry.result is None and not entry.raw:  # (a value that is not a result was reported when read)
            report.add(msg("C104", number=row.number, ident=row.id), entry.position)
        if entry.number is not None and entry.number != row.number:
            report.add(msg("C108.number", ident=row.id, read=entry.number, number=row.number), entry.id_position,
                       severity="warning")
        if entry.points is not None and entry.points != f"{row.points:g}":
            report.add(msg("C108.points", ident=row.id, read=entry.points, points=f"{row.points:g}"),
                       entry.id_position, severity="warning")
        if entry.requirement is not None and entry.requirement != row.label.strip():
            report.add(msg("C108", ident=row.id, read=entry.requirement[:40]),
                       Position(entry.id_position.file, entry.id_position.line, REQUIREMENT), severity="warning")
        if entry.result == FAIL and not entry.note:
            report.add(msg("C114", number=row.number, ident=row.id), entry.position, severity="warning")
    end = res.where("results")
    for row in cl.rows:
        if row.id not in found:
            report.add(msg("C103", number=row.number, ident=row.id), end)
    if any(d.position.file == res.file for d in report.errors):
        return None
    findings = [Finding(r, found[r.id].result or "", found[r.id].note, found[r.id].position) for r in cl.rows]
    insp = Inspection(res, cl, findings)
    for top in cl.chapters:
        insp.chapters[top] = Tally()
    for f in findings:
        insp.total.add(f.row, f.result)
        insp.chapters[f.row.chapter].add(f.row, f.result)
    insp.chapters = {k: v for k, v in insp.chapters.items() if any(r.chapter == k for r in cl.rows)}
    return insp


def _unknown(entry: Entry, rs: ResolvedSet, cl: Checklist, report: Report) -> None:
    if entry.id in rs.targets:
        target = rs.targets[entry.id]
        report.add(msg("C111.scope" if cl.scopes else "C111", ident=entry.id,
                       what=phrase("kind-" + target.kind, number=target.number)), entry.id_position)
        return
    close = difflib.get_close_matches(entry.id, list(cl.by_id), n=1)
    report.add(msg("C102", ident=entry.id, name=rs.clause_set.name,
                   hint=phrase("did-you-mean-id", ident=close[0]) if close else phrase("checklist-ids")),
               entry.id_position)


def score(inspections: list[Inspection], rs: ResolvedSet, version: str) -> Score:
    result = Score(rs, version, inspections)
    for insp in inspections:
        result.total.merge(insp.total)
    return result


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
