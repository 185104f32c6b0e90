"""Partial dates: a year, a month or a day, kept at the precision the source gives.

Court records and letters often say only "in 2015" or "in October 2014". Rounding such
a date to a day would invent a fact, so a :class:`PartialDate` keeps its precision and
sorts by the earliest day it can mean.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from exwatch.errors import DateError

Precision = Literal["year", "month", "day"]

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read ``2015``, ``2014-10``, ``2015-03-04`` or a ``datetime.date``; refuse anything else."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise DateError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return _parse_text(value)

    @classmethod
    def _from_text(cls, value: str) -> PartialDate:
        text = value.strip()
        match = _PATTERN.match(text)
        if not match:
            raise DateError(f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2014-10-24)")
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) else None
        if year < 1800 or year > 2200:
            raise DateError(f"{value!r}: year {year} is outside 1800-2200; check the digits")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"{value!r}: there is no month {month}; months run 01-12")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(f"{value!r}: {calendar.month_name[month]} {year} has days 01-{last:02d}")
        return cls(year, month, day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def earliest(self) -> dt.date:
        """The first day this date can mean (used for ordering and 'as of' filters)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.isoformat()


def normalize_date(value: object) -> str:
    """Validate a partial date and return its canonical text (used by the pydantic models)."""
    return PartialDate.parse(value).isoformat()


# The knowledge base's dates are parsed again on every "as of" question (tens of thousands per assessment);
# a date is immutable, so each text is read once.
@lru_cache(maxsize=65536)
def _parse_text(value: str) -> PartialDate:
    return PartialDate._from_text(value)
