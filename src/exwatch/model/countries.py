"""States as ISO 3166-1 alpha-2 codes, resolved through pycountry.

People type "Russia", "UK", "Kazakhstan" or "KAZ"; the store keeps ``RU``, ``GB``, ``KZ``.
A name we cannot resolve with certainty is refused with the closest matches: guessing a
state would silently move a person's risk assessment to the wrong country.
"""

from __future__ import annotations

import difflib
from functools import lru_cache

import pycountry

from exwatch.errors import CountryError

# Everyday English names that ISO 3166 spells otherwise, and Kosovo, which INTERPOL and the
# Council of Europe treat as a separate jurisdiction under the user-assigned code XK.
_ALIASES: dict[str, str] = {
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "usa": "US",
    "united states": "US",
    "america": "US",
    "turkey": "TR",
    "kosovo": "XK",
    "ivory coast": "CI",
    "czechia": "CZ",
    "the netherlands": "NL",
    "holland": "NL",
    "south korea": "KR",
    "north korea": "KP",
    "uae": "AE",
    "emirates": "AE",
    "burma": "MM",
    "swaziland": "SZ",
    "macedonia": "MK",
}
_EXTRA_NAMES: dict[str, str] = {"XK": "Kosovo"}


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every known spelling (lower case) → alpha-2."""
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = str(country.alpha_2)
        for attr in ("name", "common_name", "official_name", "alpha_3", "alpha_2"):
            value = getattr(country, attr, None)
            if value:
                table[str(value).lower()] = code
    table.update(_ALIASES)
    for code, name in _EXTRA_NAMES.items():
        table[code.lower()] = code
        table[name.lower()] = code
    return table


def is_alpha2(code: str) -> bool:
    """True when ``code`` is an assigned ISO 3166-1 alpha-2 code (or XK for Kosovo)."""
    return code in _EXTRA_NAMES or pycountry.countries.get(alpha_2=code) is not None


def country_name(code: str) -> str:
    """The English short name of a state, for display."""
    if code in _EXTRA_NAMES:
        return _EXTRA_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise CountryError(f"{code!r} is not an ISO 3166-1 alpha-2 code")
    return str(getattr(country, "common_name", None) or country.name)


def closest_countries(text: str, limit: int = 5) -> list[str]:
    """Up to ``limit`` suggestions ("Kazakhstan (KZ)") for a misspelt state."""
    table = _names()
    matches = difflib.get_close_matches(text.lower(), list(table), n=limit * 3, cutoff=0.6)
    seen: list[str] = []
    for match in matches:
        code = table[match]
        label = f"{country_name(code)} ({code})"
        if label not in seen:
            seen.append(label)
    return seen[:limit]


def resolve_country(text: str) -> str:
    """Return the alpha-2 code for a state name or code, or raise :class:`CountryError`."""
    cleaned = " ".join(str(text).split())
    if not cleaned:
        raise CountryError("a state is required: give an ISO 3166-1 code (e.g. FR) or an English name")
    table = _names()
    key = cleaned.lower()
    if key in table:
        return table[key]
    # A unique pycountry fuzzy hit is accepted only when the text begins a word of its name
    # ("Russia" → "Russian Federation"); anything looser is a guess and is refused.
    try:
        hits = pycountry.countries.search_fuzzy(cleaned)
    except LookupError:
        hits = []
    if len(hits) == 1:
        names = [str(getattr(hits[0], a, "") or "").lower() for a in ("name", "common_name", "official_name")]
        if any(word.startswith(key) for name in names for word in name.split()):
            return str(hits[0].alpha_2)
    suggestions = closest_countries(cleaned) or [f"{country_name(str(h.alpha_2))} ({h.alpha_2})" for h in hits[:5]]
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else "; use an ISO 3166-1 alpha-2 code"
    raise CountryError(f"unknown state {cleaned!r}{hint}")
