"""Reading a dataset file: its fingerprint, its encoding, its layout, then its rows one at a time.

Files are streamed, never loaded whole: the full V-Dem CSV is several hundred megabytes.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from exwatch.errors import InputError
from exwatch.kb.importers.base import Dataset, Layout

Progress = Callable[[int, int], None]
"""Called with (bytes read, file size) as the import advances."""

_CHUNK = 1 << 20
# A title row or two above the header is common in sheets saved as CSV (Freedom House's workbook).
_HEADER_SEARCH = 5
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    size: int
    encoding: str


def fingerprint(path: Path) -> Fingerprint:
    """The file's sha256 and its text encoding: UTF-8 when every byte decodes so, else Windows-1252 (PTS)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file; give the path of the downloaded dataset file")
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, size = True, 0
    with path.open("rb") as handle:
        head = handle.read(4)
        if head == _ZIP_MAGIC:
            raise InputError(
                f"{path.name} is an Excel workbook (or another zip file); open it and save the data sheet "
                "as CSV (UTF-8), then import the .csv file"
            )
        handle.seek(0)
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    return Fingerprint(digest.hexdigest(), size, "utf-8-sig" if utf8 else "cp1252")


def _missing(layout: Layout, header: list[str]) -> list[str]:
    present = set(header)
    missing = [column for column in layout.required if column not in present]
    if layout.any_of and not present.intersection(layout.any_of):
        missing.append(f"at least one of {', '.join(layout.any_of)}")
    return missing


def choose_layout(dataset: Dataset, path: Path, encoding: str) -> tuple[Layout, int]:
    """The layout whose columns the file has, and the line of its header; else say which columns are missing."""
    best: tuple[list[str], Layout, list[str]] | None = None
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        for line_no, header in enumerate(csv.reader(handle), start=1):
            if line_no > _HEADER_SEARCH:
                break
            header = [cell.strip() for cell in header]
            for layout in dataset.layouts:
                missing = _missing(layout, header)
                if not missing:
                    return layout, line_no
                if best is None or len(missing) < len(best[0]):
                    best = (missing, layout, header)
    if best is None:
        raise InputError(f"{path.name} is empty; expected a {dataset.title} CSV file")
    missing, layout, header = best
    shown = ", ".join(header[:12]) + (", ..." if len(header) > 12 else "")
    raise InputError(
        f"{path.name} is not a {dataset.title} file this importer reads: "
        f"missing column(s) {', '.join(missing)} (closest layout: {layout.description}; "
        f"the file's columns: {shown or 'none'}). {dataset.download_hint}".strip()
    )


def rows(
    path: Path, encoding: str, header_line: int, progress: Progress | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data row as (line number, column → cell), reporting progress every few thousand rows."""
    size = path.stat().st_size
    with path.open("rb") as binary:
        text = io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(text)
        header: list[str] = []
        for _ in range(header_line):
            header = [cell.strip() for cell in next(reader)]
        for count, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            # reader.line_num counts physical lines, so quoted line breaks do not shift the numbers we report
            yield reader.line_num, dict(zip(header, cells, strict=False))
            if progress is not None and count % 2000 == 0:
                progress(binary.tell(), size)
        if progress is not None:
            progress(size, size)
