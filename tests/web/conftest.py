"""A team on the example case: an admin, two editors and a viewer; the case shared with ``ed`` and ``vi`` only."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient

from exwatch.logic import users
from exwatch.logic.example import load_example
from exwatch.store.db import Database
from exwatch.web.app import create_app

CASE = "ablyazov-2013"
PASSWORDS = {"boss": "admin-password-1", "ed": "editor-password-1", "ed2": "editor-password-2", "vi": "viewer-pass-01"}
ROLES = {"boss": "admin", "ed": "editor", "ed2": "editor", "vi": "viewer"}


@dataclass
class Team:
    db: Database

    def client(self, username: str | None = None) -> TestClient:
        """A browser for ``username``, logged in through the login form (https, so Secure cookies travel)."""
        client = TestClient(create_app(self.db), base_url="https://testserver", follow_redirects=False)
        if username:
            login(client, username, PASSWORDS[username])
        return client


def login(client: TestClient, username: str, password: str) -> tuple[int, str]:
    form = client.get("/login")
    token = form.text.split('name="csrf" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": username, "password": password, "csrf": token, "next": "/"})
    return response.status_code, response.text


def csrf_of(client: TestClient) -> str:
    return str(client.get("/api/v1/me").json()["csrf"])


@pytest.fixture
def team(db: Database) -> Team:
    with db.transaction() as session:
        load_example(session)
        for name, role in ROLES.items():
            users.add_user(session, name, role, PASSWORDS[name])
        users.share(session, CASE, "ed", "boss")
        users.share(session, CASE, "vi", "boss")
    return Team(db)
