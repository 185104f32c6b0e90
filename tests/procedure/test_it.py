"""Italy (c.p.p. arts 697-722) walked through the Dolkun Isa detention and a full composite case."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]]) -> CaseFile:
    return case_in("IT", events, states={"CN": ["persecuting", "requesting"], "IT": ["custodial"]})


# A composite built on the Isa pattern (a Uyghur activist with refugee status in Germany, wanted by China through a
# red notice), carried through every stage the code provides; the dates are invented, the counting is the code's.
COMPOSITE = [
    {"id": "arrest", "date": "2023-10-02", "body": "Polizia di Stato, Fiumicino", "action": "arrest"},
    {
        "id": "convalida",
        "date": "2023-10-04",
        "body": "Presidente della Corte d'appello di Roma",
        "action": "detention",
    },
    {"id": "request", "date": "2023-11-06", "body": "Ministero della giustizia", "action": "request_received"},
    {
        "id": "sentenza",
        "date": "2024-03-12",
        "body": "Corte d'appello di Roma",
        "action": "decision",
        "result": "favourable",
    },
    {"id": "avviso", "date": "2024-03-20", "body": "Corte d'appello di Roma", "action": "notification"},
    {"id": "ricorso", "date": "2024-04-03", "body": "Corte di cassazione", "action": "appeal"},
    {
        "id": "rigetto",
        "date": "2024-07-09",
        "body": "Corte di cassazione, Sesta sezione penale",
        "action": "cassation",
        "result": "dismissed",
    },
    {
        "id": "diniego",
        "date": "2024-08-20",
        "body": "Ministro della giustizia",
        "action": "decree",
        "result": "refused",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), a clock or remedy: (id, status, deadline)
    # The Minister's request to keep the measure: 10 days, counted here from the arrest on Mon 2 Oct 2023 = Thu 12 Oct.
    (
        "2023-10-arrest",
        "2023-10-05",
        "provisional_measure",
        "Corte d'appello",
        ("minister-maintenance", "running", "2023-10-12"),
    ),
    # Request and documents: 40 days from the arrest = Sat 11 Nov 2023 (a detention limit: no move).
    (
        "2023-10-forty-days",
        "2023-10-05",
        "provisional_measure",
        "Corte d'appello",
        ("request-documents", "running", "2023-11-11"),
    ),
    # Ricorso: 15 days from the notice of filing on Wed 20 Mar 2024, that day not counted = Thu 4 Apr 2024.
    (
        "2024-03-judgment-for-extradition",
        "2024-03-21",
        "court_favourable",
        "Ministro della giustizia",
        ("ricorso-cassazione", "open", "2024-04-04"),
    ),
    # The Cassation decides within six months of the ricorso of Wed 3 Apr 2024 = Thu 3 Oct 2024.
    (
        "2024-04-ricorso-pending",
        "2024-04-10",
        "cassation_pending",
        "Corte suprema di cassazione",
        ("cassation-six-months", "running", "2024-10-03"),
    ),
    # The Minister decides within 45 days of the filing on Tue 9 Jul 2024 = Fri 23 Aug 2024, else release.
    (
        "2024-07-minister-to-decide",
        "2024-07-15",
        "cassation_rejected",
        "Ministro della giustizia",
        ("minister-decision", "running", "2024-08-23"),
    ),
]


@walk_rows(WALK)
def test_composite_case_position_over_time(as_of: str, stage: str, next_body: str, limit: tuple[str, str, str]) -> None:
    assert_step(status_in(_case(COMPOSITE), "IT", as_of), stage, next_body, limit)


def test_the_minister_is_addressed_as_in_italian_correspondence_and_rule_39_is_available() -> None:
    status = status_in(_case(COMPOSITE), "IT", "2024-07-15")
    assert status["next_decision_by"]["address"]["local"] == "Onorevole Signor Ministro della giustizia"
    assert "via Arenula" in status["next_decision_by"]["postal"]
    assert [a["id"] for a in status["available"]] == ["rule39"]


def test_the_ministers_refusal_ends_the_procedure() -> None:
    status = status_in(_case(COMPOSITE), "IT", "2024-08-21")
    assert_step(status, "minister_refused", None)


def test_dolkun_isa_held_for_hours_and_released() -> None:
    # Dolkun Isa, president of the World Uyghur Congress, was stopped by DIGOS at the Italian Senate on 26 July 2017
    # on China's red notice and released the same day. The model shows the first stage with the person at liberty.
    case = _case(
        [
            {"id": "held", "date": "2017-07-26", "body": "DIGOS, Roma", "action": "arrest"},
            {"id": "freed", "date": "2017-07-26", "body": "DIGOS, Roma", "action": "release"},
        ]
    )
    status = status_in(case, "IT", "2017-07-27")
    assert status["stage"]["id"] == "provisional_measure"
    assert status["in_custody"] is False
    assert status["warnings"] == []


def test_a_cassation_ruling_without_an_appeal_court_judgment_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Polizia di Stato", "action": "arrest"},
            {
                "id": "cass",
                "date": "2020-02-01",
                "body": "Corte di cassazione",
                "action": "cassation",
                "result": "dismissed",
            },
        ]
    )
    status = status_in(case, "IT", "2020-02-02")
    assert_warned(status, "cassation_rejected", "cass", "provisional_measure")
