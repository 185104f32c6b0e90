"""Shared helpers for walking a case through one jurisdiction's procedure model.

The procedure tests build a small case file whose events all belong to one jurisdiction, ask where that
jurisdiction stands on a given day, and check the same things at every step of a walk:

- ``case_in(jurisdiction, events, states=...)``: a valid ``CaseFile`` built on ``tests.factories.case_data``;
- ``status_in(case, jurisdiction, as_of)``: the status dict of one jurisdiction on a day;
- ``limits(status, among=...)``: the running time limits as ``(id, status, deadline)`` triples;
- ``assert_stage(status, stage)``: the stage reached, with no warnings;
- ``assert_next(status, next_body)``: who decides next, or that the procedure is over;
- ``assert_step(status, stage, next_body, limit)``: all of the above for one row of a walk table;
- ``assert_warned(status, stage, event_id, text)``: an event the model did not expect, taken with a warning;
- ``walk_rows(table, argnames)``: parametrize a test by a walk table whose first column is each row's test id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import pytest

from exwatch.logic.status import case_status
from exwatch.model.case import CaseFile
from tests.factories import case_data

SOURCE = "judgment"
"""The source every state and event of a built case cites: the factory's base case defines it."""

Limit = tuple[str, str, str | None]
"""A remedy or clock as a walk table states it: (id, status, deadline)."""

LimitKind = Literal["remedies", "clocks"]

STEP = ("as_of", "stage", "next_body", "limit")
"""The columns after the id in most walk tables: as of, stage, next decision-maker, remedy or clock."""


def walk_rows(table: Sequence[Sequence[Any]], argnames: Sequence[str] = STEP) -> pytest.MarkDecorator:
    """``pytest.mark.parametrize`` over ``table``: column 0 is the test id, the others are ``argnames``."""
    return pytest.mark.parametrize(tuple(argnames), [tuple(row[1:]) for row in table], ids=[row[0] for row in table])


def case_in(jurisdiction: str, events: Iterable[Mapping[str, Any]], *, states: Mapping[str, Sequence[str]]) -> CaseFile:
    """A valid case file whose events happen in ``jurisdiction`` unless an event names its own.

    ``states`` maps each state of the case to its roles, in the order the case lists them (that order is the
    order ``case_status`` reports custodial states in). The case has no requests; every state and event cites
    ``SOURCE`` unless the event gives its own ``sources``.
    """
    data = case_data(
        states=[{"state": state, "roles": list(roles), "sources": [SOURCE]} for state, roles in states.items()],
        requests=[],
        events=[{"jurisdiction": jurisdiction, "sources": [SOURCE], **e} for e in events],
    )
    # A walk follows the procedure as its steps happen: the source stands for the file kept along the way, so it
    # carries no later publication date that would hide the steps before it (model.known).
    data["sources"][0].pop("date")
    return CaseFile.model_validate(data)


def status_in(case: CaseFile, jurisdiction: str, as_of: str | dt.date) -> dict[str, Any]:
    """The status (``JurisdictionStatus.as_dict()``) of ``jurisdiction`` in ``case`` on ``as_of`` (ISO date)."""
    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    return {s.jurisdiction: s.as_dict() for s in case_status(case, day)}[jurisdiction]


def limits(status: Mapping[str, Any], among: Sequence[LimitKind] = ("remedies", "clocks")) -> set[Limit]:
    """The ``(id, status, deadline)`` of every remedy and/or clock of a status, as ``among`` says."""
    return {(c["id"], c["status"], c["deadline"]) for kind in among for c in status[kind]}


def assert_stage(status: Mapping[str, Any], stage: str) -> None:
    """The jurisdiction has reached ``stage`` and the model raised no warning on the way."""
    assert status["stage"]["id"] == stage
    assert status["warnings"] == []


def assert_next(status: Mapping[str, Any], next_body: str | None, *, name: Literal["local", "en"] = "local") -> None:
    """The next decision-maker's ``name`` (its local or English title) starts with ``next_body``.

    ``None`` means the procedure is over: no one decides next and the stage is final.
    """
    if next_body is None:
        assert status["next_decision_by"] is None
        assert status["stage"]["final"] is True
    else:
        assert status["next_decision_by"]["name"][name].startswith(next_body)


def assert_step(
    status: Mapping[str, Any],
    stage: str,
    next_body: str | None,
    limit: Limit | None = None,
    *,
    among: Sequence[LimitKind] = ("remedies", "clocks"),
    name: Literal["local", "en"] = "local",
) -> None:
    """One row of a walk table: ``assert_stage``, ``assert_next``, and ``limit`` (if any) among ``limits``."""
    assert_stage(status, stage)
    assert_next(status, next_body, name=name)
    if limit is not None:
        assert limit in limits(status, among)


def assert_warned(status: Mapping[str, Any], stage: str, event_id: str, text: str) -> None:
    """The model moved to ``stage`` anyway, with a warning that names the event (quoted) and contains ``text``.

    ``text`` is usually the stage the model did not expect the event in.
    """
    assert status["stage"]["id"] == stage
    assert any(f"'{event_id}'" in w and text in w for w in status["warnings"])
