"""Loading the procedure models shipped in ``procedure/data`` (one YAML file per jurisdiction)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from exwatch.errors import ExwatchError
from exwatch.model.validation import validate
from exwatch.model.vocab import vocabulary
from exwatch.procedure.models import Procedure


class ProcedureModelError(ExwatchError):
    """A shipped procedure model is malformed (a packaging or editing fault, not user input)."""


def _check(procedure: Procedure, name: str) -> None:
    """Cross-checks pydantic cannot do: stage references resolve, triggers use known actions and results."""
    vocab = vocabulary()
    ids = [s.id for s in procedure.stages]
    faults = [f"stage id {i!r} is used twice" for i in {i for i in ids if ids.count(i) > 1}]
    for stage in procedure.stages:
        faults += [f"stage {stage.id!r}: 'after' names unknown stage {a!r}" for a in stage.after if a not in ids]
        faults += [
            f"stage {stage.id!r}: remedy {r.id!r} leads to unknown stage {r.leads_to!r}"
            for r in stage.remedies
            if r.leads_to and r.leads_to not in ids
        ]
        for trigger in stage.entered_when:
            if trigger.action not in vocab.values("event_action"):
                faults.append(f"stage {stage.id!r}: unknown event action {trigger.action!r}")
            faults += [
                f"stage {stage.id!r}: unknown result {r!r}"
                for r in trigger.result or []
                if r not in vocab.values("event_result")
            ]
    if faults:
        raise ProcedureModelError(f"{name}: " + "; ".join(faults))


@lru_cache(maxsize=1)
def procedures() -> dict[str, Procedure]:
    """Every shipped model, by id (the jurisdiction's alpha-2 code or the forum id)."""
    found: dict[str, Procedure] = {}
    for entry in sorted(resources.files("exwatch.procedure.data").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        raw: Any = yaml.safe_load(entry.read_text(encoding="utf-8"))
        try:
            procedure = validate(Procedure, raw, f"procedure model {entry.name}")
        except ExwatchError as exc:
            raise ProcedureModelError(str(exc)) from None
        _check(procedure, entry.name)
        found[procedure.id] = procedure
    return found


def procedure_for(jurisdiction: str) -> Procedure | None:
    return procedures().get(jurisdiction)
