from __future__ import annotations

import pytest

from exwatch.errors import ConflictError, InputError, NotFoundError
from exwatch.logic import cases
from exwatch.model.case import CaseFile, Event, Subject
from exwatch.model.validation import validate
from exwatch.store.db import Database
from tests.factories import case_data


def _store(db: Database, **changes: object) -> CaseFile:
    case = CaseFile.model_validate(case_data(**changes))
    with db.transaction() as session:
        cases.import_case(session, case)
    return case


def _export(db: Database, case_id: str) -> CaseFile:
    with db.transaction() as session:
        return cases.export_case(session, case_id)


def test_import_then_export_is_lossless(db: Database) -> None:
    case = _store(db)
    assert _export(db, case.id) == case


def test_same_id_is_a_conflict_and_the_stored_case_is_untouched(db: Database) -> None:
    original = _store(db)
    changed = CaseFile.model_validate(case_data(title="another title"))
    with pytest.raises(ConflictError, match="--update"), db.transaction() as session:
        cases.import_case(session, changed)
    assert _export(db, original.id) == original


def test_same_subject_and_requests_under_another_id_is_a_conflict(db: Database) -> None:
    _store(db)
    twin = CaseFile.model_validate(case_data(id="jane-doe-copy"))
    with pytest.raises(ConflictError, match="same subject and requests"), db.transaction() as session:
        cases.import_case(session, twin)


def test_update_replaces_the_case_whole(db: Database) -> None:
    _store(db)
    changed = CaseFile.model_validate(case_data(title="updated", facts=[]))
    with db.transaction() as session:
        cases.import_case(session, changed, update=True)
    assert _export(db, "doe-2020") == changed
    with db.transaction() as session:
        assert len(cases.list_cases(session)) == 1


def test_a_failed_update_loses_nothing(db: Database) -> None:
    original = _store(db)

    def update_then_fail() -> None:
        with db.transaction() as session:
            cases.import_case(session, CaseFile.model_validate(case_data(title="half-done")), update=True)
            raise RuntimeError("the connection dropped before commit")

    with pytest.raises(RuntimeError):
        update_then_fail()
    assert _export(db, original.id) == original


def test_adding_an_invalid_event_changes_nothing(db: Database) -> None:
    original = _store(db)
    event = Event.model_validate(
        {
            "id": "x",
            "date": "2021",
            "jurisdiction": "RU",
            "body": "Court",
            "action": "opinion",
            "sources": ["no-such-source"],
        }
    )
    with pytest.raises(InputError, match="no-such-source"), db.transaction() as session:
        cases.add_item(session, original.id, event)
    assert _export(db, original.id) == original


def test_adding_an_event_keeps_everything_else(db: Database) -> None:
    original = _store(db)
    event = Event.model_validate(
        {
            "id": "opinion",
            "date": "2020-06",
            "jurisdiction": "RU",
            "body": "Moscow City Court",
            "action": "opinion",
            "sources": ["judgment"],
        }
    )
    with db.transaction() as session:
        cases.add_item(session, original.id, event)
    stored = _export(db, original.id)
    assert stored.events[-1] == event
    assert stored.model_copy(update={"events": original.events}) == original


def test_new_case_gets_a_unique_slug(db: Database) -> None:
    subject = validate(Subject, {"names": [{"name": "Ильхом Исмаилов"}]}, "subject")
    with db.transaction() as session:
        first = cases.new_case(session, subject)
        second = cases.new_case(session, subject)
    assert (first, second) == ("ilkhom-ismailov", "ilkhom-ismailov-2")


def test_list_summarises_each_case(db: Database) -> None:
    _store(db)
    with db.transaction() as session:
        (summary,) = cases.list_cases(session)
    assert summary.subject == "Jane Doe"
    assert summary.states == {"TJ": ["persecuting", "requesting"], "RU": ["custodial"]}
    assert summary.last_event is not None
    assert summary.last_event.startswith("2020-04 interim_measure")


def test_unknown_case_names_the_known_ones(db: Database) -> None:
    _store(db)
    with pytest.raises(NotFoundError, match="known cases: doe-2020"), db.transaction() as session:
        cases.export_case(session, "nobody")


def test_items_added_one_by_one_are_stored_as_a_whole_import_would_store_them(db: Database) -> None:
    """Events, requests and facts added to the rich example case (citations on every item, several sources)
    read back exactly as the same case imported whole."""
    from exwatch.logic.example import example_case, load_example
    from exwatch.model.case import Fact, Request

    with db.transaction() as session:
        load_example(session)
    base = example_case()
    source = base.sources[0].id
    cite = [{"source": source, "pinpoint": "p. 2"}, {"source": base.sources[-1].id}]
    event = Event.model_validate(
        {"id": "hearing-x", "date": "2016-01-05", "jurisdiction": "FR", "body": "Conseil d'État", "action": "hearing"}
        | {"sources": cite}
    )
    request = Request.model_validate(
        {"id": "red-notice-x", "kind": "red_notice", "issuer": "KZ", "date": "2016-02", "sources": cite[:1]}
    )
    fact = Fact.model_validate({"id": "fact-x", "kind": "assurances", "text": "Assurances given.", "sources": cite})
    with db.transaction() as session:
        for item in (event, request, fact, event.model_copy(update={"id": "hearing-y"})):
            cases.add_item(session, base.id, item)
    stored = _export(db, base.id)
    expected = base.model_copy(
        update={
            "events": [*base.events, event, event.model_copy(update={"id": "hearing-y"})],
            "requests": [*base.requests, request],
            "facts": [*base.facts, fact],
        }
    )
    assert stored == expected
    with db.transaction() as session:
        assert cases.stored(session, base.id).version == 5, "each addition is a new version"


def _rows_and_snapshot(db: Database, case_id: str) -> tuple[CaseFile, CaseFile]:
    """The case rebuilt from its rows, and from its snapshot (None-checked: the snapshot must be current)."""
    from exwatch.store.mapping import from_row, from_snapshot

    with db.transaction() as session:
        row = cases.get_row(session, case_id)
        snap = from_snapshot(row.snapshot, row.snapshot_of, row.revision)
        assert snap is not None, "every stored change writes the snapshot of its revision"
        return from_row(row), snap


def test_the_snapshot_and_the_rows_hold_the_same_case_after_every_kind_of_write(db: Database) -> None:
    """Readers take a case from its JSON snapshot; amendments work on its rows. After an import, an added
    event (rows appended), an added name (case rewritten) and an import --update, both say the same."""
    from exwatch.logic.example import example_case, load_example
    from exwatch.model.case import Name

    with db.transaction() as session:
        load_example(session)
    base = example_case()
    rows, snap = _rows_and_snapshot(db, base.id)
    assert rows == snap == base
    with db.transaction() as session:
        event = {"date": "2016-01-05", "jurisdiction": "FR", "body": "CE", "action": "hearing"}
        cases.add_event(session, base.id, event | {"sources": [{"source": base.sources[0].id}]})
    rows, snap = _rows_and_snapshot(db, base.id)
    assert rows == snap
    assert len(snap.events) == len(base.events) + 1
    with db.transaction() as session:
        cases.add_name(session, base.id, Name(name="Другое Имя", kind="alias", script="Cyrl"))
    rows, snap = _rows_and_snapshot(db, base.id)
    assert rows == snap
    assert snap.subject.names[-1].name == "Другое Имя"
    with db.transaction() as session:
        cases.import_case(session, base.model_copy(update={"title": "Replaced"}), update=True)
    rows, snap = _rows_and_snapshot(db, base.id)
    assert rows == snap == base.model_copy(update={"title": "Replaced"})
