"""Ukraine walked through a real case from the research (Huseynli, 2017-2018) and a composite case that
goes through the central authority's extradition decision and the complaint to the investigating judge."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "AZ") -> CaseFile:
    return case_in("UA", events, states={requesting: ["persecuting", "requesting"], "UA": ["custodial"]})


# Fikret Huseynli, an Azerbaijani opposition journalist with Dutch citizenship, was stopped at Boryspil
# airport on a request from Azerbaijan. A local court put him in custody for the extradition check; a Kyiv
# district court released him ten days later on the guarantee of two MPs and refused the prosecutor's
# request for an extradition arrest; the Kyiv Court of Appeal threw out the prosecutor's appeal; in April
# 2018 the Pechersk District Court lifted every restriction and the extradition proceedings ended.
HUSEYNLI = [
    {"id": "stopped", "date": "2017-10-14", "body": "Border service, Boryspil airport", "action": "arrest"},
    {"id": "custody", "date": "2017-10-18", "body": "Boryspil City Court", "action": "detention"},
    {"id": "released", "date": "2017-10-27", "body": "District court of Kyiv", "action": "release"},
    {
        "id": "prosecutor-appeal-thrown-out",
        "date": "2018-02-13",
        "body": "Kyiv Court of Appeal",
        "action": "appeal_decided",
        "result": "dismissed",
    },
    {
        "id": "proceedings-ended",
        "date": "2018-04-02",
        "body": "Pechersk District Court, Kyiv",
        "action": "decision",
        "result": "refused",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (clock or remedy id, status, deadline)
    # 40 days of temporary arrest run from the moment of detention (art. 583(1), art. 115(5)):
    # 14 Oct 2017 + 40 days = 23 Nov 2017; custody periods are not moved to a working day.
    (
        "2017-10-16-held",
        "2017-10-16",
        "provisional_arrest",
        "Слідчий суддя",
        ("request-40-days", "running", "2017-11-23"),
    ),
    # The custody order of 18 Oct is the same stage: the 40 days keep their start at the arrest.
    (
        "2017-10-20-custody",
        "2017-10-20",
        "provisional_arrest",
        "Слідчий суддя",
        ("request-40-days", "running", "2017-11-23"),
    ),
    # Release ruling announced Fri 27 Oct 2017; appeal within five days of the announcement
    # (art. 395(2)(3)), the day of the ruling not counted (art. 115(5)): Wed 1 Nov 2017, a working day.
    (
        "2017-10-30-released",
        "2017-10-30",
        "released",
        "Центральний орган",
        ("appeal-custody-ruling", "open", "2017-11-01"),
    ),
    ("2018-02-20-appeal-thrown-out", "2018-02-20", "released", "Центральний орган", None),
    ("2018-04-10-ended", "2018-04-10", "proceedings_closed", None, None),
]


@walk_rows(WALK)
def test_huseynli_position_over_time(
    as_of: str, stage: str, next_body: str | None, limit: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(HUSEYNLI), "UA", as_of), stage, next_body, limit)


def test_while_held_the_72_hour_ruling_clock_binds_the_court_and_rule_39_is_available() -> None:
    status = status_in(_case(HUSEYNLI), "UA", "2017-10-16")
    clocks = {c["id"]: c for c in status["clocks"]}
    # 72 hours from the arrest on 14 Oct: shown as 17 Oct.
    assert clocks["judge-72-hours"]["deadline"] == "2017-10-17"
    assert clocks["judge-72-hours"]["binds"] == "authority"
    assert clocks["request-40-days"]["binds"] == "requesting_state"
    assert [a["id"] for a in status["available"]] == ["rule39"]
    assert status["in_custody"] is True


COMPOSITE = [
    {"id": "arrest", "date": "2019-01-15", "body": "National Police, Kyiv", "action": "arrest"},
    {"id": "temporary-arrest", "date": "2019-01-17", "body": "Solomianskyi District Court", "action": "detention"},
    {
        "id": "pgo-decision",
        "date": "2019-03-01",
        "body": "Office of the Prosecutor General",
        "action": "decree",
        "result": "granted",
    },
    {"id": "copy-served", "date": "2019-03-04", "body": "Kyiv pre-trial detention centre", "action": "notification"},
    {
        "id": "complaint",
        "date": "2019-03-12",
        "body": "Investigating judge, Solomianskyi District Court",
        "action": "appeal",
    },
    {
        "id": "complaint-dismissed",
        "date": "2019-03-15",
        "body": "Investigating judge, Solomianskyi District Court",
        "action": "appeal_decided",
        "result": "dismissed",
    },
]


def test_extradition_decision_complaint_and_appeal_deadlines() -> None:
    case = _case(COMPOSITE, requesting="TJ")
    # Decision served Mon 4 Mar 2019; ten days for the complaint (art. 590(3)), the day of service not
    # counted: Thu 14 Mar 2019.
    granted = status_in(case, "UA", "2019-03-05")
    assert granted["stage"]["id"] == "extradition_granted"
    assert ("complaint-extradition-decision", "open", "2019-03-14") in limits(granted, among=("remedies",))
    # Complaint lodged Tue 12 Mar: the judge has five days from its arrival (art. 591(3)): Sun 17 Mar,
    # not moved, since it binds the court.
    pending = status_in(case, "UA", "2019-03-13")
    assert pending["stage"]["id"] == "complaint_pending"
    assert pending["next_decision_by"]["name"]["local"].startswith("Слідчий суддя")
    assert {c["id"]: c["deadline"] for c in pending["clocks"]}["complaint-5-days"] == "2019-03-17"
    # Complaint dismissed Fri 15 Mar: five days for the appeal (art. 395(2)(3)): Wed 20 Mar 2019.
    dismissed = status_in(case, "UA", "2019-03-18")
    assert dismissed["stage"]["id"] == "complaint_dismissed"
    assert dismissed["next_decision_by"]["name"]["local"].startswith("Апеляційний суд")
    assert ("appeal-complaint-ruling", "open", "2019-03-20") in limits(dismissed, among=("remedies",))
    assert dismissed["warnings"] == []


def test_a_complaint_without_a_recorded_extradition_decision_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-05-04", "body": "National Police", "action": "arrest"},
            {
                "id": "early-complaint",
                "date": "2020-05-20",
                "body": "Investigating judge, district court",
                "action": "appeal",
            },
        ]
    )
    status = status_in(case, "UA", "2020-05-25")
    assert_warned(status, "complaint_pending", "early-complaint", "provisional_arrest")
