"""France walked through the seed case (Ablyazov) and through cases the model must not choke on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exwatch.logic.example import example_case
from exwatch.logic.status import case_status
from exwatch.model.case import CaseFile
from tests.factories import case_data


def _fr(case: CaseFile, as_of: str) -> dict[str, Any]:
    statuses = {s.jurisdiction: s.as_dict() for s in case_status(case, dt.date.fromisoformat(as_of))}
    return statuses["FR"]


SEED = [
    # id, as of, stage, next decision-maker (local title starts with), open remedy: (id, status, deadline)
    ("2013-08-arrested", "2013-08-15", "provisional_arrest", "Chambre de l'instruction", None),
    (
        "2014-10-favourable-opinion",
        "2014-10-27",
        "opinion_favourable",
        "Premier ministre",
        ("pourvoi", "open", "2014-10-30"),
    ),
    ("2014-11-pourvoi-pending", "2014-11-15", "cassation_pending", "Cour de cassation", None),
    ("2015-05-25-letter-date", "2015-05-25", "opinion_final", "Premier ministre", None),
    (
        "2015-10-decree-signed",
        "2015-10-31",
        "decree_signed",
        "Conseil d'État",
        ("recours-conseil-etat", "open", "2015-11-02"),
    ),
    ("2016-12-annulled", "2016-12-31", "decree_annulled", None, None),
]


@pytest.mark.parametrize(("as_of", "stage", "next_body", "remedy"), [s[1:] for s in SEED], ids=[s[0] for s in SEED])
def test_seed_case_position_over_time(
    as_of: str, stage: str, next_body: str | None, remedy: tuple[str, str, str] | None
) -> None:
    status = _fr(example_case(), as_of)
    assert status["stage"]["id"] == stage
    assert status["warnings"] == []
    if next_body is None:
        assert status["next_decision_by"] is None
    else:
        assert status["next_decision_by"]["name"]["local"].startswith(next_body)
    if remedy is not None:
        found = {(r["id"], r["status"], r["deadline"]) for r in status["remedies"]}
        assert remedy in found


def test_on_the_letters_date_the_prime_minister_is_addressed_as_in_french_correspondence() -> None:
    nxt = _fr(example_case(), "2015-05-25")["next_decision_by"]
    assert nxt["address"]["local"] == "Monsieur le Premier ministre"
    assert "Matignon" in nxt["postal"]


def test_after_the_decree_rule_39_is_available_and_the_deadline_is_a_window() -> None:
    status = _fr(example_case(), "2015-10-31")
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["rule39"]["basis"] == "no time limit"
    assert remedies["recours-conseil-etat"]["deadline_latest"] == "2015-11-30"
    assert status["deadline"] == "2015-11-01"  # the earliest running limit (surrender clock)


def _case(events: list[dict[str, Any]]) -> CaseFile:
    base = case_data(
        states=[{"state": "FR", "roles": ["custodial"], "sources": ["judgment"]}],
        requests=[],
        events=[{**e, "jurisdiction": "FR", "sources": ["judgment"]} for e in events],
    )
    return CaseFile.model_validate(base)


def test_a_sequence_the_model_does_not_allow_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Police", "action": "arrest"},
            {"id": "decree", "date": "2020-02-01", "body": "Premier ministre", "action": "decree", "result": "granted"},
        ]
    )
    status = _fr(case, "2020-03-01")
    assert status["stage"]["id"] == "decree_signed"
    assert any("'decree'" in w and "provisional_arrest" in w for w in status["warnings"])


def test_an_unfavourable_opinion_ends_the_procedure_with_the_prosecutors_pourvoi_open() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Police", "action": "arrest"},
            {
                "id": "avis",
                "date": "2020-03-06",
                "body": "Chambre de l'instruction de Paris",
                "action": "opinion",
                "result": "unfavourable",
            },
        ]
    )
    status = _fr(case, "2020-03-09")
    assert status["stage"]["final"] is True
    assert status["next_decision_by"] is None
    assert {(r["id"], r["deadline"]) for r in status["remedies"]} == {("pourvoi-prosecutor", "2020-03-12")}


def test_a_jurisdiction_without_a_model_still_reports_its_latest_step() -> None:
    data = case_data()
    status = {s.jurisdiction: s.as_dict() for s in case_status(CaseFile.model_validate(data), dt.date(2021, 1, 1))}
    assert status["RU"]["stage"] is None
    assert status["RU"]["latest_event"]["id"] == "arrest"
