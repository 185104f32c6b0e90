"""Country figures from PTS, V-Dem and Freedom House: importing a dataset file, reading a state's figures.

The figures are supplementary, dated evidence with their source; they never set a risk level
(the assessment's levels come from the cited findings of the knowledge base). A later change can
show :func:`country_figures` next to an assessment's destinations.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exwatch.kb.importers import DATASETS
from exwatch.logic.figure_import import ImportResult, Skipped, import_dataset
from exwatch.model.countries import resolve_country
from exwatch.store.tables import CountryFigureRow, IndicatorImportRow

__all__ = ["CountryFigure", "FigureSource", "ImportResult", "Skipped", "country_figures", "import_dataset"]


@dataclass(frozen=True)
class FigureSource:
    """Where a figure comes from: the dataset release, how to cite it, and the file it was imported from."""

    title: str
    publisher: str
    url: str
    citation: str
    version: str
    file: str
    sha256: str
    imported_at: str


@dataclass(frozen=True)
class CountryFigure:
    """One indicator's latest value for a state up to the asked year, what it measures, and its source."""

    dataset: str
    indicator: str
    meaning: str
    state: str
    year: int
    value: float | str
    source: FigureSource

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes (stored as UTC); PostgreSQL aware ones in the session's zone.
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def country_figures(session: Session, state: str, as_of_year: int) -> list[CountryFigure]:
    """Per dataset and indicator, a state's most recent imported figure of ``as_of_year`` or before.

    ``state`` may be a code or a name ("Kazakhstan"). When two imports hold the same year (two
    layouts, or two releases), the most recent import wins. Ordered by dataset, then as each dataset
    lists its indicators. Years are the years the figures describe; each release appears the year
    after (PTS-2024 scores 2023), so a caller asking what was known on a date passes the year before.
    """
    code = resolve_country(state)
    query = (
        select(CountryFigureRow, IndicatorImportRow)
        .join(IndicatorImportRow, CountryFigureRow.import_pk == IndicatorImportRow.pk)
        .where(CountryFigureRow.state == code, CountryFigureRow.year <= as_of_year)
        .order_by(
            CountryFigureRow.dataset,
            CountryFigureRow.indicator,
            CountryFigureRow.year.desc(),
            IndicatorImportRow.imported_at.desc(),
            IndicatorImportRow.pk.desc(),
        )
    )
    latest: dict[tuple[str, str], CountryFigure] = {}
    for figure, run in session.execute(query):
        key = (figure.dataset, figure.indicator)
        if key in latest:
            continue
        dataset = DATASETS.get(figure.dataset)
        value: float | str = figure.value if figure.value is not None else (figure.text or "")
        source = FigureSource(
            title=run.source_title,
            publisher=run.source_publisher,
            url=run.source_url,
            citation=run.source_citation,
            version=run.version,
            file=run.file_name,
            sha256=run.file_sha256,
            imported_at=_utc(run.imported_at).isoformat(),
        )
        meaning = dataset.indicators.get(figure.indicator, "") if dataset else ""
        latest[key] = CountryFigure(figure.dataset, figure.indicator, meaning, code, figure.year, value, source)
    order = {kind: i for i, kind in enumerate(DATASETS)}

    def rank(item: CountryFigure) -> tuple[int, int, str]:
        dataset = DATASETS.get(item.dataset)
        names = list(dataset.indicators) if dataset else []
        position = names.index(item.indicator) if item.indicator in names else len(names)
        return order.get(item.dataset, len(order)), position, item.indicator

    return sorted(latest.values(), key=rank)
