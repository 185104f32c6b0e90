"""Everything a template needs, in the addressee's language, with every claim tied to a footnote.

The letter is written from structured facts (states, dates, bodies, kinds of circumstance) and the
vocabulary's labels, not by pasting the case's free-text notes, which are in the language they were
recorded in: a French letter must not carry English sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from markupsafe import Markup

from exwatch.assess.assessment import Assessment
from exwatch.model.case import CaseFile, Citation
from exwatch.model.countries import country_name
from exwatch.model.dates import PartialDate
from exwatch.model.vocab import Lang, vocabulary

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
}


@lru_cache(maxsize=16)
def _data(name: str) -> dict[str, Any]:
    text = resources.files("exwatch.draft.data").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def format_date(value: str | dt.date, lang: Lang) -> str:
    """'2015-05-25' → '25 May 2015' / '25 mai 2015'; partial dates stay partial ('octobre 2014')."""
    date = PartialDate.parse(value)
    months = MONTHS[lang]
    if date.month is None:
        return str(date.year)
    month = months[date.month - 1]
    if date.day is None:
        if lang == "ru":  # nominative month names are needed without a day; keep it simple and exact
            return f"{date.month:02d}.{date.year}"
        return f"{month} {date.year}"
    day = "1er" if (lang == "fr" and date.day == 1) else str(date.day)
    return f"{day} {month} {date.year}"


def state_name(code: str, lang: Lang, form: int = 0) -> str:
    """A state in running text: form 0 'la Russie', 1 'en Russie', 2 'de la Russie', 3 'vers la Russie'
    (English: Russia / in Russia / of Russia / to Russia)."""
    forms = _data("states.yaml").get(lang, {}).get(code)
    name = str(forms[0]) if forms else country_name(code)
    if form == 3:
        return f"{'vers' if lang == 'fr' else 'to'} {name}"
    if forms:
        return str(forms[form])
    return [name, f"in {name}", f"of {name}"][form] if lang == "en" else name


class Notes:
    """Footnotes numbered in the order the finished text calls them.

    Templates may prepare a citation and not use it (a fact left out of a sentence), so ``add`` returns a
    placeholder and :meth:`number` assigns the final numbers by first appearance, dropping unused notes.
    """

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self.items: list[str] = []
        self.used: list[str] = []  # keys of the notes the text calls, in order

    def add(self, key: str, text: str) -> Markup:
        if key not in self._index:
            self._texts.append(text)
            self._keys.append(key)
            self._index[key] = len(self._texts) - 1
        return Markup(f"[^@{self._index[key]}]")

    def number(self, markup: str) -> str:
        """Replace placeholders by 1, 2, 3… in reading order and keep only the notes that are called."""
        order: dict[int, int] = {}

        def renumber(match: re.Match[str]) -> str:
            internal = int(match.group(1))
            if internal not in order:
                order[internal] = len(order) + 1
                self.items.append(self._texts[internal])
                self.used.append(self._keys[internal])
            return f"[^{order[internal]}]"

        return re.sub(r"\[\^@(\d+)\]", renumber, markup)


def _source_note(source: dict[str, Any], lang: Lang) -> str:
    parts = [source.get("title", "")]
    for key in ("publisher", "issuer", "reference", "pinpoint"):
        if source.get(key):
            parts.append(str(source[key]))
    if source.get("date"):
        parts.append(format_date(str(source["date"]), lang))
    text = ", ".join(p for p in parts if p)
    if source.get("url"):
        text += f", {source['url']}"
    if source.get("checked"):
        text += f" ({'consulté le' if lang == 'fr' else 'checked'} {format_date(source['checked'], lang)})"
    return text + "."


@dataclass
class DraftContext:
    case: CaseFile
    assessment: Assessment
    lang: Lang
    profile: dict[str, Any]
    addressee: dict[str, Any]
    notes: Notes = field(default_factory=Notes)

    def usable(self, citations: list[Citation] | tuple[Citation, ...], limit: int = 4) -> list[Citation]:
        """The citations a document dated on the assessment day can make: each source once, none published
        after that day (a letter of May 2015 cannot cite a judgment of 2016), at most ``limit``."""
        by_id = {s.id: s for s in self.case.sources}
        kept: list[Citation] = []
        for c in citations:
            date = by_id[c.source].date
            if date is not None and PartialDate.parse(date).earliest() > self.assessment.as_of:
                continue
            if all(k.source != c.source for k in kept):
                kept.append(c)
        return kept[:limit]

    def cite(self, citations: list[Citation] | tuple[Citation, ...]) -> Markup:
        """Footnote calls for the case sources of a fact (see :meth:`usable`)."""
        by_id = {s.id: s for s in self.case.sources}
        calls = []
        for c in self.usable(citations):
            source = by_id[c.source].model_dump(exclude_none=True)
            if c.pinpoint:
                source["pinpoint"] = c.pinpoint
            calls.append(self.notes.add(f"case:{c.source}:{c.pinpoint}", _source_note(source, self.lang)))
        return Markup("".join(calls))

    def cite_legal(self, source: dict[str, Any]) -> Markup:
        key = f"legal:{source.get('title')}:{source.get('pinpoint')}"
        return self.notes.add(key, _source_note(source, self.lang))

    def facts(self, *kinds: str) -> list[Any]:
        day = self.assessment.as_of
        return [
            f
            for f in self.case.facts
            if f.kind in kinds and (f.date is None or PartialDate.parse(f.date).latest() <= day)
        ]

    def label(self, group: str, value: str) -> str:
        return vocabulary().label(group, value, self.lang)

    def grammar(self) -> dict[str, str]:
        """Words that agree with the subject's gender; unknown gender omits the honorific rather than guess
        it and keeps the grammatical default for agreement."""
        gender = getattr(self.case.subject, "gender", None)
        female = gender == "female"
        honorific = {"fr": ("Mme " if female else "M. "), "en": ("Ms " if female else "Mr "),
                     "ru": ("г-жа " if female else "г-н ")}[self.lang] if gender else ""
        return {
            "who": honorific + self.subject_name(),
            "e": "e" if female else "", "il": "elle" if female else "il", "un": "une" if female else "un",
            "he": "she" if female else "he", "his": "her" if female else "his", "him": "her" if female else "him",
        }

    def subject_name(self) -> str:
        """The spelling used in the addressee's language when the case records one."""
        for name in self.case.subject.names:
            if name.lang == self.lang and name.kind in ("primary", "transliteration"):
                return name.name
        return self.case.subject.primary_name
