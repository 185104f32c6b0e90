"""The weights, windows and thresholds of ``rules.yaml``, typed and validated.

Numbers live in YAML so that a reviewer can change them with their reasons beside them,
and so that every assessment can record which rule book produced it (its hash).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from exwatch.kb.errors import Fault, KnowledgeError
from exwatch.kb.evidence.models import Aspect, Conclusion, Kind
from exwatch.kb.loader import rechecking
from exwatch.kb.yamlfile import LINE_KEY, line_at, parse_file

RULES_FILE = Path(__file__).resolve().parent / "rules.yaml"
Level = Literal["unknown", "low", "elevated", "high"]
RANK: dict[str, int] = {"unknown": 0, "low": 1, "elevated": 2, "high": 3}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    line: int = Field(default=0, alias=LINE_KEY, exclude=True, repr=False)


class Threshold(_Strict):
    points: float
    min_bodies: int = 1
    reason: str


class Window(_Strict):
    years: int = Field(gt=0)
    reason: str


class Weight(_Strict):
    points: float = Field(ge=0)
    reason: str


class Decisive(_Strict):
    id: str
    kinds: list[Kind]
    conclusions: list[Conclusion] = Field(default_factory=list)  # empty: any
    aspects: list[Aspect] = Field(default_factory=list)  # empty: any
    level: Level
    reason: str


class RuleBook(_Strict):
    version: int
    levels: dict[Literal["elevated", "high"], Threshold]
    windows: dict[str, Window]
    weights: dict[Kind, Weight]
    decisive: list[Decisive]
    periodic: list[Kind] = Field(default_factory=list)
    reassessment_kinds: list[Kind] = Field(default_factory=list)
    digest: str = ""

    def window(self, kind: str) -> Window:
        """The window of a kind, or the default one."""
        return self.windows.get(kind) or self.windows["default"]


def read_rules(path: Path | None = None) -> tuple[RuleBook | None, list[Fault]]:
    """Parse the rule book; a missing weight or window is a fault, not a silent zero."""
    file = path or RULES_FILE
    rel = file.name
    parsed = parse_file(file)
    faults = [Fault(rel, issue.line, issue.message) for issue in parsed.issues]
    if parsed.data is None:
        return None, faults or [Fault(rel, 1, "the rule book is empty")]
    data = parsed.data
    if isinstance(data, dict):
        # Mappings keyed by name (levels, windows, weights) carry the loader's line marker as a
        # key too; it is not a name, so it is dropped before validation.
        data = {
            k: ({n: v for n, v in val.items() if n != LINE_KEY} if isinstance(val, dict) else val)
            for k, val in data.items()
        }
    try:
        book = RuleBook.model_validate(data)
    except ValidationError as err:
        for item in err.errors():
            loc = tuple(item["loc"])
            faults.append(Fault(rel, line_at(parsed.data, loc), f"{'.'.join(map(str, loc))}: {item['msg']}"))
        return None, faults
    missing = [kind for kind in get_args(Kind) if kind not in book.weights]
    if missing:
        faults.append(Fault(rel, 1, f"weights: no weight for {', '.join(missing)}"))
    if "default" not in book.windows:
        faults.append(Fault(rel, 1, "windows: a default window is required"))
    if book.levels["high"].points <= book.levels["elevated"].points:
        faults.append(Fault(rel, book.levels["high"].line, "levels: high must need more points than elevated"))
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    return book.model_copy(update={"digest": digest}), faults


@lru_cache(maxsize=4)
def _load(path: Path, stamp: float) -> RuleBook:
    # ``stamp`` (modification time) is in the cache key so that an edited rule book is read again.
    book, faults = read_rules(path)
    if book is None or faults:
        raise KnowledgeError(f"the rule book {path} has {len(faults)} fault(s)", faults)
    return book


def load_rules(path: Path | None = None) -> RuleBook:
    """The validated rule book (the shipped one by default)."""
    if not rechecking() and (known := _LAST.get(path)) is not None:
        return _load(*known)
    file = (path or RULES_FILE).resolve()
    _LAST[path] = found = (file, file.stat().st_mtime)
    return _load(*found)


_LAST: dict[Path | None, tuple[Path, float]] = {}  # see kb.loader.pin_files
