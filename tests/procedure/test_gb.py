"""United Kingdom (Extradition Act 2003, Part 2) walked through a real refusal and a full composite case."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]]) -> CaseFile:
    return case_in("GB", events, states={"KZ": ["persecuting", "requesting"], "GB": ["custodial"]})


# A composite of the Kazakh-opposition cases heard at Westminster (Kononko 2015 and the like): provisional
# arrest on a request routed through INTERPOL, a hearing lost before the District Judge, an extradition order,
# an appeal lost in the High Court. The dates are invented; the counting is the Act's.
COMPOSITE = [
    {"id": "arrest", "date": "2015-03-02", "body": "Metropolitan Police Extradition Unit", "action": "arrest"},
    {"id": "request", "date": "2015-04-01", "body": "Home Office", "action": "request_received"},
    {
        "id": "sent",
        "date": "2015-09-14",
        "body": "Westminster Magistrates' Court, District Judge",
        "action": "decision",
        "result": "favourable",
    },
    {
        "id": "order",
        "date": "2015-11-06",
        "body": "Secretary of State for the Home Department",
        "action": "decree",
        "result": "granted",
    },
    {"id": "informed", "date": "2015-11-09", "body": "Home Office", "action": "notification"},
    {"id": "appeal", "date": "2015-11-20", "body": "High Court (Administrative Court)", "action": "appeal"},
    {
        "id": "dismissed",
        "date": "2016-06-10",
        "body": "High Court, Divisional Court",
        "action": "appeal_decided",
        "result": "dismissed",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), a remedy or clock: (id, status, deadline)
    # 45 days starting with the arrest on Mon 2 Mar 2015: day 1 is 2 Mar, day 45 is 2 Mar + 44 = Wed 15 Apr.
    (
        "2015-03-provisional-arrest",
        "2015-03-10",
        "arrested",
        "District Judge",
        ("request-after-provisional-arrest", "running", "2015-04-15"),
    ),
    # Representations: 4 weeks starting with Mon 14 Sep (the appropriate day) = 14 Sep + 27 = Sun 11 Oct.
    (
        "2015-09-case-sent",
        "2015-09-20",
        "sent_to_secretary_of_state",
        "Secretary of State for the Home Department",
        ("representations", "running", "2015-10-11"),
    ),
    # Appeal: 14 days starting with Mon 9 Nov, the day the person is informed = 9 Nov + 13 = Sun 22 Nov
    # (no move to Monday: the Act has no such rule).
    (
        "2015-11-order-made",
        "2015-11-10",
        "extradition_ordered",
        "High Court of Justice",
        ("appeal-high-court", "open", "2015-11-22"),
    ),
    # Without an appeal: removal within 28 days starting with the order of Fri 6 Nov = 6 Nov + 27 = Thu 3 Dec.
    (
        "2015-11-removal-clock",
        "2015-11-10",
        "extradition_ordered",
        "High Court of Justice",
        ("removal-no-appeal", "running", "2015-12-03"),
    ),
    ("2015-12-appeal-pending", "2015-12-01", "high_court_pending", "High Court of Justice", None),
    # Leave to go to the Supreme Court: 14 days starting with Fri 10 Jun 2016 = 10 Jun + 13 = Thu 23 Jun.
    (
        "2016-06-high-court-dismissed",
        "2016-06-15",
        "high_court_dismissed",
        "Supreme Court",
        ("supreme-court-leave", "open", "2016-06-23"),
    ),
    # ECtHR: six months for decisions before 1 Feb 2022 (four after), from 10 Jun 2016 = 10 Dec 2016.
    (
        "2016-06-strasbourg",
        "2016-06-15",
        "high_court_dismissed",
        "Supreme Court",
        ("ecthr-application", "open", "2016-12-10"),
    ),
]


@walk_rows(WALK)
def test_composite_case_position_over_time(
    as_of: str, stage: str, next_body: str, limit: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(COMPOSITE), "GB", as_of), stage, next_body, limit)


def test_after_the_order_the_earliest_deadline_is_the_appeal_and_rule_39_is_available() -> None:
    status = status_in(_case(COMPOSITE), "GB", "2015-11-10")
    assert status["deadline"] == "2015-11-22"
    assert [a["id"] for a in status["available"]] == ["rule39"]
    assert status["next_decision_by"]["postal"].endswith("WC2A 2LL")


def test_the_home_secretary_is_addressed_as_in_british_correspondence() -> None:
    nxt = status_in(_case(COMPOSITE), "GB", "2015-09-20")["next_decision_by"]
    assert nxt["address"]["local"] == "Dear Home Secretary"
    assert "Marsham Street" in nxt["postal"]


def test_zakayev_refused_by_the_judge_leaves_only_the_requesting_states_appeal() -> None:
    # Akhmed Zakayev: arrested in London in December 2002 on Russia's request; on 13 November 2003 the Senior
    # District Judge refused extradition (political opinions, risk of torture). That hearing ran under the 1989 Act;
    # the dates are run through today's Part 2 model. Requesting state's appeal: 14 days starting with Thu 13 Nov
    # = 13 Nov + 13 = Wed 26 Nov 2003.
    case = _case(
        [
            {"id": "arrest", "date": "2002-12", "body": "Metropolitan Police", "action": "arrest"},
            {
                "id": "refusal",
                "date": "2003-11-13",
                "body": "Bow Street Magistrates' Court, Senior District Judge",
                "action": "decision",
                "result": "unfavourable",
            },
        ]
    )
    before = status_in(case, "GB", "2003-01-15")
    assert before["stage"]["id"] == "arrested"
    window = {c["id"]: c for c in before["clocks"]}["request-after-provisional-arrest"]
    # arrest known only to the month: 1 Dec + 44 = 14 Jan 2003 at the earliest, 31 Dec + 44 = 13 Feb at the latest
    assert (window["deadline"], window["deadline_latest"], window["status"]) == ("2003-01-14", "2003-02-13", "unknown")
    after = status_in(case, "GB", "2003-11-14")
    assert after["stage"]["id"] == "discharged_by_judge"
    assert after["stage"]["final"] is True
    assert after["next_decision_by"] is None
    assert limits(after) == {("appeal-requesting-state", "open", "2003-11-26")}
    assert after["available"] == []


def test_an_order_without_a_hearing_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Police", "action": "arrest"},
            {"id": "order", "date": "2020-02-01", "body": "Home Secretary", "action": "decree", "result": "granted"},
        ]
    )
    status = status_in(case, "GB", "2020-03-01")
    assert_warned(status, "extradition_ordered", "order", "arrested")
    # no notification recorded: the appeal deadline is unknown, not invented
    appeal = {r["id"]: r for r in status["remedies"]}["appeal-high-court"]
    assert (appeal["status"], appeal["deadline"]) == ("unknown", None)


def test_representations_window_was_six_weeks_before_15_january_2007() -> None:
    # s. 93(6) as enacted gave 6 weeks; the Police and Justice Act 2006, Sch. 13 para. 18 (in force 15 Jan 2007,
    # S.I. 2006/3364 art. 2(e)) cut it to 4 weeks. Case sent on Mon 7 Mar 2005: 6 weeks starting with that day
    # end on 7 Mar + 41 = Sun 17 Apr 2005 (no move to Monday). A case sent on Mon 5 Mar 2007 gets 4 weeks:
    # 5 Mar + 27 = Sun 1 Apr 2007.
    def sent_on(day: str) -> CaseFile:
        return _case(
            [
                {"id": "request", "date": "2004-12-01", "body": "Home Office", "action": "request_received"},
                {
                    "id": "sent",
                    "date": day,
                    "body": "Bow Street Magistrates' Court, District Judge",
                    "action": "decision",
                    "result": "favourable",
                },
            ]
        )

    before = status_in(sent_on("2005-03-07"), "GB", "2005-03-10")
    assert ("representations", "running", "2005-04-17") in limits(before)
    after = status_in(sent_on("2007-03-05"), "GB", "2007-03-10")
    assert ("representations", "running", "2007-04-01") in limits(after)
