"""Cases: import, export, list, create and amend.

Every function takes an open :class:`~sqlalchemy.orm.Session` inside the caller's
transaction and either completes or raises; the caller's rollback then leaves the store as
it was. Amendments (add an event, a request, a source, ...) go through the same validation
as an import: the case is rebuilt as a :class:`CaseFile`, changed, validated and stored.

An amendment is a read-modify-write, so it first takes the case for itself (:func:`lock`): a
concurrent amendment waits for this one to commit and then reads its result; nothing is lost.
The case is changed in place — same row, same documents, proposals and register entries.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from exwatch.errors import ConflictError, NotFoundError, StaleError
from exwatch.logic.memo import Memo
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
    slugify,
    unique_id,
)
from exwatch.model.dates import PartialDate
from exwatch.model.validation import validate
from exwatch.store.mapping import APPENDABLE, CHILDREN, append_items, from_row, from_snapshot, seal, to_row
from exwatch.store.review_tables import OutputRow, ProposalRow
from exwatch.store.tables import CaseRow, CitationRow


@dataclass(frozen=True)
class CaseSummary:
    id: str
    subject: str
    title: str | None
    states: dict[str, list[str]]
    requests: int
    events: int
    last_event: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "subject": self.subject,
            "title": self.title,
            "states": self.states,
            "requests": self.requests,
            "events": self.events,
            "last_event": self.last_event,
        }


def _load_options() -> list[Any]:
    cite = selectinload(CaseRow.citations).selectinload(CitationRow.source)
    return [
        selectinload(CaseRow.names),
        selectinload(CaseRow.states),
        selectinload(CaseRow.requests),
        selectinload(CaseRow.events),
        selectinload(CaseRow.facts),
        selectinload(CaseRow.sources),
        cite,
    ]


def _find(session: Session, case_id: str, for_update: bool = False) -> CaseRow | None:
    query = select(CaseRow).where(CaseRow.id == case_id)
    if for_update:
        # PostgreSQL: the row is locked until commit and read again as last committed. SQLite ignores FOR UPDATE:
        # its write transaction already holds the database (store.db). The children are not read here but when
        # an amendment touches them (it starts from the snapshot): an added event reads the events and sources,
        # not the hundreds of citations.
        # A case read earlier in this transaction is read again: its columns now, its lists when touched.
        return session.scalars(query.with_for_update().execution_options(populate_existing=True)).first()
    return session.scalars(query.options(*_load_options())).first()


def lock(session: Session, case_id: str) -> CaseRow:
    """The case, taken for this transaction's amendment: read as last committed, and no other amendment
    of it proceeds until this transaction ends. Call it before reading anything of the case."""
    return get_row(session, case_id, for_update=True)


def taken_ids(session: Session, case_id: str, group: str) -> set[str]:
    """The ids in use in one of a case's lists ("events", "requests", "facts"), read under the case's lock so
    that a new id chosen from them stays free until this transaction commits."""
    return {item.id for item in getattr(lock(session, case_id), group)}


_LOADED = "exwatch.cases.loaded"  # session.info key: the cases this transaction has read, by id
_LOCKED = "exwatch.cases.locked"  # session.info key: the ids of the cases this transaction has taken


def _remember(session: Session, row: CaseRow) -> CaseRow:
    session.info.setdefault(_LOADED, {})[row.id] = row
    return row


def get_row(session: Session, case_id: str, for_update: bool = False) -> CaseRow:
    """The stored case with everything it holds. Read once per transaction: the session would hand back the
    same objects anyway (its identity map), so asking again only repeats the queries (eight per case). Taking
    the case ``for_update`` reads it again, as last committed, unless this transaction has already taken it."""
    locked = session.info.setdefault(_LOCKED, set())
    row: CaseRow | None = session.info.get(_LOADED, {}).get(case_id)
    if for_update and case_id not in locked:
        row = None
    if row is not None and row.id == case_id and row in session and row not in session.deleted:
        return row
    row = _find(session, case_id, for_update)
    if row is None:
        raise _missing(session, case_id)
    if for_update:
        locked.add(case_id)  # held until this transaction ends: taking it again need not read it again
    return _remember(session, row)


def _missing(session: Session, case_id: str) -> NotFoundError:
    known = session.scalars(select(CaseRow.id).order_by(CaseRow.id).limit(10)).all()
    hint = f"; known cases: {', '.join(known)}" if known else "; the store is empty (try `exwatch example load`)"
    return NotFoundError(f"no case {case_id!r}{hint}")


def _name_key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(sorted(folded.replace("-", " ").split()))


def _request_keys(case: CaseFile) -> set[tuple[str, str, str | None]]:
    return {(r.issuer, r.kind, r.date) for r in case.requests}


def find_duplicate(session: Session, case: CaseFile) -> str | None:
    """Id of a stored case that is this one: the same id, or the same subject and the same requests."""
    if _find(session, case.id) is not None:
        return case.id
    keys = {_name_key(n.name) for n in case.subject.names}
    wanted = _request_keys(case)
    if not wanted:
        return None
    for stored in load_files(session):
        if keys & {_name_key(n.name) for n in stored.subject.names} and _request_keys(stored) == wanted:
            return stored.id
    return None


def import_case(session: Session, case: CaseFile, *, update: bool = False) -> str:
    """Store a case. An existing one is an error unless ``update``; then it is replaced whole."""
    existing = find_duplicate(session, case)
    if existing is not None:
        if not update:
            same = "has the same id" if existing == case.id else "has the same subject and requests"
            raise ConflictError(
                f"case {existing!r} already exists and {same}; "
                f"use `exwatch case import --update` to replace it, or change the id"
            )
        _replace(session, lock(session, existing), case)
    else:
        session.add(to_row(case))
    session.flush()
    return case.id


def _replace(session: Session, row: CaseRow, case: CaseFile) -> None:
    """Store ``case`` in the row of a stored case: its contents change, the row and what links to it
    (documents, proposals, outputs) stay."""
    if row.id != case.id:  # an import --update that matched by subject and requests renames the case
        for table in (ProposalRow, OutputRow):
            session.execute(update(table).where(table.case_id == row.id).values(case_id=case.id))
    for name in CHILDREN:
        setattr(row, name, [])
    session.flush()  # old rows out before new ones in: ids are unique within a case
    to_row(case, into=row)
    _touch(row, case)
    session.flush()


def _touch(row: CaseRow, case: CaseFile) -> None:
    """Mark a stored change to ``case``: the time, a version one higher (optimistic locking), a new revision
    and the snapshot written for it."""
    row.updated_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
    row.version = (row.version or 1) + 1
    seal(row, case)


def _from_snapshot(session: Session, case_id: str) -> CaseFile | None:
    """The case from its snapshot in one small query, or None when it has no snapshot of its stored revision
    (or there is no such case)."""
    query = select(CaseRow.snapshot, CaseRow.snapshot_of, CaseRow.revision).where(CaseRow.id == case_id)
    found = session.execute(query).first() if "\x00" not in case_id else None
    return from_snapshot(*found) if found is not None else None


def export_case(session: Session, case_id: str) -> CaseFile:
    """The case as stored, a new object the caller may change."""
    if (case := _from_snapshot(session, case_id)) is not None:
        return case
    return from_row(get_row(session, case_id))


# Cases as last read, by (id, revision): the team server reads the same few active cases again and again, and
# building one from its rows takes milliseconds (a few hundred ORM objects).
_READ: Memo[tuple[str, str], CaseFile] = Memo(64)


@dataclass(frozen=True)
class Stored:
    """What identifies a stored case without reading it: its row key, its revision and its version."""

    pk: int
    revision: str
    version: int


def stored(session: Session, case_id: str) -> Stored:
    """The case's key, revision and version in one small query (reading the whole case takes milliseconds);
    :class:`NotFoundError`, with the known ids as a hint, when there is no such case."""
    query = select(CaseRow.pk, CaseRow.revision, CaseRow.version).where(CaseRow.id == case_id)
    found = session.execute(query).first() if "\x00" not in case_id else None
    if found is None:
        raise _missing(session, case_id)
    return Stored(found.pk, found.revision, found.version)


def read_case(session: Session, case_id: str) -> tuple[CaseFile, Stored]:
    """The case as stored, with its key, revision and version, for reading only: the same object may be handed
    to other requests of this process, so it must not be changed (amend with :func:`amend`)."""
    now = stored(session, case_id)
    if (case := _READ.get((case_id, now.revision))) is None:
        case = export_case(session, case_id)
        _READ.put((case_id, now.revision), case)
    return case, now


def id_chunks(ids: set[str], size: int = 500) -> Iterator[list[str]]:
    """``ids`` in sorted runs of at most ``size``: an ``IN (...)`` list stays under the back ends' limits on
    bound parameters."""
    wanted = sorted(ids)
    for i in range(0, len(wanted), size):
        yield wanted[i : i + size]


def load_cases(session: Session, ids: set[str] | None = None, keep: bool = True) -> list[CaseRow]:
    """The stored cases (those named in ``ids``, or all), in id order, each with everything it holds, in one
    query per table (per 500 ids) instead of eight per case. With ``keep`` false they are not kept for the
    rest of the transaction (see :func:`get_row`): a caller going through thousands of cases a batch at a time
    lets each batch go before reading the next."""
    query = select(CaseRow).order_by(CaseRow.id).options(*_load_options())
    if ids is None:
        rows = list(session.scalars(query))
    else:
        chunks = list(id_chunks(ids))
        rows = [r for chunk in chunks for r in session.scalars(query.where(CaseRow.id.in_(chunk)))]
        if len(chunks) > 1:  # each chunk came in the database's order (its collation): merged in that order
            order = _db_order(session)
            rows.sort(key=lambda r: order[r.id])
    return [_remember(session, row) for row in rows] if keep else rows


def load_files(session: Session, ids: set[str] | None = None) -> list[CaseFile]:
    """The stored cases (those named in ``ids``, or all), in id order, as new objects: from their snapshots in
    one query per 500 cases, and from their rows (:func:`load_cases`) for those without a current snapshot."""
    query = select(CaseRow.id, CaseRow.snapshot, CaseRow.snapshot_of, CaseRow.revision).order_by(CaseRow.id)
    chunks = [None] if ids is None else list(id_chunks(ids))
    found: dict[str, CaseFile | None] = {}
    for chunk in chunks:
        part = query if chunk is None else query.where(CaseRow.id.in_(chunk))
        found |= {r.id: from_snapshot(r.snapshot, r.snapshot_of, r.revision) for r in session.execute(part)}
    missing = {c for c, case in found.items() if case is None}
    if missing:
        found |= {row.id: from_row(row) for row in load_cases(session, missing, keep=False)}
    order = list(found) if len(chunks) == 1 else sorted(found, key=_db_order(session).__getitem__)
    return [case for c in order if (case := found[c]) is not None]


def _db_order(session: Session) -> dict[str, int]:
    """Every case id's place in the database's order (its collation, which Python's sort does not know): runs
    read in chunks are merged in it."""
    return {c: i for i, c in enumerate(session.scalars(select(CaseRow.id).order_by(CaseRow.id)))}


def summary(case: CaseFile) -> CaseSummary:
    """What ``case list`` shows of a case; the last event is the latest by the earliest day its date can mean,
    the later-listed one on a tie."""
    ordered = sorted(enumerate(case.events), key=lambda p: (PartialDate.parse(p[1].date).earliest(), p[0]))
    last = ordered[-1][1] if ordered else None
    return CaseSummary(
        id=case.id,
        subject=case.subject.primary_name,
        title=case.title,
        states={s.state: list(s.roles) for s in case.states},
        requests=len(case.requests),
        events=len(case.events),
        last_event=f"{last.date} {last.action}: {last.body}" if last else None,
    )


def list_cases(session: Session) -> list[CaseSummary]:
    return [summary(case) for case in load_files(session)]


def delete_case(session: Session, case_id: str) -> None:
    session.delete(get_row(session, case_id))
    session.info.get(_LOADED, {}).pop(case_id, None)
    session.info.get(_LOCKED, set()).discard(case_id)


def new_case(session: Session, subject: Subject, case_id: str | None = None, title: str | None = None) -> str:
    """Open a case for a subject; the id defaults to a slug of the primary name."""
    candidate = case_id or unique_id(slugify(subject.primary_name), lambda c: _find(session, c) is not None)
    case = validate(CaseFile, {"id": candidate, "title": title, "subject": subject.model_dump()}, "new case")
    return import_case(session, case)


# Amendments: each names the list it appends to and the model its item must satisfy.
_LISTS: dict[type[BaseModel], str] = {
    Event: "events",
    Request: "requests",
    Source: "sources",
    StateRole: "states",
    Fact: "facts",
}


def amend(
    session: Session,
    case_id: str,
    change: Callable[[dict[str, Any]], None],
    what: str,
    expected_version: int | None = None,
) -> CaseFile:
    """Change a case under its lock: ``change`` edits the case's data in place, the whole case is
    validated again (``what`` names the change in errors) and stored in its row.

    ``expected_version`` is the version the writer saw (the web application's forms carry it): when someone
    stored a change since, nothing is stored and ``StaleError`` says what changed."""
    row = lock(session, case_id)
    if expected_version is not None and row.version != expected_version:
        raise StaleError(case_id, expected_version, row.version, row.updated_at)
    stored = from_snapshot(row.snapshot, row.snapshot_of, row.revision) or from_row(row)
    data = stored.model_dump()
    change(data)
    amended = validate(CaseFile, data, f"case {case_id!r} with {what}")
    if (added := _appended(stored, amended)) is not None:
        for group, items in added.items():
            append_items(session, row, group, items)
        _touch(row, amended)
        session.flush()
    else:
        _replace(session, row, amended)
    return amended


def _appended(before: CaseFile, after: CaseFile) -> dict[str, list[Any]] | None:
    """The items ``after`` adds at the end of the lists that take them one by one (events, requests, facts),
    when that is its only difference from ``before``; None for any other change. An added event then costs a
    row or two, not the whole case deleted and written again."""
    added: dict[str, list[Any]] = {}
    for group in APPENDABLE:
        old, new = getattr(before, group), getattr(after, group)
        if len(new) < len(old) or new[: len(old)] != old:
            return None
        if new[len(old) :]:
            added[group] = new[len(old) :]
    empty: dict[str, Any] = {group: [] for group in APPENDABLE}
    if before.model_copy(update=empty) != after.model_copy(update=empty):
        return None
    return added


def add_item(session: Session, case_id: str, item: BaseModel, expected_version: int | None = None) -> CaseFile:
    """Append a source, state role, request, event or fact to a case, validating the whole case again."""
    group = _LISTS[type(item)]
    return amend(
        session, case_id, lambda data: data[group].append(item.model_dump()), f"the new {group[:-1]}", expected_version
    )


def add_event(session: Session, case_id: str, fields: dict[str, Any], expected_version: int | None = None) -> Event:
    """Record a dated event from its fields (an id is made from the action and date when none is given);
    ``expected_version`` as in :func:`amend`."""
    existing = taken_ids(session, case_id, "events")
    action, date = fields.get("action") or "event", fields.get("date") or ""
    data = {**fields, "id": fields.get("id") or unique_id(slugify(f"{action}-{date}"), existing.__contains__)}
    item = validate(Event, data, "event")
    add_item(session, case_id, item, expected_version)
    return item


def add_name(session: Session, case_id: str, name: Name) -> CaseFile:
    return amend(session, case_id, lambda data: data["subject"]["names"].append(name.model_dump()), "the new name")


def cite(source: str, pinpoint: str | None = None) -> Citation:
    return Citation(source=source, pinpoint=pinpoint)
