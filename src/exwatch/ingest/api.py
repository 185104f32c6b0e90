"""The entry point the command line and the store call: :func:`ingest_file`.

It reads one file through the format registry, hashes the original bytes, detects the language,
splits the text into passages and runs the extraction rules. Nothing is written anywhere: storing the
original, the document and the proposals is the caller's job, so a failure never leaves a
half-ingested document behind.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path, PurePath

from exwatch.errors import InputError
from exwatch.ingest.dates import find_dates
from exwatch.ingest.extract import extract
from exwatch.ingest.extract.context import Context
from exwatch.ingest.language import detect_language
from exwatch.ingest.model import Document, IngestResult
from exwatch.ingest.registry import handler_for
from exwatch.ingest.segment import join_pages, split_passages, split_sentences
from exwatch.model.dates import PartialDate

MAX_BYTES = 200 * 1024 * 1024
MAX_ATTACHMENT_DEPTH = 3


def ingest_file(path: str | Path, document_date: str | dt.date | PartialDate | None = None) -> IngestResult:
    """Read ``path`` and propose the case facts it states.

    ``document_date`` (the letter's or judgment's date) resolves "earlier this year"; when it is not
    given, a full date in the document's first lines (a letter's dateline) is used, with a warning.
    Raises :class:`~exwatch.errors.InputError` for a missing, unsupported, empty or unreadable file.
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{file}: no such file")
    if file.stat().st_size > MAX_BYTES:
        raise InputError(f"{file.name}: the file is larger than {MAX_BYTES // 2**20} MiB; split it first")
    return ingest_bytes(file.read_bytes(), file.name, document_date)


def ingest_bytes(
    data: bytes,
    file_name: str,
    document_date: str | dt.date | PartialDate | None = None,
    depth: int = 0,
) -> IngestResult:
    """:func:`ingest_file` for bytes already in memory (e-mail attachments, uploads)."""
    if not data.strip():
        raise InputError(f"{file_name}: the file is empty")
    handler = handler_for(PurePath(file_name), data[:4096])
    extracted = handler.extract(data, file_name)
    text, page_starts = join_pages(extracted.pages)
    warnings = list(extracted.warnings)
    date = PartialDate.parse(document_date) if document_date is not None else _dateline(text)
    if document_date is None and date is not None:
        warnings.append(f"document date taken from its opening lines: {date}")
    language = detect_language(text)
    if language == "und":
        warnings.append("language not recognised as English, French or Russian; extraction may miss facts")
    document = Document(
        sha256=hashlib.sha256(data).hexdigest(),
        file_name=file_name,
        mime=extracted.mime,
        language=language,
        text=text,
        page_starts=page_starts,
        date=date.isoformat() if date else None,
    )
    passages = split_passages(text, page_starts)
    context = Context.build(document, split_sentences(text, passages), date)
    proposals = extract(context, passages)
    result = IngestResult(data, document, passages, proposals, warnings)
    for name, payload in extracted.attachments:
        if depth >= MAX_ATTACHMENT_DEPTH:
            warnings.append(f"attachment {name!r} skipped: attachments nested more than {MAX_ATTACHMENT_DEPTH} deep")
            continue
        try:
            result.attachments.append(ingest_bytes(payload, name, date, depth + 1))
        except InputError as exc:
            warnings.append(f"attachment {name!r} not ingested: {exc}")
    return result


def _dateline(text: str) -> PartialDate | None:
    """The date of a dateline — a short line near the top holding a full date ("Brussels, 25 May 2015") —
    else None: a date inside the first sentence is an event's, not the document's."""
    for line in text[:600].splitlines()[:12]:
        if len(line.strip()) <= 60:
            for mention in find_dates(line):
                if mention.date.precision == "day":
                    return mention.date
    return None
