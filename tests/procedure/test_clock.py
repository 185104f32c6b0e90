from __future__ import annotations

import datetime as dt

import pytest

from exwatch.model.dates import PartialDate
from exwatch.procedure.clock import deadline, last_day
from exwatch.procedure.models import Counting, Period

D = dt.date

CASES = [
    # id, start, period, counting, country, roll_forward, expected last day
    ("jours-francs-friday", D(2014, 10, 24), Period(days=5), "jours_francs", "FR", True, D(2014, 10, 30)),
    # 5 clear days from Mon 2 Nov 2015 end Sun 8 Nov: moved to Mon 9 Nov (CPP 801)
    ("jours-francs-rolls-over-sunday", D(2015, 11, 2), Period(days=5), "jours_francs", "FR", True, D(2015, 11, 9)),
    # ... and over a holiday: 5 clear days from Thu 5 Nov 2015 end Wed 11 Nov (Armistice) -> Thu 12
    ("jours-francs-rolls-over-holiday", D(2015, 11, 5), Period(days=5), "jours_francs", "FR", True, D(2015, 11, 12)),
    ("month-same-day", D(2015, 10, 9), Period(months=1), "months", "FR", True, D(2015, 11, 9)),
    ("month-end-clamped", D(2015, 1, 31), Period(months=1), "months", "FR", False, D(2015, 2, 28)),
    # 10 working days from Thu 1 Aug 2013 skip weekends and 15 August (Assumption)
    ("working-days-skip-assumption", D(2013, 8, 1), Period(days=10), "working_days", "FR", False, D(2013, 8, 16)),
    ("calendar-days", D(2013, 7, 31), Period(days=30), "calendar_days", "FR", False, D(2013, 8, 30)),
    ("calendar-days-uk-bank-holiday", D(2024, 5, 20), Period(days=7), "calendar_days", "GB", True, D(2024, 5, 28)),
]


@pytest.mark.parametrize(
    ("start", "period", "counting", "country", "roll", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_time_limits_are_counted_as_the_law_counts_them(
    start: dt.date, period: Period, counting: Counting, country: str, roll: bool, expected: dt.date
) -> None:
    assert last_day(start, period, counting, country, roll) == expected


def test_a_limit_changed_by_law_uses_the_period_in_force_at_the_start() -> None:
    periods = [Period(months=6), Period(months=4, valid_from="2022-02-01")]
    before = deadline(PartialDate.parse("2021-12-15"), periods, "months", "FR", False)
    after = deadline(PartialDate.parse("2022-03-15"), periods, "months", "FR", False)
    assert before.earliest == D(2022, 6, 15)
    assert after.earliest == D(2022, 7, 15)


def test_a_start_known_to_the_month_gives_a_window_not_a_guess() -> None:
    window = deadline(PartialDate.parse("2015-10"), [Period(months=1)], "months", "FR", True)
    assert not window.exact
    assert (window.earliest, window.latest) == (D(2015, 11, 2), D(2015, 11, 30))
