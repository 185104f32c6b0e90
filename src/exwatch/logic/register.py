"""The register of outputs: each draft is recorded with the case, the knowledge version and the sources it
used; sending it and the response are recorded later (``exwatch sent``)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exwatch.errors import NotFoundError
from exwatch.logic.documents import current_actor
from exwatch.model.dates import normalize_date
from exwatch.store.review_tables import OutputRow


def record_draft(
    session: Session,
    *,
    case_id: str,
    kind: str,
    lang: str,
    fmt: str,
    addressee: str,
    as_of: dt.date,
    knowledge_version: str,
    sources: list[str],
    content: bytes,
    file_name: str | None,
) -> OutputRow:
    row = OutputRow(
        case_id=case_id,
        kind=kind,
        lang=lang,
        format=fmt,
        addressee=addressee,
        as_of=as_of,
        knowledge_version=knowledge_version,
        sources=sources,
        content_sha256=hashlib.sha256(content).hexdigest(),
        file_name=file_name,
        drafted_by=current_actor(),
    )
    session.add(row)
    session.flush()
    return row


def _get(session: Session, output_id: int) -> OutputRow:
    row = session.get(OutputRow, output_id)
    if row is None:
        raise NotFoundError(f"no output {output_id} in the register; see `exwatch sent list`")
    return row


def mark_sent(session: Session, output_id: int, on: str, to: str | None, channel: str | None) -> OutputRow:
    row = _get(session, output_id)
    row.sent_on, row.sent_to, row.channel = normalize_date(on), to or row.addressee, channel
    return row


def record_response(session: Session, output_id: int, on: str, text: str) -> OutputRow:
    row = _get(session, output_id)
    row.response_on, row.response = normalize_date(on), text
    return row


def register(session: Session, case_id: str | None = None) -> list[OutputRow]:
    query = select(OutputRow).order_by(OutputRow.pk)
    if case_id is not None:
        query = query.where(OutputRow.case_id == case_id)
    return list(session.scalars(query))


def as_dict(row: OutputRow) -> dict[str, Any]:
    return {
        "id": row.pk,
        "case": row.case_id,
        "kind": row.kind,
        "lang": row.lang,
        "format": row.format,
        "addressee": row.addressee,
        "as_of": row.as_of.isoformat(),
        "knowledge_version": row.knowledge_version,
        "sources": row.sources,
        "content_sha256": row.content_sha256,
        "file_name": row.file_name,
        "drafted_by": row.drafted_by,
        "sent_on": row.sent_on,
        "sent_to": row.sent_to,
        "channel": row.channel,
        "response_on": row.response_on,
        "response": row.response,
    }
