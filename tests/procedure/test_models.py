from __future__ import annotations

import pytest

from exwatch.procedure.loader import procedures


def test_every_shipped_model_loads_and_its_references_resolve() -> None:
    assert "FR" in procedures()


@pytest.mark.parametrize("model_id", sorted(procedures()))
def test_every_stage_and_time_limit_names_a_dated_source(model_id: str) -> None:
    model = procedures()[model_id]
    for stage in model.stages:
        assert stage.sources, stage.id
        limits = [r.limit for r in stage.remedies if r.limit] + list(stage.clocks)
        for limit in limits:
            for source in limit.sources:
                assert source.url, (stage.id, limit.id)
                assert source.checked, (stage.id, limit.id)


def test_an_interim_measure_stays_in_force_after_later_steps_until_lifted() -> None:
    import datetime as dt

    from exwatch.logic.status import case_status
    from exwatch.model.case import CaseFile
    from tests.factories import case_data

    events = [
        {
            "id": "r39",
            "date": "2020-04-01",
            "jurisdiction": "ECTHR",
            "body": "European Court of Human Rights",
            "action": "interim_measure",
            "result": "indicated",
            "sources": ["judgment"],
        },
        {
            "id": "communicated",
            "date": "2020-06-01",
            "jurisdiction": "ECTHR",
            "body": "European Court of Human Rights",
            "action": "communicated",
            "sources": ["judgment"],
        },
        {
            "id": "lifted",
            "date": "2021-03-01",
            "jurisdiction": "ECTHR",
            "body": "European Court of Human Rights",
            "action": "interim_measure",
            "result": "lifted",
            "sources": ["judgment"],
        },
    ]
    # The file kept along the way: undated, so each step is known from its own date (model.known).
    record = {k: v for k, v in case_data()["sources"][0].items() if k != "date"}
    case = CaseFile.model_validate(case_data(events=events, sources=[record]))

    def measures(day: str) -> list[str]:
        (ecthr,) = [s for s in case_status(case, dt.date.fromisoformat(day)) if s.jurisdiction == "ECTHR"]
        return [m["id"] for m in ecthr.as_dict()["measures_in_force"]]

    assert measures("2020-07-01") == ["r39"]
    assert measures("2021-04-01") == []
