"""Lithuania: the Shalabayev case (2015-2016) and the Maisuradze refusal (2017) walked through the stages,
a composite where extradition is ordered, and a sequence the model does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "KZ") -> CaseFile:
    return case_in("LT", events, states={requesting: ["persecuting", "requesting"], "LT": ["custodial"]})


# In our own words, from the public record: the brother-in-law of a Kazakh opposition banker was detained in
# Vilnius in July 2015 on a Ukrainian request (Kazakhstan asked too), released in December 2015, and recognised
# as a refugee in February 2016. The Vilnius Regional Court refused extradition on 28 June 2016; the Prosecutor
# General's Office appealed, and the Court of Appeal upheld the refusal on 29 July 2016 by a final ruling.
SHALABAYEV = [
    {"id": "vilnius", "date": "2015-07-28", "body": "Policija, Vilnius", "action": "arrest"},
    {"id": "paleistas", "date": "2015-12", "body": "Lithuanian authorities", "action": "release"},
    {
        "id": "pabegelis",
        "date": "2016-02-26",
        "body": "Migracijos departamentas",
        "action": "asylum_decision",
        "result": "granted",
    },
    {
        "id": "vat",
        "date": "2016-06-28",
        "body": "Vilniaus apygardos teismas",
        "action": "decision",
        "result": "unfavourable",
    },
    {
        "id": "lat",
        "date": "2016-07-29",
        "body": "Lietuvos apeliacinis teismas",
        "action": "appeal_decided",
        "result": "unfavourable",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (remedy id, status, deadline)
    ("arrested", "2015-08-01", "detained", "Lietuvos Respublikos generalinė prokuratūra", None),
    # Ruling of Tue 28 June 2016: 7 calendar days -> Tue 5 July (a working day; 6 July is Statehood Day).
    (
        "court-refused",
        "2016-07-01",
        "court_refused",
        "Lietuvos apeliacinis teismas",
        ("appeal-prosecutor", "open", "2016-07-05"),
    ),
    ("refusal-final", "2016-08-01", "refusal_final", None, None),
]


@walk_rows(WALK, ("as_of", "stage", "next_body", "remedy"))
def test_shalabayev_case_through_the_lithuanian_stages(
    as_of: str, stage: str, next_body: str | None, remedy: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(SHALABAYEV), "LT", as_of), stage, next_body, remedy, among=("remedies",))


def test_shalabayev_was_at_liberty_when_the_regional_court_ruled() -> None:
    assert status_in(_case(SHALABAYEV), "LT", "2016-07-01")["in_custody"] is False


def test_maisuradze_refusal_by_the_prosecutor_general_awaits_the_regional_courts_approval() -> None:
    # In our own words: a former Georgian official arrested at Vilnius airport in December 2016 on a Russian
    # notice; on 3 January 2017 the Prosecutor General's Office refused extradition as politically motivated,
    # a resolution the Vilnius Regional Court still had to approve.
    case = _case(
        [
            {"id": "oro-uostas", "date": "2016-12-02", "body": "Vilniaus oro uostas, policija", "action": "arrest"},
            {
                "id": "gp-nutarimas",
                "date": "2017-01-03",
                "body": "Generalinė prokuratūra",
                "action": "decision",
                "result": "refused",
            },
        ],
        requesting="RU",
    )
    status = status_in(case, "LT", "2017-01-04")
    assert status["stage"]["id"] == "refused_by_prosecutor"
    assert status["next_decision_by"]["name"]["local"] == "Vilniaus apygardos teismas"
    assert status["warnings"] == []


# A composite where the courts order extradition, showing a deadline moved past the Christmas holidays.
ORDERED = [
    {"id": "sulaikymas", "date": "2024-10-01", "body": "Policija", "action": "arrest"},
    {"id": "suemimas", "date": "2024-10-03", "body": "Vilniaus miesto apylinkės teismas", "action": "detention"},
    {
        "id": "vat",
        "date": "2024-12-17",
        "body": "Vilniaus apygardos teismas",
        "action": "decision",
        "result": "granted",
    },
    {"id": "skundas", "date": "2024-12-20", "body": "Lietuvos apeliacinis teismas", "action": "appeal"},
    {
        "id": "lat",
        "date": "2025-01-30",
        "body": "Lietuvos apeliacinis teismas",
        "action": "appeal_decided",
        "result": "favourable",
    },
]


def test_composite_where_extradition_is_ordered() -> None:
    arrest = status_in(_case(ORDERED, "TJ"), "LT", "2024-10-04")
    assert arrest["stage"]["id"] == "extradition_arrest"
    # ETS 24 art. 16(4): 40 days from 3 Oct 2024 = 12 Nov (28 days to 31 Oct, 12 more in November).
    assert ("request-40-days", "running", "2024-11-12") in limits(arrest, among=("clocks",))

    ordered = status_in(_case(ORDERED, "TJ"), "LT", "2024-12-18")
    assert ordered["stage"]["id"] == "court_ordered_extradition"
    # Ruling of Tue 17 Dec: 7 days -> Tue 24 Dec; 24, 25 and 26 Dec are public holidays -> Fri 27 Dec.
    assert ("appeal-court-of-appeal", "open", "2024-12-27") in limits(ordered, among=("remedies",))

    assert status_in(_case(ORDERED, "TJ"), "LT", "2025-01-06")["stage"]["id"] == "court_of_appeal_pending"

    final = status_in(_case(ORDERED, "TJ"), "LT", "2025-02-03")
    assert final["stage"]["id"] == "extradition_final"
    assert final["next_decision_by"]["name"]["local"].startswith("Lietuvos Respublikos generalinė prokuratūra")
    # Four months from the Court of Appeal's ruling of 30 Jan 2025 (ECHR art. 35 § 1 as amended): 30 May 2025.
    assert ("ecthr-application", "open", "2025-05-30") in limits(final, among=("remedies",))
    assert {r["id"] for r in final["available"]} == {"rule39"}
    assert final["warnings"] == []


def test_an_appellate_ruling_straight_after_the_arrest_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "sulaikymas", "date": "2020-01-10", "body": "Policija", "action": "arrest"},
            {
                "id": "lat-nutartis",
                "date": "2020-02-01",
                "body": "Lietuvos apeliacinis teismas",
                "action": "appeal_decided",
                "result": "favourable",
            },
        ]
    )
    status = status_in(case, "LT", "2020-03-01")
    assert_warned(status, "extradition_final", "lat-nutartis", "detained")
