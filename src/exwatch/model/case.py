"""The case interchange format (``exwatch-case/1``): one subject's situation across jurisdictions.

These models are the contract of ``exwatch case import`` and ``case export`` and of the
published JSON Schema (``docs/case.schema.json``). Every fact — a name, a state's role, a
request, an event, a circumstance — carries ``sources``: citations of entries in the case's
``sources`` list, each with an optional pinpoint (paragraph, page, article).

Values are normalised on the way in (states to ISO 3166-1 alpha-2, partial dates to
``YYYY[-MM[-DD]]``), so that what is exported is exactly what is stored, and importing an
export gives the same case again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, Final, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from exwatch.errors import CountryError
from exwatch.model.countries import resolve_country
from exwatch.model.dates import PartialDate, normalize_date
from exwatch.model.vocab import vocabulary

FORMAT: Final = "exwatch-case/1"
ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,79}$"


def _date(value: object) -> str:
    return normalize_date(value)


def _state(value: object) -> str:
    if not isinstance(value, str):
        raise CountryError(f"expected a state name or ISO 3166-1 code, got {value!r}")
    return resolve_country(value)


def _jurisdiction(value: object) -> str:
    """A state, or a forum that is not a state (INTERPOL, ECTHR, UNCAT, ...)."""
    if isinstance(value, str) and value.strip().upper() in vocabulary().values("forum"):
        return value.strip().upper()
    return _state(value)


def _vocab(group: str) -> AfterValidator:
    return AfterValidator(lambda value: vocabulary().check(group, value))


def _text(value: object) -> object:
    # Collapse stray whitespace so that hand-written YAML and exports compare equal.
    return " ".join(value.split()) if isinstance(value, str) else value


PartialDateStr = Annotated[str, BeforeValidator(_date)]
State = Annotated[str, BeforeValidator(_state)]
Jurisdiction = Annotated[str, BeforeValidator(_jurisdiction)]
Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Ident = Annotated[str, Field(pattern=ID_PATTERN)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Citation(Strict):
    """A pointer from a fact to one of the case's sources."""

    source: Ident = Field(description="id of an entry in the case's `sources`")
    pinpoint: str | None = Field(None, description="paragraph, page or article, e.g. '§ 5' or 'p. 3'")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        # "sources: [ce-2016]" is accepted as shorthand for "[{source: ce-2016}]".
        return {"source": data} if isinstance(data, str) else data


Citations = Annotated[list[Citation], Field(min_length=1, description="at least one citation")]


class Source(Strict):
    """A document that facts of the case rest on."""

    id: Ident
    title: Text
    kind: Annotated[str, _vocab("source_kind")] = "other"
    publisher: str | None = Field(None, description="issuing body, court or outlet")
    date: PartialDateStr | None = None
    url: str | None = Field(None, pattern=r"^(https?|ftp)://\S+$")
    language: Literal["en", "fr", "ru", "de", "es", "it", "pl", "uk", "kk", "other"] | None = None
    reference: str | None = Field(None, description="case number, document symbol, ECLI")
    note: str | None = None


class Name(Strict):
    name: Text
    kind: Annotated[str, _vocab("name_kind")] = "primary"
    script: Literal["Latn", "Cyrl", "Arab", "Hans", "Hant", "Geor", "Armn", "Other"] | None = None
    lang: str | None = Field(None, pattern=r"^[a-z]{2,3}$", description="ISO 639 code of the spelling")
    sources: list[Citation] = Field(default_factory=list)


class Subject(Strict):
    names: list[Name] = Field(min_length=1)
    birth_date: PartialDateStr | None = None
    gender: Literal["female", "male"] | None = Field(
        None, description="for letters in languages that mark it (Mme / M., ressortissante / ressortissant)"
    )
    nationalities: list[State] = Field(default_factory=list)
    profiles: list[Annotated[str, _vocab("profile")]] = Field(default_factory=list)
    sources: list[Citation] = Field(default_factory=list, description="support for birth date, nationality, profile")

    @property
    def primary_name(self) -> str:
        for name in self.names:
            if name.kind == "primary":
                return name.name
        return self.names[0].name


class Profile(Strict):
    """One of the subject's profiles as a document supports it (a proposal of ingestion; accepted, it joins
    ``Subject.profiles`` and its citation ``Subject.sources``)."""

    profile: Annotated[str, _vocab("profile")]
    sources: list[Citation] = Field(default_factory=list)


class StateRole(Strict):
    state: State
    roles: list[Annotated[str, _vocab("role")]] = Field(min_length=1)
    note: str | None = None
    sources: Citations


class Request(Strict):
    id: Ident
    kind: Annotated[str, _vocab("request_kind")]
    issuer: State
    issuing_body: str | None = None
    addressed_to: Jurisdiction | None = Field(None, description="state or forum (INTERPOL) it was sent to")
    date: PartialDateStr | None = None
    charges: list[Text] = Field(default_factory=list)
    reference: str | None = None
    status: Annotated[str, _vocab("request_status")] = "unknown"
    note: str | None = None
    sources: Citations


class Event(Strict):
    id: Ident
    date: PartialDateStr
    jurisdiction: Jurisdiction
    body: Text = Field(description="the court, ministry or organ that acted")
    action: Annotated[str, _vocab("event_action")]
    result: Annotated[str, _vocab("event_result")] | None = Field(
        None, description="how a decision came out (favourable, dismissed, annulled, ...); procedures read it"
    )
    outcome: str | None = None
    requests: list[Ident] = Field(default_factory=list, description="ids of the requests this event concerns")
    reference: str | None = None
    sources: Citations


class Fact(Strict):
    id: Ident
    kind: Annotated[str, _vocab("fact_kind")]
    text: Text
    state: State | None = None
    date: PartialDateStr | None = None
    sources: Citations


class CaseFile(Strict):
    """One case, as imported and exported."""

    format: Literal["exwatch-case/1"] = FORMAT
    id: Ident = Field(description="stable slug, e.g. 'ablyazov-2013'")
    title: str | None = None
    summary: str | None = None
    subject: Subject
    states: list[StateRole] = Field(default_factory=list)
    requests: list[Request] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references(self) -> CaseFile:
        problems: list[str] = []
        for label, items in (
            ("sources", self.sources),
            ("requests", self.requests),
            ("events", self.events),
            ("facts", self.facts),
        ):
            seen: set[str] = set()
            for item in items:
                if item.id in seen:
                    problems.append(f"{label}: id {item.id!r} is used twice; ids must be unique")
                seen.add(item.id)
        states = [role.state for role in self.states]
        for state in {s for s in states if states.count(s) > 1}:
            problems.append(f"states: {state} is listed twice; give one entry with all its roles")
        known_sources = {s.id for s in self.sources}
        for path, citation in self.citations():
            if citation.source not in known_sources:
                problems.append(f"{path}: cites source {citation.source!r}, which is not in `sources`")
        known_requests = {r.id for r in self.requests}
        for i, event in enumerate(self.events):
            for ref in event.requests:
                if ref not in known_requests:
                    problems.append(f"events[{i}].requests: {ref!r} is not the id of a request in this case")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def citations(self) -> list[tuple[str, Citation]]:
        """Every citation in the case with the path of the fact that makes it."""
        found: list[tuple[str, Citation]] = []
        for i, name in enumerate(self.subject.names):
            found += [(f"subject.names[{i}].sources[{j}]", c) for j, c in enumerate(name.sources)]
        found += [(f"subject.sources[{j}]", c) for j, c in enumerate(self.subject.sources)]
        groups: list[tuple[str, list[Any]]] = [
            ("states", self.states),
            ("requests", self.requests),
            ("events", self.events),
            ("facts", self.facts),
        ]
        for label, items in groups:
            for i, item in enumerate(items):
                found += [(f"{label}[{i}].sources[{j}]", c) for j, c in enumerate(item.sources)]
        return found

    def sorted_events(self) -> list[Event]:
        """Events in the order they are known to have happened, file order on ties.

        A partial date sorts by the last day it can mean: a pourvoi dated only "2014-10" surely
        came after an opinion of 24 October 2014, not before it. It matches the "as of" rule that
        counts such an event only once that day has passed.
        """
        return sorted(self.events, key=lambda e: PartialDate.parse(e.date).latest())


# Russian/Kazakh Cyrillic to Latin for case ids only (names themselves are stored as written).
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
            "a",
            "g",
            "k",
            "n",
            "o",
            "u",
            "u",
            "h",
            "i",
        ],
        strict=True,
    )
)


def unique_id(wanted: str, taken: Callable[[str], bool]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… — the first that ``taken`` says is free."""
    candidate, n = wanted, 2
    while taken(candidate):
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def slugify(text: str) -> str:
    """A case id from a name: lower-case ASCII letters, digits and hyphens ("Ильхом" → "ilkhom")."""
    latin = "".join(_CYRILLIC.get(ch, ch) for ch in text.lower())
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].strip("-") or "case"
