"""Turn pydantic's validation errors into :class:`~exwatch.errors.Problem` lists a user can act on."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from exwatch.errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)

_FIXES = {
    "missing": "this field is required; add it",
    "extra_forbidden": "unknown field; remove it or check its spelling against the JSON Schema",
    "string_type": "expected text",
    "list_type": "expected a list",
    "int_type": "expected a whole number",
    "bool_type": "expected true or false",
    "dict_type": "expected a mapping of fields",
    "model_type": "expected a mapping of fields",
}


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith("function-") or part.endswith("]"):
            continue  # pydantic's internal validator names, not fields
        else:
            out += f".{part}" if out else part
    return out


def problems_from(error: ValidationError) -> list[Problem]:
    """One problem per fault, with its field path and a reason that says what to fix."""
    problems: list[Problem] = []
    for item in error.errors():
        kind = item["type"]
        message = str(item["msg"])
        if kind in ("value_error", "assertion_error"):
            message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
        elif kind in _FIXES:
            message = _FIXES[kind]
        elif kind == "literal_error":
            message = f"{message} (got {item.get('input')!r})"
        elif kind == "string_pattern_mismatch":
            message = f"{item.get('input')!r} does not match {item.get('ctx', {}).get('pattern')}"
        path = _path(tuple(item["loc"]))
        # Cross-reference faults come as one message with several "; "-joined parts.
        for part in message.split("; ") if kind == "value_error" and not path else [message]:
            sub_path, _, reason = part.partition(": ") if ": " in part and not path else (path, "", part)
            problems.append(Problem(sub_path, reason or part))
    return problems


def validate(model: type[M], data: Any, what: str) -> M:
    """Validate ``data`` as ``model``; on failure raise an :class:`InputError` listing every fault."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = problems_from(exc)
        raise InputError(f"{what} is not valid ({len(problems)} problem(s)):", problems) from None
