"""Latvia (Criminal Procedure Law, Chapter 66): a realistic composite through the stages, the Tsepkalo
decision (2021), and a sequence the model does not expect."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "RU") -> CaseFile:
    return case_in("LV", events, states={requesting: ["persecuting", "requesting"], "LV": ["custodial"]})


# A composite: a Russian anti-war journalist detained at Riga airport on a Russian red notice. The Prosecutor
# General's Office finds extradition admissible, the Supreme Court sends the matter back, and the office then
# refuses extradition.
COMPOSITE = [
    {"id": "riga", "date": "2023-03-06", "body": "Valsts policija, lidosta Rīga", "action": "arrest"},
    {
        "id": "pagaidu",
        "date": "2023-03-08",
        "body": "Rīgas pilsētas tiesas izmeklēšanas tiesnesis",
        "action": "detention",
    },
    {"id": "lugums", "date": "2023-04-03", "body": "Ģenerālprokuratūra", "action": "request_received"},
    {"id": "gp-1", "date": "2023-06-12", "body": "Ģenerālprokuratūra", "action": "decision", "result": "favourable"},
    {"id": "sudziba", "date": "2023-06-19", "body": "Augstākās tiesas Krimināllietu departaments", "action": "appeal"},
    {
        "id": "at",
        "date": "2023-07-20",
        "body": "Augstākās tiesas Krimināllietu departaments",
        "action": "appeal_decided",
        "result": "quashed",
    },
    {"id": "gp-2", "date": "2023-09-15", "body": "Ģenerālprokuratūra", "action": "decision", "result": "refused"},
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), (remedy or clock id, status, deadline)
    # Section 699: 72 hours from Mon 6 March, shown as Thu 9 March.
    ("detained", "2023-03-07", "detained", "Izmeklēšanas tiesnesis", ("detention-72h", "running", "2023-03-09")),
    # ETS 24 art. 16(4): 40 days from the order of 8 March = 17 April (23 days to 31 March, 17 more in April).
    (
        "temporary-arrest",
        "2023-03-10",
        "temporary_arrest",
        "Latvijas Republikas Ģenerālprokuratūra",
        ("request-40-days", "running", "2023-04-17"),
    ),
    ("request", "2023-04-05", "request_under_examination", "Latvijas Republikas Ģenerālprokuratūra", None),
    # Decision of Mon 12 June: 10 calendar days -> Thu 22 June (a working day; Līgo is 23 June).
    (
        "admissible",
        "2023-06-13",
        "admissible",
        "Augstākās tiesas Krimināllietu departaments",
        ("complaint-supreme-court", "open", "2023-06-22"),
    ),
    ("complaint", "2023-06-20", "supreme_court_pending", "Augstākās tiesas Krimināllietu departaments", None),
    ("sent-back", "2023-07-21", "sent_back", "Latvijas Republikas Ģenerālprokuratūra", None),
    ("refused", "2023-09-16", "refused", None, None),
]


@walk_rows(WALK)
def test_composite_case_through_the_latvian_stages(
    as_of: str, stage: str, next_body: str | None, limit: tuple[str, str, str] | None
) -> None:
    assert_step(status_in(_case(COMPOSITE), "LV", as_of), stage, next_body, limit)


def test_the_complaint_deadline_is_marked_computed_and_its_rule_unverified() -> None:
    status = status_in(_case(COMPOSITE), "LV", "2023-06-13")
    complaint = {r["id"]: r for r in status["remedies"]}["complaint-supreme-court"]
    assert complaint["basis"] == "computed"
    assert complaint["counting"] == "calendar_days"
    assert all(s["verified"] is False for s in complaint["sources"])


def test_tsepkalo_refusal_by_the_prosecutor_generals_office_ends_the_procedure() -> None:
    # In our own words: a barred Belarusian presidential contender living in Latvia was sought by Belarus on
    # corruption charges; on 28 June 2021 the Prosecutor General's Office refused to extradite him. He was not
    # arrested, so the refusal is the only Latvian event.
    case = _case(
        [
            {
                "id": "gp-atteikums",
                "date": "2021-06-28",
                "body": "Prosecutor General's Office of Latvia",
                "action": "decision",
                "result": "refused",
            }
        ],
        requesting="BY",
    )
    status = status_in(case, "LV", "2021-07-01")
    assert_step(status, "refused", None)


def test_a_supreme_court_ruling_straight_after_the_arrest_is_a_warning_naming_the_event() -> None:
    case = _case(
        [
            {"id": "riga", "date": "2020-01-10", "body": "Valsts policija", "action": "arrest"},
            {
                "id": "at-lemums",
                "date": "2020-02-01",
                "body": "Augstākā tiesa",
                "action": "appeal_decided",
                "result": "dismissed",
            },
        ]
    )
    status = status_in(case, "LV", "2020-03-01")
    assert_warned(status, "admissibility_final", "at-lemums", "detained")
