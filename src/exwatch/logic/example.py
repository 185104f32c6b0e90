"""The bundled example: Mukhtar Ablyazov's extradition case in France (2013-2016), from the public record."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Literal

from sqlalchemy.orm import Session

from exwatch.logic import cases
from exwatch.logic.files import parse_case
from exwatch.model.case import CaseFile

EXAMPLE_FILE = "ablyazov-2013.yaml"


@dataclass(frozen=True)
class LoadResult:
    case_id: str
    action: Literal["loaded", "unchanged", "kept"]

    @property
    def message(self) -> str:
        return {
            "loaded": f"loaded example case {self.case_id}; see it with `exwatch case show {self.case_id}`",
            "unchanged": f"example case {self.case_id} is already loaded; nothing changed",
            "kept": f"case {self.case_id} exists and differs from the bundled example (edited?); it was kept as "
            "it is. Export it first if you want to keep your edits, then `exwatch case import --update`.",
        }[self.action]


def example_case() -> CaseFile:
    text = resources.files("exwatch.data.example").joinpath(EXAMPLE_FILE).read_text(encoding="utf-8")
    return parse_case(text, f"bundled example {EXAMPLE_FILE}", "yaml")


def load_example(session: Session) -> LoadResult:
    """Store the example case unless it is already there; never overwrite a user's edits."""
    case = example_case()
    existing = cases.find_duplicate(session, case)
    if existing is None:
        cases.import_case(session, case)
        return LoadResult(case.id, "loaded")
    stored = cases.export_case(session, existing)
    return LoadResult(existing, "unchanged" if stored == case else "kept")
