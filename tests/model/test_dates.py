from __future__ import annotations

import datetime as dt

import pytest

from exwatch.errors import DateError
from exwatch.model.dates import PartialDate

VALID = [
    # id, input, canonical, precision, earliest, latest
    ("year", "2015", "2015", "year", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
    ("year-as-int", 2015, "2015", "year", dt.date(2015, 1, 1), dt.date(2015, 12, 31)),
    ("month", "2014-10", "2014-10", "month", dt.date(2014, 10, 1), dt.date(2014, 10, 31)),
    ("leap-february", "2016-02", "2016-02", "month", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
    ("day", "2015-03-04", "2015-03-04", "day", dt.date(2015, 3, 4), dt.date(2015, 3, 4)),
    ("yaml-date-object", dt.date(2013, 7, 31), "2013-07-31", "day", dt.date(2013, 7, 31), dt.date(2013, 7, 31)),
    ("leap-day", "2016-02-29", "2016-02-29", "day", dt.date(2016, 2, 29), dt.date(2016, 2, 29)),
]


@pytest.mark.parametrize(
    ("text", "canonical", "precision", "earliest", "latest"), [v[1:] for v in VALID], ids=[v[0] for v in VALID]
)
def test_partial_dates_keep_their_precision(
    text: object, canonical: str, precision: str, earliest: dt.date, latest: dt.date
) -> None:
    date = PartialDate.parse(text)
    assert date.isoformat() == canonical
    assert date.precision == precision
    assert (date.earliest(), date.latest()) == (earliest, latest)


INVALID = [
    ("february-30", "2015-02-30", "February 2015 has days 01-28"),
    ("non-leap-29", "2015-02-29", "has days 01-28"),
    ("month-13", "2014-13", "no month 13"),
    ("day-32", "2014-01-32", "has days 01-31"),
    ("french-order", "31/07/2013", "YYYY-MM-DD"),
    ("words", "earlier this year", "YYYY"),
    ("two-digit-year", "13", "YYYY"),
    ("far-future", "3015", "outside"),
    ("empty", "", "YYYY"),
    ("boolean", True, "expected a date"),
]


@pytest.mark.parametrize(("text", "reason"), [v[1:] for v in INVALID], ids=[v[0] for v in INVALID])
def test_impossible_dates_are_errors_never_guesses(text: object, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        PartialDate.parse(text)
