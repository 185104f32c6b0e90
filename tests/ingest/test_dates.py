"""Dates in English, French and Russian, kept at the precision the text gives."""

from __future__ import annotations

import pytest

from exwatch.ingest.dates import find_dates, parse_date
from exwatch.model.dates import PartialDate

LETTER_DATE = PartialDate(2015, 5, 25)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("On 31 July 2013 he was arrested", "2013-07-31", "day"),
        ("July 31, 2013", "2013-07-31", "day"),
        ("le 31 juillet 2013", "2013-07-31", "day"),
        ("le 1er juillet 2013", "2013-07-01", "day"),
        ("31 июля 2013 года", "2013-07-31", "day"),
        ("13.01.2021", "2021-01-13", "day"),
        ("Date de la décision : 2021-01-13", "2021-01-13", "day"),
        ("in October 2014", "2014-10", "month"),
        ("en octobre 2014", "2014-10", "month"),
        ("в октябре 2014 года", "2014-10", "month"),
        ("in 2013", "2013", "year"),
        ("en 2013", "2013", "year"),
        ("в 2013 году", "2013", "year"),
        ("earlier this year", "2015", "year"),
        ("plus tôt cette année", "2015", "year"),
        ("ранее в этом году", "2015", "year"),
        ("last year", "2014", "year"),
        ("l'année dernière", "2014", "year"),
        ("в прошлом году", "2014", "year"),
        ("last month", "2015-04", "month"),
    ],
)
def test_date_golden_table(text: str, iso: str, precision: str) -> None:
    date = parse_date(text, LETTER_DATE)
    assert date is not None
    assert date.isoformat() == iso
    assert date.precision == precision


@pytest.mark.parametrize(
    "text",
    ["Article 307 § 2 of the Code", "the 2013 elections", "case no. 2013/45", "earlier this year"],
)
def test_not_dates(text: str) -> None:
    # "earlier this year" without a document date cannot be resolved and is not guessed.
    assert parse_date(text) is None


def test_offsets_point_at_the_words() -> None:
    text = "He was detained in France in 2013; the court ruled on 24 October 2014."
    mentions = find_dates(text)
    assert [text[m.start : m.end] for m in mentions] == ["in 2013", "24 October 2014"]


def test_impossible_day_keeps_only_the_month() -> None:
    # "31 February" is a typing or OCR error: the month is still a fact, the day is not.
    date = parse_date("31 February 2013")
    assert date is not None
    assert date.isoformat() == "2013-02"
