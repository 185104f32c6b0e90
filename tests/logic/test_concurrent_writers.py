"""Concurrent amendments lose nothing, on SQLite and on PostgreSQL.

Each writer has its own database connection (its own engine) and all start together behind a barrier; the
installed ``exwatch`` command is also run as parallel processes, as a team's members would run it.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from exwatch.errors import ExwatchError, InputError
from exwatch.logic import cases, documents, review
from exwatch.model.case import CaseFile, Event
from exwatch.store.db import open_database
from exwatch.store.mapping import from_row
from tests.cli.test_console_script import _exwatch
from tests.cli.test_ingest_review import LETTER
from tests.factories import case_data

WRITERS = 12


def _together(db_url: str, count: int, work: Callable[[int, Session], object]) -> list[BaseException]:
    """Run ``work(i, session)`` in ``count`` threads at once, each in its own write transaction on its own
    connection; return the errors raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        database = open_database(db_url)
        try:
            barrier.wait()
            with database.transaction() as session:
                work(i, session)
        except (ExwatchError, SQLAlchemyError) as exc:  # collected and asserted on by the caller
            errors.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def _store(db_url: str) -> str:
    database = open_database(db_url)
    with database.transaction() as session:
        cases.import_case(session, CaseFile.model_validate(case_data()))
    database.close()
    return "doe-2020"


def _case(db_url: str, case_id: str) -> CaseFile:
    database = open_database(db_url)
    with database.transaction(write=False) as session:
        case = cases.export_case(session, case_id)
    database.close()
    return case


def _ingest_letter(db_url: str, case_id: str, tmp_path: Path) -> documents.Filed:
    letter = tmp_path / "letter.txt"
    letter.write_text(LETTER, encoding="utf-8")
    database = open_database(db_url)
    with database.transaction() as session:
        filed = documents.ingest(session, [letter], case_id, False)
    database.close()
    return filed


def _event(i: int) -> Event:
    return Event.model_validate(
        {
            "id": f"hearing-{i}",
            "date": f"2020-05-{i + 1:02d}",
            "jurisdiction": "RU",
            "body": "Moscow City Court",
            "action": "hearing",
            "sources": ["judgment"],
        }
    )


def test_parallel_amendments_each_keep_their_change(db_url: str) -> None:
    case_id = _store(db_url)
    errors = _together(db_url, WRITERS, lambda i, session: cases.add_item(session, case_id, _event(i)))
    assert errors == []
    stored = {e.id for e in _case(db_url, case_id).events}
    assert {f"hearing-{i}" for i in range(WRITERS)} <= stored


def test_parallel_commands_each_keep_their_change(db_url: str) -> None:
    case_id = _store(db_url)
    env = {**os.environ, "EXWATCH_DATABASE_URL": db_url}
    event = ["--jurisdiction", "RU", "--body", "Moscow City Court", "--action", "hearing", "--source", "judgment"]
    commands = [[_exwatch(), "case", "add-event", case_id, "--date", f"2020-06-{i + 1:02d}", *event] for i in range(10)]
    running = [subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    outcomes = [(p.wait(timeout=300), p.stderr.read().decode() if p.stderr else "") for p in running]
    assert [code for code, _ in outcomes] == [0] * 10, outcomes
    dates = {e.date for e in _case(db_url, case_id).events}
    assert {f"2020-06-{i + 1:02d}" for i in range(10)} <= dates


def test_two_reviews_of_the_same_proposal_accept_it_once(db_url: str, tmp_path: Path) -> None:
    case_id = _store(db_url)
    filed = _ingest_letter(db_url, case_id, tmp_path)
    fact = next(p for p in filed.proposals if p["kind"] == "fact" and p["valid"])
    decision = review.Decision([fact["id"]], [], {})
    errors = _together(db_url, 4, lambda _i, session: review.decide(session, case_id, decision))
    assert len(errors) == 3
    assert all(isinstance(e, InputError) and "already reviewed" in str(e) for e in errors)
    database = open_database(db_url)
    with database.transaction(write=False) as session:
        actions = [h.action for h in review.history(session, fact["id"])]
        links = documents.case_documents(session, case_id)
    database.close()
    assert actions == ["proposed", "accepted"]
    assert len(links) == 1  # the review changed the case in place: its document is still filed in it


def test_parallel_reviews_of_different_proposals_keep_every_accepted_fact(db_url: str, tmp_path: Path) -> None:
    case_id = _store(db_url)
    filed = _ingest_letter(db_url, case_id, tmp_path)
    ready = [p for p in filed.proposals if p["valid"] and p["kind"] in ("event", "request", "fact", "state_role")]
    assert len(ready) >= 3
    errors = _together(
        db_url,
        len(ready),
        lambda i, session: review.decide(session, case_id, review.Decision([ready[i]["id"]], [], {})),
    )
    assert errors == []
    case = _case(db_url, case_id)
    assert len(case.events) == 2 + sum(p["kind"] == "event" for p in ready)
    assert len(case.requests) == 1 + sum(p["kind"] == "request" for p in ready)
    assert len(case.facts) == 1 + sum(p["kind"] == "fact" for p in ready)


def test_parallel_imports_of_new_cases_all_succeed(db_url: str) -> None:
    writers = WRITERS

    def new(i: int, session: Session) -> None:
        data = case_data(id=f"case-{i}")
        data["subject"]["names"] = [{"name": f"Person {i}", "kind": "primary"}]
        cases.import_case(session, CaseFile.model_validate(data))

    assert _together(db_url, writers, new) == []
    database = open_database(db_url)
    with database.transaction(write=False) as session:
        assert len(cases.list_cases(session)) == writers
    database.close()


def test_an_amendment_after_a_read_keeps_what_another_writer_stored_in_between(db_url: str) -> None:
    """A transaction reads a case, another stores an event in it, then the first adds its own: taking the case
    for the amendment reads it again as last committed, so both events are kept. (PostgreSQL: on SQLite the
    first transaction holds the store from its start, so nothing can be stored in between.)"""
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite serialises whole write transactions: no write can come between the read and the lock")
    from exwatch.logic.example import example_case, load_example

    db = open_database(db_url)
    try:
        with db.transaction() as session:
            load_example(session)
        case = example_case()
        cite = [{"source": case.sources[0].id}]
        with db.transaction() as first:
            cases.get_row(first, case.id)  # read whole, children included, before any lock
            with db.transaction() as second:
                cases.add_event(second, case.id, {"id": "second", "date": "2016-01-05", "jurisdiction": "FR",
                                                  "body": "CE", "action": "hearing", "sources": cite})  # fmt: skip
            cases.add_event(first, case.id, {"id": "first", "date": "2016-01-06", "jurisdiction": "FR",
                                             "body": "CE", "action": "hearing", "sources": cite})  # fmt: skip
        with db.transaction(write=False) as session:
            ids = [e.id for e in cases.export_case(session, case.id).events]
            rows = from_row(cases.get_row(session, case.id))
        assert ids[-2:] == ["second", "first"]
        assert [e.id for e in rows.events] == ids, "the rows say the same as the snapshot"
    finally:
        db.close()
