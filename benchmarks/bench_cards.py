"""Card benchmarks: prints figures for this machine; asserts nothing.

    python benchmarks/bench_cards.py

For every bundled set: phrases, cards per layout, and the time to gather and pack the deck and to
write the A6 sheet (PDF, DOCX), the tent card and the poster (PDF), each once, in this process
(WeasyPrint imported beforehand, so its import is not counted).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    from stdgen.render.weasy import load

    load()  # imported once, as the build does before its workers start
    from stdgen.artifacts.cards.deck import build_deck
    from stdgen.artifacts.cards.docx import write_sheet_docx
    from stdgen.artifacts.cards.layout import SHEETS, TENT, pack
    from stdgen.artifacts.cards.render import render, write_pdf
    from stdgen.diagnostics import Report
    from stdgen.workspace import open_workspace

    ws = open_workspace(ROOT / "clauses", Report())
    print(f"{'set':<24}{'phrases':>8}{'A6':>4}{'A5':>4}{'tent':>5}{'deck ms':>9}{'sheet s':>9}{'docx s':>8}"
          f"{'tent s':>8}{'poster s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, rs in ws.sets.items():
            start = time.perf_counter()
            deck = build_deck([rs])
            a6, a5, tent = (len(pack(deck, g)) for g in (SHEETS["a6"], SHEETS["a5"], TENT))
            deck_ms = (time.perf_counter() - start) * 1000
            timings = []
            for kind in ("sheet", "docx", "tent", "poster"):
                start = time.perf_counter()
                if kind == "docx":
                    write_sheet_docx(deck, out / f"{name}.docx")
                else:
                    write_pdf(render(deck, kind), out / f"{name}-{kind}.pdf")
                timings.append(time.perf_counter() - start)
            print(f"{name:<24}{len(deck.phrases):>8}{a6:>4}{a5:>4}{tent:>5}{deck_ms:>9.1f}"
                  + "".join(f"{t:>{w}.2f}" for t, w in zip(timings, (9, 8, 8, 9), strict=True)))


if __name__ == "__main__":
    main()
