from __future__ import annotations

from exwatch.model.case import CaseFile
from exwatch.store.db import Database
from exwatch.store.mapping import from_row, to_row
from exwatch.store.tables import CitationRow
from tests.factories import case_data


def test_rows_give_back_the_same_case_after_a_database_trip(db: Database) -> None:
    case = CaseFile.model_validate(case_data())
    with db.transaction() as session:
        session.add(to_row(case))
    with db.transaction() as session:
        from exwatch.logic.cases import get_row

        assert from_row(get_row(session, case.id)) == case


def test_each_citation_points_at_its_fact_and_source(db: Database) -> None:
    case = CaseFile.model_validate(case_data())
    with db.transaction() as session:
        session.add(to_row(case))
    with db.transaction() as session:
        rows = session.query(CitationRow).all()
        assert len(rows) == len(case.citations())
        pinpointed = {(r.source.id, r.pinpoint) for r in rows if r.state_role_pk is not None}
        assert ("judgment", "§ 5") in pinpointed
