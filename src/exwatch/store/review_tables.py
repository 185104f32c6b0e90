"""Tables for documents, the proposals extracted from them, their append-only review history, and the
register of outputs sent.

A document is stored once, keyed by the SHA-256 of its original bytes (kept unaltered); cases link to
the documents filed in them. A proposal stays ``open`` until a person accepts, edits or rejects it;
every step is a new row in ``review_events`` (never updated or deleted), so the history answers who
decided what, when, and from which value to which.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from exwatch.store.tables import Base, _now


class DocumentRow(Base):
    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    file_name: Mapped[str] = mapped_column(Text)
    mime: Mapped[str] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(8))
    date: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    page_starts: Mapped[list[int]] = mapped_column(JSON)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    added_by: Mapped[str | None] = mapped_column(String(120))


class PassageRow(Base):
    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("document_pk", "index"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    page: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class CaseDocumentRow(Base):
    __tablename__ = "case_documents"

    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.pk", ondelete="CASCADE"), primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ProposalRow(Base):
    __tablename__ = "proposals"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(80), index=True)  # by id: survives a case's --update replace
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[dict[str, Any]] = mapped_column(JSON)
    span: Mapped[dict[str, Any]] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float)
    rule: Mapped[str] = mapped_column(String(120))
    valid: Mapped[bool] = mapped_column(default=True)
    problems: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)


class ReviewEventRow(Base):
    """Append-only: one row per thing that happened to a proposal."""

    __tablename__ = "review_events"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    proposal_pk: Mapped[int] = mapped_column(ForeignKey("proposals.pk", ondelete="RESTRICT"), index=True)
    action: Mapped[str] = mapped_column(String(12))  # proposed | accepted | edited | rejected
    actor: Mapped[str] = mapped_column(String(120))
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    value: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class OutputRow(Base):
    """The register of outputs: what was drafted for which case, from which knowledge, sent to whom, answered how."""

    __tablename__ = "outputs"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(String(80), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    lang: Mapped[str] = mapped_column(String(4))
    format: Mapped[str] = mapped_column(String(8))
    addressee: Mapped[str] = mapped_column(Text)
    as_of: Mapped[dt.date] = mapped_column(Date)
    knowledge_version: Mapped[str] = mapped_column(String(64))
    sources: Mapped[list[str]] = mapped_column(JSON, default=list)
    content_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(Text)
    drafted_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    drafted_by: Mapped[str | None] = mapped_column(String(120))
    sent_on: Mapped[str | None] = mapped_column(String(10))
    sent_to: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(40))
    response_on: Mapped[str | None] = mapped_column(String(10))
    response: Mapped[str | None] = mapped_column(Text)
