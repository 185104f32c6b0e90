"""The indicator file (``assess/data/indicators.yaml``): questions, weights, thresholds and their reasons."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from exwatch.model.validation import validate
from exwatch.procedure.models import Source

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


@lru_cache(maxsize=1)
def indicator_config() -> IndicatorConfig:
    text = resources.files("exwatch.assess.data").joinpath("indicators.yaml").read_text(encoding="utf-8")
    raw: Any = yaml.safe_load(text)
    return validate(IndicatorConfig, raw, "assess/data/indicators.yaml")
