"""Importing a PTS, V-Dem or Freedom House file into the store as dated, sourced country figures.

The import works inside the caller's transaction: a file that fails part-way (a cell that is no
number, a year that is no year) raises, and the caller's rollback leaves the store as it was.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from exwatch.errors import InputError
from exwatch.kb.importers import (
    CountryMapper,
    Progress,
    Record,
    choose_layout,
    fingerprint,
    get_dataset,
    rows,
)
from exwatch.store.tables import Base, CountryFigureRow, IndicatorImportRow

_BATCH = 5000


@dataclass(frozen=True)
class Skipped:
    """Rows of one country name that were not stored, and why (no ISO state, or a second row for a state)."""

    name: str
    reason: str
    rows: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class ImportResult:
    """What an import stored: country-years (records), single values (figures), states, years, and what it skipped."""

    dataset: str
    title: str
    layout: str
    version: str
    file: str
    sha256: str
    records: int
    figures: int
    states: int
    first_year: int
    last_year: int
    replaced: int
    imported_by: str | None = None
    unmapped: list[Skipped] = field(default_factory=list)
    duplicates: list[Skipped] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class _Tally:
    """Counts skipped rows per name, with their first and last year, for the warnings."""

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, str], list[int]] = {}

    def add(self, name: str, reason: str, year: int) -> None:
        entry = self.by_name.setdefault((name, reason), [0, year, year])
        entry[0] += 1
        entry[1], entry[2] = min(entry[1], year), max(entry[2], year)

    def skipped(self) -> list[Skipped]:
        return [Skipped(n, r, c, lo, hi) for (n, r), (c, lo, hi) in sorted(self.by_name.items())]


@dataclass
class _Loaded:
    """What streaming one file stored: the first name seen per (state, year), figure count, skipped rows."""

    seen: dict[tuple[str, int], str] = field(default_factory=dict)
    batch: list[dict[str, Any]] = field(default_factory=list)
    figures: int = 0
    unmapped: _Tally = field(default_factory=_Tally)
    duplicates: _Tally = field(default_factory=_Tally)


def import_dataset(
    session: Session,
    kind: str,
    path: Path | str,
    progress: Progress | None = None,
    *,
    imported_by: str | None = None,
    version: str | None = None,
) -> ImportResult:
    """Import a PTS, V-Dem or Freedom House file; an earlier import of the same version and layout is replaced.

    The file is checked before anything is stored: a file of another layout is refused with the
    columns it lacks. Rows whose country is no ISO 3166-1 state (USSR, Yugoslavia, Crimea, ...) are
    skipped and listed in ``unmapped``. ``version`` overrides the release label derived from the years.
    """
    dataset = get_dataset(kind)
    path = Path(path)
    print_ = fingerprint(path)
    layout, header_line = choose_layout(dataset, path, print_.encoding)
    run = IndicatorImportRow(
        dataset=dataset.kind,
        layout=layout.name,
        version=version or "",
        file_name=path.name,
        file_sha256=print_.sha256,
        source_title=dataset.title,
        source_publisher=dataset.publisher,
        source_url=dataset.url,
        source_citation=dataset.citation,
        imported_by=imported_by,
        unmapped=[],
    )
    session.add(run)
    session.flush()
    loaded = _Loaded()
    mapper = CountryMapper(dataset.extra_names)
    for line, row in rows(path, print_.encoding, header_line, progress):
        try:
            record = layout.read(row)
        except InputError as exc:
            raise InputError(f"{path.name}, line {line}: {exc}; nothing was imported") from None
        if record is not None and record.values:
            _add(session, run, loaded, mapper.state(record.ids), record)
    loaded.figures += _store(session, loaded.batch)
    if not loaded.seen:
        raise InputError(f"{path.name}: no row has a figure for an ISO 3166-1 state; nothing was imported")
    years = [year for _, year in loaded.seen]
    run.version = version or dataset.release(path.name, max(years))
    replaced = _drop_earlier(session, run)
    skipped = loaded.unmapped.skipped(), loaded.duplicates.skipped()
    run.records, run.figures = len(loaded.seen), loaded.figures
    run.states = len({state for state, _ in loaded.seen})
    run.first_year, run.last_year = min(years), max(years)
    run.unmapped = [asdict(item) for item in skipped[0] + skipped[1]]
    session.flush()
    return ImportResult(
        dataset=dataset.kind,
        title=dataset.title,
        layout=layout.name,
        version=run.version,
        file=path.name,
        sha256=print_.sha256,
        records=run.records,
        figures=run.figures,
        states=run.states,
        first_year=run.first_year,
        last_year=run.last_year,
        replaced=replaced,
        imported_by=imported_by,
        unmapped=skipped[0],
        duplicates=skipped[1],
    )


def _add(session: Session, run: IndicatorImportRow, loaded: _Loaded, state: str | None, record: Record) -> None:
    """Queue a record's figures (stored a batch at a time), or count it as unmapped or as a duplicate."""
    if state is None:
        loaded.unmapped.add(record.label, "no ISO 3166-1 state", record.year)
        return
    first = loaded.seen.get((state, record.year))
    if first is not None:
        # Two rows for one state in one year (two names, or a repeated row): keep the first, not a guess.
        loaded.duplicates.add(record.label, f"second row for {state} in a year, first was {first!r}", record.year)
        return
    loaded.seen[state, record.year] = record.label
    for indicator, value in record.values.items():
        loaded.batch.append(
            {"import_pk": run.pk, "dataset": run.dataset, "state": state, "year": record.year, "indicator": indicator}
            | ({"value": None, "text": value} if isinstance(value, str) else {"value": value, "text": None})
        )
    if len(loaded.batch) >= _BATCH:
        loaded.figures += _store(session, loaded.batch)


def _store(session: Session, batch: list[dict[str, Any]]) -> int:
    count = len(batch)
    if batch:
        # Core, not the ORM's bulk insert: that splits a batch wherever the set of NULL columns
        # changes (a status between two numbers), which costs one round trip per figure on PostgreSQL.
        session.execute(insert(Base.metadata.tables[CountryFigureRow.__tablename__]), batch)
        batch.clear()
    return count


def _drop_earlier(session: Session, run: IndicatorImportRow) -> int:
    """Delete earlier imports of the same dataset, layout and version; return how many figures they had."""
    earlier = select(IndicatorImportRow.pk).where(
        IndicatorImportRow.dataset == run.dataset,
        IndicatorImportRow.layout == run.layout,
        IndicatorImportRow.version == run.version,
        IndicatorImportRow.pk != run.pk,
    )
    pks = list(session.scalars(earlier))
    if not pks:
        return 0
    count = session.scalar(select(func.count()).where(CountryFigureRow.import_pk.in_(pks))) or 0
    # Explicit deletes: the ON DELETE CASCADE would do it too, but not on an SQLite opened without foreign keys.
    session.execute(delete(CountryFigureRow).where(CountryFigureRow.import_pk.in_(pks)))
    session.execute(delete(IndicatorImportRow).where(IndicatorImportRow.pk.in_(pks)))
    return int(count)
