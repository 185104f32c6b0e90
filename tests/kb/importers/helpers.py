"""Shared helpers of the importer tests: importing in one transaction, reading figures back, counting rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from exwatch.logic.figures import CountryFigure, ImportResult, country_figures, import_dataset
from exwatch.store.db import Database

PTS_HEADER = [
    "Country",
    "Country_OLD",
    "Year",
    "COW_Code_A",
    "COW_Code_N",
    "WordBank_Code_A",
    "UN_Code_N",
    "Region",
    "PTS_A",
    "PTS_H",
    "PTS_S",
    "NA_Status_A",
    "NA_Status_H",
    "NA_Status_S",
]


class WriteCsv(Protocol):
    def __call__(self, name: str, table: Sequence[Sequence[str]], encoding: str = "utf-8") -> Path: ...


def pts_row(country: str, code: str, year: int, a: str, h: str, s: str) -> list[str]:
    """A PTS row as the published file has it (NA for a missing score)."""
    return [country, country, str(year), code, "0", code, "0", "eca", a, h, s, "0", "0", "0"]


def run_import(db: Database, kind: str, path: Path, version: str | None = None) -> ImportResult:
    with db.transaction() as session:
        return import_dataset(session, kind, path, version=version)


def figures(db: Database, state: str, year: int, dataset: str | None = None) -> dict[str, CountryFigure]:
    """A state's latest figures up to ``year``, by indicator (of one dataset when given)."""
    with db.transaction() as session:
        found = country_figures(session, state, year)
    return {f.indicator: f for f in found if dataset is None or f.dataset == dataset}


def count_rows(db: Database) -> tuple[int, int]:
    """(imports, figures) in the store."""
    with db.engine.connect() as conn:
        imports = conn.exec_driver_sql("SELECT count(*) FROM indicator_imports").scalar_one()
        stored = conn.exec_driver_sql("SELECT count(*) FROM country_figures").scalar_one()
    return int(imports), int(stored)
