"""Between the interchange models and the table rows, both ways, losing nothing.

``to_row`` and ``from_row`` are inverse: ``from_row(to_row(case)) == case`` for every valid
case; the round-trip tests hold this on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from exwatch.model.case import (
    CaseFile,
    Citation,
    Event,
    Fact,
    Name,
    Request,
    Source,
    StateRole,
    Subject,
)
from exwatch.model.dates import PartialDate
from exwatch.store.tables import (
    CaseRow,
    CitationRow,
    EventRow,
    FactRow,
    NameRow,
    RequestRow,
    SourceRow,
    StateRoleRow,
)

_SOURCE_FIELDS = ("id", "title", "kind", "publisher", "date", "url", "language", "reference", "note")
_REQUEST_FIELDS = ("id", "kind", "issuer", "issuing_body", "addressed_to", "date", "reference", "status", "note")
_EVENT_FIELDS = ("id", "date", "jurisdiction", "body", "action", "result", "outcome", "reference")
_FACT_FIELDS = ("id", "kind", "text", "state", "date")


CHILDREN = ("citations", "names", "states", "requests", "events", "facts", "sources")


def to_row(case: CaseFile, into: CaseRow | None = None) -> CaseRow:
    """Build the rows of a case (not yet added to a session), or fill ``into`` — a stored case whose
    collections the caller has emptied — so that the case keeps its row and what links to it."""
    subject = case.subject
    row = into if into is not None else CaseRow()
    row.id = case.id
    row.title = case.title
    row.summary = case.summary
    row.subject_name = subject.primary_name
    row.subject_birth_date = subject.birth_date
    row.subject_gender = subject.gender
    row.subject_nationalities = list(subject.nationalities)
    row.subject_profiles = list(subject.profiles)
    sources = {
        s.id: SourceRow(position=i, **{f: getattr(s, f) for f in _SOURCE_FIELDS}) for i, s in enumerate(case.sources)
    }
    row.sources = list(sources.values())
    counter = iter(range(10**9))

    def cite(citations: list[Citation], **owner: object) -> None:
        for c in citations:
            row.citations.append(
                CitationRow(position=next(counter), source=sources[c.source], pinpoint=c.pinpoint, **owner)
            )

    cite(subject.sources)
    for i, name in enumerate(subject.names):
        name_row = NameRow(position=i, name=name.name, kind=name.kind, script=name.script, lang=name.lang)
        row.names.append(name_row)
        cite(name.sources, name=name_row)
    for i, role in enumerate(case.states):
        role_row = StateRoleRow(position=i, state=role.state, roles=list(role.roles), note=role.note)
        row.states.append(role_row)
        cite(role.sources, state_role=role_row)
    for group, (build, owner) in _APPENDABLE.items():
        collection = getattr(row, group)
        for i, item in enumerate(getattr(case, group)):
            item_row = build(i, item)
            collection.append(item_row)
            cite(item.sources, **{owner: item_row})
    seal(row, case)
    return row


def seal(row: CaseRow, case: CaseFile) -> None:
    """Mark the row as holding ``case``: a new revision, and the case's JSON snapshot written for it. Every
    stored change ends here, so a snapshot whose ``snapshot_of`` is the row's revision is the case as stored."""
    row.revision = uuid.uuid4().hex
    row.snapshot = case.model_dump_json()
    row.snapshot_of = row.revision


def from_snapshot(snapshot: str | None, snapshot_of: str | None, revision: str) -> CaseFile | None:
    """The case from its snapshot, when the snapshot was written for the stored revision; else None (read the
    rows with :func:`from_row`)."""
    if snapshot is None or snapshot_of != revision:
        return None
    return CaseFile.model_validate_json(snapshot)


def _request_row(position: int, request: Request) -> RequestRow:
    return RequestRow(
        position=position, charges=list(request.charges), **{f: getattr(request, f) for f in _REQUEST_FIELDS}
    )


def _event_row(position: int, event: Event) -> EventRow:
    return EventRow(
        position=position,
        request_ids=list(event.requests),
        date_start=PartialDate.parse(event.date).earliest(),
        **{f: getattr(event, f) for f in _EVENT_FIELDS},
    )


def _fact_row(position: int, fact: Fact) -> FactRow:
    return FactRow(position=position, **{f: getattr(fact, f) for f in _FACT_FIELDS})


# The lists of a case whose items stand alone (each with its own citations): (row builder, citation owner).
_APPENDABLE: dict[str, tuple[Callable[[int, Any], Any], str]] = {
    "requests": (_request_row, "request"),
    "events": (_event_row, "event"),
    "facts": (_fact_row, "fact"),
}
APPENDABLE = tuple(_APPENDABLE)


def append_items(session: Session, row: CaseRow, group: str, items: list[Any]) -> None:
    """Add ``items`` at the end of one of a stored case's lists (``APPENDABLE``), with their citations of the
    case's sources, leaving every other row as it is: what :func:`to_row` would build for the longer list. The
    case's citations are not read for it (a case has hundreds): the new ones are numbered after the last stored
    one and added on their own, unless this transaction already holds the list."""
    build, owner = _APPENDABLE[group]
    sources = {s.id: s for s in row.sources}
    held = "citations" not in inspect(row).unloaded
    last = (
        max((c.position for c in row.citations), default=-1)
        if held
        else session.scalar(select(func.max(CitationRow.position)).where(CitationRow.case_pk == row.pk))
    )
    counter = iter(range((-1 if last is None else last) + 1, 10**9))
    collection = getattr(row, group)
    for item in items:
        item_row = build(len(collection), item)
        collection.append(item_row)
        for c in item.sources:
            citation = CitationRow(position=next(counter), source=sources[c.source], pinpoint=c.pinpoint)
            setattr(citation, owner, item_row)
            if held:
                row.citations.append(citation)
            else:
                citation.case_pk = row.pk
                session.add(citation)


def from_row(row: CaseRow) -> CaseFile:
    """Rebuild the interchange model of a stored case."""
    by_owner: dict[tuple[str, int | None], list[Citation]] = {}
    for c in row.citations:
        owner = next(
            (
                (kind, pk)
                for kind, pk in (
                    ("name", c.name_pk),
                    ("state_role", c.state_role_pk),
                    ("request", c.request_pk),
                    ("event", c.event_pk),
                    ("fact", c.fact_pk),
                )
                if pk is not None
            ),
            ("subject", None),
        )
        by_owner.setdefault(owner, []).append(Citation(source=c.source.id, pinpoint=c.pinpoint))

    def cited(kind: str, pk: int | None) -> list[Citation]:
        return by_owner.get((kind, pk), [])

    subject = Subject(
        names=[
            Name(name=n.name, kind=n.kind, script=n.script, lang=n.lang, sources=cited("name", n.pk)) for n in row.names
        ],
        birth_date=row.subject_birth_date,
        gender=row.subject_gender,
        nationalities=list(row.subject_nationalities),
        profiles=list(row.subject_profiles),
        sources=cited("subject", None),
    )
    return CaseFile(
        id=row.id,
        title=row.title,
        summary=row.summary,
        subject=subject,
        states=[
            StateRole(state=s.state, roles=list(s.roles), note=s.note, sources=cited("state_role", s.pk))
            for s in row.states
        ],
        requests=[
            Request(
                charges=list(r.charges), sources=cited("request", r.pk), **{f: getattr(r, f) for f in _REQUEST_FIELDS}
            )
            for r in row.requests
        ],
        events=[
            Event(
                requests=list(e.request_ids), sources=cited("event", e.pk), **{f: getattr(e, f) for f in _EVENT_FIELDS}
            )
            for e in row.events
        ],
        facts=[Fact(sources=cited("fact", f.pk), **{k: getattr(f, k) for k in _FACT_FIELDS}) for f in row.facts],
        sources=[Source(**{f: getattr(s, f) for f in _SOURCE_FIELDS}) for s in row.sources],
    )
