"""Counting time limits the way each law counts them.

- ``calendar_days``: the limit ends N days after the starting day.
- ``working_days``: only Monday-Friday that are not public holidays of the jurisdiction count.
- ``jours_francs`` (French law): neither the starting day nor the last day counts, so the act can be
  done up to the day after the Nth day (Crim. 7 Feb 1989, n° 88-84.512).
- ``months``: the limit ends on the same day number N months later (the month's last day if shorter).

A limit that ends on a Saturday, Sunday or public holiday moves to the next working day where the law
says so (``roll_forward``; in French criminal procedure CPP art. 801). Public holidays come from the
``holidays`` package. A start known only to the month or year gives a window (earliest, latest), never
an invented day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from exwatch.model.dates import PartialDate
from exwatch.procedure.models import Counting, Period


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> holidays.HolidayBase | dict[dt.date, str]:
    try:
        return holidays.country_holidays(country, years=[year, year + 1])
    except NotImplementedError:  # a forum (ECTHR, INTERPOL) or a state the package lacks: weekends only
        return {}


def is_working_day(day: dt.date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


def next_working_day(day: dt.date, country: str) -> dt.date:
    while not is_working_day(day, country):
        day += dt.timedelta(days=1)
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_for(periods: list[Period], start: dt.date) -> Period:
    """The period in force on the starting day (e.g. the ECtHR's 6 months became 4 on 1 Feb 2022)."""
    applicable = [p for p in periods if p.valid_from is None or dt.date.fromisoformat(p.valid_from) <= start]
    if not applicable:
        raise ValueError(f"no period applies on {start}")
    return max(applicable, key=lambda p: p.valid_from or "")


def last_day(start: dt.date, period: Period, counting: Counting, country: str, roll_forward: bool) -> dt.date:
    """The last day on which the act can be done (or must be done by the authority)."""
    if counting == "working_days":
        day, left = start, period.days or 0
        while left:
            day += dt.timedelta(days=1)
            if is_working_day(day, country):
                left -= 1
        return day
    if counting == "months":
        end = add_months(start, period.months or 0)
    elif counting == "jours_francs":
        end = start + dt.timedelta(days=(period.days or 0) + 1)
    else:
        end = start + dt.timedelta(days=period.days or 0)
        if period.months:
            end = add_months(end, period.months)
    return next_working_day(end, country) if roll_forward else end


@dataclass(frozen=True)
class Window:
    """When a limit ends: one day when the start is known to the day, else the earliest and latest."""

    earliest: dt.date
    latest: dt.date

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest


def deadline(start: PartialDate, periods: list[Period], counting: Counting, country: str, roll_forward: bool) -> Window:
    first, last = start.earliest(), start.latest()
    return Window(
        last_day(first, period_for(periods, first), counting, country, roll_forward),
        last_day(last, period_for(periods, last), counting, country, roll_forward),
    )
