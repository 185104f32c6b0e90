"""The published JSON Schema of the case interchange format, generated from the models.

``docs/case.schema.json`` is this function's output; a test keeps the two identical, so the
published schema can never drift from what the importer accepts.
"""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from exwatch.model.vocab import vocabulary


def case_schema() -> dict[str, Any]:
    schema = CaseFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/extradition-watch/exwatch/docs/case.schema.json"
    schema["title"] = "Extradition Watch case (exwatch-case/1)"
    # Vocabulary fields are validated in code against vocab/case.yaml; publish them as enums too.
    vocab = vocabulary()
    defs = schema["$defs"]
    enums = {
        ("StateRole", "roles"): "role",
        ("Subject", "profiles"): "profile",
        ("Request", "kind"): "request_kind",
        ("Request", "status"): "request_status",
        ("Event", "action"): "event_action",
        ("Event", "result"): "event_result",
        ("Fact", "kind"): "fact_kind",
        ("Source", "kind"): "source_kind",
        ("Name", "kind"): "name_kind",
    }
    for (model, field), group in enums.items():
        prop = defs[model]["properties"][field]
        if "anyOf" in prop:  # optional field: put the enum on its string branch
            prop = next(branch for branch in prop["anyOf"] if branch.get("type") == "string")
        target = prop["items"] if prop.get("type") == "array" else prop
        target["enum"] = vocab.values(group)
    return schema
