"""schemathesis against the API's own OpenAPI description: generated requests (valid and invalid) to every
operation, as an admin with a live session, must never get a server error, and every answer must be one the
description declares, in the shape it declares (issue 11)."""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.core.result import Ok

from exwatch.logic import users
from exwatch.web.app import create_app
from tests.web.conftest import PASSWORDS, Team

EXAMPLES = int(os.environ.get("EXWATCH_SCHEMATHESIS_EXAMPLES", "25"))  # per operation; raise it for a longer run


def test_the_api_keeps_its_description(team: Team) -> None:
    opened = users.login(team.db, "boss", PASSWORDS["boss"], "schemathesis")
    auth = {"Cookie": f"exwatch_session={opened.token}", "X-CSRF-Token": opened.csrf}
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(team.db))
    failures: list[str] = []
    results = list(schema.get_all_operations())
    assert all(isinstance(r, Ok) for r in results), "the OpenAPI description has an invalid operation"
    operations = [r.ok() for r in results if isinstance(r, Ok)]
    for operation in operations:
        if (operation.method.upper(), operation.path) == ("DELETE", "/api/v1/session"):
            continue  # logging out would end the session the other operations use; the access table covers it

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case: Any) -> None:
            case.headers = {**(case.headers or {}), **auth}
            case.call_and_validate()

        try:
            run()
        except (AssertionError, BaseExceptionGroup) as exc:  # schemathesis failures: one report for all
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:1500]}")
    assert len(operations) >= 17
    assert not failures, "\n\n".join(failures)
