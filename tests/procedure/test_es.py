"""Spain (Ley 4/1985) walked through two real cases: Pavlov (2012-2015) and Akhanlı (2017)."""

from __future__ import annotations

from typing import Any

from exwatch.model.case import CaseFile
from tests.procedure.walk import assert_step, assert_warned, case_in, limits, status_in, walk_rows


def _case(events: list[dict[str, Any]], requesting: str = "KZ") -> CaseFile:
    return case_in("ES", events, states={requesting: ["persecuting", "requesting"], "ES": ["custodial"]})


# Aleksandr Pavlov, a former bodyguard of a Kazakh opposition banker, told from the public record: arrested in
# Madrid on a Kazakh red notice; the government let the request go to the courts; a section of the Criminal
# Chamber granted extradition and the full bench upheld it 10-7; the Council of Ministers approved surrender;
# an administrative court suspended it pending his asylum appeal; the Supreme Court granted asylum and annulled
# the surrender. The first, incomplete request (rejected in April 2013) is left out. The notification of the
# section's auto on 23 July 2013 is an assumption of this test: the record gives no date.
PAVLOV = [
    {"id": "arrest", "date": "2012-12-11", "body": "Policía Nacional, Madrid", "action": "arrest"},
    {"id": "prison", "date": "2012-12-12", "body": "Juzgado Central de Instrucción", "action": "detention"},
    {"id": "continue", "date": "2013-05", "body": "Consejo de Ministros", "action": "decision", "result": "granted"},
    {
        "id": "asylum-no",
        "date": "2013-07-05",
        "body": "Ministerio del Interior",
        "action": "asylum_decision",
        "result": "refused",
    },
    {
        "id": "auto",
        "date": "2013-07-22",
        "body": "Audiencia Nacional, Sala de lo Penal, Sección Segunda",
        "action": "decision",
        "result": "favourable",
    },
    {"id": "auto-notified", "date": "2013-07-23", "body": "Audiencia Nacional", "action": "notification"},
    {
        "id": "pleno",
        "date": "2013-11-08",
        "body": "Audiencia Nacional, Pleno de la Sala de lo Penal",
        "action": "appeal_decided",
        "result": "dismissed",
    },
    {"id": "surrender", "date": "2014-02-14", "body": "Consejo de Ministros", "action": "decree", "result": "granted"},
    {
        "id": "suspended",
        "date": "2014-02-25",
        "body": "Audiencia Nacional, Sala de lo Contencioso-Administrativo",
        "action": "interim_measure",
        "result": "indicated",
    },
    {"id": "bail", "date": "2014-07", "body": "Audiencia Nacional", "action": "release"},
    {
        "id": "annulled",
        "date": "2015-02-24",
        "body": "Tribunal Supremo, Sala de lo Contencioso-Administrativo",
        "action": "annulment",
        "result": "annulled",
    },
]

WALK = [
    # id, as of, stage, next decision-maker (local title starts with), a remedy or clock: (id, status, deadline)
    # 40 calendar days from the arrest on Tue 11 Dec 2012 = Sun 20 Jan 2013 (a detention limit: no move to Monday).
    (
        "2012-12-detained",
        "2012-12-20",
        "provisional_detention",
        "Juzgado Central de Instrucción",
        ("formal-request", "running", "2013-01-20"),
    ),
    # The decision to continue is known only to the month and was not notified in the record: no deadline invented.
    (
        "2013-06-continuation",
        "2013-06-15",
        "continuation_agreed",
        "Sala de lo Penal",
        ("contencioso-continuation", "unknown", None),
    ),
    # Súplica: three working days after notification on Tue 23 Jul = Wed 24, Thu 25, Fri 26 Jul 2013. Santiago
    # (25 Jul) is not a national holiday; where it is a regional one (LOPJ 182) the real limit is Mon 29 Jul.
    (
        "2013-07-section-grants",
        "2013-07-24",
        "chamber_granted",
        "Consejo de Ministros",
        ("suplica", "open", "2013-07-26"),
    ),
    ("2013-11-pleno-upholds", "2013-12-01", "extradition_final", "Consejo de Ministros", None),
    # The surrender decision was reportedly not communicated to the defence: the two months cannot start.
    (
        "2014-02-surrender-agreed",
        "2014-02-20",
        "surrender_agreed",
        "Tribunal Supremo",
        ("contencioso-surrender", "unknown", None),
    ),
    ("2014-03-suspended", "2014-03-01", "surrender_suspended", "Sala de lo Contencioso-Administrativo", None),
]


@walk_rows(WALK)
def test_pavlov_position_over_time(
    as_of: str, stage: str, next_body: str, limit: tuple[str, str, str | None] | None
) -> None:
    assert_step(status_in(_case(PAVLOV), "ES", as_of), stage, next_body, limit)


def test_pavlov_ends_with_the_surrender_annulled_and_him_at_liberty() -> None:
    status = status_in(_case(PAVLOV), "ES", "2015-03-01")
    assert_step(status, "surrender_annulled", None)
    assert status["in_custody"] is False


def test_had_the_surrender_been_notified_the_supreme_court_limit_rolls_past_easter() -> None:
    # Notified Tue 18 Feb 2014: two months date to date = Fri 18 Apr 2014, Good Friday (national holiday), so the
    # last day moves past the weekend to Mon 21 Apr 2014.
    events = [
        *PAVLOV[:8],
        {"id": "notified", "date": "2014-02-18", "body": "Ministerio de Justicia", "action": "notification"},
    ]
    status = status_in(_case(events), "ES", "2014-02-20")
    assert ("contencioso-surrender", "open", "2014-04-21") in limits(status)
    assert status["deadline"] == "2014-04-21"
    assert [a["id"] for a in status["available"]] == ["rule39"]


def test_akhanli_the_government_declined_to_continue() -> None:
    # Doğan Akhanlı, a German writer, arrested in Granada on a Turkish red notice on Sat 19 Aug 2017, released
    # under conditions the next day; Turkey was given 40 days (19 Aug + 40 = Thu 28 Sep 2017). On 13 Oct 2017 the
    # Council of Ministers decided not to go ahead.
    events = [
        {"id": "arrest", "date": "2017-08-19", "body": "Policía Nacional, Granada", "action": "arrest"},
        {"id": "release", "date": "2017-08-20", "body": "Audiencia Nacional", "action": "release"},
        {"id": "no", "date": "2017-10-13", "body": "Consejo de Ministros", "action": "decision", "result": "refused"},
    ]
    case = _case(events, requesting="TR")
    during = status_in(case, "ES", "2017-09-01")
    assert during["stage"]["id"] == "provisional_detention"
    assert during["in_custody"] is False
    assert ("formal-request", "running", "2017-09-28") in limits(during)
    ended = status_in(case, "ES", "2017-10-14")
    assert ended["stage"]["id"] == "not_continued"
    assert ended["stage"]["final"] is True
    assert ended["warnings"] == []


def test_a_surrender_decision_without_a_court_ruling_is_a_warning_naming_the_event() -> None:
    events = [
        {"id": "arrest", "date": "2020-01-10", "body": "Policía Nacional", "action": "arrest"},
        {
            "id": "entrega",
            "date": "2020-02-01",
            "body": "Consejo de Ministros",
            "action": "decree",
            "result": "granted",
        },
    ]
    status = status_in(_case(events), "ES", "2020-03-01")
    assert_warned(status, "surrender_agreed", "entrega", "provisional_detention")


def test_amparo_runs_thirty_working_days_from_notice_of_the_plenos_decision() -> None:
    # LOTC art. 44.2: thirty days from notification of the decision ending the judicial proceedings (BOE-A-2025-294,
    # STC 144/2024, separate opinion), counted in working days (días hábiles). A composite case: the full bench
    # dismissed the súplica on Fri 1 Feb 2019, notified Mon 4 Feb. Counting from Tue 5 Feb, Monday to Friday, no
    # national holiday on the way: 4 + 5 + 5 + 5 + 5 + 5 = 29 by Fri 15 Mar, the 30th is Mon 18 Mar 2019.
    events = [
        {"id": "arrest", "date": "2018-06-01", "body": "Policía Nacional, Madrid", "action": "arrest"},
        {
            "id": "continue",
            "date": "2018-07-06",
            "body": "Consejo de Ministros",
            "action": "decision",
            "result": "granted",
        },
        {
            "id": "auto",
            "date": "2018-11-05",
            "body": "Audiencia Nacional, Sala de lo Penal, Sección Tercera",
            "action": "decision",
            "result": "favourable",
        },
        {
            "id": "pleno",
            "date": "2019-02-01",
            "body": "Audiencia Nacional, Pleno de la Sala de lo Penal",
            "action": "appeal_decided",
            "result": "dismissed",
        },
        {"id": "pleno-notified", "date": "2019-02-04", "body": "Audiencia Nacional", "action": "notification"},
    ]
    status = status_in(_case(events), "ES", "2019-02-10")
    assert status["stage"]["id"] == "extradition_final"
    assert ("amparo", "open", "2019-03-18") in limits(status)
