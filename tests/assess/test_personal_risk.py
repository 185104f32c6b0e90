"""The courts' test for the risk on removal (issue 15): a general situation rarely decides alone; membership of a
targeted group or personal circumstances do; a political-purpose bar needs a request for prosecution; and when
the facts the test turns on are unknown the answer is "insufficient information", not "no protection needed"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exwatch.assess.assessment import assess_case
from exwatch.assess.context import FactRef
from exwatch.assess.destinations import for_person
from exwatch.model.case import CaseFile
from tests.factories import case_data

PERSONAL = [FactRef("facts/x", "imprisoned there for his opposition activity", ())]

# id, level for the subject's groups, a targeted group?, personal factors, expected level
RULES = [
    ("targeted-group-high", "high", True, [], "high"),
    ("general-high-with-personal-factors", "high", False, PERSONAL, "high"),
    ("general-high-alone-is-not-enough", "high", False, [], "elevated"),
    ("elevated-with-personal-factors", "elevated", False, PERSONAL, "high"),
    ("elevated-alone", "elevated", False, [], "elevated"),
    ("low-stays-low", "low", False, PERSONAL, "low"),
    ("unknown-stays-unknown", "unknown", False, PERSONAL, "unknown"),
]


@pytest.mark.parametrize(
    ("group", "targeted", "personal", "expected"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_the_risk_for_the_person(group: str, targeted: bool, personal: list[FactRef], expected: str) -> None:
    assert for_person(group, targeted, personal)[0] == expected


def _case(**changes: Any) -> CaseFile:
    return CaseFile.model_validate(case_data(**changes))


def test_a_person_returned_without_personal_factors_is_not_protected_by_the_general_situation_alone() -> None:
    # Kazakhstan: a high general level, resting on findings about detainees and criminal suspects. The state
    # wants the person back but has sent no request for prosecution, and no one says it persecutes them (the
    # persecuting state's own role would be a personal factor).
    returned = _case(
        subject={"names": [{"name": "A B", "kind": "primary"}], "sources": ["judgment"]},
        states=[{"state": "KZ", "roles": ["requesting"], "sources": ["judgment"]}],
        requests=[],
        events=[],
        facts=[],
    )
    (kz,) = assess_case(returned, dt.date(2021, 1, 1)).destinations
    assert kz.torture.level == "high"
    assert kz.torture_for_subject == "elevated"
    assert "NA. v. the United Kingdom" in " ".join(kz.notes)


def test_a_person_surrendered_for_prosecution_is_in_the_group_the_evidence_targets() -> None:
    sought = _case(
        subject={"names": [{"name": "A B", "kind": "primary"}], "sources": ["judgment"]},
        states=[{"state": "KZ", "roles": ["requesting"], "sources": ["judgment"]}],
        requests=[{"id": "kz", "kind": "extradition_request", "issuer": "KZ", "sources": ["judgment"]}],
        events=[],
        facts=[],
    )
    (kz,) = assess_case(sought, dt.date(2021, 1, 1)).destinations
    assert kz.torture_for_subject == "high"


def test_no_request_no_political_purpose_bar_and_an_unknown_destination_is_insufficient_information() -> None:
    # An opponent and refugee facing expulsion to a state the knowledge base has no evidence for.
    expelled = _case(
        subject={
            "names": [{"name": "A B", "kind": "primary"}],
            "profiles": ["opposition_politician"],
            "sources": ["judgment"],
        },
        states=[{"state": "BT", "roles": ["persecuting"], "sources": ["judgment"]}],
        requests=[],
        events=[],
    )
    conclusion = assess_case(expelled, dt.date(2021, 1, 1)).conclusion
    assert not conclusion.protection_warranted
    assert conclusion.insufficient_information
    assert any("BT" in m for m in conclusion.missing)
    assert conclusion.as_dict()["strength"] == "weak"


def test_the_state_of_removal_is_assessed_by_the_courts_test() -> None:
    # Expulsion to Kazakhstan (high general level): without personal factors elevated, not a bar; the custodial
    # state is never a destination even if a text calls it one.
    def expelled(facts: list[dict[str, Any]]) -> CaseFile:
        return _case(
            subject={"names": [{"name": "A B", "kind": "primary"}], "sources": ["judgment"]},
            states=[
                {"state": "KZ", "roles": ["destination"], "sources": ["judgment"]},
                {"state": "SE", "roles": ["custodial", "destination"], "sources": ["judgment"]},
            ],
            requests=[],
            events=[],
            facts=facts,
        )

    alone = assess_case(expelled([]), dt.date(2021, 1, 1))
    assert [d.state for d in alone.destinations] == ["KZ"]
    assert alone.destinations[0].torture_for_subject == "elevated"
    assert not alone.conclusion.protection_warranted
    tortured = {"id": "t", "kind": "ill_treatment_alleged", "state": "KZ", "text": "beaten in custody in Almaty",
                "sources": ["judgment"]}  # fmt: skip
    personal = assess_case(expelled([tortured]), dt.date(2021, 1, 1))
    assert personal.destinations[0].torture_for_subject == "high"
    assert personal.conclusion.protection_warranted


def test_refugee_status_makes_the_risk_personal_in_the_state_the_subject_fled() -> None:
    # Expulsion to Kazakhstan (elevated for a returnee without personal factors, above). A grant of refugee
    # status is a finding that the fear of persecution there is well founded: the risk becomes personal (high),
    # whichever state the fact names (here the one that granted it, Sweden). It counts only for the state fled.
    def expelled(facts: list[dict[str, Any]], states: list[dict[str, Any]]) -> CaseFile:
        return _case(
            subject={"names": [{"name": "A B", "kind": "primary"}], "sources": ["judgment"]},
            states=states,
            requests=[],
            events=[],
            facts=facts,
        )

    to_kz = [{"state": "KZ", "roles": ["destination"], "sources": ["judgment"]}]
    refugee = {"id": "r", "kind": "refugee_status", "state": "SE", "text": "granted refugee status in Sweden",
               "sources": ["judgment"]}  # fmt: skip
    (alone,) = assess_case(expelled([], to_kz), dt.date(2021, 1, 1)).destinations
    assert alone.torture_for_subject == "elevated"
    recognised = assess_case(expelled([refugee], to_kz), dt.date(2021, 1, 1))
    assert recognised.destinations[0].torture_for_subject == "high"
    assert any(f.text == "granted refugee status in Sweden" for f in recognised.destinations[0].personal)
    assert recognised.conclusion.protection_warranted
    # Fled Uzbekistan (persecuting), to be sent to Kazakhstan: the status says nothing about Kazakhstan.
    fled_uz = [*to_kz, {"state": "UZ", "roles": ["persecuting"], "sources": ["judgment"]}]
    kz = next(d for d in assess_case(expelled([refugee], fled_uz), dt.date(2021, 1, 1)).destinations if d.state == "KZ")
    assert kz.torture_for_subject == "elevated"
