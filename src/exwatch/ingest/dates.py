"""Dates written in English, French and Russian prose, kept at the precision the text gives.

"31 July 2013", "31 juillet 2013", "31 июля 2013 года" are days; "October 2014", "в октябре 2014 года"
are months; "in 2013", "en 2013", "в 2013 году" are years. Relative phrases — "earlier this year",
"plus tôt cette année", "в прошлом году" — are resolved against the document's date, at the precision
the phrase carries: "earlier this year" in a letter of 25 May 2015 is 2015, never 2015-05-25.
(dateparser was measured to misread "в 2013 году", hence this parser.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from exwatch.errors import DateError
from exwatch.ingest.spans import Spans
from exwatch.model.dates import PartialDate

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "january jan janvier janv января январь январе",
        "february feb février fevrier févr февраля февраль феврале",
        "march mar mars марта март марте",
        "april apr avril avr апреля апрель апреле",
        "may mai мая май мае",
        "june jun juin июня июнь июне",
        "july jul juillet juil июля июль июле",
        "august aug août aout августа август августе",
        "september sep sept septembre сентября сентябрь сентябре",
        "october oct octobre октября октябрь октябре",
        "november nov novembre ноября ноябрь ноябре",
        "december dec décembre decembre déc декабря декабрь декабре",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|2[01]\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
_RU_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.))?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(rf"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./]{_YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s+{_YEAR}{_RU_YEAR_WORD}", re.IGNORECASE)),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s+{_YEAR}\b", re.IGNORECASE)),
    ("month_year", re.compile(rf"\b{_MONTH}\s+(?:of\s+|de\s+|d')?{_YEAR}{_RU_YEAR_WORD}", re.IGNORECASE)),
    # A bare year only after a preposition or with Russian "год": "in 2013", "en 2013", "в 2013 году",
    # never a number standing alone (article numbers, case numbers, amounts).
    ("year", re.compile(rf"(?:\b(?:in|since|during|until|by|en|depuis|durant|jusqu'en)\s+|(?<!\w)[вс]\s+){_YEAR}\b"
                        rf"(?:\s*(?:году|года|г\.))?", re.IGNORECASE)),
    ("year_ru", re.compile(rf"\b{_YEAR}\s*(?:году|года|г\.)")),
]  # fmt: skip

_RELATIVE: list[tuple[re.Pattern[str], int, str]] = [
    (re.compile(p, re.IGNORECASE), shift, unit)
    for p, shift, unit in [
        (r"\b(?:earlier|later) this year\b|\bthis year\b|\bplus tôt cette année\b|\bcette année\b"
         r"|\b(?:ранее )?в этом году\b|\bв текущем году\b", 0, "year"),
        (r"\blast year\b|\bthe previous year\b|\bl'(?:année|an) dernière?\b|\bl'année passée\b"
         r"|\bв прошлом году\b", -1, "year"),
        (r"\b(?:earlier )?this month\b|\bce mois-ci\b|\bв этом месяце\b", 0, "month"),
        (r"\blast month\b|\ble mois dernier\b|\bв прошлом месяце\b", -1, "month"),
    ]
]  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A date found in text: ``[start, end)`` offsets, the partial date, and whether it was relative."""

    start: int
    end: int
    date: PartialDate
    relative: bool = False


def find_dates(text: str, document_date: PartialDate | None = None, offset: int = 0) -> list[DateMention]:
    """Every date in ``text``, left to right, longest reading first; offsets shifted by ``offset``."""
    found: list[DateMention] = []
    taken = Spans()
    for mention in _absolute(text):
        if taken.add(mention.start, mention.end):
            found.append(mention)
    if document_date is not None:
        for pattern, shift, unit in _RELATIVE:
            for match in pattern.finditer(text):
                if taken.overlaps(match.start(), match.end()):
                    continue
                date = _shifted(document_date, shift, unit)
                if date is not None:
                    found.append(DateMention(match.start(), match.end(), date, relative=True))
                    taken.add(match.start(), match.end())
    found.sort(key=lambda m: m.start)
    return [DateMention(m.start + offset, m.end + offset, m.date, m.relative) for m in found]


def parse_date(text: str, document_date: PartialDate | None = None) -> PartialDate | None:
    """The first date in ``text``, or None."""
    mentions = find_dates(text, document_date)
    return mentions[0].date if mentions else None


def _absolute(text: str) -> Iterator[DateMention]:
    for _name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month_text = groups.get("month")
            month: int | None = None
            if month_text is not None:
                month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
                if month is None:
                    continue
            day = int(groups["day"]) if groups.get("day") else None
            try:
                date = PartialDate.parse(_iso(int(groups["year"]), month, day))
            except DateError:
                continue
            yield DateMention(match.start(), match.end(), date)


def _iso(year: int, month: int | None, day: int | None) -> str:
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def _shifted(base: PartialDate, shift: int, unit: str) -> PartialDate | None:
    if unit == "year":
        return PartialDate(base.year + shift)
    if base.month is None:
        return None
    month_index = base.year * 12 + (base.month - 1) + shift
    return PartialDate(month_index // 12, month_index % 12 + 1)
