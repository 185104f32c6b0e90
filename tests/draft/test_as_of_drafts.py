"""A draft dated D cites nothing that came into existence after D and says nothing that happened after D.

The example case at the four French positions of the issue (arrest 2013, Lyon opinion 2014, the MEP's letter of
25 May 2015, the decree of 2015) and on a day after the Conseil d'État's annulment; every kind in English and
French, the letter in Russian. Checked: the date of every source a note cites (case sources and legal texts,
as the drafting records them) is on or before D, and the text states no event of the example after D.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from exwatch.draft.compose import Kind
from exwatch.draft.profile import Profile
from exwatch.errors import InputError
from exwatch.logic import cases, draft, example
from exwatch.model.dates import PartialDate
from exwatch.model.vocab import Lang
from exwatch.store.db import Database
from tests.assess.test_as_of import CASES, _case, _days

DAYS = ["2013-08-15", "2014-10-27", "2015-05-25", "2015-10-31", "2017-01-15"]
DRAFTS: list[tuple[Kind, Lang]] = [
    (k, lang) for k in ("letter", "ccf-request", "rule39", "brief") for lang in ("en", "fr")
]
DRAFTS.append(("letter", "ru"))
# Words that describe the outcome of the example after each day (hindsight), in the three languages.
LATER = {
    "2013-08-15": ["appel de Lyon", "Lyon Court", "Lyon chamber", "annul", "17 September", "17 septembre"],
    "2014-10-27": ["Cour de cassation a rejeté", "dismissed the pourvoi", "17 September", "17 septembre"],
    "2015-05-25": ["annulled", "a annulé", "17 September", "17 septembre", "17 сентября"],
    "2015-10-31": ["annulled", "a annulé", "9 December 2016", "9 décembre 2016"],
}


@pytest.mark.parametrize("day", DAYS)
def test_no_draft_dated_d_cites_or_states_anything_later(db: Database, profile: Profile, day: str) -> None:
    on = dt.date.fromisoformat(day)
    with db.transaction() as session:
        example.load_example(session)
    faults: list[str] = []
    drafted = 0
    for kind, lang in DRAFTS:
        try:
            with db.transaction() as session:
                done = draft.draft(session, "ablyazov-2013", kind, lang, "md", on)
        except InputError:
            continue  # a kind that does not fit the day is refused with its reason
        drafted += 1
        for key, date in done.cited_dates.items():
            if date is not None and _late(date, on):
                faults.append(f"{kind}/{lang} cites {key[:90]} ({date})")
        text = done.content.decode("utf-8")
        body = re.split(r"\n## (?:Notes|Примечания)", text)[0]
        faults += [f"{kind}/{lang} says {w!r}" for w in LATER.get(day, []) if w in body]
    assert drafted >= 3  # the letter at least, in each language
    assert faults == []


@pytest.mark.parametrize("path", CASES[:-1], ids=[p.stem for p in CASES[:-1]])
def test_a_brief_on_any_golden_case_cites_nothing_later(db: Database, profile: Profile, path: Path) -> None:
    """Every golden case, a brief dated on sampled days from its first event to today."""
    case = _case(path)
    with db.transaction() as session:
        cases.import_case(session, case)
    faults = []
    for on in _days(case)[::3]:
        with db.transaction() as session:
            done = draft.draft(session, case.id, "brief", "en", "md", on)
        faults += [f"{on}: {key[:80]} ({d})" for key, d in done.cited_dates.items() if d and _late(d, on)]
    assert faults == []


def _late(date: str, on: dt.date) -> bool:
    return PartialDate.parse(date).latest() > on
