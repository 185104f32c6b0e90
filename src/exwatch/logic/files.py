"""Reading and writing case files (JSON or YAML), with errors that name the file and the place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml

from exwatch.errors import InputError, Problem
from exwatch.model.case import CaseFile
from exwatch.model.validation import validate

Format = Literal["json", "yaml"]


def _parse(text: str, name: str, fmt: Format) -> Any:
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                "fix the syntax (a validator such as `python -m json.tool` shows the spot)"
            ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{name}: malformed YAML{where}: {reason}; check indentation and quoting there") from None


def format_of(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    raise InputError(
        f"{path.name}: cannot tell the format from {suffix or 'no extension'!r}; name the file *.json, *.yaml or *.yml"
    )


def parse_case(text: str, name: str, fmt: Format) -> CaseFile:
    """Parse and validate case-file text; every fault is reported, with ``name`` and its field path."""
    data = _parse(text, name, fmt)
    if not isinstance(data, dict):
        raise InputError(
            f"{name}: a case file is a mapping of fields (format, id, subject, ...), not {type(data).__name__}"
        )
    if "format" in data and data["format"] != "exwatch-case/1":
        raise InputError(
            f"{name}: unsupported format {data['format']!r}", [Problem("format", "this version reads 'exwatch-case/1'")]
        )
    return validate(CaseFile, data, name)


def read_case(path: Path) -> CaseFile:
    """Read a case file from disk."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save the file as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from None
    return parse_case(text, str(path), format_of(path))


def dump_case(case: CaseFile, fmt: Format) -> str:
    """Serialise a case canonically: fields in schema order, empty values left out."""
    data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    data = _prune(data)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _prune(value: Any) -> Any:
    """Drop empty lists, so exports stay short; the importer restores them as empty."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v != []}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value
