"""Resolution: numbers (printed or from position), cross-references by ID, structure rules.

Pure computation over a ClauseSet; positions come from the LoadedSet only to
report problems.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .diagnostics import Report
from .forms.validate import check_forms, form_users
from .i18n import Phrase, listing, msg, phrase
from .loader import LoadedSet
from .model import Annex, Clause, ClauseSet, Form, Standard, Table

REF = re.compile(r"\[\[([^\[\]\s]{1,60})\]\]")
"""In-text cross-reference: ``见[[QC-10.4]]`` renders as ``见10.4``."""
OPEN_REF = re.compile(r"\[\[")

FIRST_CHAPTER = 4  # 1 范围, 2 规范性引用文件, 3 术语和定义 are always there
MAX_DEPTH = 6  # a chapter plus five levels of clauses
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # GB/T 1.1 skips I and O for annexes
PRINTED_NUMBER = re.compile(r"^(\d+|[A-Z])(\.\d+)+$|^\d+$")

Kind = Literal["chapter", "clause", "annex", "term", "table", "figure", "form"]
IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".svg")
Claim = Callable[[str, "Target"], None]


@dataclass
class Node:
    """A numbered chapter, clause or annex of the resolved tree."""

    id: str
    number: str  # "5", "5.1", "A", "A.1"
    depth: int  # 1 for chapters and annexes
    item: Clause | Annex
    children: list[Node] = field(default_factory=list)
    position: str = ""  # the number position gives, when a published number differs from it

    @property
    def title(self) -> str | None:
        return self.item.title

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Target:
    kind: Kind
    number: str  # as printed in a heading: "5.1", "A", "3.1", "表C.1"
    ident: str = ""  # the ID it was claimed under

    @property
    def reference(self) -> str:
        """The GB/T 1.1 wording of a reference to this target."""
        if self.kind == "chapter":
            return f"第{self.number}章"
        if self.kind == "annex":
            return f"附录{self.number}"
        return self.number


@dataclass
class ResolvedSet:
    clause_set: ClauseSet
    chapters: list[Node]
    annexes: list[Node]
    targets: dict[str, Target]
    form_tables: dict[str, str] = field(default_factory=dict)  # form id → table number
    figure_files: dict[str, Path] = field(default_factory=dict)  # figure id → its image file (checked: F010)
    parent: ResolvedSet | None = None  # the resolved set a variant extends
    form_users: dict[str, list[str]] = field(default_factory=dict)  # form id → clauses/annexes relying on it
    # their titles by ID, which a form's page prints: recorded while resolving, so that no process writing a
    # form walks the whole tree (17-23 ms a form at 5,000 clauses, 8 ms now as at 500)
    user_titles: dict[str, str] = field(default_factory=dict)

    @property
    def standard(self) -> Standard:
        return self.clause_set.standard

    def nodes(self) -> Iterator[Node]:
        for top in (*self.chapters, *self.annexes):
            yield from top.walk()

    def inherits(self, ident: str) -> bool:
        """Whether a variant has this ID from the set it extends (rather than defining it)."""
        return self.parent is not None and ident in self.parent.targets

    def term_number(self, index: int) -> str:
        return f"3.{index + 1}"

    def split(self, text: str) -> list[str | Target]:
        """Text cut into literal strings and resolved references (unknown IDs stay literal)."""
        parts: list[str | Target] = []
        pos = 0
        for match in REF.finditer(text):
            parts.append(text[pos:match.start()])
            target = self.targets.get(match.group(1))
            parts.append(target if target else match.group(0))
            pos = match.end()
        parts.append(text[pos:])
        return [p for p in parts if p != ""]

    def plain(self, text: str) -> str:
        """Text with every reference replaced by its wording."""
        return "".join(p if isinstance(p, str) else p.reference for p in self.split(text))


def resolve(loaded: LoadedSet, report: Report, known_elsewhere: frozenset[str] | None = None,
            present: frozenset[str] | None = frozenset()) -> ResolvedSet:
    """Number the set and check IDs, references and structure; problems go to report.

    known_elsewhere: the IDs of the other loaded sets. None (a set resolved on its own) means the
    other sets are unknown: only related IDs with this set's own prefix are checked (R006).
    present: prefixes of sets that are in the clauses folder besides those of known_elsewhere (a
    set that failed to load); None: any prefix may be present. A related ID with another prefix
    points into a set that is not here (R013, information).
    A variant is numbered from its positions; its parent is resolved too (its problems are the
    parent's own and reported when the parent is checked)."""
    cs = loaded.clause_set
    targets: dict[str, Target] = {}
    printed = printed_numbers(cs.standard)
    chapters = [_number(c, str(FIRST_CHAPTER + i), 1, printed) for i, c in enumerate(cs.clauses)]
    annexes = [_annex(a, LETTERS[i] if i < len(LETTERS) else f"Z{i}", printed) for i, a in enumerate(cs.annexes)]
    parent = resolve(loaded.parent, Report()) if loaded.parent is not None else None
    resolved = ResolvedSet(cs, chapters, annexes, targets, parent=parent)
    seen: dict[str, Phrase] = {}
    repeats: dict[str, int] = {}

    def claim(ident: str, target: Target) -> None:
        if ident in seen:
            repeats[ident] = repeats.get(ident, 0) + 1
            report.add(msg("R001", ident=ident, other=seen[ident]), loaded.occurrence(ident, repeats[ident]))
            return
        seen[ident] = phrase("kind-" + target.kind, number=target.number)
        target.ident = ident
        targets[ident] = target

    for node in resolved.nodes():
        kind: Kind = "annex" if isinstance(node.item, Annex) else ("chapter" if node.depth == 1 else "clause")
        claim(node.id, Target(kind, node.number))
    for i, term in enumerate(cs.terms):
        claim(term.id, Target("term", resolved.term_number(i)))
    _number_tables(resolved, claim)
    _number_figures(resolved, claim)
    _find_figure_files(resolved, loaded, report)
    for form in cs.forms:
        if form.id not in targets:
            claim(form.id, Target("form", f"《{form.title}》"))
    _check_structure(resolved, loaded, report)
    _check_references(resolved, loaded, report, known_elsewhere, present)
    nodes = list(resolved.nodes())
    resolved.form_users = form_users((n.item for n in nodes), {f.id for f in cs.forms})
    users = {ident for idents in resolved.form_users.values() for ident in idents}
    for n in nodes:
        if n.id in users:
            resolved.user_titles.setdefault(n.id, n.item.title or "")  # the first, if claimed twice
    check_forms(loaded, resolved.form_users, report)
    return resolved


def prefix(ident: str) -> str:
    """The set prefix of an ID: ``QC`` of ``QC-10.4``."""
    return ident.split("-", 1)[0]


Printed = Callable[[Clause], str | None]


def printed_numbers(standard: Standard) -> Printed:
    """A published standard keeps the clause numbers it printed: a clause whose source is this very
    document (``source.document`` is the set's number) takes ``source.clause`` as its number. Any
    other clause, and every clause of a fork or new set (another number, or none), is numbered
    from position."""
    def printed(clause: Clause) -> str | None:
        source = clause.source
        if source is None or not source.clause or standard.number is None or source.document != standard.number:
            return None
        return source.clause if PRINTED_NUMBER.match(source.clause) else None

    return printed


def _number(clause: Clause, position: str, depth: int, printed: Printed) -> Node:
    number = printed(clause) or position
    node = Node(clause.id, number, depth, clause, position=position if number != position else "")
    node.children = [_number(c, f"{number}.{i + 1}", depth + 1, printed) for i, c in enumerate(clause.clauses)]
    return node


def _annex(annex: Annex, letter: str, printed: Printed) -> Node:
    node = Node(annex.id, letter, 1, annex)
    node.children = [_number(c, f"{letter}.{i + 1}", 2, printed) for i, c in enumerate(annex.clauses)]
    return node


def _number_tables(resolved: ResolvedSet, claim: Claim) -> None:
    """Body tables 表1, 表2 … across chapters; annex tables 表A.1 per annex."""
    forms = {f.id: f for f in resolved.clause_set.forms}
    body_count = 0
    for top in resolved.chapters:
        for node in top.walk():
            body_count += _claim_table(node.item, str(body_count + 1), resolved, forms, claim)
    for annex in resolved.annexes:
        count = 0
        for node in annex.walk():
            count += _claim_table(node.item, f"{annex.number}.{count + 1}", resolved, forms, claim)


def _number_figures(resolved: ResolvedSet, claim: Claim) -> None:
    """Figures are numbered like tables: 图1, 图2 … in the body, 图A.1 per annex."""
    count = 0
    for top in resolved.chapters:
        for node in top.walk():
            if node.item.figure is not None:
                count += 1
                claim(node.item.figure.id, Target("figure", f"图{count}"))
    for annex in resolved.annexes:
        count = 0
        for node in annex.walk():
            if node.item.figure is not None:
                count += 1
                claim(node.item.figure.id, Target("figure", f"图{annex.number}.{count}"))


def _find_figure_files(resolved: ResolvedSet, loaded: LoadedSet, report: Report) -> None:
    """A figure's file is inside the folder of the file that names it (the set folder), and is an image."""
    for node in resolved.nodes():
        figure = node.item.figure
        if figure is None:
            continue
        where = loaded.where(figure.id, "file")
        folder = Path(where.file).parent.resolve()
        path = (folder / figure.file).resolve()
        if not path.is_relative_to(folder):
            report.add(msg("F010.outside", file=figure.file), where)
        elif path.suffix.lower() not in IMAGE_TYPES:
            report.add(msg("F010.type", file=figure.file), where)
        elif not path.is_file():
            report.add(msg("F010.missing", file=figure.file, path=str(path)), where)
        else:
            resolved.figure_files[figure.id] = path


def _claim_table(item: Clause | Annex, number: str, resolved: ResolvedSet,
                 forms: dict[str, Form], claim: Claim) -> int:
    table: Table | None = item.table
    if table is not None:
        claim(table.id, Target("table", f"表{number}"))
        return 1
    if item.form is not None and item.form in forms and forms[item.form].rows:  # a letter form is no table
        resolved.form_tables[item.form] = f"表{number}"
        claim(item.form, Target("table", f"表{number}"))
        return 1
    return 0


def _check_missing(resolved: ResolvedSet, loaded: LoadedSet, report: Report) -> None:
    """R020: only a set whose source is cut off (complete: false) may mark text as missing."""
    std = resolved.standard
    if std.complete:
        marked = [(std.code, "missing")] if std.missing else []
        marked += [(n.id, "missing") for n in resolved.nodes() if isinstance(n.item, Clause) and n.item.missing]
        for ident, key in marked:
            report.add(msg("R020"), loaded.where(ident, key))


def _check_structure(resolved: ResolvedSet, loaded: LoadedSet, report: Report) -> None:
    _check_missing(resolved, loaded, report)
    printed = printed_numbers(resolved.standard)
    _check_printed(resolved.chapters, loaded, report)
    for node in resolved.nodes():
        kids = node.children
        _check_printed(kids, loaded, report)
        at_kids = (loaded.reshaped.get(node.id) or loaded.where(kids[0].id)) if kids else loaded.where(node.id)
        if len(kids) == 1:
            published = isinstance(kids[0].item, Clause) and printed(kids[0].item) is not None
            report.add(msg("R003.published" if published else "R003", number=node.number, child=kids[0].number),
                       at_kids, severity="warning" if published else "error")
        titled = {k.title is not None for k in kids}
        if len(titled) == 2:
            untitled = [k.number for k in kids if k.title is None]
            report.add(msg("R004", number=node.number, untitled=untitled), at_kids)
        if node.depth > MAX_DEPTH:
            report.add(msg("R005", number=node.number), loaded.where(node.id))
        if isinstance(node.item, Clause):
            for item in node.item.items:
                for sub in getattr(item, "items", []):
                    if sub.items:
                        report.add(msg("R009", number=node.number), loaded.where(node.id, "items"))
    code = resolved.standard.code
    for ident in resolved.targets:
        if loaded.own_ids is not None and ident not in loaded.own_ids:
            continue  # inherited by a variant: it keeps its parent's ID
        if not ident.startswith(f"{code}-"):
            report.add(msg("R007", ident=ident, code=code), loaded.where(ident), severity="warning")


def _check_printed(siblings: list[Node], loaded: LoadedSet, report: Report) -> None:
    """R011, once per run of siblings: published numbers that position would number otherwise."""
    moved = [n for n in siblings if n.position]
    if moved:
        kept = moved[0].number + (f"–{moved[-1].number}" if len(moved) > 1 else "")
        sequence = moved[0].position + (f"–{moved[-1].position}" if len(moved) > 1 else "")
        report.add(msg("R011", kept=kept, sequence=sequence), loaded.where(moved[0].id), severity="warning")


def _texts(resolved: ResolvedSet) -> Iterator[tuple[str, str, str]]:
    """(owner id, key, text) for every text that may carry references."""
    cs = resolved.clause_set
    for node in resolved.nodes():
        item = node.item
        for para in item.paragraphs:
            yield node.id, "text", para
        if isinstance(item, Clause):
            yield from ((node.id, "notes", note) for note in item.notes)
            yield from ((node.id, "examples", example) for example in item.examples)
            for entry in item.items:
                yield node.id, "items", entry if isinstance(entry, str) else entry.text
                yield from ((node.id, "items", sub.text) for sub in getattr(entry, "items", []))
        if item.table is not None:
            yield from ((node.id, "table", cell) for row in item.table.rows for cell in row)
    for term in cs.terms:
        yield term.id, "definition", term.definition
        yield from ((term.id, "notes", note) for note in term.notes)
    std = cs.standard
    for key, paragraphs in (("scope", std.scope), ("foreword", std.foreword), ("introduction", std.introduction)):
        yield from ((std.code, key, para) for para in paragraphs)


def _titles(resolved: ResolvedSet) -> Iterator[tuple[str, str, str]]:
    """(owner id, key, title): titles print as written, references are not resolved there."""
    std = resolved.standard
    yield std.code, "title", std.title.zh
    for node in resolved.nodes():
        if node.item.title:
            yield node.id, "title", node.item.title
    yield from ((term.id, "term", term.term) for term in resolved.clause_set.terms)
    yield from ((form.id, "title", form.title) for form in resolved.clause_set.forms)


def _check_reference_syntax(resolved: ResolvedSet, loaded: LoadedSet, report: Report) -> None:
    """A ``[[`` that starts no valid reference (R014), a reference in a title (R014), a clause
    referring to itself (R015)."""
    for owner, key, text in _texts(resolved):
        valid = {m.start() for m in REF.finditer(text)}
        for match in OPEN_REF.finditer(text):
            if match.start() not in valid:
                report.add(msg("R014", text=text[match.start():match.start() + 24], key=key, owner=owner),
                           loaded.where_text(owner, key, text))
        for match in REF.finditer(text):
            if match.group(1) == owner:
                report.add(msg("R015", owner=owner), loaded.where_text(owner, key, text), severity="warning")
    for owner, key, title in _titles(resolved):
        if "[[" in title:
            report.add(msg("R014.title", key=key, owner=owner), loaded.where_text(owner, key, title))


def _check_references(resolved: ResolvedSet, loaded: LoadedSet, report: Report,
                      known_elsewhere: frozenset[str] | None, present: frozenset[str] | None) -> None:
    own = f"{resolved.standard.code}-"
    _check_reference_syntax(resolved, loaded, report)
    for owner, key, text in _texts(resolved):
        for match in REF.finditer(text):
            ident = match.group(1)
            if ident in resolved.targets:
                continue
            if ident in loaded.removed:
                report.add(msg("V005", ident=ident, place=str(loaded.removed[ident]), key=key, owner=owner),
                           loaded.where_text(owner, key, text))
            else:
                report.add(msg("R002", ident=ident, hint=_suggest(ident, resolved.targets)),
                           loaded.where_text(owner, key, text))
    codes = {prefix(i) for i in known_elsewhere or ()} | {resolved.standard.code} | set(present or ())
    absent: dict[str, int] = {}
    for node in resolved.nodes():
        if isinstance(node.item, Clause) and (loaded.own_ids is None or node.id in loaded.own_ids):
            for other in node.item.related:  # a variant's inherited links are checked in their own set
                if known_elsewhere is None and not other.startswith(own):
                    continue  # another set's clause, and no other set was loaded
                if other in resolved.targets or other in (known_elsewhere or ()):
                    continue
                if present is not None and prefix(other) not in codes and other not in loaded.removed:
                    absent[prefix(other)] = absent.get(prefix(other), 0) + 1  # that set is not here
                    continue
                report.add(msg("R006", ident=other), loaded.where(node.id, "related"))
        form = node.item.form
        if form is not None and form not in {f.id for f in resolved.clause_set.forms}:
            report.add(msg("R008", form=form), loaded.where(node.id, "form"))
        forms = {f.id for f in resolved.clause_set.forms}
        for i, used in enumerate(node.item.uses_forms if isinstance(node.item, Clause) else []):
            if used not in forms:
                report.add(msg("R008", form=used), loaded.where(node.id, f"uses_forms.{i}"))
    _report_absent(resolved, loaded, absent, report)


def _report_absent(resolved: ResolvedSet, loaded: LoadedSet, absent: dict[str, int], report: Report) -> None:
    if absent:
        sets = listing((phrase("prefix-count", code=code, count=count) for code, count in sorted(absent.items())),
                       "ideographic-sep")
        report.add(msg("R013", count=sum(absent.values()), name=resolved.clause_set.name, sets=sets),
                   loaded.where(resolved.standard.code), severity="info")


def _suggest(ident: str, targets: dict[str, Target]) -> Phrase:
    close = difflib.get_close_matches(ident, list(targets), n=1)
    return phrase("did-you-mean-ref", ident=close[0]) if close else phrase("ref-any-id")


def all_clauses(cs: ClauseSet) -> Iterator[Clause]:
    """Every clause of a set, chapters and annex clauses included, in document order."""
    def walk(clauses: list[Clause]) -> Iterator[Clause]:
        for clause in clauses:
            yield clause
            yield from walk(clause.clauses)

    yield from walk(cs.clauses)
    for annex in cs.annexes:
        yield from walk(annex.clauses)


def check_related(loaded: Mapping[str, LoadedSet], report: Report, only: Collection[str] | None = None) -> None:
    """R010: a related link goes both ways. When a clause of one of the sets in ``only`` (default:
    all) lists B, the clause B (in another loaded set) lists it back. IDs found nowhere are R006."""
    clauses: dict[str, list[tuple[str, Clause]]] = {}
    for name, ls in loaded.items():
        for clause in all_clauses(ls.clause_set):
            clauses.setdefault(clause.id, []).append((name, clause))
    for name, ls in loaded.items():
        if only is not None and name not in only:
            continue
        for clause in all_clauses(ls.clause_set):
            if ls.own_ids is not None and clause.id not in ls.own_ids:
                continue  # a variant's inherited links were checked in the set that wrote them
            for other in clause.related:
                _check_back_link(name, clause.id, other, clauses, loaded, report)


def check_unique_ids(loaded: Mapping[str, LoadedSet], report: Report) -> None:
    """R012: an ID is defined by one set only. A variant shares its parent's IDs by inheriting
    them, never by defining them again; two sets that are not variants of each other (a copied
    folder, two sets with the same prefix) may not define the same ID."""
    owner: dict[str, str] = {}
    for name, ls in sorted(loaded.items()):
        for ident in sorted(ls.defines()):
            first = owner.setdefault(ident, name)
            if first != name:
                report.add(msg("R012", ident=ident, name=name, first=first), ls.where(ident))


def _check_back_link(name: str, ident: str, other: str, clauses: dict[str, list[tuple[str, Clause]]],
                     loaded: Mapping[str, LoadedSet], report: Report) -> None:
    here = loaded[name].where(ident, "related")
    found = [(n, c) for n, c in clauses.get(other, []) if n != name] or clauses.get(other, [])
    if not found:
        holder = next((ls.clause_set.name for ls in loaded.values() if (other, "") in ls.origins), None)
        if holder is not None:  # an annex, term, table or form: it has no related list to link back
            report.add(msg("R010.not-clause", other=other, holder=holder), here, severity="warning")
        return  # an ID found nowhere is R006
    if any(ident in c.related for _, c in found):
        return
    other_set = found[0][0]
    there = loaded[other_set].where(other, "related")
    report.add(msg("R010", ident=ident, other=other, other_set=other_set, there=str(there)), here, severity="warning")
