"""Greece walked through a real case from the research (Kuzov, 2017) and a composite case that reaches the
Minister of Justice and the Council of State."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "TJ") -> CaseFile:
    return case_in("GR", events, states={requesting: ["persecuting", "requesting"], "GR": ["custodial", "transit"]})


# Mirzorakhim Kuzov, a leader of the banned Islamic Renaissance Party of Tajikistan, was held at Athens
# airport while changing planes on his way back from an OSCE human-rights meeting, on a Tajik red notice.
# The Judicial Council of the Court of Appeal refused extradition as politically motivated seven weeks
# later, and he was freed two days after that. Greece and Tajikistan have no extradition treaty, so the
# Code of Criminal Procedure governs.
KUZOV = [
    {"id": "airport-arrest", "date": "2017-10-09", "body": "Hellenic Police, Athens airport", "action": "arrest"},
    {
        "id": "council-refuses",
        "date": "2017-11-29",
        "body": "Συμβούλιο Εφετών Αθηνών",
        "action": "opinion",
        "result": "unfavourable",
    },
    {"id": "freed", "date": "2017-12-01", "body": "Hellenic Police", "action": "release"},
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (clock id, status, deadline)
    # One month from the arrest of 9 Oct 2017 for the request (Code, rule read only in part): 9 Nov 2017.
    (
        "2017-10-20-held",
        "2017-10-20",
        "provisional_arrest",
        "Συμβούλιο Εφετών",
        ("request-one-month", "running", "2017-11-09"),
    ),
    # Had the Convention applied: 40 days from 9 Oct 2017 = 18 Nov 2017 (ETS 24 art. 16(4)).
    (
        "2017-10-20-ece",
        "2017-10-20",
        "provisional_arrest",
        "Συμβούλιο Εφετών",
        ("request-ece-40-days", "running", "2017-11-18"),
    ),
    ("2017-12-05-refused", "2017-12-05", "council_unfavourable", None, None),
]


@walk_rows(WALK, ("as_of", "stage", "next_body", "clock"))
def test_kuzov_position_over_time(
    as_of: str, stage: str, next_body: str | None, clock: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(KUZOV), "GR", as_of), stage, next_body, clock, among=("clocks",))


def test_after_the_refusal_only_the_prosecutors_appeal_is_open_and_the_person_is_free() -> None:
    status = status_in(_case(KUZOV), "GR", "2017-12-05")
    assert status["stage"]["final"] is True
    assert status["in_custody"] is False
    remedies = {r["id"]: r for r in status["remedies"]}
    assert set(remedies) == {"prosecutor-appeal-areios-pagos"}
    assert remedies["prosecutor-appeal-areios-pagos"]["basis"] == "no time limit"  # period not confirmed


COMPOSITE = [
    {"id": "arrest", "date": "2020-09-14", "body": "Hellenic Police, Thessaloniki", "action": "arrest"},
    {
        "id": "council",
        "date": "2020-11-20",
        "body": "Συμβούλιο Εφετών Θεσσαλονίκης",
        "action": "opinion",
        "result": "favourable",
    },
    {"id": "appeal", "date": "2020-11-23", "body": "Άρειος Πάγος", "action": "appeal"},
    {
        "id": "ap-upholds",
        "date": "2021-01-28",
        "body": "Άρειος Πάγος",
        "action": "appeal_decided",
        "result": "dismissed",
    },
    {"id": "minister", "date": "2021-03-10", "body": "Υπουργός Δικαιοσύνης", "action": "decree", "result": "granted"},
    {"id": "served", "date": "2021-03-12", "body": "Εισαγγελία Εφετών Θεσσαλονίκης", "action": "notification"},
]


def test_composite_case_reaches_the_minister_and_the_council_of_state_deadline() -> None:
    case = _case(COMPOSITE, requesting="MA")
    favourable = status_in(case, "GR", "2020-11-21")
    assert favourable["stage"]["id"] == "council_favourable"
    assert favourable["next_decision_by"]["name"]["local"].startswith("Άρειος Πάγος")
    assert {r["id"] for r in favourable["remedies"]} == {"appeal-areios-pagos"}

    before_minister = status_in(case, "GR", "2021-02-15")
    assert before_minister["stage"]["id"] == "areios_pagos_favourable"
    assert before_minister["next_decision_by"]["address"]["local"] == "Κύριε Υπουργέ"

    # Decision served Fri 12 Mar 2021; sixty days counted from the next day (P.D. 18/1989 arts 46(1), 70(1)):
    # 12 Mar + 60 days = Tue 11 May 2021, not a Greek holiday.
    granted = status_in(case, "GR", "2021-03-15")
    assert granted["stage"]["id"] == "minister_granted"
    assert granted["next_decision_by"]["name"]["local"].startswith("Συμβούλιο της Επικρατείας")
    assert ("annulment-council-of-state", "open", "2021-05-11") in limits(granted, among=("remedies",))
    assert [a["id"] for a in granted["available"]] == ["rule39"]
    assert granted["warnings"] == []


def test_a_ministerial_order_without_a_court_decision_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2022-04-01", "body": "Hellenic Police", "action": "arrest"},
            {
                "id": "early-order",
                "date": "2022-04-20",
                "body": "Υπουργός Δικαιοσύνης",
                "action": "decree",
                "result": "granted",
            },
        ]
    )
    status = status_in(case, "GR", "2022-04-25")
    assert_warned(status, "minister_granted", "early-order", "provisional_arrest")
