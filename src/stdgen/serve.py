"""``stdgen serve``: the output folder over HTTP on 127.0.0.1, rebuilt when a clause file is saved.

The watcher polls the clause folder (size and modification time of every file: no extra
dependency, works on every file system). A change starts the same incremental build as
``stdgen build`` — only what changed is rebuilt — and bumps a build number that the site's
script polls at ``/__stdgen/build`` (only when the page came from this server), reloading the
page when it moves. Ctrl-C only asks the server to stop (a SIGINT handler sets a flag): a build
under way ends first, so no worker dies halfway and no output is left half-written, then the
server stops. Blocking SIGINT in the main thread would not do: the kernel hands the signal to
another thread (the HTTP server's) and Python still raises KeyboardInterrupt in the main thread,
wherever the build happens to be.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .diagnostics import Report
from .i18n import Lang, phrase
from .workspace import open_workspace

BUILD_PATH = "/__stdgen/build"
POLL_SECONDS = 0.5
Say = Callable[[str], None]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    build_number = 0


class Handler(SimpleHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        if self.path.split("?")[0] == BUILD_PATH:
            body = str(self.server.build_number).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the build says what matters
        pass


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under root → (size, mtime in ns)."""
    found: dict[str, tuple[int, int]] = {}
    for path in root.rglob("*"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file():
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def rebuild(clauses: Path, out: Path, jobs: int, say: Say, lang: Lang = "zh") -> bool:
    """Check and build every set, as ``stdgen build`` does; report problems; True when files were written."""
    from .build import CrossAhead, build_sets, build_workspace
    from .lint import lint_workspace
    from .outdir import locked

    report = Report(lang=lang)
    written: list[Path] = []
    workspace = open_workspace(clauses, report)
    lint_workspace(workspace, report)  # what stops `stdgen build` stops a rebuild
    if not report.failed():
        with (locked(out, waiting=lambda: say(phrase("waiting", folder=str(out)).render(lang))),
              CrossAhead(workspace, out, force=False) as ahead):
            written = build_sets(workspace.sets.values(), out, report, jobs=jobs, meanwhile=ahead)
            if not report.failed():
                written += build_workspace(workspace, out, report, force=False, ahead=ahead)
    if report.items:
        say(report.render_text())
    if report.failed():
        say(phrase("serve-failed").render(lang))
        return False
    say((phrase("serve-built", count=len(written)) if written else phrase("up-to-date")).render(lang))
    return bool(written)


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def serve(clauses: Path, out: Path, port: int, jobs: int, say: Say = _stderr, lang: Lang = "zh") -> None:
    """Build, serve out on 127.0.0.1:port (0: any free port) and rebuild on change until Ctrl-C; what it
    says, in lang."""
    from .render.weasy import load as load_weasyprint

    load_weasyprint()  # once for the session: every rebuild's workers inherit it (0.25 s each otherwise)
    with _ctrl_c_asks_to_stop() as stopping:
        rebuild(clauses, out, jobs, say, lang)
        if not stopping():
            _watch(clauses, out, port, jobs, say, stopping, lang)
    say(phrase("serve-stopped").render(lang))


@contextmanager
def _ctrl_c_asks_to_stop() -> Iterator[Callable[[], bool]]:
    """SIGINT sets a flag instead of raising KeyboardInterrupt; yields whether it came. A plain flag: a
    handler that took a lock (threading.Event.set) could wait forever on one the main thread holds."""
    asked = False

    def ask(signum: int, frame: object) -> None:
        nonlocal asked
        asked = True

    previous = signal.signal(signal.SIGINT, ask)
    try:
        yield lambda: asked
    finally:
        signal.signal(signal.SIGINT, previous)


def _watch(clauses: Path, out: Path, port: int, jobs: int, say: Say, stopping: Callable[[], bool],
           lang: Lang) -> None:
    """Serve out and rebuild when a clause file changes, until stopping()."""
    out.mkdir(parents=True, exist_ok=True)
    server = Server(("127.0.0.1", port), partial(Handler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    say(phrase("serve-url", url=f"http://127.0.0.1:{server.server_address[1]}/index.html").render(lang))
    seen = snapshot(clauses)
    try:
        while not _paused(stopping):
            if snapshot(clauses) == seen or _paused(stopping):  # the second pause lets an editor finish writing
                continue
            seen = snapshot(clauses)
            say(phrase("serve-changed").render(lang))
            if rebuild(clauses, out, jobs, say, lang):
                server.build_number += 1
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _paused(stopping: Callable[[], bool]) -> bool:
    """Wait POLL_SECONDS; whether to stop."""
    time.sleep(POLL_SECONDS)
    return stopping()
