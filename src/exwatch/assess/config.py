"""The indicator files (``assess/data/indicators.yaml``, ``assess/data/torture_checklist.yaml``): questions,
weights, thresholds and their reasons."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field

from exwatch.kb.models import Source
from exwatch.model.validation import validate

M = TypeVar("M", bound=BaseModel)
Weight = Literal["H", "M", "L"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WeightRule(_Strict):
    points: int
    reason: str


class Threshold(_Strict):
    min_points: int
    reason: str


class KnownShare(_Strict):
    share: float = Field(ge=0, le=1)
    reason: str


class Levels(_Strict):
    high: Threshold
    elevated: Threshold
    unknown_below_known_share: KnownShare


class CounterDiscount(_Strict):
    points_per_counter: int
    reason: str


class IndicatorDef(_Strict):
    id: str
    name: str
    question: str
    weight: Weight
    counter: bool = False
    sources: list[Source] = Field(min_length=1)


class IndicatorConfig(_Strict):
    version: int
    weights: dict[Weight, WeightRule]
    levels: Levels
    counter_discount: CounterDiscount
    charge_terms: dict[str, list[str]]
    indicators: list[IndicatorDef]

    def get(self, indicator_id: str) -> IndicatorDef:
        for item in self.indicators:
            if item.id == indicator_id:
                return item
        raise KeyError(indicator_id)


def _load(model: type[M], name: str) -> M:
    """Read and validate one of the assessment's data files."""
    raw: Any = yaml.safe_load(resources.files("exwatch.assess.data").joinpath(name).read_text(encoding="utf-8"))
    return validate(model, raw, f"assess/data/{name}")


@lru_cache(maxsize=1)
def indicator_config() -> IndicatorConfig:
    return _load(IndicatorConfig, "indicators.yaml")


# --- the torture / onward-transfer checklist (``assess/data/torture_checklist.yaml``) ---------------

ItemKind = Literal["risk", "counter", "protective"]


class ChecklistItem(_Strict):
    id: str
    name: str
    kind: ItemKind
    question: str
    reads: list[str] = Field(min_length=1)
    weight: Weight
    counter_indicators: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(min_length=1)


class Abolition(_Strict):
    organisations: list[str] = Field(min_length=1)
    reason: str


class TreatyWindow(_Strict):
    years: int = Field(ge=0)
    reason: str


class ChecklistConfig(_Strict):
    version: int
    weights: dict[Weight, WeightRule]
    terms: dict[Literal["penalty", "coercion", "executive"], list[str]]
    abolition: Abolition
    treaty_window: TreatyWindow
    items: list[ChecklistItem]

    def get(self, item_id: str) -> ChecklistItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


@lru_cache(maxsize=1)
def checklist_config() -> ChecklistConfig:
    return _load(ChecklistConfig, "torture_checklist.yaml")
