"""Cyprus walked through In re Hayek (1983), a case from the research, and through a sequence the model does
not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "SE") -> CaseFile:
    return case_in("CY", events, states={requesting: ["requesting"], "CY": ["custodial"]})


# In re Hayek: a Lebanese national sought by Sweden was held on a provisional warrant of the President of the
# Larnaca District Court and remanded for eight days; the remand was renewed on 7 February 1983 for eight
# more; the Minister of Justice gave the authority to proceed on 12 February; the District Court ordered his
# committal on 1 March, applying the European Convention's rules on the documents; he then applied to the
# Supreme Court for habeas corpus. The judgment gives the renewal date; the first remand is placed eight days
# earlier (30 January) and the filing of the habeas application on 10 March, both assumed for the walk.
HAYEK = [
    {
        "id": "provisional-warrant",
        "date": "1983-01-30",
        "body": "District Court of Larnaca (President)",
        "action": "arrest",
    },
    {"id": "remand-renewed", "date": "1983-02-07", "body": "District Court of Larnaca", "action": "detention"},
    {
        "id": "authority-to-proceed",
        "date": "1983-02-12",
        "body": "Minister of Justice",
        "action": "decision",
        "result": "granted",
    },
    {
        "id": "committal",
        "date": "1983-03-01",
        "body": "District Court of Larnaca",
        "action": "opinion",
        "result": "favourable",
    },
    {
        "id": "habeas-application",
        "date": "1983-03-10",
        "body": "Supreme Court (habeas corpus)",
        "action": "application_lodged",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (clock or remedy id, status, deadline)
    # First remand 30 Jan 1983 + 8 days = 7 Feb 1983, the day the judgment says it was renewed.
    (
        "1983-02-03-remanded",
        "1983-02-03",
        "provisional_arrest",
        "Υπουργός Δικαιοσύνης",
        ("remand-8-days", "running", "1983-02-07"),
    ),
    # Sweden is a party to the European Convention: 40 days from 30 Jan 1983 = 11 Mar 1983 (art. 16(4)).
    (
        "1983-02-03-ece",
        "1983-02-03",
        "provisional_arrest",
        "Υπουργός Δικαιοσύνης",
        ("request-ece-40-days", "running", "1983-03-11"),
    ),
    ("1983-02-20-authority", "1983-02-20", "authority_to_proceed", "Επαρχιακό Δικαστήριο", None),
    # Committal 1 Mar 1983 + 15 days = Wed 16 Mar 1983 (15-day rule assumed from the Commonwealth model).
    ("1983-03-05-committed", "1983-03-05", "committed", "Ανώτατο Δικαστήριο", ("habeas-corpus", "open", "1983-03-16")),
    ("1983-03-20-habeas-pending", "1983-03-20", "habeas_pending", "Ανώτατο Δικαστήριο", None),
]


@walk_rows(WALK)
def test_hayek_position_over_time(as_of: str, stage: str, next_body: str, limit: tuple[str, str, str] | None) -> None:
    assert_step(status_in(_case(HAYEK), "CY", as_of), stage, next_body, limit)


def test_the_habeas_deadline_is_marked_unverified_and_the_minister_is_addressed_formally() -> None:
    committed = status_in(_case(HAYEK), "CY", "1983-03-05")
    habeas = {r["id"]: r for r in committed["remedies"]}["habeas-corpus"]
    assert habeas["basis"] == "computed"
    assert all(s["verified"] is False for s in habeas["sources"])
    remanded = status_in(_case(HAYEK), "CY", "1983-02-03")
    assert remanded["next_decision_by"]["address"]["local"] == "Κύριε Υπουργέ Δικαιοσύνης και Δημοσίας Τάξεως"
    assert [a["id"] for a in remanded["available"]] == ["rule39"]


def test_a_habeas_ruling_without_a_recorded_application_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "arrest", "date": "2016-01-12", "body": "Cyprus Police, Larnaca airport", "action": "arrest"},
            {
                "id": "habeas-refused",
                "date": "2016-02-20",
                "body": "Supreme Court",
                "action": "appeal_decided",
                "result": "dismissed",
            },
        ],
        requesting="RU",
    )
    status = status_in(case, "CY", "2016-02-25")
    assert_warned(status, "habeas_refused", "habeas-refused", "provisional_arrest")
