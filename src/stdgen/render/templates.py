"""Bureau templates: a project's ``templates/`` folder (or ``--templates DIR``) overrides the
templates that ship with stdgen, looked up by name in that folder first, then in the package.

Overridable, for every artifact (standard, checklist, score report, cards and forms alike):

- ``document.html.j2`` — the HTML page (HTML and PDF) around the document tree;
- ``cover.txt.j2`` — the standard's cover in HTML, PDF and DOCX alike, as lines of a small markup
  (:mod:`stdgen.render.cover`; not shipped: the tree's own cover);
- ``header.txt.j2`` — the running header text of every format (PDF, HTML print, DOCX);
- ``page.css.j2`` — CSS added after stdgen's own (HTML and PDF): fonts, header/footer look, card and form
  styling;
- ``styles.txt.j2`` — changes of stdgen's paragraph styles by name, read by every renderer, DOCX
  included (:mod:`stdgen.render.restyle`).

Templates see ``doc`` (the document tree), ``meta`` (the set's metadata: number, title, issuer,
dates …), and for the header ``header`` (stdgen's text) and ``section`` (its name). When a bureau's
folder is in use, every template (stdgen's own included) renders in Jinja's immutable sandbox; HTML
templates with autoescaping, CSS templates with every value CSS-escaped and the cover with every value
escaped for its markup, sandboxed or not; a template can include only templates of the same folders,
never a file elsewhere (``..``, absolute paths and links leading outside are not found). A broken
template is a :class:`TemplateProblem` naming its file and line (T001 when read, T002 when rendered).
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable
from functools import cache
from pathlib import Path, PurePath
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..i18n import Arg, Message, msg, phrase, worded

PACKAGE = Path(__file__).parent
COVER = "cover.txt.j2"  # its values are escaped for the cover markup (render/cover.py)
STALE_COVER = "cover.html.j2"  # earlier versions' cover, which never reached the DOCX
OVERRIDABLE = ("document.html.j2", COVER, "header.txt.j2", "page.css.j2", "styles.txt.j2")
_override: list[Path] = []  # the bureau's folder, when one is used (set once per run, inherited by workers)


class TemplateProblem(Exception):
    """A template that cannot be read or rendered, at its file and line."""

    def __init__(self, code: str, file: str, line: int, problem: Arg) -> None:
        super().__init__(code, file, line, problem)
        self.code, self.file, self.line, self.problem = code, file, line, problem  # problem: Jinja's words or ours

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {worded(self.problem, 'en')}"

    def text(self, key: str, **args: Arg) -> Message:
        """The diagnostic of this problem: key names where it happened (T001.build …)."""
        return msg(f"{self.code}.{key}", template=Path(self.file).name, problem=self.problem, **args)


def use(folder: Path | None) -> None:
    """Look templates up in folder first (None: only stdgen's own)."""
    _override[:] = [folder.resolve()] if folder is not None else []
    _environments.cache_clear()
    from .restyle import forget

    forget()  # style changes read from the previous folder


def folder() -> Path | None:
    return _override[0] if _override else None


def fingerprint() -> str:
    """Hash of the bureau's templates: a changed template rebuilds what it renders."""
    h = hashlib.sha256()
    if _override:
        for path in sorted(p for p in _override[0].rglob("*.j2") if p.is_file()):
            h.update(str(path.relative_to(_override[0])).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def exists(name: str) -> bool:
    try:
        _environments()[0].loader.get_source(_environments()[0], name)  # type: ignore[union-attr]
    except jinja2.TemplateNotFound:
        return False
    return True


def source(name: str) -> tuple[str, str]:
    """(file name, text) of the template stdgen uses for name."""
    env = _environment_for(name)
    text, filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    return filename or name, text


def render(name: str, **context: Any) -> str:
    """Render a template by name; TemplateProblem (with file and line) when it is broken."""
    env = _environment_for(name)
    try:
        template = env.get_template(name)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem("T001", exc.filename or name, exc.lineno or 1, exc.message or str(exc)) from None
    try:
        return template.render(**context)
    except jinja2.TemplateSyntaxError as exc:  # an included template
        raise TemplateProblem("T001", exc.filename or name, exc.lineno or 1, exc.message or str(exc)) from None
    except Exception as exc:  # undefined names, sandbox refusals, errors in filters
        file, line = _template_frame(exc, template.filename or name)
        raise TemplateProblem("T002", file, line, f"{type(exc).__name__}: {exc}") from None


def check() -> list[TemplateProblem]:
    """Every bureau template compiled: syntax errors before any file is written."""
    problems: list[TemplateProblem] = []
    if not _override:
        return problems
    stale = _override[0] / STALE_COVER
    if stale.is_file():
        problems.append(TemplateProblem("T001", str(stale), 1, phrase("template-stale", stale=STALE_COVER,
                                                                      cover=COVER)))
    for path in sorted(_override[0].rglob("*.j2")):
        name = path.relative_to(_override[0]).as_posix()
        if not path.is_file():
            problems.append(TemplateProblem("T001", str(path), 1, phrase("template-not-file")))
            continue
        try:
            _environment_for(name).get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(TemplateProblem("T001", str(path), exc.lineno or 1, exc.message or str(exc)))
        except jinja2.TemplateNotFound:
            problems.append(TemplateProblem("T001", str(path), 1, phrase("template-outside")))
        except UnicodeDecodeError as exc:
            line = path.read_bytes()[:exc.start].count(b"\n") + 1
            byte = exc.object[exc.start]
            problems.append(TemplateProblem("T001", str(path), line, phrase("template-not-utf8", byte=f"0x{byte:02x}",
                                                                          offset=exc.start)))
        except OSError as exc:
            problems.append(TemplateProblem("T001", str(path), 1, phrase("template-unreadable",
                                                                       reason=str(exc.strerror or exc))))
    return problems


def css_escape(value: object) -> str:
    """A value inside CSS: every character that could end a string, rule or <style> escaped."""
    text = "" if value is None else str(value)
    return "".join(ch if ch.isalnum() or ch in " -_.%#" else f"\\{ord(ch):06x}" for ch in text.replace("\n", " "))


class _Inside(jinja2.FileSystemLoader):
    """A loader that never returns a file outside its folders (links included)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        if not any(Path(filename).resolve().is_relative_to(Path(root).resolve()) for root in self.searchpath):
            raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, and no attribute of a path: a template that holds a figure's
    Path could otherwise read any file through it (``read_text``, ``parent``, ``joinpath``)."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's answer depends only on the object's type and the name, but it runs isinstance tests (against
        # ABCs too) for every attribute a template reads: kept per pair, the bundled xref page renders in 79
        # ms, not 152, and 驻马店's checklist in 12, not 25
        key = (type(obj), attr)
        safe = _SAFE.get(key)
        if safe is None:
            safe = _SAFE[key] = not isinstance(obj, PurePath) and super().is_safe_attribute(obj, attr, value)
        return safe


_SAFE: dict[tuple[type, str], bool] = {}  # (type, attribute) → whether a template may read it


@cache
def _environments() -> tuple[jinja2.Environment, jinja2.Environment, jinja2.Environment, jinja2.Environment]:
    """(HTML: autoescaped; CSS: every value CSS-escaped; text: plain, escaped by its user; cover: every
    value escaped for the cover markup)."""
    from .compiled import compiled
    from .cover import escape as cover_escape
    loader = _Inside([*map(str, _override), str(PACKAGE)])
    # The sandbox guards against a bureau's templates. Without a bureau folder every template is stdgen's own,
    # rendered as plain Jinja with the same escaping: the sandbox's checks on each attribute and call took 40 %
    # of the bundled xref page's rendering (110 -> 66 ms of CPU, the same HTML).
    kind, sandbox = ("sandbox", _Sandbox) if _override else ("trusted", jinja2.Environment)
    common: dict[str, Any] = {"loader": loader, "undefined": jinja2.ChainableUndefined, "auto_reload": False}
    html = sandbox(autoescape=True, bytecode_cache=compiled(f"{kind}-html"), **common)
    css = sandbox(autoescape=False, finalize=css_escape, bytecode_cache=compiled(f"{kind}-css"), **common)
    text = sandbox(autoescape=False, bytecode_cache=compiled(f"{kind}-text"), **common)
    cover = sandbox(autoescape=False, finalize=cover_escape, bytecode_cache=compiled(f"{kind}-cover"), **common)
    return html, css, text, cover


def _environment_for(name: str) -> jinja2.Environment:
    html, css, text, cover = _environments()
    if name == COVER:
        return cover
    return css if name.endswith(".css.j2") else html if name.endswith(".html.j2") else text


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int]:
    """The innermost traceback frame in a template file (Jinja maps those to template lines)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    if frames:
        return frames[-1].filename, frames[-1].lineno or 1
    return fallback, 1
