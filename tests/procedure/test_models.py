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
