"""The bundled example (the seed's case): loads once, round-trips exactly, every fact sourced."""

from __future__ import annotations

import json

import jsonschema

from exwatch.logic import cases
from exwatch.logic.example import example_case, load_example
from exwatch.logic.files import dump_case, parse_case
from exwatch.model.schema import case_schema
from exwatch.store.db import Database


def test_loading_twice_changes_nothing(db: Database) -> None:
    with db.transaction() as session:
        assert load_example(session).action == "loaded"
    with db.transaction() as session:
        before = cases.export_case(session, "ablyazov-2013")
        assert load_example(session).action == "unchanged"
        assert len(cases.list_cases(session)) == 1
        assert cases.export_case(session, "ablyazov-2013") == before


def test_a_user_edit_is_never_overwritten_by_the_example(db: Database) -> None:
    with db.transaction() as session:
        load_example(session)
        edited = example_case().model_copy(update={"title": "our working title"})
        cases.import_case(session, edited, update=True)
    with db.transaction() as session:
        assert load_example(session).action == "kept"
        assert cases.export_case(session, "ablyazov-2013").title == "our working title"


def test_the_example_round_trips_through_the_store_in_json_and_yaml(db: Database) -> None:
    original = example_case()
    with db.transaction() as session:
        load_example(session)
    with db.transaction() as session:
        stored = cases.export_case(session, original.id)
    assert stored == original
    for fmt in ("json", "yaml"):
        text = dump_case(stored, fmt)
        assert parse_case(text, f"export.{fmt}", fmt) == original


def test_the_example_is_valid_against_the_published_schema() -> None:
    data = json.loads(dump_case(example_case(), "json"))
    jsonschema.validate(data, case_schema())


def test_the_example_holds_the_public_record_of_the_french_proceedings() -> None:
    case = example_case()
    roles = {r.state: set(r.roles) for r in case.states}
    assert "persecuting" in roles["KZ"]
    assert {"requesting"} <= roles["RU"] & roles["UA"]
    assert roles["FR"] == {"custodial"}
    dated = {(e.date, e.action, e.result) for e in case.events}
    for expected in [
        ("2013-07-31", "arrest", None),
        ("2014-01-09", "opinion", "favourable"),
        ("2014-04-09", "cassation", "quashed"),
        ("2014-10-24", "opinion", "partly_favourable"),
        ("2015-03-04", "cassation", "dismissed"),
        ("2015-09-17", "decree", "granted"),
        ("2016-12-09", "annulment", "annulled"),
    ]:
        assert expected in dated, expected
    assert {"refugee_status", "family_targeted", "persecuting_state_involvement", "adverse_finding"} <= {
        f.kind for f in case.facts
    }


def test_every_fact_of_the_example_names_a_source_with_a_url_or_reference() -> None:
    case = example_case()
    cited = {c.source for _, c in case.citations()}
    sources = {s.id: s for s in case.sources}
    assert cited == set(sources), "every source is cited and every citation resolves"
    for source_id in cited:
        source = sources[source_id]
        assert source.url or source.reference or source.kind == "letter", source_id
