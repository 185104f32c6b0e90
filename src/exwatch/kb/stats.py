"""``kb stats``: how much the knowledge base covers, and what in it is still unverified.

A record counts as verified when at least one of its sources says exactly what the record
says (``verified: true``). Everything else is listed, with the note that says what remains
to check, so that a reader of an assessment can see which facts rest on leads only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from exwatch.kb.loader import Knowledge, load_knowledge
from exwatch.kb.models import Record, Source, Sourced
from exwatch.kb.query import party_in_force

# The states named in issue 3: those that request the people we protect, and those that hold them.
REQUESTING_STATES = (
    "RU",
    "KZ",
    "UA",
    "BY",
    "TJ",
    "UZ",
    "TM",
    "KG",
    "AZ",
    "TR",
    "CN",
    "EG",
    "BH",
    "AE",
    "SA",
    "IR",
    "IN",
    "RW",
    "VE",
)
CUSTODIAL_STATES = (
    "FR",
    "ES",
    "IT",
    "DE",
    "PL",
    "CZ",
    "LV",
    "LT",
    "GR",
    "CY",
    "BG",
    "GB",
    "US",
    "RS",
    "ME",
    "GE",
    "AM",
    "TH",
    "MA",
)
# The rows of the coverage matrix.
FOCUS_STATES = tuple(dict.fromkeys(REQUESTING_STATES + CUSTODIAL_STATES))


@dataclass(frozen=True)
class Unverified:
    """A record none of whose sources is verified, and what remains to check."""

    file: str
    line: int
    label: str
    todo: str


@dataclass(frozen=True)
class InstrumentCoverage:
    instrument: str
    short: str
    party_records: int
    in_force_today: int
    complete: bool
    unverified: int


@dataclass
class Stats:
    """What :func:`kb_stats` returns; ``matrix[state][instrument]`` is P, S, E or empty."""

    version: str
    states: int
    organisations: dict[str, int]
    instruments: list[InstrumentCoverage]
    matrix: dict[str, dict[str, str]]
    bilateral: int
    absences: int
    practice: int
    records: int = 0
    verified: int = 0
    unverified: list[Unverified] = field(default_factory=list)


def _records(value: object) -> Iterator[Sourced]:
    """Every sourced record inside ``value`` (depth first, sources themselves excluded)."""
    if isinstance(value, Sourced):
        yield value
    if isinstance(value, Record) and not isinstance(value, Source):
        for name in type(value).model_fields:
            yield from _records(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _records(item)


def _files(k: Knowledge) -> Iterator[tuple[str, object]]:
    yield "states.yaml", list(k.organisations.values())
    yield "instruments.yaml", list(k.instruments.values())
    yield from k.party_files.items()
    yield "transfer_links.yaml", k.links


def _label(rec: Sourced) -> str:
    for name in ("id", "state", "article", "towards"):
        value = getattr(rec, name, None)
        if value:
            return f"{type(rec).__name__} {value}"
    return type(rec).__name__


def _cell(k: Knowledge, instrument: str, state: str, today: dt.date) -> str:
    for f in k.parties_of(instrument):
        for p in f.parties:
            if p.state == state:
                if party_in_force(p, today):
                    return "P"
                return "E" if p.ended else "S"
    return ""


def kb_stats(knowledge: Knowledge | None = None, today: dt.date | None = None) -> Stats:
    """Coverage of the knowledge base: counts, a focus-state × instrument matrix, unverified records."""
    k = knowledge or load_knowledge()
    on = today or dt.date.today()
    coverage = []
    for inst in k.instruments.values():
        parties = [p for f in k.parties_of(inst.id) for p in f.parties]
        coverage.append(
            InstrumentCoverage(
                instrument=inst.id,
                short=inst.short,
                party_records=len(parties),
                in_force_today=sum(party_in_force(p, on) for p in parties),
                complete=any(f.complete for f in k.parties_of(inst.id)),
                unverified=sum(not any(s.verified for s in p.sources) for p in parties),
            )
        )
    stats = Stats(
        version=k.version,
        states=len(k.states),
        organisations={o.id: len(o.members) for o in k.organisations.values()},
        instruments=coverage,
        matrix={s: {i: _cell(k, i, s, on) for i in k.instruments} for s in FOCUS_STATES},
        bilateral=len(k.links.bilateral),
        absences=len(k.links.absences),
        practice=len(k.links.practice),
    )
    for rel, content in _files(k):
        for rec in _records(content):
            stats.records += 1
            if any(s.verified for s in rec.sources):
                stats.verified += 1
                continue
            todo = "; ".join(s.note for s in rec.sources if s.note) or "no verified source"
            stats.unverified.append(Unverified(rel, rec.line, _label(rec), todo))
    return stats
