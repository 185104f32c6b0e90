"""What every dataset importer declares, and the country mapping they share.

A :class:`Dataset` names its source (title, publisher, URL, how to cite it) and the file
:class:`Layout` s it accepts; a layout lists the columns it needs and turns one CSV row into a
:class:`Record` — one country-year with its figures — before the country is mapped to ISO 3166-1.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pycountry

from exwatch.errors import CountryError, InputError
from exwatch.model.countries import is_alpha2, resolve_country

Value = float | str

# Spellings the datasets use that ISO 3166 and pycountry do not know. Successor states are
# deliberately absent: the USSR, Yugoslavia or Czechoslovakia are not today's Russia, Serbia or
# Czechia, and moving their figures there would misstate a state's record.
_DATASET_NAMES: dict[str, str] = {
    "burma/myanmar": "MM",
    "cape verde": "CV",
    "congo (brazzaville)": "CG",
    "congo (kinshasa)": "CD",
    "democratic republic of the congo": "CD",
    "republic of the congo": "CG",
    "cote d'ivoire": "CI",
    "gambia": "GM",
    "micronesia": "FM",
    "palestine/west bank": "PS",
    "saint kitts and nevis": "KN",
    "saint lucia": "LC",
    "saint vincent and the grenadines": "VC",
}


@dataclass(frozen=True)
class Record:
    """One country-year as the file gives it: the country's identifiers, tried in order, and its figures."""

    label: str
    ids: tuple[str, ...]
    year: int
    values: dict[str, Value]


@dataclass(frozen=True)
class Layout:
    """A file layout a dataset is published in: the columns it must have and how a row becomes a record."""

    name: str
    description: str
    required: tuple[str, ...]
    read: Callable[[Mapping[str, str]], Record | None]
    # At least one of these must be present too (V-Dem subsets keep different indicator columns).
    any_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dataset:
    """A published dataset: its source, the indicators it yields (name → meaning) and the layouts accepted."""

    kind: str
    title: str
    publisher: str
    url: str
    citation: str
    indicators: dict[str, str]
    layouts: tuple[Layout, ...]
    # Release label from the last year with data (PTS and FH name releases after the next year).
    version: Callable[[int], str]
    download_hint: str = ""
    extra_names: dict[str, str] = field(default_factory=dict)
    # A release label in the file name ("PTS-2024.csv", "V-Dem-CY-Full+Others-v14.csv") wins over the years.
    name_pattern: str = ""
    name_format: str = "{}"

    def release(self, file_name: str, last_year: int) -> str:
        """The release a file is from: as its name says when it says so, else from the last year with data."""
        match = re.search(self.name_pattern, file_name, re.IGNORECASE) if self.name_pattern else None
        return self.name_format.format(match.group(1)) if match else self.version(last_year)


def number(raw: str | None, where: str) -> float | None:
    """A figure as a float; empty cells and the datasets' NA markers are missing values, not zeros."""
    text = (raw or "").strip()
    if text in ("", "NA", "N/A", "NaN", "nan", "-", ".."):
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(f"{where}: {text!r} is not a number; fix the cell or leave it empty") from None


def year_of(raw: str | None, where: str) -> int:
    """A four-digit year; V-Dem's R exports write ``1970.0``, which is accepted."""
    text = (raw or "").strip()
    try:
        year = int(float(text))
    except ValueError:
        raise InputError(f"{where}: year {text!r} is not a year (expected e.g. 2015)") from None
    if not 1800 <= year <= 2200 or float(text) != year:
        raise InputError(f"{where}: year {text!r} is not a year (expected e.g. 2015)")
    return year


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    plain = " ".join(plain.lower().split())
    if plain.startswith("the "):
        plain = plain[4:]
    return plain.replace("st. ", "saint ")


class CountryMapper:
    """Maps a record's identifiers to alpha-2, remembering each answer; ``None`` when no state fits.

    Codes (two or three capital letters) must match ISO 3166-1 exactly — a fuzzy match on a code
    could pick another state; names go through :func:`resolve_country`, which refuses guesses.
    """

    def __init__(self, extra_names: Mapping[str, str] | None = None) -> None:
        self._names = {**_DATASET_NAMES, **{_fold(k): v for k, v in (extra_names or {}).items()}}
        self._cache: dict[tuple[str, ...], str | None] = {}

    def state(self, ids: tuple[str, ...]) -> str | None:
        if ids not in self._cache:
            self._cache[ids] = next((code for code in map(self._one, ids) if code), None)
        return self._cache[ids]

    def _one(self, raw: str) -> str | None:
        text = raw.strip()
        if text in ("", "NA"):
            return None
        if len(text) == 2 and text.isupper():
            return text if is_alpha2(text) else None
        if len(text) == 3 and text.isupper():
            country = pycountry.countries.get(alpha_3=text)
            return str(country.alpha_2) if country is not None else None
        folded = _fold(text)
        if folded in self._names:
            return self._names[folded]
        try:
            return resolve_country(text)
        except CountryError:
            return None
