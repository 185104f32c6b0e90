"""Germany (IRG) walked through the Ahmed Mansour arrest and a composite case that reaches Karlsruhe."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "TJ") -> CaseFile:
    return case_in("DE", events, states={requesting: ["persecuting", "requesting"], "DE": ["custodial"]})


def test_ahmed_mansour_released_at_the_prosecutors_instance() -> None:
    # Ahmed Mansour, an Al Jazeera presenter, was arrested at Berlin Tegel on Sat 20 Jun 2015 on an Egyptian request;
    # on Mon 22 Jun the Berlin Generalstaatsanwaltschaft released him. Egypt is not a European state, so the request
    # had to arrive within three months of the arrest (§ 16(2) IRG): 20 Jun + 3 months = 20 Sep 2015.
    case = _case(
        [
            {"id": "tegel", "date": "2015-06-20", "body": "Bundespolizei, Flughafen Tegel", "action": "arrest"},
            {"id": "freed", "date": "2015-06-22", "body": "Generalstaatsanwaltschaft Berlin", "action": "release"},
        ],
        requesting="EG",
    )
    held = status_in(case, "DE", "2015-06-21")
    assert held["stage"]["id"] == "provisional_arrest"
    assert held["next_decision_by"]["name"]["local"].startswith("Oberlandesgericht")
    assert ("request-documents-non-european", "running", "2015-09-20") in limits(held)
    assert ("request-documents-european", "running", "2015-08-20") in limits(held)
    freed = status_in(case, "DE", "2015-06-23")
    assert freed["stage"]["id"] == "released_by_prosecutor"
    assert freed["in_custody"] is False
    assert freed["next_decision_by"]["name"]["local"].startswith("Generalstaatsanwaltschaft")
    assert freed["warnings"] == []


# A composite in the pattern of the Tajik-opposition and Turkish-dissident cases decided in Karlsruhe: admissibility
# declared, quashed on a constitutional complaint, declared again, then refused by the government. Dates invented.
COMPOSITE = [
    {"id": "arrest", "date": "2019-03-07", "body": "Bundespolizei, Flughafen München", "action": "arrest"},
    {"id": "haft", "date": "2019-03-14", "body": "Oberlandesgericht München", "action": "detention"},
    {"id": "request", "date": "2019-04-25", "body": "Bundesamt für Justiz", "action": "request_received"},
    {
        "id": "zulaessig",
        "date": "2019-09-10",
        "body": "Oberlandesgericht München, 1. Strafsenat",
        "action": "decision",
        "result": "favourable",
    },
    {"id": "zugestellt", "date": "2019-09-12", "body": "Oberlandesgericht München", "action": "notification"},
    {"id": "vb", "date": "2019-10-10", "body": "Bundesverfassungsgericht", "action": "application_lodged"},
    {
        "id": "ea",
        "date": "2019-10-11",
        "body": "Bundesverfassungsgericht",
        "action": "interim_measure",
        "result": "indicated",
    },
    {
        "id": "aufgehoben",
        "date": "2020-02-20",
        "body": "Bundesverfassungsgericht, 2. Senat, 2. Kammer",
        "action": "appeal_decided",
        "result": "allowed",
    },
    {
        "id": "zulaessig-2",
        "date": "2020-06-30",
        "body": "Oberlandesgericht München, 1. Strafsenat",
        "action": "decision",
        "result": "favourable",
    },
    {"id": "abgelehnt", "date": "2020-08-14", "body": "Bundesamt für Justiz", "action": "decree", "result": "refused"},
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), a clock or remedy: (id, status, deadline)
    # Tajikistan is not European: three months from Thu 7 Mar 2019 = Fri 7 Jun 2019.
    (
        "2019-03-arrest",
        "2019-03-08",
        "provisional_arrest",
        "Oberlandesgericht",
        ("request-documents-non-european", "running", "2019-06-07"),
    ),
    # Constitutional complaint: one month from service on Thu 12 Sep 2019 = Sat 12 Oct, moved to Mon 14 Oct 2019.
    (
        "2019-09-admissible",
        "2019-09-13",
        "admissible",
        "Bundesamt für Justiz",
        ("constitutional-complaint", "open", "2019-10-14"),
    ),
    ("2019-10-complaint-pending", "2019-10-15", "constitutional_complaint_pending", "Bundesverfassungsgericht", None),
    ("2020-02-remitted", "2020-03-01", "remitted_to_court", "Oberlandesgericht", None),
    # Declared admissible again; no service recorded yet, so the month cannot be counted.
    (
        "2020-07-admissible-again",
        "2020-07-01",
        "admissible",
        "Bundesamt für Justiz",
        ("constitutional-complaint", "unknown", None),
    ),
]


@walk_rows(WALK)
def test_composite_case_position_over_time(
    as_of: str, stage: str, next_body: str, limit: tuple[str, str, str | None] | None
) -> None:
    assert_step(status_in(_case(COMPOSITE), "DE", as_of), stage, next_body, limit)


def test_the_government_refusal_ends_the_case_and_the_grant_authority_has_an_address() -> None:
    admissible = status_in(_case(COMPOSITE), "DE", "2019-09-13")
    assert "Bonn" in admissible["next_decision_by"]["postal"]
    assert [a["id"] for a in admissible["available"]] == ["rule39"]
    ended = status_in(_case(COMPOSITE), "DE", "2020-08-15")
    assert ended["stage"]["id"] == "not_authorised"
    assert ended["stage"]["final"] is True
    assert ended["available"] == []


def test_a_grant_before_any_court_ruling_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Bundespolizei", "action": "arrest"},
            {
                "id": "bewilligung",
                "date": "2020-02-01",
                "body": "Bundesamt für Justiz",
                "action": "decree",
                "result": "granted",
            },
        ]
    )
    status = status_in(case, "DE", "2020-03-01")
    assert_warned(status, "authorised", "bewilligung", "provisional_arrest")
