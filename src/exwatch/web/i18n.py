"""The interface in English, French and Russian: gettext catalogues (``locales/<lang>/LC_MESSAGES/messages.po``,
edited with Babel's tools) compiled in memory at first use, and dates written for the reader's locale."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALES = ("en", "fr", "ru")
NAMES = {"en": "English", "fr": "Français", "ru": "Русский"}
CATALOGUES = Path(__file__).parent / "locales"


@lru_cache(maxsize=len(LOCALES))
def translations(locale: str) -> NullTranslations:
    path = CATALOGUES / locale / "LC_MESSAGES" / "messages.po"
    if locale == "en" or not path.exists():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def gettext(locale: str) -> Callable[[str], str]:
    return translations(locale if locale in LOCALES else "en").gettext


def best_locale(accept_language: str | None) -> str:
    """The first of our locales named in an Accept-Language header (for the login page), else English."""
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LOCALES:
            return tag
    return "en"


def format_day(value: object, locale: str) -> str:
    """A case date (YYYY, YYYY-MM or YYYY-MM-DD) as the reader's locale writes it; anything else unchanged."""
    text = str(value or "")
    try:
        if len(text) == 10:
            return format_date(dt.date.fromisoformat(text), format="long", locale=locale)
        if len(text) == 7:
            return format_date(dt.date.fromisoformat(text + "-01"), format="LLLL y", locale=locale)
    except ValueError:
        return text
    return text
