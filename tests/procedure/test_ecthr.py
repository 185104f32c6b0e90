"""The European Court of Human Rights model walked through two real Russian extradition cases, the Protocol 15
change of time limit, and a sequence the model does not expect."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exwatch.model.case import CaseFile
from exwatch.procedure.loader import procedure_for
from tests.factories import case_data
from tests.procedure.walk import assert_stage, assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], custodial: str = "RU", requesting: str = "UZ") -> CaseFile:
    return case_in("ECTHR", events, states={custodial: ["custodial"], requesting: ["persecuting", "requesting"]})


# Alikhonov v. Russia (no. 35692/11), as the judgment's procedure part tells it: an Uzbek national held in Russia
# for extradition to Uzbekistan introduced a complaint on 13 June 2011, asked for an interim measure on 14 June, and
# on 15 June the President of the First Section indicated under Rule 39 that he should not be extradited until
# further notice. The application was communicated to the Government on 31 August 2011. (The full application form
# of 29 June 2011 completed the same application and is left out: it does not change the stage.)
ALIKHONOV = [
    {
        "id": "introduced",
        "date": "2011-06-13",
        "body": "European Court of Human Rights",
        "action": "application_lodged",
    },
    {
        "id": "r39-request",
        "date": "2011-06-14",
        "body": "European Court of Human Rights",
        "action": "interim_measure_requested",
    },
    {
        "id": "r39-indicated",
        "date": "2011-06-15",
        "body": "European Court of Human Rights, President of the First Section",
        "action": "interim_measure",
        "result": "indicated",
    },
    {
        "id": "communicated",
        "date": "2011-08-31",
        "body": "European Court of Human Rights, First Section",
        "action": "communicated",
    },
]

ALIKHONOV_STEPS = [
    # id, as of, stage, next decision-maker (English title starts with)
    ("complaint-introduced", "2011-06-13", "application_lodged", "European Court of Human Rights — single judge"),
    ("rule39-awaited", "2011-06-14", "rule39_requested", "European Court of Human Rights — duty judge"),
    ("rule39-in-force", "2011-07-01", "rule39_indicated", "European Court of Human Rights — the Chamber or Committee"),
    ("communicated", "2011-09-01", "communicated", "European Court of Human Rights — the Chamber or Committee"),
]


@walk_rows(ALIKHONOV_STEPS, ("as_of", "stage", "next_body"))
def test_alikhonov_rule39_then_communication(as_of: str, stage: str, next_body: str) -> None:
    assert_step(status_in(_case(ALIKHONOV), "ECTHR", as_of), stage, next_body, name="en")


def test_a_pending_rule39_request_names_the_duty_judge_and_how_to_send_it() -> None:
    nxt = status_in(_case(ALIKHONOV), "ECTHR", "2011-06-14")["next_decision_by"]
    assert "Rule 39 – Urgent" in nxt["address"]["en"]
    # How to send it on that day: fax and post; the online Rule 39 Site did not exist yet (issue 10).
    assert any(line.startswith("fax ") for line in nxt["reach"])
    assert not any("r39.echr.coe.int" in line for line in nxt["reach"])
    assert nxt["name"]["local"].startswith("Cour européenne des droits de l'homme — juge de permanence")
    model = procedure_for("ECTHR")
    assert model is not None
    (duty_judge,) = {r.body.name.en: r.body for s in model.stages for r in s.remedies if r.id == "rule39"}.values()
    assert "https://r39.echr.coe.int" in " ".join(duty_judge.reach(dt.date(2025, 1, 15)))


def test_while_rule39_is_in_force_the_application_has_no_computable_deadline_here() -> None:
    remedies = {r["id"]: r for r in status_in(_case(ALIKHONOV), "ECTHR", "2011-07-01")["remedies"]}
    # The four months run from the final domestic decision, which this case file does not record.
    assert remedies["ecthr-application"]["basis"] == "no time limit"
    assert remedies["ecthr-application"]["deadline"] is None


# Savriddin Dzhurayev v. Russia (no. 71386/10): a Tajik refugee's application of December 2010 with a Rule 39
# measure against extradition to Tajikistan (both known only to the month); Chamber judgment of 25 April 2013 finding
# violations of Articles 3, 5 § 4 and 34; the judgment became final on 9 September 2013. That date is more than three
# months after the judgment, which under Article 44 § 2 can only be the panel's rejection of a referral request.
DZHURAYEV = [
    {"id": "application", "date": "2010-12", "body": "European Court of Human Rights", "action": "application_lodged"},
    {
        "id": "rule39",
        "date": "2010-12",
        "body": "European Court of Human Rights",
        "action": "interim_measure",
        "result": "indicated",
    },
    {
        "id": "judgment",
        "date": "2013-04-25",
        "body": "European Court of Human Rights, First Section (Chamber)",
        "action": "decision",
        "result": "violation",
    },
    {
        "id": "panel",
        "date": "2013-09-09",
        "body": "Panel of five judges of the Grand Chamber",
        "action": "appeal_decided",
        "result": "dismissed",
    },
]

DZHURAYEV_STEPS = [
    # id, as of, stage, referral request: (status, deadline) or None, final
    # Article 43 § 1: three months from the judgment of Thursday 25 April 2013 end on Thursday 25 July 2013 (same day
    # number; Convention limits never roll forward, Sabri Güneş v. Turkey [GC]).
    ("judgment-delivered", "2013-04-26", "chamber_judgment", ("open", "2013-07-25"), False),
    ("last-day-for-referral", "2013-07-25", "chamber_judgment", ("open", "2013-07-25"), False),
    ("referral-time-over", "2013-07-26", "chamber_judgment", ("expired", "2013-07-25"), False),
    ("final-after-panel", "2013-09-10", "referral_rejected", None, True),
]


@walk_rows(DZHURAYEV_STEPS, ("as_of", "stage", "referral", "final"))
def test_dzhurayev_judgment_referral_window_and_finality(
    as_of: str, stage: str, referral: tuple[str, str] | None, final: bool
) -> None:
    status = status_in(_case(DZHURAYEV, requesting="TJ"), "ECTHR", as_of)
    assert_stage(status, stage)
    assert status["stage"]["final"] is final
    if referral is None:
        assert status["remedies"] == []
        assert status["next_decision_by"] is None
    else:
        remedies = {r["id"]: r for r in status["remedies"]}
        assert (
            remedies["grand-chamber-referral"]["status"],
            remedies["grand-chamber-referral"]["deadline"],
        ) == referral
        assert status["next_decision_by"]["name"]["en"].startswith("Panel of five judges of the Grand Chamber")


@pytest.mark.parametrize(
    ("final_decision", "deadline"),
    [
        # Decided Monday 31 January 2022, before Protocol 15's new limit: six months, to Sunday 31 July 2022, and not
        # moved to Monday 1 August (Sabri Güneş v. Turkey [GC]).
        ("2022-01-31", "2022-07-31"),
        # Decided Tuesday 1 February 2022: four months, to Wednesday 1 June 2022.
        ("2022-02-01", "2022-06-01"),
    ],
    ids=["six-months-before-protocol-15", "four-months-from-1-february-2022"],
)
def test_the_application_time_limit_follows_protocol_15(final_decision: str, deadline: str) -> None:
    case = _case(
        [
            {
                "id": "supreme-court",
                "date": final_decision,
                "body": "Supreme Court (final domestic decision)",
                "action": "remedies_exhausted",
            }
        ]
    )
    status = status_in(case, "ECTHR", final_decision)
    assert status["stage"]["id"] == "remedies_exhausted"
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["ecthr-application"]["deadline"] == deadline
    assert remedies["ecthr-application"]["counting"] == "months"
    assert remedies["rule39"]["basis"] == "no time limit"


def test_a_panel_decision_without_a_judgment_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "application", "date": "2023-03-01", "body": "ECtHR", "action": "application_lodged"},
            {
                "id": "panel-2023",
                "date": "2023-05-02",
                "body": "Panel of the Grand Chamber",
                "action": "appeal_decided",
                "result": "dismissed",
            },
        ]
    )
    status = status_in(case, "ECTHR", "2023-06-01")
    assert_warned(status, "referral_rejected", "panel-2023", "application_lodged")


def test_an_interim_measure_recorded_without_its_outcome_enters_no_stage_and_does_not_fail() -> None:
    status = status_in(CaseFile.model_validate(case_data()), "ECTHR", "2021-01-01")
    assert status["stage"] is None
    assert status["latest_event"]["id"] == "rule39"
