"""Importers for the country datasets advocates already cite: PTS, V-Dem and Freedom House.

Each module declares one :class:`Dataset` — its source, its indicators and the CSV layouts it
reads; :data:`DATASETS` is the registry ``exwatch kb import {pts,vdem,fh}`` chooses from. The
figures they yield are supplementary, dated evidence with their source; they never set a risk level.
"""

from __future__ import annotations

from exwatch.errors import VocabularyError
from exwatch.kb.importers import fh, pts, vdem
from exwatch.kb.importers.base import CountryMapper, Dataset, Layout, Record, Value
from exwatch.kb.importers.reading import Fingerprint, Progress, choose_layout, fingerprint, rows

DATASETS: dict[str, Dataset] = {module.DATASET.kind: module.DATASET for module in (pts, vdem, fh)}


def get_dataset(kind: str) -> Dataset:
    """The dataset registered under ``kind`` (pts, vdem, fh), or a message listing the known ones."""
    try:
        return DATASETS[kind]
    except KeyError:
        raise VocabularyError(f"unknown dataset {kind!r}; choose one of {', '.join(DATASETS)}") from None


__all__ = [
    "DATASETS",
    "CountryMapper",
    "Dataset",
    "Fingerprint",
    "Layout",
    "Progress",
    "Record",
    "Value",
    "choose_layout",
    "fingerprint",
    "get_dataset",
    "rows",
]
