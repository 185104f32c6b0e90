"""Poland (k.p.k. arts 602-607): a realistic composite walked through every stage, the Ketebayev case
(Lublin, 2013) in its own words, and a sequence the model does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "BY") -> CaseFile:
    return case_in("PL", events, states={requesting: ["persecuting", "requesting"], "PL": ["custodial"]})


# A composite: a Belarusian opposition blogger stopped at Warsaw airport on a red notice; the regional court
# finds extradition admissible, the court of appeal agrees, and the Minister of Justice refuses to extradite.
COMPOSITE = [
    {"id": "arrest", "date": "2021-09-01", "body": "Straż Graniczna, Lotnisko Chopina", "action": "arrest"},
    {"id": "areszt", "date": "2021-09-03", "body": "Sąd Okręgowy w Warszawie", "action": "detention"},
    {
        "id": "603",
        "date": "2021-11-04",
        "body": "Sąd Okręgowy w Warszawie",
        "action": "decision",
        "result": "favourable",
    },
    {"id": "zazalenie", "date": "2021-11-10", "body": "Sąd Apelacyjny w Warszawie", "action": "appeal"},
    {
        "id": "sa",
        "date": "2022-01-20",
        "body": "Sąd Apelacyjny w Warszawie",
        "action": "appeal_decided",
        "result": "favourable",
    },
    {"id": "ms", "date": "2022-03-15", "body": "Minister Sprawiedliwości", "action": "decree", "result": "refused"},
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (remedy or clock id, status, deadline)
    # 48 hours from the arrest on 1 Sept 2021, shown as 3 Sept.
    ("arrested", "2021-09-02", "detained", "Prokuratura Okręgowa", ("hand-over-48h", "running", "2021-09-03")),
    # Zażalenie against the arrest order of Fri 3 Sept: 7 calendar days (art. 460) -> Fri 10 Sept.
    ("arrest-order", "2021-09-06", "provisional_arrest", "Sąd Okręgowy", ("zazalenie-arrest", "open", "2021-09-10")),
    # Art. 605 § 2: 40 days from 3 Sept = 13 Oct (27 days to 30 Sept, 13 more in October); no roll-forward.
    ("forty-days", "2021-09-06", "provisional_arrest", "Sąd Okręgowy", ("request-40-days", "running", "2021-10-13")),
    # Ruling of Thu 4 Nov: 7 days -> Thu 11 Nov, Independence Day (public holiday) -> next working day Fri 12 Nov.
    (
        "admissible",
        "2021-11-05",
        "admissible",
        "Minister Sprawiedliwości",
        ("zazalenie-admissibility", "open", "2021-11-12"),
    ),
    ("appeal-pending", "2021-11-15", "appeal_pending", "Sąd Apelacyjny", None),
    ("final", "2022-01-21", "admissibility_final", "Minister Sprawiedliwości", None),
    ("refused", "2022-03-16", "minister_refused", None, None),
]


@walk_rows(WALK)
def test_composite_case_through_the_polish_stages(
    as_of: str, stage: str, next_body: str | None, limit: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(COMPOSITE), "PL", as_of), stage, next_body, limit)


def test_after_the_appeal_the_minister_is_addressed_as_in_polish_correspondence() -> None:
    status = status_in(_case(COMPOSITE), "PL", "2022-01-21")
    assert status["next_decision_by"]["address"]["local"] == "Szanowny Panie Ministrze"
    assert {r["id"] for r in status["available"]} == {"rule39"}
    assert status["remedies"][0]["basis"] == "no time limit"  # the Ombudsman's kasacja: no limit modelled


def test_ketebayev_released_by_the_prosecutor_then_granted_refugee_status() -> None:
    # Told in our own words from the public record: a Kazakh opposition politician, detained in Lublin on
    # 12 June 2013 on an INTERPOL notice, was released the next day by the regional prosecutor, who did not
    # seek his arrest; Poland granted him refugee status in December 2013.
    case = _case(
        [
            {"id": "lublin", "date": "2013-06-12", "body": "Policja, Lublin", "action": "arrest"},
            {"id": "zwolnienie", "date": "2013-06-13", "body": "Prokuratura Okręgowa w Lublinie", "action": "release"},
            {
                "id": "azyl",
                "date": "2013-12",
                "body": "Urząd do Spraw Cudzoziemców",
                "action": "asylum_decision",
                "result": "granted",
            },
        ],
        requesting="KZ",
    )
    day_one = status_in(case, "PL", "2013-06-12")
    assert day_one["stage"]["id"] == "detained"
    assert day_one["in_custody"] is True
    assert {(c["id"], c["deadline"]) for c in day_one["clocks"]} == {("hand-over-48h", "2013-06-14")}

    released = status_in(case, "PL", "2013-06-20")
    assert released["stage"]["id"] == "released_by_prosecutor"
    assert released["in_custody"] is False
    assert released["warnings"] == []

    protected = status_in(case, "PL", "2014-01-15")
    assert protected["stage"]["id"] == "asylum_granted"
    assert protected["next_decision_by"]["name"]["local"].startswith("Sąd Okręgowy")


def test_a_ministerial_decision_straight_after_the_arrest_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2020-01-10", "body": "Policja", "action": "arrest"},
            {
                "id": "decyzja-ms",
                "date": "2020-02-01",
                "body": "Minister Sprawiedliwości",
                "action": "decree",
                "result": "granted",
            },
        ]
    )
    status = status_in(case, "PL", "2020-03-01")
    assert_warned(status, "minister_granted", "decyzja-ms", "detained")
