"""Run every lint rule on a resolved set, apply suppressions and word the diagnostics."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..collector import collector_paused
from ..diagnostics import Report
from ..i18n import Arg, Message
from ..loader import LoadedSet
from ..model import Clause
from ..resolve import ResolvedSet
from ..workspace import Workspace
from . import phrases, structure, verbal
from .context import Finding, LintContext
from .rules import RULES

_PLACEHOLDERS = {"", "n/a", "na", "none", "todo", "tbd", "fixme", "reason", "x", "无", "暂无", "略", "待定", "理由"}


def lint_workspace(workspace: Workspace, report: Report) -> None:
    """Lint every resolved set of a workspace. A variant's findings on text it inherited unchanged
    (the same rule at the same place in the parent's files) are the parent's, reported once there
    when the parent is checked in the same run."""
    found: dict[str, Report] = {}
    with collector_paused():  # collections found 9 cyclic objects after loading and linting 5,000 clauses
        for name, resolved in workspace.sets.items():
            found[name] = Report()
            lint_set(resolved, workspace.loaded[name], found[name])
    for name, resolved in workspace.sets.items():
        parent = found.get(resolved.clause_set.extends or "")
        seen = {(d.code, d.position) for d in parent.items} if parent is not None else set()
        report.items.extend(d for d in found[name].items if (d.code, d.position) not in seen)


def lint_set(resolved: ResolvedSet, loaded: LoadedSet, report: Report) -> None:
    """Check one set against the drafting rules; diagnostics go to report."""
    ctx = LintContext(resolved, loaded)
    findings = [*verbal.check(ctx), *structure.check(ctx), *phrases.check(ctx)]
    for finding in suppress(ctx, findings):
        emit(finding, report)


def emit(finding: Finding, report: Report) -> None:
    report.add(Message(finding.key, tuple(finding.args.items())), finding.position,
               severity=RULES[finding.code].severity)


def is_reason(text: str) -> bool:
    """A written reason, not a placeholder such as 'todo' or '-'."""
    bare = re.sub(r"[\s\W_]+", "", text).lower()
    return bare not in _PLACEHOLDERS


def suppress(ctx: LintContext, findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings a clause suppresses with a reason; list each suppression (L401–L404)."""
    active: dict[tuple[str, str], tuple[Arg, str]] = {}  # (clause id, code) → (label, reason)
    control: list[Finding] = []
    for node in ctx.resolved.nodes():
        item = node.item
        if not isinstance(item, Clause):
            continue
        label = ctx.label(node)
        where = ctx.where(item.id, "suppress")
        for entry in item.suppress:
            args: dict[str, Arg] = {"label": label, "code": entry.code, "reason": entry.reason}
            rule = RULES.get(entry.code)
            if rule is None or not rule.suppressible:
                control.append(Finding("L402", where, args))
            elif not is_reason(entry.reason):
                control.append(Finding("L404", where, args))
            else:
                active[(item.id, entry.code)] = (label, entry.reason)
    std = ctx.resolved.standard
    for entry in std.suppress:  # standard.yaml's own findings (scope wording, metadata)
        args = {"label": "standard.yaml", "code": entry.code, "reason": entry.reason}
        rule = RULES.get(entry.code)
        if rule is None or not rule.suppressible:
            control.append(Finding("L402", ctx.meta_where("suppress"), args))
        elif not is_reason(entry.reason):
            control.append(Finding("L404", ctx.meta_where("suppress"), args))
        else:
            active[(std.code, entry.code)] = ("standard.yaml", entry.reason)
    kept: list[Finding] = []
    silenced: dict[tuple[str, str], int] = {}
    for finding in findings:
        owner = finding.owner
        if owner is None and finding.position.file == str(ctx.standard_file):
            owner = std.code
        key = (owner or "", finding.code)
        if owner is not None and key in active:
            silenced[key] = silenced.get(key, 0) + 1
        else:
            kept.append(finding)
    for (ident, code), (named, reason) in active.items():
        count = silenced.get((ident, code), 0)
        args = {"label": named, "code": code, "reason": reason, "count": count}
        control.append(Finding("L401" if count else "L403", ctx.where(ident, "suppress"), args))
    return kept + control
