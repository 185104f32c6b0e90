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


MAX_CASE_FILE_CHARS = 20_000_000  # far above any real case (the example is 80 kB); beyond it, refuse before parsing


MAX_EXPANDED_NODES = 1_000_000  # values once aliases are expanded; the example case has about 3,000


class _BoundedLoader(yaml.SafeLoader):
    """YAML whose aliases cannot make a small file huge: the document is measured as it would be once every
    alias is expanded (156 kB of nested aliases once became millions of rows) and refused past a bound."""

    def get_single_node(self) -> Any:
        node = super().get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise InputError(
                f"its aliases expand to more than {MAX_EXPANDED_NODES:,} values; no case file is that large: "
                "write the values out instead of repeating lists or mappings"
            )
        return node


def _expanded_size(node: yaml.Node, seen: dict[int, int]) -> int:
    """The number of values ``node`` stands for with its aliases expanded; each node is measured once."""
    if id(node) in seen:
        return seen[id(node)]
    seen[id(node)] = 1  # a recursive alias counts once instead of looping
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, seen) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, seen) + _expanded_size(v, seen) for k, v in node.value)
    else:
        size = 1
    seen[id(node)] = size
    return size


def _parse(text: str, name: str, fmt: Format) -> Any:
    if len(text) > MAX_CASE_FILE_CHARS:
        raise InputError(f"{name}: {len(text):,} characters is more than a case file can be; split it into cases")
    try:
        return _parse_text(text, name, fmt)
    except RecursionError:
        raise InputError(f"{name}: nested too deeply to be a case file; check the brackets or indentation") from None


def _parse_text(text: str, name: str, fmt: Format) -> Any:
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{name}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}; "
                "fix the syntax (a validator such as `python -m json.tool` shows the spot)"
            ) from None
        except ValueError as exc:  # an integer of more than 4,300 digits
            raise InputError(f"{name}: a number in the file is too long to read ({exc}); no field needs one") from None
    try:
        return yaml.load(text, Loader=_BoundedLoader)
    except InputError as exc:  # raised by the loader, which does not know the file's name
        raise InputError(f"{name}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{name}: malformed YAML{where}: {reason}; check indentation and quoting there") from None
    except ValueError as exc:
        raise InputError(f"{name}: a value in the file cannot be read ({exc})") from None


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
