"""Read knowledge YAML so that every mapping remembers the line it starts on.

``kb check`` must point a maintainer at ``parties/ets-24.yaml:41``, not at "somewhere in
the parties". The loader below stores each mapping's first line under the key
``__line__``; the typed models read it into their ``line`` attribute.

Two departures from ``yaml.safe_load``, both deliberate:

* timestamps are *not* converted: ``2015-02-30`` would make PyYAML raise from deep inside
  the parser, losing the position; as text it reaches :class:`PartialDate`, which names
  the fault, and the checker adds the line;
* only ``true``/``false`` are booleans, so Norway's code ``NO`` stays a string;
* a key repeated in one mapping is a fault (PyYAML silently keeps the last one, which
  would hide a contradictory date typed twice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode

LINE_KEY = "__line__"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_BOOL = "tag:yaml.org,2002:bool"


@dataclass
class YamlIssue:
    """A problem found while parsing, before any model sees the data."""

    line: int
    message: str


@dataclass
class ParsedFile:
    """The data of one file, and any parse-level issues (duplicate keys, syntax)."""

    data: Any
    issues: list[YamlIssue] = field(default_factory=list)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records mapping lines and duplicate keys."""

    issues: list[YamlIssue]


_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in (_TIMESTAMP, _BOOL)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.1 reads NO (Norway), YES and ON as booleans; only true/false are booleans here.
_LineLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_mapping(loader: _LineLoader, node: MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            loader.issues.append(
                YamlIssue(key_node.start_mark.line + 1, f"key {key!r} appears twice in the same mapping")
            )
        seen.add(key)
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse_text(text: str) -> ParsedFile:
    """Parse YAML text; a syntax error becomes an issue with its line instead of an exception."""
    loader = _LineLoader(text)
    loader.issues = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        return ParsedFile(None, [YamlIssue(line, f"not valid YAML: {err.problem or err}")])
    finally:
        loader.dispose()
    return ParsedFile(data, loader.issues)


def parse_file(path: Path) -> ParsedFile:
    """Parse one knowledge file (UTF-8)."""
    return parse_text(path.read_text(encoding="utf-8"))


def line_at(data: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the innermost mapping on the path ``loc`` (a pydantic error location)."""
    line = data.get(LINE_KEY, 1) if isinstance(data, dict) else 1
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
        else:
            break
        if isinstance(node, dict) and isinstance(node.get(LINE_KEY), int):
            line = node[LINE_KEY]
    return int(line)
