"""The controlled vocabulary of the case model, loaded from ``vocab/case.yaml``.

Values live in data so that a new kind of event or request is a one-line change that the
CLI, the web application and the letters pick up together, each with its labels.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from exwatch.errors import VocabularyError

Lang = Literal["en", "fr", "ru"]


class Term(BaseModel):
    """One value of a vocabulary group with its labels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: str
    fr: str
    ru: str
    description: str | None = None

    def label(self, lang: Lang = "en") -> str:
        return str(getattr(self, lang))


class Group(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str
    values: dict[str, Term] = Field(min_length=1)


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    groups: dict[str, Group]

    def values(self, group: str) -> list[str]:
        return list(self.groups[group].values)

    def check(self, group: str, value: str) -> str:
        """Return ``value`` if the group allows it; otherwise raise with the allowed values."""
        allowed = self.groups[group].values
        if value in allowed:
            return value
        close = difflib.get_close_matches(value, list(allowed), n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise VocabularyError(
            f"{value!r} is not a known {group.replace('_', ' ')}; {hint}allowed: {', '.join(allowed)}"
        )

    def label(self, group: str, value: str, lang: Lang = "en") -> str:
        term = self.groups[group].values.get(value)
        return term.label(lang) if term else value


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the package (validated on first use)."""
    text = resources.files("exwatch.vocab").joinpath("case.yaml").read_text(encoding="utf-8")
    raw: Any = yaml.safe_load(text)
    return Vocabulary.model_validate(raw)
