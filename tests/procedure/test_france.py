"""France walked through the seed case (Ablyazov) and through cases the model must not choke on."""

from __future__ import annotations

from typing import Any

from exwatch.logic.example import example_case
from exwatch.model.case import CaseFile
from tests.factories import case_data
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows

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
    # Lodged in October 2014; the example's earliest source reporting it is of 3 February 2015.
    ("2015-02-pourvoi-pending", "2015-02-10", "cassation_pending", "Cour de cassation", None),
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


@walk_rows(SEED, ("as_of", "stage", "next_body", "remedy"))
def test_seed_case_position_over_time(
    as_of: str, stage: str, next_body: str | None, remedy: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(example_case(), "FR", as_of), stage, next_body, remedy, among=("remedies",))


def test_on_the_letters_date_the_prime_minister_is_addressed_as_in_french_correspondence() -> None:
    nxt = status_in(example_case(), "FR", "2015-05-25")["next_decision_by"]
    assert nxt["address"]["local"] == "Monsieur le Premier ministre"
    assert "Matignon" in nxt["postal"]


def test_after_the_decree_rule_39_is_available_and_the_deadline_is_a_window() -> None:
    status = status_in(example_case(), "FR", "2015-10-31")
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["rule39"]["basis"] == "no time limit"
    assert remedies["recours-conseil-etat"]["deadline_latest"] == "2015-11-30"
    assert status["deadline"] == "2015-11-01"  # the earliest running limit (surrender clock)


def _case(events: list[dict[str, Any]]) -> CaseFile:
    return case_in("FR", events, states={"FR": ["custodial"]})


def test_a_sequence_the_model_does_not_allow_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Police", "action": "arrest"},
            {"id": "decree", "date": "2020-02-01", "body": "Premier ministre", "action": "decree", "result": "granted"},
        ]
    )
    status = status_in(case, "FR", "2020-03-01")
    assert_warned(status, "decree_signed", "decree", "provisional_arrest")


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
    status = status_in(case, "FR", "2020-03-09")
    assert status["stage"]["final"] is True
    assert status["next_decision_by"] is None
    assert {(r["id"], r["deadline"]) for r in status["remedies"]} == {("pourvoi-prosecutor", "2020-03-12")}


def test_a_jurisdiction_without_a_model_still_reports_its_latest_step() -> None:
    status = status_in(CaseFile.model_validate(case_data()), "RU", "2021-01-01")
    assert status["stage"] is None
    assert status["latest_event"]["id"] == "arrest"
