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
from exwatch.draft.safe import inert
from exwatch.kb.models import existed_on
from exwatch.model.case import CaseFile, Citation
from exwatch.model.countries import country_name
from exwatch.model.dates import PartialDate
from exwatch.model.known import Known
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
# Russian needs the nominative month without a day ("октябрь 2014 г.") and the genitive with one ("24 октября").
MONTHS_RU_NOMINATIVE = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]


@lru_cache(maxsize=16)
def _data(name: str) -> dict[str, Any]:
    text = resources.files("exwatch.draft.data").joinpath(name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def format_date(value: str | dt.date, lang: Lang) -> str:
    """'2015-05-25' → '25 May 2015' / '25 mai 2015' / '25 мая 2015 г.'; partial dates stay partial
    ('octobre 2014', 'октябрь 2014 г.')."""
    date = PartialDate.parse(value)
    months = MONTHS[lang]
    year = f"{date.year} г." if lang == "ru" else str(date.year)
    if date.month is None:
        return year
    if date.day is None:
        month = MONTHS_RU_NOMINATIVE[date.month - 1] if lang == "ru" else months[date.month - 1]
        return f"{month} {year}"
    day = "1er" if (lang == "fr" and date.day == 1) else str(date.day)
    return f"{day} {months[date.month - 1]} {year}"


def state_name(code: str, lang: Lang, form: int = 0) -> str:
    """A state in running text: form 0 'la Russie', 1 'en Russie', 2 'de la Russie', 3 'vers la Russie'
    (English: Russia / in Russia / of Russia / to Russia). Russian cases cannot be made with a prefix, so
    its table stores all four forms: Россия / в России / России (genitive) / в Россию."""
    forms = _data("states.yaml").get(lang, {}).get(code)
    name = str(forms[0]) if forms else country_name(code)
    if form == 3 and lang == "ru":
        return str(forms[3]) if forms else name
    if form == 3:
        return f"{'vers' if lang == 'fr' else 'to'} {name}"
    if forms:
        return str(forms[form])
    return [name, f"in {name}", f"of {name}"][form] if lang == "en" else name


# Russian declension of a personal name, word by word: (genitive, dative, accusative, instrumental,
# prepositional). Only the common patterns are covered; a word no rule fits is left as it is, which is what
# Russian does with most foreign surnames ending in a vowel and with women's surnames ending in a consonant.
_RU_CASE_KEYS = ("gen", "dat", "acc", "ins", "pre")
_RU_SIBILANT = tuple("жшчщц")
_RU_VELAR_SIBILANT = tuple("гкхжшчщ")
_RU_VOWELS = tuple("аеёиоуыэюя")
_RU_FLEETING = {"Павел": "Павл", "Лев": "Льв", "Пётр": "Петр"}


def _ru_decline_word(word: str, female: bool, last: bool) -> tuple[str, str, str, str, str]:
    if "-" in word:  # double surnames decline in each part
        parts = [_ru_decline_word(p, female, last) for p in word.split("-")]
        joined = tuple("-".join(p[i] for p in parts) for i in range(5))
        return joined[0], joined[1], joined[2], joined[3], joined[4]
    w = word
    low = w.lower()
    if not re.fullmatch(r"[А-Яа-яЁё]+", w):
        return (w, w, w, w, w)
    if female:
        if last and low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            s = w[:-1]
            return (s + "ой", s + "ой", s + "у", s + "ой", s + "ой")
        if last and low.endswith(("ская", "цкая")):
            s = w[:-2]
            return (s + "ой", s + "ой", s + "ую", s + "ой", s + "ой")
        if low.endswith("ия"):
            s = w[:-1]
            return (s + "и", s + "и", s + "ю", s + "ей", s + "и")
        if low.endswith("а"):
            s = w[:-1]
            gen = "и" if s.lower().endswith(_RU_VELAR_SIBILANT) else "ы"
            ins = "ей" if s.lower().endswith(_RU_SIBILANT) else "ой"
            return (s + gen, s + "е", s + "у", s + ins, s + "е")
        if low.endswith("я"):
            s = w[:-1]
            return (s + "и", s + "е", s + "ю", s + "ей", s + "е")
        return (w, w, w, w, w)
    if last and low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return (w + "а", w + "у", w + "а", w + "ым", w + "е")
    if last and low.endswith(("ский", "цкий")):
        s = w[:-2]
        return (s + "ого", s + "ому", s + "ого", s + "им", s + "ом")
    if low.endswith(("ых", "их")):
        return (w, w, w, w, w)
    if low.endswith("ий"):
        s = w[:-1]
        return (s + "я", s + "ю", s + "я", s + "ем", s + "и")
    if low.endswith(("й", "ь")):
        s = w[:-1]
        return (s + "я", s + "ю", s + "я", s + "ем", s + "е")
    if low.endswith("а"):
        s = w[:-1]
        gen = "и" if s.lower().endswith(_RU_VELAR_SIBILANT) else "ы"
        ins = "ей" if s.lower().endswith(_RU_SIBILANT) else "ой"
        return (s + gen, s + "е", s + "у", s + ins, s + "е")
    if low.endswith("я"):
        s = w[:-1]
        return (s + "и", s + "е", s + "ю", s + "ей", s + "е")
    if low.endswith(_RU_VOWELS):
        return (w, w, w, w, w)
    stem = _RU_FLEETING.get(w, w)  # Павел → Павла, Лев → Льва
    ins = "ем" if low.endswith(_RU_SIBILANT) else "ом"
    return (stem + "а", stem + "у", stem + "а", stem + ins, stem + "е")


def ru_name_cases(name: str, gender: str | None) -> dict[str, str]:
    """'Мухтар Аблязов' → {'gen': 'Мухтара Аблязова', 'dat': 'Мухтару Аблязову', …}. Without a recorded
    gender the name is not declined: guessing would be worse than a name left in the nominative."""
    if gender not in ("male", "female"):
        return {key: name for key in _RU_CASE_KEYS}
    words = name.split()
    declined = [_ru_decline_word(w, gender == "female", i == len(words) - 1) for i, w in enumerate(words)]
    return {key: " ".join(d[i] for d in declined) for i, key in enumerate(_RU_CASE_KEYS)}


class Notes:
    """Footnotes numbered in the order the finished text calls them.

    Templates may prepare a citation and not use it (a fact left out of a sentence), so ``add`` returns a
    placeholder and :meth:`number` assigns the final numbers by first appearance, dropping unused notes.
    """

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self.dates: dict[str, str | None] = {}  # key → the date of the source a note cites (None: undated)
        self.items: list[str] = []
        self.used: list[str] = []  # keys of the notes the text calls, in order

    def add(self, key: str, text: str, date: str | None = None) -> Markup:
        """A placeholder for a note whose text is data (a source's title, URL, reference): stored inert, with
        the date of the source it cites."""
        if key not in self._index:
            self._texts.append(inert(text))
            self._keys.append(key)
            self._index[key] = len(self._texts) - 1
            self.dates[key] = date
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
    if source.get("checked") and lang == "ru":
        text += f" (дата обращения: {format_date(source['checked'], lang)})"
    elif source.get("checked"):
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
        after that day (a letter of May 2015 cannot cite a judgment of 2016; one dated only "2015-05" is out
        once May has passed: :mod:`exwatch.model.known`), at most ``limit``."""
        kept: list[Citation] = []
        for c in Known(self.case, self.assessment.as_of).cites(citations):
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
            key = f"case:{c.source}:{c.pinpoint}"
            calls.append(self.notes.add(key, _source_note(source, self.lang), source.get("date")))
        return Markup("".join(calls))

    def cite_legal(self, source: dict[str, Any] | None) -> Markup:
        """A note for a legal source; none for a text that did not yet exist on the document's date (or none at
        all): a letter of 2015 cannot rest on a general comment of 2017."""
        if source is None or not existed_on(source.get("date"), self.assessment.as_of):
            return Markup("")
        key = f"legal:{source.get('title')}:{source.get('pinpoint')}"
        date = source.get("date")
        return self.notes.add(key, _source_note(source, self.lang), None if date is None else str(date))

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
        it and keeps the grammatical default for agreement. Russian also gets the name in each case
        (``who_gen`` 'г-на Мухтара Аблязова', ``who_dat`` …) and the pronouns он/его/ему."""
        gender = getattr(self.case.subject, "gender", None)
        female = gender == "female"
        honorific = (
            {
                "fr": ("Mme " if female else "M. "),
                "en": ("Ms " if female else "Mr "),
                "ru": ("г-жа " if female else "г-н "),
            }[self.lang]
            if gender
            else ""
        )
        words = {
            "who": honorific + self.subject_name(),
            "e": "e" if female else "",
            "il": "elle" if female else "il",
            "un": "une" if female else "un",
            "he": "she" if female else "he",
            "his": "her" if female else "his",
            "him": "her" if female else "him",
        }
        if self.lang == "ru":
            titles = ("г-жи", "г-же", "г-жу", "г-жой", "г-же") if female else ("г-на", "г-ну", "г-на", "г-ном", "г-не")
            cases = ru_name_cases(self.subject_name(), gender)
            for i, key in enumerate(_RU_CASE_KEYS):
                words[f"who_{key}"] = (f"{titles[i]} " if gender else "") + cases[key]
            words |= {
                "on": "она" if female else "он",
                "ego": "её" if female else "его",
                "emu": "ей" if female else "ему",
            }
        return words

    def mf(self, masculine: str, feminine: str) -> str:
        """The word agreeing with the subject's gender (the masculine when it is not recorded)."""
        return feminine if getattr(self.case.subject, "gender", None) == "female" else masculine

    def subject_name(self) -> str:
        """The spelling used in the addressee's language when the case records one (for Russian, the
        native Cyrillic spelling too: it is the one a Russian letter writes)."""
        for name in self.case.subject.names:
            if name.lang == self.lang and name.kind in ("primary", "transliteration"):
                return name.name
        if self.lang == "ru":
            for name in self.case.subject.names:
                if name.lang == "ru" and name.kind == "native":
                    return name.name
        return self.case.subject.primary_name
