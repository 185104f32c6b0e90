"""The dashboard across many cases: every change shows at once (its per-case lines are kept between requests),
the urgent lists span every visible case while the list of cases comes in pages, and a deleted case is gone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exwatch.errors import InputError, NotFoundError
from exwatch.logic import cases, workspace
from exwatch.logic.example import example_case, load_example
from exwatch.model.case import CaseFile
from exwatch.store.db import Database
from exwatch.store.mapping import to_row

CASE_ID = "ablyazov-2013"
TODAY = dt.date(2015, 5, 25)  # the seed letter's day: the example case has a decision pending then


def _copies(db: Database, n: int) -> None:
    base = example_case().model_dump()
    with db.transaction() as session:
        load_example(session)
        for i in range(n):
            data = base | {"id": f"copy-{i:03d}"}
            data["subject"] = base["subject"] | {"names": [{"name": f"Person {i:03d}", "kind": "primary"}]}
            session.add(to_row(CaseFile.model_validate(data)))


def _letter_source() -> str:
    """The source of the seed letter, which existed on TODAY (an event counts as known from its source's day)."""
    return next(e.sources[0].source for e in example_case().events if e.date == TODAY.isoformat())


def _dashboard(db: Database, visible: set[str] | None = None, page: int = 1) -> dict[str, Any]:
    with db.transaction(write=False) as session:
        return workspace.dashboard(session, visible, TODAY, page)


def test_a_new_event_shows_on_the_dashboard_at_once(db: Database) -> None:
    with db.transaction() as session:
        load_example(session)
    before = _dashboard(db)
    assert [c["id"] for c in before["cases"]] == [CASE_ID]
    assert before["executive_next"] or before["deadlines"], "the example has a decision pending on that day"
    with db.transaction() as session:
        fields = {"date": "2015-05-25", "jurisdiction": "FR", "body": "Cour de cassation", "action": "hearing"}
        cases.add_event(session, CASE_ID, fields | {"sources": [{"source": _letter_source()}]})
    after = _dashboard(db)
    assert {"body": "Cour de cassation", "date": "2015-05-25"}.items() <= next(
        e for e in after["recent_events"] if e["body"] == "Cour de cassation"
    ).items()
    assert "Cour de cassation" not in {e["body"] for e in before["recent_events"]}


def test_a_case_deleted_and_stored_again_is_shown_as_it_is_now(db: Database) -> None:
    with db.transaction() as session:
        load_example(session)
    assert _dashboard(db)["total_cases"] == 1
    with db.transaction() as session:
        cases.delete_case(session, CASE_ID)
    assert _dashboard(db)["cases"] == []
    changed = example_case().model_copy(update={"title": "Stored again"})
    with db.transaction() as session:
        cases.import_case(session, changed)
    assert [c["title"] for c in _dashboard(db)["cases"]] == ["Stored again"]


def test_the_case_list_comes_in_pages_and_the_urgent_lists_span_them_all(db: Database) -> None:
    _copies(db, 120)
    first, last = _dashboard(db), _dashboard(db, page=3)
    assert (first["total_cases"], first["pages"], len(first["cases"]), len(last["cases"])) == (121, 3, 50, 21)
    assert {c["id"] for c in first["cases"]}.isdisjoint(c["id"] for c in last["cases"])
    assert len({e["case"] for e in first["executive_next"] + first["deadlines"]}) == 121
    assert _dashboard(db, page=9)["cases"] == []
    with pytest.raises(InputError, match="page 0"):
        _dashboard(db, page=0)


def test_a_user_sees_only_the_cases_shared_with_them(db: Database) -> None:
    _copies(db, 3)
    seen = _dashboard(db, visible={"copy-001", "not-stored"})
    assert [c["id"] for c in seen["cases"]] == ["copy-001"]
    assert {e["case"] for e in seen["recent_events"]} == {"copy-001"}


def test_the_workspace_shows_a_change_at_once_and_leaves_the_shared_case_as_stored(db: Database) -> None:
    with db.transaction() as session:
        load_example(session)
    with db.transaction(write=False) as session:
        first = workspace.workspace(session, CASE_ID, TODAY)
        shared, stored = cases.read_case(session, CASE_ID)
        as_stored = cases.export_case(session, CASE_ID).model_dump()
    assert shared.model_dump() == as_stored, "working out the assessment changed the case kept between requests"
    assert stored.version == first["version"]
    with db.transaction() as session:
        fields = {"date": "2015-05-25", "jurisdiction": "FR", "body": "Cour de cassation", "action": "hearing"}
        cases.add_event(session, CASE_ID, fields | {"sources": [{"source": _letter_source()}]})
    with db.transaction(write=False) as session:
        second = workspace.workspace(session, CASE_ID, TODAY)
    assert second["version"] == first["version"] + 1
    assert "Cour de cassation" in {e["body"] for events in second["timeline"].values() for e in events}
    assert "Cour de cassation" not in {e["body"] for events in first["timeline"].values() for e in events}


def test_a_missing_case_is_not_found(db: Database) -> None:
    with db.transaction(write=False) as session, pytest.raises(NotFoundError, match="no case 'nobody'"):
        workspace.workspace(session, "nobody", TODAY)
