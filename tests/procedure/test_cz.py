"""Czech Republic (Act 104/2013): the Paraskevich case (2012-2014) walked through the stages, and a
sequence the model does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]]) -> CaseFile:
    return case_in("CZ", events, states={"KZ": ["persecuting"], "UA": ["requesting"], "CZ": ["custodial"]})


# In our own words, from the public record: a Russian citizen, a former colleague of a Kazakh opposition
# banker, was arrested in Karlovy Vary in May 2012 on a Ukrainian request. The Regional Court in Pilsen twice
# found her extradition to Ukraine inadmissible; on the prosecutor's complaint the High Court in Prague held it
# admissible in February 2013. She applied for international protection; the Interior Ministry granted
# subsidiary protection in February 2014 and the Minister of Justice ordered her release in March 2014.
PARASKEVICH = [
    {"id": "karlovy-vary", "date": "2012-05-15", "body": "Policie ČR, Karlovy Vary", "action": "arrest"},
    {
        "id": "ks-plzen-1",
        "date": "2012-10-05",
        "body": "Krajský soud v Plzni",
        "action": "decision",
        "result": "unfavourable",
    },
    {
        "id": "ks-plzen-2",
        "date": "2013-01-02",
        "body": "Krajský soud v Plzni",
        "action": "decision",
        "result": "unfavourable",
    },
    {
        "id": "vs-praha",
        "date": "2013-02-21",
        "body": "Vrchní soud v Praze",
        "action": "appeal_decided",
        "result": "favourable",
    },
    {"id": "azyl-zadost", "date": "2013-04-09", "body": "Ministerstvo vnitra", "action": "asylum_claim"},
    {
        "id": "doplnkova-ochrana",
        "date": "2014-02-18",
        "body": "Ministerstvo vnitra",
        "action": "asylum_decision",
        "result": "granted",
    },
    {"id": "propusteni", "date": "2014-03-20", "body": "Ministr spravedlnosti", "action": "release"},
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (remedy id, status, deadline)
    ("arrested", "2012-05-16", "detained", "Krajský soud", None),
    # Ruling of Fri 5 Oct 2012, announced at the public session: 3 days (tr. ř. § 143(1)) -> Mon 8 Oct.
    ("inadmissible", "2012-10-08", "inadmissible", "Vrchní soud", ("stiznost-prosecutor", "open", "2012-10-08")),
    # New ruling of Wed 2 Jan 2013: 3 days -> Sat 5 Jan -> next working day Mon 7 Jan.
    (
        "inadmissible-again",
        "2013-01-04",
        "inadmissible_on_remittal",
        "Vrchní soud",
        ("stiznost-prosecutor", "open", "2013-01-07"),
    ),
    # High Court ruling of Thu 21 Feb 2013: constitutional complaint within 2 months -> Sun 21 Apr -> Mon 22 Apr
    # (counted from the ruling; the law counts from its delivery, which is later).
    (
        "admissible-final",
        "2013-03-01",
        "admissibility_final",
        "Ministr spravedlnosti",
        ("constitutional-complaint", "open", "2013-04-22"),
    ),
    ("protection", "2014-02-20", "protection_granted", "Ministr spravedlnosti", None),
]


@walk_rows(WALK, ("as_of", "stage", "next_body", "remedy"))
def test_paraskevich_case_through_the_czech_stages(
    as_of: str, stage: str, next_body: str, remedy: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(PARASKEVICH), "CZ", as_of), stage, next_body, remedy, among=("remedies",))


def test_once_the_high_court_held_extradition_admissible_the_minister_can_be_petitioned() -> None:
    status = status_in(_case(PARASKEVICH), "CZ", "2013-03-01")
    remedies = {r["id"]: r for r in status["remedies"]}
    assert remedies["petition-supreme-court-review"]["basis"] == "no time limit"
    assert status["next_decision_by"]["address"]["local"].startswith("Vážený pane ministře")
    assert status["in_custody"] is True


def test_after_release_the_protection_stage_stands_and_custody_has_ended() -> None:
    status = status_in(_case(PARASKEVICH), "CZ", "2014-03-21")
    assert status["stage"]["id"] == "protection_granted"
    assert status["in_custody"] is False
    assert status["warnings"] == []


def test_a_permission_straight_after_the_arrest_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "zadrzeni", "date": "2020-01-10", "body": "Policie ČR", "action": "arrest"},
            {
                "id": "povoleni",
                "date": "2020-02-01",
                "body": "Ministr spravedlnosti",
                "action": "decree",
                "result": "granted",
            },
        ]
    )
    status = status_in(case, "CZ", "2020-03-01")
    assert_warned(status, "permission_granted", "povoleni", "detained")
