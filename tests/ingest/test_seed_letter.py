"""The seed letter end to end: the facts the issue's "done when" lists, each with its span."""

from __future__ import annotations

from pathlib import Path

import pytest

from exwatch.ingest import IngestResult, Proposal, ingest_file
from tests.conftest import shared


@pytest.fixture(scope="module")
def seed_letter() -> Path:
    (letter,) = sorted(shared("seeds").glob("*.txt"))
    return letter


@pytest.fixture(scope="module")
def result(seed_letter: Path) -> IngestResult:
    return ingest_file(seed_letter)


def _of(result: IngestResult, kind: str) -> list[Proposal]:
    return [p for p in result.proposals if p.kind == kind]


def test_document(result: IngestResult) -> None:
    assert result.document.language == "en"
    assert result.document.date == "2015-05-25"  # from the dateline


def test_states_in_their_roles(result: IngestResult) -> None:
    roles = {(p.value["state"], role) for p in _of(result, "state_role") for role in p.value["roles"]}
    assert {("RU", "requesting"), ("UA", "requesting"), ("KZ", "persecuting"), ("FR", "custodial")} <= roles
    kz = next(p for p in _of(result, "state_role") if p.value["state"] == "KZ" and p.rule == "role:in-cooperation-with")
    assert kz.span.quote == "in cooperation with Kazakhstan"


def test_subject_name(result: IngestResult) -> None:
    primary = next(p for p in _of(result, "name") if p.value["kind"] == "primary")
    assert primary.value["name"] == "Mukhtar Ablyazov"
    assert result.document.text[primary.span.start : primary.span.end] == "Mukhtar Ablyazov"


def test_events_with_partial_dates(result: IngestResult) -> None:
    events = {(p.value["action"], p.value["date"]): p for p in _of(result, "event")}
    detention = events[("detention", "2013")]
    assert detention.value["jurisdiction"] == "FR"
    opinion = events[("opinion", "2014-10")]
    assert opinion.value["result"] == "favourable"
    assert "Lyon" in opinion.value["body"]
    cassation = events[("cassation", "2015")]  # "earlier this year" in a letter of 25 May 2015
    assert cassation.value["result"] == "dismissed"
    assert "earlier this year" in cassation.span.quote


def test_profile_facts(result: IngestResult) -> None:
    facts = {p.value["kind"]: p for p in _of(result, "fact")}
    assert {"opposition_role", "family_targeted", "international_concern"} <= set(facts)
    assert facts["international_concern"].value["state"] == "KZ"


def test_requests_and_bodies(result: IngestResult) -> None:
    issuers = {p.value["issuer"] for p in _of(result, "request")}
    assert {"RU", "UA"} <= issuers
    bodies = {p.value["jurisdiction"] for p in _of(result, "body")}
    assert {"INTERPOL", "UNCAT", "FR"} <= bodies


def test_every_case_value_validates_and_cites_the_document(result: IngestResult) -> None:
    for proposal in result.proposals:
        if proposal.kind in {"name", "state_role", "request", "event", "fact"}:
            assert proposal.valid, (proposal.value, proposal.problems)
            assert proposal.value["sources"][0]["source"] == result.document.source_id
        assert proposal.span.document == result.document.sha256
        assert result.document.text[proposal.span.start : proposal.span.end] == proposal.span.quote


def test_the_seed_letter_becomes_a_case_whose_next_decision_is_the_french_government(
    tmp_path: Path, seed_letter: Path
) -> None:
    """Ingest with a new case, accept the proposals, ask where it stands: the Prime Minister decides."""
    import datetime as dt

    from exwatch.logic.documents import ingest
    from exwatch.logic.review import accept_all
    from exwatch.logic.status import status_of
    from exwatch.store.db import open_database

    db = open_database(f"sqlite:///{tmp_path / 'seed.sqlite3'}")
    try:
        with db.transaction() as session:
            filed = ingest(session, [seed_letter], None, True)
            accept_all(session, filed.case_id)
        with db.transaction() as session:
            (france,) = [s for s in status_of(session, filed.case_id, dt.date(2016, 1, 1)) if s.jurisdiction == "FR"]
    finally:
        db.close()
    assert filed.case_id == "mukhtar-ablyazov"
    assert france.position is not None
    assert france.position.stage is not None
    assert france.position.stage.id == "opinion_final"
    assert france.position.stage.next is not None
    assert france.position.stage.next.name.local is not None
    assert france.position.stage.next.name.local.startswith("Premier ministre")
