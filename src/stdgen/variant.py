"""Variants: a parent clause set with a variant's operations applied. Pure: no I/O here.

A variant's ``standard.yaml`` says ``extends: <set>`` and lists ``changes``, each keyed by
clause ID and with a reason. Everything not touched is inherited with its ID, so the same ID
means the same clause in the parent and the variant; numbers follow from the new positions.
Problems go to the report at the operation's place (V001–V009).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .diagnostics import Position, Report
from .i18n import listing, msg, phrase
from .model import Annex, CellEdit, Change, Clause, ClauseSet, PhraseEdit, PhraseGroup, Standard

At = Callable[[int, str], Position]
"""Where the i-th change (or one of its keys, "" for the change itself) was written."""


@dataclass
class _Slot:
    item: Clause | Annex
    children: list[_Slot]


def _slot(item: Clause | Annex) -> _Slot:
    return _Slot(item, [_slot(c) for c in item.clauses])


@dataclass
class Applied:
    """The variant's content and what each operation did, for diagnostics further on."""

    clause_set: ClauseSet
    removed: dict[str, Position] = field(default_factory=dict)  # every ID gone, with the removing change
    modified: dict[tuple[str, str], Position] = field(default_factory=dict)  # (ID, field) → the change's key
    added: set[str] = field(default_factory=set)  # IDs the variant defines itself
    reshaped: dict[str, Position] = field(default_factory=dict)  # clause whose sub-clauses a change altered


class _Tree:
    """The parent's clauses as mutable lists, with an index from ID to the list holding it (so a
    change finds its clause without walking the tree) and from each list to its owner's ID."""

    def __init__(self, cs: ClauseSet) -> None:
        self.container: dict[str, list[_Slot]] = {}
        self.owners: dict[int, str] = {}
        self.body = [_slot(c) for c in cs.clauses]
        self.annexes = [_slot(a) for a in cs.annexes]
        self.register(self.body, "")
        self.register(self.annexes, "")

    def register(self, slots: list[_Slot], owner: str) -> None:
        self.owners[id(slots)] = owner
        for s in slots:
            self.container[s.item.id] = slots
            self.register(s.children, s.item.id)

    def insert(self, slots: list[_Slot], index: int, slot: _Slot) -> None:
        slots.insert(index, slot)
        self.container[slot.item.id] = slots
        self.register(slot.children, slot.item.id)

    def lists(self) -> Iterator[list[_Slot]]:
        def walk(slots: list[_Slot]) -> Iterator[list[_Slot]]:
            yield slots
            for s in slots:
                yield from walk(s.children)

        yield from walk(self.body)
        yield from walk(self.annexes)

    def find(self, ident: str) -> tuple[list[_Slot], int] | None:
        slots = self.container.get(ident)
        if slots is None or not self.attached(slots):
            return None  # never there, or removed since (itself or a clause above it)
        for i, s in enumerate(slots):
            if s.item.id == ident:
                return slots, i
        return None

    def owner(self, slots: list[_Slot]) -> str:
        """The ID of the clause or annex whose sub-clauses these are ("" for chapters or annexes)."""
        return self.owners.get(id(slots), "")

    def attached(self, slots: list[_Slot]) -> bool:
        """Whether a list still hangs in the tree: its owner was not removed."""
        return slots is self.body or slots is self.annexes or self.find(self.owner(slots)) is not None

    def ids(self) -> list[str]:
        return [s.item.id for slots in self.lists() for s in slots]

    def rebuild(self) -> tuple[list[Clause], list[Annex]]:
        def clause(s: _Slot) -> Clause:
            assert isinstance(s.item, Clause)
            return s.item.model_copy(update={"clauses": [clause(c) for c in s.children]})

        annexes = [a.item.model_copy(update={"clauses": [clause(c) for c in a.children]}) for a in self.annexes]
        return [clause(s) for s in self.body], [a for a in annexes if isinstance(a, Annex)]


def subtree_ids(item: Clause | Annex) -> Iterator[str]:
    """The item's ID, its tables' and those of everything below it."""
    yield item.id
    if item.table is not None:
        yield item.table.id
    for child in item.clauses:
        yield from subtree_ids(child)


def apply_changes(parent: ClauseSet, name: str, standard: Standard, parent_name: str,
                  changes: list[Change], at: At, report: Report) -> Applied:
    """The parent's content with the changes applied in order; a change that cannot apply is
    reported and skipped, so every problem of the file is found in one run."""
    tree = _Tree(parent)
    parent_ids = set(tree.ids()) | {t.id for t in parent.terms} | {f.id for f in parent.forms}
    applied = Applied(parent)
    touched: dict[tuple[str, str], int] = {}  # (ID, field) → index of the change that set it
    for index, change in enumerate(changes):
        _apply(tree, index, change, standard.code, parent_ids, applied, touched, at, report)
    clauses, annexes = tree.rebuild()
    applied.clause_set = parent.model_copy(update={
        "name": name, "standard": standard, "clauses": clauses, "annexes": annexes,
        "extends": parent_name, "changes": changes})
    return applied


def _apply(tree: _Tree, index: int, change: Change, code: str, parent_ids: set[str], applied: Applied,
           touched: dict[tuple[str, str], int], at: At, report: Report) -> None:
    kinds = change.kinds
    if len(kinds) != 1:
        report.add(msg("V007.kinds", kinds=listing(kinds, "and-sep")) if kinds else msg("V007.kind"), at(index, ""))
        return
    kind = kinds[0]
    if not _well_formed(index, change, kind, at, report):
        return
    names = [change.target] if kind != "add" else []
    if change.place is not None:
        names.append(change.place[1])
    for ident in names:
        if not _exists(tree, ident, index, applied, parent_ids, at, report):
            return
    if kind != "add" and not _claim(change.target, ["*"] if kind == "remove" else (
            ["position"] if kind == "move" else change.fields), index, touched, at, report):
        return
    _note_reshaped(tree, index, change, applied, at)
    if kind == "remove":
        _remove(tree, index, change.target, applied, at)
    elif kind == "modify":
        _modify(tree, index, change, applied, at, report)
    elif kind == "add":
        _add(tree, index, change, code, parent_ids | applied.added, applied, at, report)
    else:
        _move(tree, index, change, at, report)


def _note_reshaped(tree: _Tree, index: int, change: Change, applied: Applied, at: At) -> None:
    """Remember which clauses' sub-clauses this change alters, so that a structure rule it breaks
    (a single sub-clause, titled and untitled siblings) is reported at the change."""
    spots: list[str] = []
    if change.kind in {"remove", "move"} or (change.kind == "modify" and change.title is not None):
        found = tree.find(change.target)
        if found is not None:
            spots.append(tree.owner(found[0]))
    if change.place is not None:
        where, anchor = change.place
        found = tree.find(anchor)
        if found is not None:
            spots.append(anchor if where == "inside" else tree.owner(found[0]))
    for spot in spots:
        applied.reshaped[spot] = at(index, "")


def _well_formed(index: int, change: Change, kind: str, at: At, report: Report) -> bool:
    places = [p for p in ("before", "after", "inside") if getattr(change, p) is not None]
    if kind in {"add", "move"} and len(places) != 1:
        report.add(msg("V007.places", kind=kind, places=places) if places else msg("V007.place", kind=kind),
                   at(index, kind))
        return False
    if kind in {"remove", "modify"} and places:
        report.add(msg("V007.no-place", kind=kind, place=places[0]), at(index, places[0]))
        return False
    fields = change.fields
    if kind == "modify" and not fields:
        report.add(msg("V007.nothing", ident=str(change.modify)), at(index, "modify"))
        return False
    if kind != "modify" and fields:
        report.add(msg("V007.field-add" if kind == "add" else "V007.field", field=fields[0], kind=kind),
                   at(index, fields[0]))
        return False
    return True


def _exists(tree: _Tree, ident: str, index: int, applied: Applied, parent_ids: set[str], at: At,
            report: Report) -> bool:
    if tree.find(ident) is not None:
        return True
    if ident in applied.removed:
        report.add(msg("V002", ident=ident, place=str(applied.removed[ident])), at(index, ""))
    elif ident in parent_ids:
        report.add(msg("V001.kind", ident=ident), at(index, ""))
    else:
        close = difflib.get_close_matches(ident, tree.ids(), n=1)
        report.add(msg("V001", ident=ident, hint=phrase("did-you-mean", name=close[0]) if close
                       else phrase("parent-clause-id")), at(index, ""))
    return False


def _claim(ident: str, fields: list[str], index: int, touched: dict[tuple[str, str], int], at: At,
           report: Report) -> bool:
    clash = [(f, touched[(ident, f)]) for f in fields if (ident, f) in touched]
    clash += [(f, i) for (other, f), i in touched.items() if other == ident and (f == "*" or fields == ["*"])]
    if clash:
        what, earlier = clash[0]
        key = "V006" if what == "*" else "V006.position" if what == "position" else "V006.field"
        report.add(msg(key, ident=ident, field=what, place=str(at(earlier, ""))), at(index, ""))
        return False
    for f in fields:
        touched[(ident, f)] = index
    return True


def _remove(tree: _Tree, index: int, ident: str, applied: Applied, at: At) -> None:
    found = tree.find(ident)
    assert found is not None
    slots, i = found
    for gone in _slot_ids(slots.pop(i)):
        if gone in applied.added:  # added by an earlier change, gone again: it never existed
            applied.added.discard(gone)
        else:
            applied.removed[gone] = at(index, "remove")


def _modify(tree: _Tree, index: int, change: Change, applied: Applied, at: At, report: Report) -> None:
    found = tree.find(change.target)
    assert found is not None
    slots, i = found
    item = slots[i].item
    if isinstance(item, Annex):
        extra = [f for f in change.fields if f not in {"title", "text"}]
        if extra:
            report.add(msg("V007.annex-field", field=extra[0]), at(index, extra[0]))
            return
    update: dict[str, object] = {}
    for name in change.fields:
        value = getattr(change, name)
        if name == "phrases":
            assert isinstance(item, Clause) and isinstance(value, PhraseEdit)
            groups = _phrases(item.phrases, value, index, at, report)
            if groups is None:
                return
            update["phrases"] = groups
        elif name == "cells":
            table = _cells(item, value, index, at, report)
            if table is None:
                return
            update["table"] = table
        else:
            update[name] = value
        applied.modified[(change.target, name)] = at(index, name)
    slots[i].item = item.model_copy(update=update)


def _phrases(groups: list[PhraseGroup], edit: PhraseEdit, index: int, at: At,
             report: Report) -> list[PhraseGroup] | None:
    result = list(groups)
    for text in edit.remove:
        hit = False
        changed: list[PhraseGroup] = []
        for g in result:
            recommended = [p for p in g.recommended if p != text]
            forbidden = [p for p in g.forbidden if p.text != text]
            hit = hit or len(recommended) != len(g.recommended) or len(forbidden) != len(g.forbidden)
            if recommended or forbidden:
                changed.append(g.model_copy(update={"recommended": recommended, "forbidden": forbidden}))
        if not hit:
            known = [p for g in result for p in g.recommended] + [p.text for g in result for p in g.forbidden]
            close = difflib.get_close_matches(text, known, n=1)
            report.add(msg("V008.phrase", phrase=text, hint=phrase("did-you-mean", name=close[0]) if close
                           else phrase("phrase-exactly")), at(index, "phrases"))
            return None
        result = changed
    return result + list(edit.add)


def _cells(item: Clause | Annex, edits: list[CellEdit], index: int, at: At, report: Report) -> object | None:
    table = item.table
    if table is None:
        report.add(msg("V008.table", ident=item.id), at(index, "cells"))
        return None
    rows = [list(r) for r in table.rows]
    for edit in edits:
        if edit.row > len(rows) or edit.column > len(rows[edit.row - 1]):
            report.add(msg("V008.cell", table=table.id, row=edit.row, column=edit.column, rows=len(rows)),
                       at(index, "cells"))
            return None
        rows[edit.row - 1][edit.column - 1] = edit.text
    return table.model_copy(update={"rows": rows})


def _add(tree: _Tree, index: int, change: Change, code: str, taken: set[str], applied: Applied, at: At,
         report: Report) -> None:
    clause = change.add
    assert clause is not None and change.place is not None
    new_ids = list(subtree_ids(clause))
    foreign = [i for i in new_ids if not i.startswith(f"{code}-")]
    if foreign:
        report.add(msg("V009", ident=foreign[0], code=code), at(index, "add"))
        return
    clash = [i for i in new_ids if i in taken or i in applied.removed]
    if clash:
        report.add(msg("V009.taken", ident=clash[0]), at(index, "add"))
        return
    if _place(tree, _slot(clause), change.place, index, at, report):
        applied.added.update(new_ids)


def _move(tree: _Tree, index: int, change: Change, at: At, report: Report) -> None:
    assert change.place is not None
    found = tree.find(change.target)
    assert found is not None
    slots, i = found
    moving = slots[i]
    anchor = change.place[1]
    if anchor in set(_slot_ids(moving)):
        report.add(msg("V007.itself", ident=str(change.target)), at(index, change.place[0]))
        return
    slots.pop(i)
    if not _place(tree, moving, change.place, index, at, report):
        tree.insert(slots, i, moving)


def _slot_ids(slot: _Slot) -> Iterator[str]:
    """The IDs of a slot as it stands now (its sub-clauses may have moved in or out)."""
    yield slot.item.id
    if slot.item.table is not None:
        yield slot.item.table.id
    for child in slot.children:
        yield from _slot_ids(child)


def _place(tree: _Tree, slot: _Slot, place: tuple[str, str], index: int, at: At, report: Report) -> bool:
    where, anchor = place
    found = tree.find(anchor)
    assert found is not None
    slots, i = found
    if where == "inside":
        target = slots[i]
        if isinstance(slot.item, Annex):
            report.add(msg("V007.annex-inside"), at(index, where))
            return False
        tree.insert(target.children, len(target.children), slot)
        return True
    among_annexes = slots is tree.annexes
    if among_annexes != isinstance(slot.item, Annex):
        report.add(msg("V007.annex-among-clauses" if isinstance(slot.item, Annex) else "V007.clause-among-annexes"),
                   at(index, where))
        return False
    tree.insert(slots, i if where == "before" else i + 1, slot)
    return True


def scaffold(cs: ClauseSet, code: str) -> str:
    """A variant's standard.yaml for ``stdgen fork``: extends, code, the metadata to state, and a
    commented example of every kind of change, keyed by real IDs of the parent. Lines starting
    with ``# `` are YAML ready to uncomment (together they are a valid list of changes); lines
    starting with ``##`` explain."""
    std = cs.standard
    leaves = [c for c in _all(cs.clauses) if c.paragraphs and not c.clauses]
    texted = leaves[0] if leaves else None
    titled = next((c for c in leaves if c.title and c is not texted), None)
    phrased = next((c for c in leaves if c.phrases and c.phrases[0].recommended), None)
    tabled = next((c for c in _all(cs.clauses) if c.table is not None and c.table.rows), None)
    removable = _removable(cs)
    chapters = [c.id for c in cs.clauses]
    lines = [
        f"# Variant of {std.number or std.title.zh} ({cs.name}), made by `stdgen fork`.",
        "# Everything not changed below is inherited with its clause ID; clause numbers follow from position.",
        "# Any key of a set's standard.yaml given here overrides the parent's. number, filing_number,",
        "# replaces, issued and implemented are never inherited: state them, or leave them out.",
        f"extends: {cs.name}",
        f"code: {code}  # the prefix of the clauses this variant adds: {code}-1, {code}-2 …",
        "status: draft",
        "## title: {zh: …}",
        "## banner: …",
        "## issuer: …",
        "## number: …            (never invent one: leave it out until the document has its number)",
        f"## replaces: [{std.number or '…'}]   (a new edition: 代替 on the cover and 本文件代替… in the 前言)",
        "",
        "## Each change is keyed by clause ID and gives its reason (the 差异对照表 prints it); summary:",
        "## is the 前言 wording (增加了……), generated when left out. Uncomment the lines starting with '# '.",
        "changes:",
    ]
    if removable:
        lines += [f"# - remove: {removable}", "#   reason: …（删除的理由）"]
    if texted:
        lines += [f"# - modify: {texted.id}", f"#   text: {texted.paragraphs[0]}",
                  "#   scope: [window]", "#   notes: [新增的注。]", "#   check: {method: [查看], points: 1}",
                  "#   reason: …（修改的理由）"]
    if titled:
        lines += [f"# - modify: {titled.id}", f"#   title: {titled.title}（修改）",
                  "#   type: requirement", "#   items: [列项一, 列项二]", "#   reason: …"]
    if phrased:
        lines += [f"# - modify: {phrased.id}",
                  f"#   phrases: {{remove: [{phrased.phrases[0].recommended[0]}], "
                  "add: [{scenario: 群众离开时, recommended: [请慢走。]}]}", "#   reason: …"]
    if tabled and tabled.table:
        lines += [f"# - modify: {tabled.id}", f"#   cells: [{{row: 1, column: 1, text: {tabled.table.rows[0][0]}}}]",
                  "#   reason: …"]
    else:
        lines += ["## - modify: <ID of a clause with a table>", "##   cells: [{row: 1, column: 2, text: …}]"]
    if chapters:
        lines += [f"# - add: {{id: {code}-1, title: 新增章, type: requirement, text: 应……。}}",
                  f"#   after: {chapters[-1]}    ## or before: / inside: (as the last sub-clause)",
                  "#   summary: 增加了……的要求", "#   reason: …（增加的理由）"]
    if len(chapters) >= 2:
        lines += [f"# - move: {chapters[-1]}", f"#   before: {chapters[-2]}", "#   reason: …（调整位置的理由）"]
    return "\n".join(lines) + "\n"


def _all(clauses: list[Clause]) -> Iterator[Clause]:
    for clause in clauses:
        yield clause
        yield from _all(clause.clauses)


def _removable(cs: ClauseSet) -> str | None:
    """A clause the example can remove without breaking anything: no reference into it, and its
    siblings stay at least two."""
    from .resolve import REF

    referenced = {m.group(1) for c in _all(cs.clauses) for p in c.paragraphs for m in REF.finditer(p)}
    for clause in reversed(list(_all(cs.clauses))):
        siblings = next((c.clauses for c in _all(cs.clauses) if clause in c.clauses), [])
        if len(siblings) >= 3 and not clause.clauses and clause.id not in referenced and clause.paragraphs:
            return clause.id
    return None
