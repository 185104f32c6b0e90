"""The INTERPOL model walked through a real red notice cancelled by the General Secretariat (al-Araibi), a CCF
request with the Commission's time limits (a composite on the Samadov case), and sequences it does not expect."""

from __future__ import annotations

import datetime as dt
from typing import Any

from exwatch.logic.status import case_status
from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_next, assert_stage, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], custodial: str, requesting: str) -> CaseFile:
    """Events are INTERPOL's unless they name another jurisdiction (the custodial state's arrest)."""
    return case_in("INTERPOL", events, states={custodial: ["custodial"], requesting: ["persecuting", "requesting"]})


# Hakeem al-Araibi: a Bahraini footballer recognised as a refugee by Australia. Bahrain obtained a red notice on
# 8 November 2018, against INTERPOL's refugee policy; he was arrested on arrival in Bangkok on 27 November (an event
# of the Thai jurisdiction, which has no model) and INTERPOL cancelled the notice on 3 December 2018.
AL_ARAIBI = [
    {
        "id": "red-notice",
        "date": "2018-11-08",
        "body": "INTERPOL General Secretariat (red notice at Bahrain's request)",
        "action": "notice_published",
    },
    {
        "id": "bangkok-arrest",
        "date": "2018-11-27",
        "body": "Thai immigration police",
        "action": "arrest",
        "jurisdiction": "TH",
    },
    {
        "id": "cancelled",
        "date": "2018-12-03",
        "body": "INTERPOL General Secretariat",
        "action": "notice_deleted",
    },
]


def test_al_araibi_while_the_notice_stands_the_general_secretariat_decides_and_refugee_confirmation_is_open() -> None:
    status = status_in(_case(AL_ARAIBI, "TH", "BH"), "INTERPOL", "2018-11-28")
    assert_stage(status, "notice_published")
    assert_next(status, "Secrétariat général d'INTERPOL")
    assert "Lyon" in status["next_decision_by"]["postal"]
    assert {a["id"] for a in status["available"]} == {"ccf-request", "refugee-confirmation"}
    # The custodial state's arrest is reported in its own jurisdiction, first (custodial states come first).
    assert [s.jurisdiction for s in case_status(_case(AL_ARAIBI, "TH", "BH"), dt.date(2018, 11, 28))] == [
        "TH",
        "INTERPOL",
    ]


def test_al_araibi_after_the_cancellation_the_procedure_is_over() -> None:
    status = status_in(_case(AL_ARAIBI, "TH", "BH"), "INTERPOL", "2018-12-04")
    assert status["stage"]["id"] == "deleted"
    assert status["stage"]["final"] is True
    assert status["next_decision_by"] is None
    assert status["available"] == []


# A composite built on Azer Samadov's case: an Azerbaijani opposition figure, recognised as a refugee in the
# Netherlands, under a red notice since 2007 that INTERPOL deleted in September 2015 after proceedings before the
# CCF. The dates of the request (6 October 2014) and of its admissibility (Monday 3 November 2014) are assumed.
SAMADOV = [
    {
        "id": "red-notice",
        "date": "2007",
        "body": "INTERPOL (red notice at Azerbaijan's request)",
        "action": "notice_published",
    },
    {
        "id": "ccf-request",
        "date": "2014-10-06",
        "body": "Commission for the Control of INTERPOL's Files",
        "action": "application_lodged",
    },
    {
        "id": "admissible",
        "date": "2014-11-03",
        "body": "CCF (Requests Chamber)",
        "action": "decision",
        "result": "admissible",
    },
    {"id": "deleted", "date": "2015-09", "body": "INTERPOL, after the CCF's review", "action": "notice_deleted"},
]

SAMADOV_STEPS = [
    # id, as of, stage, {clock id: (status, deadline)}
    # CCF Statute art. 40 as summarised (unverified): 4 months (access) and 9 months (deletion) from admissibility,
    # counted to the same day number: 3 Nov 2014 + 4 months = 3 March 2015; + 9 months = 3 August 2015.
    ("request-lodged", "2014-10-20", "ccf_request_lodged", {}),
    (
        "both-clocks-running",
        "2015-01-15",
        "ccf_request_admissible",
        {"ccf-access-decision": ("running", "2015-03-03"), "ccf-deletion-decision": ("running", "2015-08-03")},
    ),
    (
        "deletion-decision-overdue",
        "2015-08-10",
        "ccf_request_admissible",
        {"ccf-access-decision": ("passed", "2015-03-03"), "ccf-deletion-decision": ("passed", "2015-08-03")},
    ),
    # "2015-09" counts only once the whole month has passed.
    ("deleted", "2015-10-01", "deleted", {}),
]


@walk_rows(SAMADOV_STEPS, ("as_of", "stage", "clocks"))
def test_a_ccf_request_runs_the_commissions_time_limits_from_admissibility(
    as_of: str, stage: str, clocks: dict[str, tuple[str, str]]
) -> None:
    status = status_in(_case(SAMADOV, "NL", "AZ"), "INTERPOL", as_of)
    assert_stage(status, stage)
    found = {c["id"]: (c["status"], c["deadline"]) for c in status["clocks"]}
    assert found == clocks
    if stage.startswith("ccf_"):
        assert_next(status, "Commission for the Control of INTERPOL's Files", name="en")
        assert all(c["binds"] == "authority" for c in status["clocks"])


def test_an_admissibility_decision_with_no_request_recorded_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "notice", "date": "2020-01-10", "body": "INTERPOL", "action": "notice_published"},
            {"id": "ccf-admits", "date": "2020-03-02", "body": "CCF", "action": "decision", "result": "admissible"},
        ],
        "DE",
        "TR",
    )
    status = status_in(case, "INTERPOL", "2020-03-03")
    assert_warned(status, "ccf_request_admissible", "ccf-admits", "notice_published")


def test_a_new_diffusion_after_deletion_is_reported_not_fatal() -> None:
    case = _case(
        [
            {"id": "notice", "date": "2016-01-10", "body": "INTERPOL", "action": "notice_published"},
            {"id": "deleted", "date": "2017-05-02", "body": "INTERPOL General Secretariat", "action": "notice_deleted"},
            {
                "id": "diffusion-2018",
                "date": "2018-05-30",
                "body": "NCB Moscow (diffusion)",
                "action": "notice_published",
            },
        ],
        "ES",
        "RU",
    )
    status = status_in(case, "INTERPOL", "2018-06-01")
    assert_warned(status, "notice_published", "diffusion-2018", "ended")
