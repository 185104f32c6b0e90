"""The UN Committee against Torture model walked through a complaint with interim measures against extradition
(a composite on the Idris Hasan case), a decision and its follow-up clock, and a sequence it does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], custodial: str = "MA", requesting: str = "CN") -> CaseFile:
    """Events are the Committee's unless they name another jurisdiction (the custodial state's courts)."""
    return case_in("UNCAT", events, states={custodial: ["custodial"], requesting: ["persecuting", "requesting"]})


# A composite on the case of Idris Hasan, a Uyghur activist arrested in Morocco on 19 July 2021 on a Chinese
# request. Morocco's Court of Cassation gave a favourable opinion on 15 December 2021, and on 20 December 2021 the
# Committee against Torture asked Morocco not to extradite him. From the record: the arrest, the opinion and the
# interim-measure date. Assumed: the complaint lodged on 16 December, registered and sent to Morocco on the day of
# the interim measures, and Morocco's observations of 10 June 2022.
HASAN = [
    {"id": "arrest", "date": "2021-07-19", "body": "Moroccan police", "action": "arrest", "jurisdiction": "MA"},
    {
        "id": "cassation-opinion",
        "date": "2021-12-15",
        "body": "Court of Cassation of Morocco",
        "action": "opinion",
        "result": "favourable",
        "jurisdiction": "MA",
    },
    {"id": "complaint", "date": "2021-12-16", "body": "Committee against Torture", "action": "application_lodged"},
    {
        "id": "registered",
        "date": "2021-12-20",
        "body": "Committee against Torture (Rapporteur on new complaints and interim measures)",
        "action": "registered",
    },
    {
        "id": "interim-measures",
        "date": "2021-12-20",
        "body": "Committee against Torture (Rapporteur on new complaints and interim measures)",
        "action": "interim_measure",
        "result": "indicated",
    },
    {"id": "state-observations", "date": "2022-06-10", "body": "Kingdom of Morocco", "action": "observations"},
]

HASAN_STEPS = [
    # id, as of, stage, next decision-maker (French title starts with), clock state-observations (status, deadline)
    ("complaint-lodged", "2021-12-17", "complaint_lodged", "Comité contre la torture — Rapporteur", None),
    # Article 22 § 3: six months from Monday 20 December 2021 end on Monday 20 June 2022 (same day number).
    (
        "interim-measures-in-force",
        "2021-12-21",
        "interim_measures_indicated",
        "Comité contre la torture",
        ("running", "2022-06-20"),
    ),
    ("observations-in", "2022-06-21", "observations_received", "Comité contre la torture", None),
]


@walk_rows(HASAN_STEPS, ("as_of", "stage", "next_body", "clock"))
def test_hasan_complaint_interim_measures_and_observations(
    as_of: str, stage: str, next_body: str, clock: tuple[str, str] | None
) -> None:
    status = status_in(_case(HASAN), "UNCAT", as_of)
    assert_step(status, stage, next_body)
    clocks = {c["id"]: (c["status"], c["deadline"]) for c in status["clocks"]}
    if clock is None:
        assert "state-observations" not in clocks
    else:
        assert clocks["state-observations"] == clock
        assert status["deadline"] == clock[1]


def test_after_the_states_observations_the_complainants_reply_is_open_without_a_fixed_limit() -> None:
    status = status_in(_case(HASAN), "UNCAT", "2022-06-21")
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["complainant-comments"]["basis"] == "no time limit"
    assert "Geneva" in status["next_decision_by"]["postal"]


def test_a_violation_decision_ends_the_procedure_and_starts_the_states_90_day_follow_up() -> None:
    events = [
        *HASAN,
        {
            "id": "decision",
            "date": "2023-05-12",
            "body": "Committee against Torture",
            "action": "decision",
            "result": "violation",
        },
    ]
    status = status_in(_case(events), "UNCAT", "2023-05-15")
    assert status["stage"]["id"] == "violation_found"
    assert status["stage"]["final"] is True
    assert status["next_decision_by"] is None
    # 90 calendar days from Friday 12 May 2023: 19 days to 31 May, 30 in June, 31 in July, 10 in August -> 10 Aug 2023.
    clocks = {c["id"]: (c["status"], c["deadline"], c["binds"]) for c in status["clocks"]}
    assert clocks == {"follow-up": ("running", "2023-08-10", "authority")}


def test_observations_before_the_complaint_was_registered_are_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {
                "id": "complaint",
                "date": "2024-02-01",
                "body": "Committee against Torture",
                "action": "application_lodged",
            },
            {"id": "early-reply", "date": "2024-03-01", "body": "State party", "action": "observations"},
        ]
    )
    status = status_in(case, "UNCAT", "2024-03-02")
    assert_warned(status, "observations_received", "early-reply", "complaint_lodged")
