from __future__ import annotations

from typing import Any

import pytest

from exwatch.errors import InputError
from exwatch.model.case import CaseFile
from exwatch.model.validation import validate
from tests.factories import case_data


def _problems(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(InputError) as err:
        validate(CaseFile, data, "case.yaml")
    return {p.path: p.message for p in err.value.problems}


def test_a_valid_case_is_normalised() -> None:
    data = case_data(states=[{"state": "Tajikistan", "roles": ["persecuting"], "sources": ["judgment"]}])
    case = validate(CaseFile, data, "case.yaml")
    assert case.states[0].state == "TJ"
    assert case.events[1].jurisdiction == "ECTHR"
    assert case.subject.primary_name == "Jane Doe"


def test_every_fault_is_reported_with_its_field_path() -> None:
    data = case_data()
    data["events"][0]["date"] = "2020-02-30"
    data["events"][1]["jurisdiction"] = "Frnace"
    data["requests"][0]["kind"] = "red-notice"
    data["subject"]["nationalities"] = ["Kazakstan"]
    data["facts"][0]["colour"] = "blue"
    problems = _problems(data)
    assert "February 2020 has days 01-29" in problems["events[0].date"]
    assert "France (FR)" in problems["events[1].jurisdiction"]
    assert "red_notice" in problems["requests[0].kind"]
    assert "Kazakhstan (KZ)" in problems["subject.nationalities[0]"]
    assert "unknown field" in problems["facts[0].colour"]


def test_citations_must_name_a_listed_source() -> None:
    data = case_data()
    data["events"][0]["sources"] = ["missing-source"]
    problems = _problems(data)
    assert "missing-source" in problems["events[0].sources[0]"]


def test_facts_without_a_source_are_refused() -> None:
    data = case_data()
    data["events"][0]["sources"] = []
    assert "events[0].sources" in _problems(data)


@pytest.mark.parametrize(
    ("field", "value", "path", "reason"),
    [
        ("id", "Has Spaces", "id", "does not match"),
        ("format", "exwatch-case/9", "format", "exwatch-case/1"),
        ("events", "not a list", "events", "expected a list"),
    ],
    ids=["bad-id", "unknown-format", "wrong-type"],
)
def test_wrong_types_and_values(field: str, value: Any, path: str, reason: str) -> None:
    assert reason in _problems(case_data(**{field: value}))[path]


def test_duplicate_ids_and_states_are_refused() -> None:
    data = case_data()
    data["events"].append(dict(data["events"][0]))
    data["states"].append({"state": "RU", "roles": ["transit"], "sources": ["judgment"]})
    problems = _problems(data)
    assert "used twice" in problems["events"]
    assert "listed twice" in problems["states"]


def test_events_may_only_refer_to_requests_of_the_case() -> None:
    data = case_data()
    data["events"][0]["requests"] = ["ru-request"]
    assert "ru-request" in _problems(data)["events[0].requests"]
