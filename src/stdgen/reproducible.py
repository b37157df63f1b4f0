"""Reproducible output: the same clause sets give byte-identical files on every build.

Writers (python-docx, openpyxl) stamp the current time into zip entries and ``core.xml``;
every file a build writes goes through :func:`seal`, which rewrites DOCX and XLSX packages
with sorted entries, one fixed timestamp and fixed file attributes. The date is the set's own
(``issued``), or ``SOURCE_DATE_EPOCH`` when that is set (https://reproducible-builds.org),
never the clock. PDFs get a fixed identifier from their content (``render/pdf.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

ZIP_FORMATS = frozenset({"docx", "xlsx"})
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)  # the earliest time a zip entry can hold
CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def source_date(issued: Iterable[dt.date | None] = ()) -> dt.datetime:
    """The date stamped into files: SOURCE_DATE_EPOCH, else the latest issue date given, else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return max(dt.datetime.fromtimestamp(int(epoch), dt.UTC), ZIP_EPOCH)
    dates = [d for d in issued if d is not None]
    if not dates:
        return ZIP_EPOCH
    latest = max(dates)
    return max(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.UTC), ZIP_EPOCH)


def seal(path: Path, fmt: str, when: dt.datetime) -> None:
    """Make a written file reproducible (DOCX/XLSX are re-packed; other formats are already)."""
    if fmt in ZIP_FORMATS:
        normalize_zip(path, when)


def write_sealed(write: Callable[[Path], object], fmt: str, when: dt.datetime, path: Path) -> None:
    """write(path), then seal it: a file writer for staged writes (``partial(write_sealed, …)``)."""
    write(path)
    seal(path, fmt, when)


def normalize_zip(path: Path, when: dt.datetime) -> None:
    """Rewrite an OOXML package: entries sorted by name, every timestamp ``when``, the
    core properties' created/modified dates ``when``, fixed permissions and compression."""
    with zipfile.ZipFile(path) as source:
        entries = sorted((info.filename, source.read(info)) for info in source.infolist())
    stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    tmp = path.with_name(path.name + ".zip-tmp")
    with zipfile.ZipFile(tmp, "w") as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(2), data)
            info = zipfile.ZipInfo(name, date_time=when.astimezone(dt.UTC).timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds
            info.external_attr = 0o644 << 16
            target.writestr(info, data, compresslevel=6)
    os.replace(tmp, path)
