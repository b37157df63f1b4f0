"""Compiled templates kept between runs (render/compiled.py): the next process loads a template's code
instead of compiling it, a changed template is compiled again, a loaded template is as sandboxed and
reports its errors at the same line, and a cache that cannot be written changes nothing but speed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

from stdgen.render import templates

PROBE = ("[{{ meta.issuer }}][{{ meta.__class__ }}]\n{% for x in items %}{{ x }};{% endfor %}\n"
         "{{ meta.missing.call() }}\n")


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names Jinja compiles from here on."""
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counted(self: jinja2.Environment, source: str, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        compiled.append(name or "")
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return compiled


def _render(**meta: object) -> str:
    return templates.render("probe.txt.j2", meta=meta, items=[1, 2])


@pytest.fixture
def bureau(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "probe.txt.j2").write_text(PROBE.replace("{{ meta.missing.call() }}", ""), encoding="utf-8")
    yield folder
    templates.use(None)


def test_the_next_process_loads_what_the_first_compiled(bureau: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = _compiles(monkeypatch)
    templates.use(bureau)
    first = _render(issuer="局")
    assert compiled == ["probe.txt.j2"]
    assert list((bureau.parent / "cache" / "stdgen" / "templates").rglob("*.cache"))
    templates.use(bureau)  # environments made again, as in a new process
    assert _render(issuer="局") == first == "[局][]\n1;2;\n"  # still sandboxed: no attribute of a class
    assert compiled == ["probe.txt.j2"]  # loaded, not compiled


def test_a_changed_template_is_compiled_again(bureau: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates.use(bureau)
    _render(issuer="局")
    (bureau / "probe.txt.j2").write_text("<{{ meta.issuer }}>", encoding="utf-8")
    compiled = _compiles(monkeypatch)
    templates.use(bureau)
    assert _render(issuer="局") == "<局>"
    assert compiled == ["probe.txt.j2"]


def test_a_loaded_template_reports_an_error_at_its_line(bureau: Path) -> None:
    (bureau / "probe.txt.j2").write_text(PROBE, encoding="utf-8")
    lines = []
    for _ in range(2):  # compiled, then loaded
        templates.use(bureau)
        with pytest.raises(templates.TemplateProblem) as caught:
            _render(issuer="局")
        lines.append((caught.value.code, Path(caught.value.file).name, caught.value.line))
    assert lines == [("T002", "probe.txt.j2", 3)] * 2


def test_a_cache_that_cannot_be_written_only_means_compiling(bureau: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    compiled = _compiles(monkeypatch)
    for _ in range(2):
        templates.use(bureau)
        assert _render(issuer="局") == "[局][]\n1;2;\n"
    assert compiled == ["probe.txt.j2", "probe.txt.j2"]


def test_a_damaged_entry_is_compiled_again(bureau: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates.use(bureau)
    _render(issuer="局")
    for entry in (bureau.parent / "cache").rglob("*.cache"):
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a full disk
    compiled = _compiles(monkeypatch)
    templates.use(bureau)
    assert _render(issuer="局") == "[局][]\n1;2;\n"
    assert compiled == ["probe.txt.j2"]


def test_a_user_without_a_home_gets_templates_compiled_and_no_cache(bureau: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's user with no HOME and no passwd entry: Path.home() raises; the build goes on uncached."""
    from stdgen.render import fontcache, usercache

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert usercache.user_cache() is None and fontcache.folder() is None
    compiled = _compiles(monkeypatch)
    for _ in range(2):
        templates.use(bureau)
        assert _render(issuer="局") == "[局][]\n1;2;\n"
    assert compiled == ["probe.txt.j2", "probe.txt.j2"]
