"""General authorities as of a day (``assess/data/authorities.yaml``).

A proposition of law (no chain refoulement, assurances do not relieve the state of its duty, INTERPOL's
neutrality) was stated by different texts over time. :func:`authority` gives the one a reason or a document
for a given day cites: the latest text in existence on that day, or none when no text of the day states it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from pydantic import Field

from exwatch.assess.config import _load, _Strict
from exwatch.kb.models import Source
from exwatch.model.dates import PartialDate


class AuthorityText(_Strict):
    short: str = Field(description="how a reason names it, e.g. 'CAT General Comment No. 4 § 12'")
    source: Source


class Authority(_Strict):
    proposition: str
    texts: list[AuthorityText] = Field(min_length=1)


class Authorities(_Strict):
    version: int
    authorities: dict[str, Authority]


@lru_cache(maxsize=1)
def authorities() -> Authorities:
    return _load(Authorities, "authorities.yaml")


def authority(key: str, day: dt.date) -> AuthorityText | None:
    """The text stating proposition ``key`` that a document dated ``day`` cites: the latest then in existence."""
    existing = [t for t in authorities().authorities[key].texts if t.source.existed_on(day)]
    return max(existing, key=_issued, default=None)


def _issued(text: AuthorityText) -> dt.date:
    return PartialDate.parse(str(text.source.date)).latest() if text.source.date is not None else dt.date.min
