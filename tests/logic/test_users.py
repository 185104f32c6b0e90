"""Logins: a password hashed with older parameters is renewed at the next login, and the limit on failed logins
holds even for the right password."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from exwatch.errors import AuthenticationError, RateLimitError
from exwatch.logic import users
from exwatch.store.db import Database
from exwatch.store.team_tables import SessionRow, UserRow

PASSWORD = "a-long-password-1"


def _hash_of(db: Database, name: str) -> str:
    with db.transaction(write=False) as session:
        return str(session.scalar(select(UserRow.password_hash).where(UserRow.username == name)))


def test_a_hash_made_with_the_library_default_is_renewed_at_login(db: Database) -> None:
    with db.transaction() as session:
        users.add_user(session, "old", "editor", PASSWORD)
        session.scalar(select(UserRow).where(UserRow.username == "old")).password_hash = PasswordHasher().hash(PASSWORD)  # type: ignore[union-attr]
    assert "m=65536" in _hash_of(db, "old")
    opened = users.login(db, "old", PASSWORD, "127.0.0.1")
    assert opened.user.username == "old"
    assert "m=19456,t=2,p=1" in _hash_of(db, "old")
    assert users.login(db, "old", PASSWORD, "127.0.0.1").token != opened.token  # the renewed hash verifies


def test_past_the_limit_even_the_right_password_opens_no_session(db: Database) -> None:
    with db.transaction() as session:
        users.add_user(session, "ed", "editor", PASSWORD)
    for _ in range(users.MAX_FAILURES_USER):
        with pytest.raises(AuthenticationError):
            users.login(db, "ed", "wrong-password-1", "10.0.0.1")
        with db.transaction() as session:
            users.record_failure(session, "ed", "10.0.0.1", AuthenticationError("wrong"))
    with pytest.raises(RateLimitError):
        users.login(db, "ed", PASSWORD, "10.0.0.2")
    with db.transaction(write=False) as session:
        assert session.scalar(select(SessionRow)) is None
