"""The case store's tables (SQLAlchemy 2 declarative).

A case owns its subject names, state roles, requests, events, circumstances (``facts``) and
sources; deleting a case deletes them. Citations link each fact to a source with a pinpoint.
Exactly one owner column of a citation is set, or none for the subject's own attributes:
a CHECK keeps it so on both SQLite and PostgreSQL. Lists of plain values (roles, charges,
nationalities) are JSON columns: they are read and written whole, never queried alone.

Change a table here only together with a new migration in ``store/migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _revision() -> str:
    return uuid.uuid4().hex


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


_CASCADE = "all, delete-orphan"


class CaseRow(Base):
    __tablename__ = "cases"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(80), unique=True, index=True)
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    subject_name: Mapped[str] = mapped_column(Text, index=True)
    subject_birth_date: Mapped[str | None] = mapped_column(String(10))
    subject_gender: Mapped[str | None] = mapped_column(String(8))
    subject_nationalities: Mapped[list[str]] = mapped_column(JSON, default=list)
    subject_profiles: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)
    # Raised by one at every stored change: a writer that read version N and finds N+1 was overtaken
    # (optimistic locking for the web application; logic.cases.amend checks it when given).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # A new random token at every stored change, the case's first storing included: unlike (id, version), it is
    # never the same for two different contents, even when a case is deleted and stored again under its id. What
    # is worked out from a case and kept between requests (the dashboard's lines) is kept under it.
    revision: Mapped[str] = mapped_column(String(32), default=_revision)
    # The case as one JSON document (``CaseFile``), written with every stored change, and the revision it was
    # written for. Reading a case from it takes about a millisecond; rebuilding it from its rows, ten. A snapshot
    # whose ``snapshot_of`` is not the row's revision (written by an older version, or missing) is ignored and
    # the rows are read. Deferred: loading the rows for an amendment does not fetch it.
    snapshot: Mapped[str | None] = mapped_column(Text, deferred=True)
    snapshot_of: Mapped[str | None] = mapped_column(String(32))

    names: Mapped[list[NameRow]] = relationship(cascade=_CASCADE, order_by="NameRow.position")
    states: Mapped[list[StateRoleRow]] = relationship(cascade=_CASCADE, order_by="StateRoleRow.position")
    requests: Mapped[list[RequestRow]] = relationship(cascade=_CASCADE, order_by="RequestRow.position")
    events: Mapped[list[EventRow]] = relationship(cascade=_CASCADE, order_by="EventRow.position")
    facts: Mapped[list[FactRow]] = relationship(cascade=_CASCADE, order_by="FactRow.position")
    sources: Mapped[list[SourceRow]] = relationship(cascade=_CASCADE, order_by="SourceRow.position")
    citations: Mapped[list[CitationRow]] = relationship(cascade=_CASCADE, order_by="CitationRow.position")


class _Owned:
    """Columns every row owned by a case has: its case and its place in the file's order."""

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_pk: Mapped[int] = mapped_column(ForeignKey("cases.pk", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)


class SourceRow(_Owned, Base):
    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("case_pk", "id"),)

    id: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40))
    publisher: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(8))
    reference: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class NameRow(_Owned, Base):
    __tablename__ = "subject_names"

    name: Mapped[str] = mapped_column(Text, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    script: Mapped[str | None] = mapped_column(String(8))
    lang: Mapped[str | None] = mapped_column(String(3))


class StateRoleRow(_Owned, Base):
    __tablename__ = "state_roles"
    __table_args__ = (UniqueConstraint("case_pk", "state"),)

    state: Mapped[str] = mapped_column(String(2))
    roles: Mapped[list[str]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)


class RequestRow(_Owned, Base):
    __tablename__ = "requests"
    __table_args__ = (UniqueConstraint("case_pk", "id"),)

    id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    issuer: Mapped[str] = mapped_column(String(2), index=True)
    issuing_body: Mapped[str | None] = mapped_column(Text)
    addressed_to: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    charges: Mapped[list[str]] = mapped_column(JSON, default=list)
    reference: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)


class EventRow(_Owned, Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("case_pk", "id"),)

    id: Mapped[str] = mapped_column(String(80))
    date: Mapped[str] = mapped_column(String(10))
    # First day the partial date can mean: lets the database order and filter by date.
    date_start: Mapped[dt.date] = mapped_column(Date, index=True)
    jurisdiction: Mapped[str] = mapped_column(String(16), index=True)
    body: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(40))
    result: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str | None] = mapped_column(Text)
    request_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    reference: Mapped[str | None] = mapped_column(Text)


class FactRow(_Owned, Base):
    __tablename__ = "facts"
    __table_args__ = (UniqueConstraint("case_pk", "id"),)

    id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str | None] = mapped_column(String(2))
    date: Mapped[str | None] = mapped_column(String(10))


_OWNERS = ("name_pk", "state_role_pk", "request_pk", "event_pk", "fact_pk")


class CitationRow(_Owned, Base):
    __tablename__ = "citations"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in _OWNERS) + " <= 1",
            name="citation_one_owner",
        ),
    )

    source_pk: Mapped[int] = mapped_column(ForeignKey("sources.pk", ondelete="CASCADE"), index=True)
    pinpoint: Mapped[str | None] = mapped_column(Text)
    name_pk: Mapped[int | None] = mapped_column(ForeignKey("subject_names.pk", ondelete="CASCADE"), index=True)
    state_role_pk: Mapped[int | None] = mapped_column(ForeignKey("state_roles.pk", ondelete="CASCADE"), index=True)
    request_pk: Mapped[int | None] = mapped_column(ForeignKey("requests.pk", ondelete="CASCADE"), index=True)
    event_pk: Mapped[int | None] = mapped_column(ForeignKey("events.pk", ondelete="CASCADE"), index=True)
    fact_pk: Mapped[int | None] = mapped_column(ForeignKey("facts.pk", ondelete="CASCADE"), index=True)

    source: Mapped[SourceRow] = relationship()
    name: Mapped[NameRow | None] = relationship()
    state_role: Mapped[StateRoleRow | None] = relationship()
    request: Mapped[RequestRow | None] = relationship()
    event: Mapped[EventRow | None] = relationship()
    fact: Mapped[FactRow | None] = relationship()


class IndicatorImportRow(Base):
    """One import of a published dataset file (PTS, V-Dem, Freedom House): what, from where, by whom.

    Its figures are replaced whole when the same dataset version is imported again.
    """

    __tablename__ = "indicator_imports"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    dataset: Mapped[str] = mapped_column(String(8), index=True)
    layout: Mapped[str] = mapped_column(String(40))
    version: Mapped[str] = mapped_column(String(80))
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    source_title: Mapped[str] = mapped_column(Text)
    source_publisher: Mapped[str] = mapped_column(Text)
    source_url: Mapped[str] = mapped_column(Text)
    source_citation: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    imported_by: Mapped[str | None] = mapped_column(String(120))
    records: Mapped[int] = mapped_column(Integer, default=0)
    figures: Mapped[int] = mapped_column(Integer, default=0)
    states: Mapped[int] = mapped_column(Integer, default=0)
    first_year: Mapped[int | None] = mapped_column(Integer)
    last_year: Mapped[int | None] = mapped_column(Integer)
    unmapped: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)


class CountryFigureRow(Base):
    """One imported figure: a dataset's value of one indicator for one state in one year.

    Numbers go in ``value``, categories (Freedom House status) in ``text``; exactly one is set.
    """

    __tablename__ = "country_figures"
    __table_args__ = (
        UniqueConstraint("import_pk", "state", "year", "indicator"),
        CheckConstraint("(value IS NULL) <> (text IS NULL)", name="country_figure_one_value"),
        Index("ix_country_figures_state_year", "state", "year"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_pk: Mapped[int] = mapped_column(ForeignKey("indicator_imports.pk", ondelete="CASCADE"), index=True)
    dataset: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(2))
    year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(64))
    value: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str | None] = mapped_column(String(64))
