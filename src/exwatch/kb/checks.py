"""``kb check``: every fault in the knowledge files, each with its file and line.

Shape faults (unknown key, wrong type, bad YAML) come from :mod:`exwatch.kb.loader`. This
module adds what needs the whole base: unsourced records, references that do not resolve,
state codes outside ISO 3166-1, impossible or inverted dates, and duplicates. Rules are
driven by field names, so a new record type gets them by naming its fields the same way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from exwatch.errors import DateError
from exwatch.kb.errors import Fault
from exwatch.kb.loader import Knowledge, read_knowledge
from exwatch.kb.models import Record, Source, Sourced
from exwatch.model.countries import is_alpha2
from exwatch.model.dates import PartialDate

DATE_FIELDS = frozenset(
    {"date", "start", "end", "signed", "ratified", "in_force", "denounced", "ended", "adopted", "as_of", "bound_by"}
)
STATE_FIELDS = frozenset({"state", "origin", "destination"})
STATE_LIST_FIELDS = frozenset({"states", "towards"})
# (earlier, later): a record where the later date precedes the earlier one is a typing error.
ORDER = (
    ("start", "end"),
    ("signed", "ratified"),
    ("ratified", "in_force"),
    ("signed", "in_force"),
    ("in_force", "ended"),
    ("in_force", "denounced"),
    ("adopted", "in_force"),
    ("bound_by", "ended"),
)


@dataclass
class _Context:
    knowledge: Knowledge
    faults: list[Fault] = field(default_factory=list)
    today: dt.date = field(default_factory=dt.date.today)

    def add(self, rel: str, line: int, message: str) -> None:
        self.faults.append(Fault(rel, line, message))


def _check_state(ctx: _Context, rel: str, line: int, name: str, code: str) -> None:
    if not is_alpha2(code):
        ctx.add(rel, line, f"{name}: {code!r} is not an ISO 3166-1 alpha-2 code")
    elif code not in ctx.knowledge.states:
        ctx.add(rel, line, f"{name}: {code!r} is not listed in states.yaml")


def _check_source(ctx: _Context, rel: str, src: Source) -> None:
    if src.doc is not None:
        if src.doc not in ctx.knowledge.documents:
            ctx.add(rel, src.line, f"source doc {src.doc!r} is not defined in documents.yaml")
    else:
        missing = [n for n in ("title", "issuer", "url", "checked") if not getattr(src, n)]
        if missing:
            ctx.add(rel, src.line, f"source without doc needs {', '.join(missing)}")
    if not src.verified and not (src.note or "").strip():
        ctx.add(rel, src.line, "unverified source needs a note saying what remains to check")
    if src.checked is not None:
        _check_checked(ctx, rel, src.line, src.checked)


def _check_checked(ctx: _Context, rel: str, line: int, value: str) -> None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        ctx.add(rel, line, f"checked: {value!r} must be the full day the source was read (YYYY-MM-DD)")
        return
    if day > ctx.today:
        ctx.add(rel, line, f"checked: {value} is in the future")


def _walk(ctx: _Context, rel: str, record: Record) -> None:
    dates: dict[str, PartialDate] = {}
    for name in type(record).model_fields:
        value = getattr(record, name)
        if value is None:
            continue
        if name in DATE_FIELDS and not isinstance(record, Source):
            try:
                dates[name] = PartialDate.parse(value)
            except DateError as err:
                ctx.add(rel, record.line, f"{name}: {err}")
        elif name in STATE_FIELDS:
            _check_state(ctx, rel, record.line, name, str(value))
        elif name in STATE_LIST_FIELDS:
            for code in value:
                _check_state(ctx, rel, record.line, name, str(code))
            if name == "states" and len(set(value)) != len(value):
                ctx.add(rel, record.line, "states: the two states must differ")
        elif isinstance(value, Record):
            _walk(ctx, rel, value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Record):
                    _walk(ctx, rel, item)
    if isinstance(record, Source):
        _check_source(ctx, rel, record)
        if record.date is not None:
            try:
                PartialDate.parse(record.date)
            except DateError as err:
                ctx.add(rel, record.line, f"date: {err}")
    if isinstance(record, Sourced) and not record.sources:
        ctx.add(rel, record.line, "no source: every record needs at least one entry under sources")
    succession = getattr(record, "how", None) == "succession"
    for earlier, later in ORDER:
        if succession and (earlier, later) == ("ratified", "in_force"):
            continue  # a successor state is bound from independence, before it notifies
        if earlier in dates and later in dates and dates[later].latest() < dates[earlier].earliest():
            ctx.add(rel, record.line, f"{later} ({dates[later]}) is before {earlier} ({dates[earlier]})")


def _duplicates(ctx: _Context, rel: str, items: Iterable[tuple[object, int]], what: str) -> None:
    counts: Counter[object] = Counter()
    for key, line in items:
        counts[key] += 1
        if counts[key] == 2:
            ctx.add(rel, line, f"duplicate {what} {key!r}")


def _check_references(ctx: _Context) -> None:
    k = ctx.knowledge
    for inst in k.instruments.values():
        if inst.organisation is not None and inst.organisation not in k.organisations:
            ctx.add("instruments.yaml", inst.line, f"organisation {inst.organisation!r} is not in states.yaml")
        for ref in [inst.protocol_of, *inst.displaces]:
            if ref is not None and ref not in k.instruments:
                ctx.add("instruments.yaml", inst.line, f"unknown instrument id {ref!r}")
    for rel, parties in k.party_files.items():
        if parties.instrument not in k.instruments:
            ctx.add(rel, parties.line, f"unknown instrument id {parties.instrument!r}")
        elif Path(rel).stem != parties.instrument:
            ctx.add(rel, parties.line, f"file name should be parties/{parties.instrument}.yaml")
        _duplicates(ctx, rel, ((p.state, p.line) for p in parties.parties), "party")
    for prac in k.links.practice:
        if prac.origin == prac.destination:
            ctx.add("transfer_links.yaml", prac.line, "from and to must differ")


def _check_iso_list(ctx: _Context) -> None:
    listed = set(ctx.knowledge.states)
    for country in pycountry.countries:
        if str(country.alpha_2) not in listed:
            ctx.add("states.yaml", 1, f"ISO 3166-1 state {country.alpha_2} ({country.name}) is missing")
    for state in ctx.knowledge.states.values():
        if not is_alpha2(state.code):
            ctx.add("states.yaml", state.line, f"{state.code!r} is not an ISO 3166-1 alpha-2 code")


def check_loaded(knowledge: Knowledge) -> list[Fault]:
    """The semantic faults of an already shape-checked knowledge base."""
    ctx = _Context(knowledge)
    k = knowledge
    for doc in k.documents.values():
        _check_checked(ctx, "documents.yaml", doc.line, doc.checked)
    _check_iso_list(ctx)
    for org in k.organisations.values():
        _walk(ctx, "states.yaml", org)
        _duplicates(
            ctx, "states.yaml", (((m.state, str(m.start)), m.line) for m in org.members), f"{org.id} membership"
        )
    for inst in k.instruments.values():
        _walk(ctx, "instruments.yaml", inst)
        _duplicates(ctx, "instruments.yaml", ((a.article, a.line) for a in inst.articles), f"{inst.id} article")
    for rel, parties in k.party_files.items():
        _walk(ctx, rel, parties)
    _duplicates(ctx, "parties/", ((p.instrument, p.line) for p in k.party_files.values()), "parties file for")
    links = k.links
    for rec in [*links.bilateral, *links.absences, *links.practice]:
        _walk(ctx, "transfer_links.yaml", rec)
    ids = (
        [(r.id, r.line) for r in links.bilateral]
        + [(r.id, r.line) for r in links.absences]
        + [(r.id, r.line) for r in links.practice]
    )
    _duplicates(ctx, "transfer_links.yaml", ids, "link id")
    _check_references(ctx)
    return ctx.faults


def check_knowledge(path: Path | None = None) -> list[Fault]:
    """Every fault in the knowledge directory ``path`` (default: the shipped data), sorted by file and line."""
    knowledge, faults = read_knowledge(path)
    if knowledge is not None:
        faults += check_loaded(knowledge)
    return sorted(set(faults))
