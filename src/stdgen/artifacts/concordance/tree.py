"""The concordance as a document tree: one row per topic, one column per clause set.

Each cell lists the set's clauses of the topic as number, ID and title (or the start of the
text). In HTML the ID links to the clause in ``<set>/standard.html``; DOCX and PDF print it.
"""

from __future__ import annotations

from ...doctree import Block, Cell, Document, Para, Section, Span, Table
from ...resolve import ResolvedSet
from .styles import PAGE, SET_WIDTH, STYLES, TOPIC_WIDTH
from .topics import Concordance, Entry, Row

GAP = "\u3000"
TITLE = "条款对照表"


def build(conc: Concordance) -> Document:
    derived = sum(r.derived for r in conc.rows)
    blocks: list[Block] = [
        Para.of("title", TITLE),
        Para.of("subtitle", f"{len(conc.sets)}个条款集　{len(conc.rows)}个主题　{len(conc.pairs)}对等同条款"),
        Para.of("lead", "本表按主题列出各条款集中内容等同的条款（条款的 related 链接，双向核对）。每格为条号、"
                        "条款ID及标题（无标题的条款为条文开头）；一个条款集在一个主题下可有多条。主题及其分组见"
                        "条款目录下的 concordance.yaml。" + ("标“*”的行是未归入主题的链接，按条款的连通关系成行。"
                                                          if derived else "")),
        _table(conc),
    ]
    return Document(title=TITLE, styles=STYLES, page=PAGE,
                    sections=[Section("concordance", "arabic", TITLE, blocks, odd_start=False)])


def _table(conc: Concordance) -> Table:
    head = [Cell([Para.of("cell-head", "主题")], header=True)]
    head.extend(Cell(_set_head(rs), header=True) for rs in conc.sets)
    rows = [head] + [_row(r, conc) for r in conc.rows]
    return Table(rows, columns=len(head), header_rows=1, widths=[TOPIC_WIDTH] + [SET_WIDTH] * len(conc.sets))


def _set_head(rs: ResolvedSet) -> list[Para]:
    std = rs.standard
    href = f"{rs.clause_set.name}/standard.html"
    return [Para("cell-head", [Span(std.number or std.banner or std.title.zh, href=href)]),
            Para.of("cell-head-small", std.title.zh)]


def _row(row: Row, conc: Concordance) -> list[Cell]:
    topic = Para.of("cell-topic", row.topic + ("*" if row.derived else ""), anchor=row.anchor)
    cells = [Cell([topic])]
    for rs in conc.sets:
        entries = row.cells.get(rs.clause_set.name, [])
        cells.append(Cell([_entry(e) for e in entries] or [Para.of("cell", "")]))
    return cells


def _entry(entry: Entry) -> Para:
    return Para("cell", [Span(entry.id, href=entry.href), Span(GAP + entry.label)], number=entry.number)
