"""The United States walked through a case from the research (Juarez-Saldana, W.D. Tenn. 2009-2010) and
through a sequence the model does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "MX") -> CaseFile:
    return case_in("US", events, states={requesting: ["requesting"], "US": ["custodial"]})


# Juarez-Saldana: Mexico asked for him under the bilateral treaty for a 1997 homicide. A warrant issued on
# 21 May 2009 (recorded here as the arrest); a magistrate judge heard the case on 9 September and on
# 8 October 2009 certified extraditability and committed him pending the State Department's decision. He
# petitioned for habeas corpus (amended petition of 23 December 2009), which the district court dismissed
# on 25 March 2010. It is not a political case, but it is the research's documented walk through every
# judicial step of the U.S. procedure.
JUAREZ_SALDANA = [
    {"id": "warrant", "date": "2009-05-21", "body": "U.S. Magistrate Judge, W.D. Tenn.", "action": "arrest"},
    {"id": "hearing", "date": "2009-09-09", "body": "U.S. Magistrate Judge, W.D. Tenn.", "action": "hearing"},
    {
        "id": "certification",
        "date": "2009-10-08",
        "body": "U.S. Magistrate Judge, W.D. Tenn.",
        "action": "opinion",
        "result": "favourable",
    },
    {
        "id": "habeas-petition",
        "date": "2009-12-23",
        "body": "U.S. District Court, W.D. Tenn. (habeas corpus, 28 U.S.C. 2241)",
        "action": "application_lodged",
    },
    {
        "id": "habeas-dismissed",
        "date": "2010-03-25",
        "body": "U.S. District Court, W.D. Tenn.",
        "action": "appeal_decided",
        "result": "dismissed",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (English title starts with), (clock or remedy id, status, deadline)
    ("2009-06-01-arrested", "2009-06-01", "arrested", "United States Magistrate Judge", None),
    # § 3188: two calendar months after the commitment of 8 Oct 2009 = 8 Dec 2009 (not moved; Tuesday).
    (
        "2009-10-20-certified",
        "2009-10-20",
        "certified",
        "Secretary of State",
        ("section-3188", "running", "2009-12-08"),
    ),
    ("2010-01-15-habeas-pending", "2010-01-15", "habeas_pending", "United States District Court", None),
    # Order entered 25 Mar 2010; 60 days (FRAP 4(a)(1)(B), a U.S. officer is the respondent):
    # 25 Mar + 6 = 31 Mar, + 30 = 30 Apr, + 24 = Mon 24 May 2010, a working day.
    (
        "2010-04-01-habeas-denied",
        "2010-04-01",
        "habeas_denied",
        "United States Court of Appeals",
        ("notice-of-appeal", "open", "2010-05-24"),
    ),
]


@walk_rows(WALK)
def test_juarez_saldana_position_over_time(
    as_of: str, stage: str, next_body: str, limit: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(JUAREZ_SALDANA), "US", as_of), stage, next_body, limit, name="en")


def test_after_certification_habeas_is_open_without_a_deadline_and_no_regional_body_is_offered() -> None:
    status = status_in(_case(JUAREZ_SALDANA), "US", "2009-10-20")
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["habeas-corpus"]["basis"] == "no time limit"
    assert status["available"] == []
    assert status["next_decision_by"]["postal"].startswith("2201 C Street NW")
    # The § 3188 clock has run out by the time the habeas petition is pending.
    later = status_in(_case(JUAREZ_SALDANA[:3]), "US", "2009-12-20")
    assert {c["id"]: c["status"] for c in later["clocks"]}["section-3188"] == "passed"


def test_a_habeas_ruling_without_a_certification_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2021-03-02", "body": "U.S. Marshals Service", "action": "arrest"},
            {
                "id": "habeas-ruling",
                "date": "2021-06-10",
                "body": "U.S. District Court, S.D.N.Y.",
                "action": "appeal_decided",
                "result": "dismissed",
            },
        ],
        requesting="TR",
    )
    status = status_in(case, "US", "2021-06-15")
    assert_warned(status, "habeas_denied", "habeas-ruling", "arrested")
