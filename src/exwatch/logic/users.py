"""Users of the team application, their logins and sessions, and who may see which case.

Roles: ``admin`` manages users and access and sees every case (to share it); ``editor`` reads and changes the
cases shared with them; ``viewer`` reads them. Need-to-know: a case not shared with a user is reported to them
as not existing (``NotFoundError``), never as forbidden.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from exwatch.errors import AuthenticationError, ConflictError, ForbiddenError, InputError, NotFoundError, RateLimitError
from exwatch.logic import audit, cases
from exwatch.store.db import Database
from exwatch.store.team_tables import CaseAccessRow, LoginFailureRow, SessionRow, UserRow

ROLES = ("admin", "editor", "viewer")
LOCALES = ("en", "fr", "ru")
MIN_PASSWORD = 12
SESSION_HOURS = 12
# Failed logins allowed per user name, and per client address, within the window; then the login waits.
MAX_FAILURES_USER, MAX_FAILURES_CLIENT, FAILURE_WINDOW = 5, 20, dt.timedelta(minutes=15)
USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,79}$"
_USERNAME = re.compile(USERNAME_PATTERN)
# OWASP's Password Storage Cheat Sheet: Argon2id with 19 MiB of memory, 2 iterations, 1 lane. The library's own
# default (RFC 9106's 64 MiB, 3 iterations) made 50 people logging in at once hold 3 GB; hashes made with other
# parameters still verify and are renewed at the next login.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
CONCURRENT_CHECKS = 2  # password checks at once: the others wait their turn (one per core)
_checks = threading.BoundedSemaphore(CONCURRENT_CHECKS)


@dataclass(frozen=True)
class Login:
    """A session just opened: the token goes in the cookie, the CSRF token in every form."""

    token: str
    csrf: str
    user: UserRow


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes for what was stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def add_user(session: Session, username: str, role: str, password: str | None = None, by: str = "cli") -> str:
    """Create a user; returns the password (generated when none is given, to be shown once)."""
    if not _USERNAME.match(username):
        raise InputError(f"user name {username!r}: 2-80 letters, digits, '.', '_', '@' or '-', starting with one")
    if role not in ROLES:
        raise InputError(f"role {role!r}: expected one of {', '.join(ROLES)}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise InputError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.scalar(select(UserRow.pk).where(UserRow.username == username)) is not None:
        raise ConflictError(f"user {username!r} exists already")
    password = password or secrets.token_urlsafe(15)
    session.add(UserRow(username=username, password_hash=_hasher.hash(password), role=role, locale="en"))
    audit.record(session, by, "user_add", None, f"{username} ({role})")
    session.flush()
    return password


def first_admin(session: Session) -> str | None:
    """On a store without users, create ``admin`` and return its generated password; else None."""
    if session.scalar(select(func.count()).select_from(UserRow)):
        return None
    return add_user(session, "admin", "admin", by="first run")


def users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.username)))


def get_user(session: Session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.username == username)) if _USERNAME.match(username) else None
    if row is None:
        raise NotFoundError(f"no user {username!r}")
    return row


def set_locale(session: Session, user: UserRow, locale: str) -> None:
    if locale not in LOCALES:
        raise InputError(f"language {locale!r}: expected one of {', '.join(LOCALES)}")
    user.locale = locale


def _rate_limited(session: Session, name: str, client: str) -> None:
    since = _now() - FAILURE_WINDOW
    by_user = session.scalar(select(func.count()).where(LoginFailureRow.username == name, LoginFailureRow.at >= since))
    by_client = session.scalar(
        select(func.count()).where(LoginFailureRow.client == client, LoginFailureRow.at >= since)
    )
    if (by_user or 0) >= MAX_FAILURES_USER or (by_client or 0) >= MAX_FAILURES_CLIENT:
        raise RateLimitError(f"too many failed logins: wait {FAILURE_WINDOW.seconds // 60} minutes and try again")


def _verify(password_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; at most ``CONCURRENT_CHECKS`` at once (each holds its memory cost)."""
    with _checks:
        try:
            return password_hash is not None and _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def login(db: Database, username: str, password: str, client: str) -> Login:
    """Check the password and open a session. Failures (:func:`record_failure`) are counted per user name and
    per client; past the limit every attempt is refused (even with the right password) until the window has
    passed.

    The password is checked outside any transaction (a check takes tens of milliseconds and SQLite has one
    writer); the limit is checked again in the transaction that opens the session, so guesses sent in parallel
    past the first check cannot open one once the limit is reached."""
    name, client = audit.printable(username)[:80], audit.printable(client)[:64]
    with db.transaction(write=False) as session:
        _rate_limited(session, name, client)
        # A name no account can have is not looked up (PostgreSQL refuses a NUL in any text it is asked about).
        found = (
            session.scalar(select(UserRow).where(UserRow.username == username)) if _USERNAME.match(username) else None
        )
        stored = found.password_hash if found is not None and found.active else None
    if not _verify(stored, password) or found is None:
        raise AuthenticationError("wrong user name or password")
    with db.transaction() as session:
        _rate_limited(session, name, client)
        user = session.get(UserRow, found.pk)
        if user is None or not user.active or user.password_hash != stored:
            raise AuthenticationError("wrong user name or password")  # changed or disabled meanwhile
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)  # a hash made with older parameters, renewed
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        session.add(
            SessionRow(
                token_sha256=_digest(token),
                csrf=csrf,
                user_pk=user.pk,
                expires_at=_now() + dt.timedelta(hours=SESSION_HOURS),
            )
        )
        audit.record(session, user.username, "login", None, f"from {client[:64]}")
        session.flush()
        return Login(token, csrf, user)


def record_failure(session: Session, username: str, client: str, error: Exception) -> None:
    """Count a failed login (in its own transaction: the login's own rolls back) and audit it. A refusal by the
    rate limit is audited but not counted, so that waiting the window out is enough."""
    name, client = audit.printable(username)[:80], audit.printable(client)[:64]
    if isinstance(error, AuthenticationError):
        session.add(LoginFailureRow(username=name, client=client))
    audit.record(session, name, "login_failed", None, f"from {client}: {error}")


def session_of(session: Session, token: str | None) -> tuple[UserRow, str]:
    """The user and CSRF token of a live session; AuthenticationError when there is none."""
    row = session.scalar(select(SessionRow).where(SessionRow.token_sha256 == _digest(token))) if token else None
    if row is None or _aware(row.expires_at) < _now():
        raise AuthenticationError("not logged in, or the session has expired: log in again")
    user = session.get(UserRow, row.user_pk)
    if user is None or not user.active:
        raise AuthenticationError("this account is disabled")
    return user, row.csrf


def logout(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(SessionRow).where(SessionRow.token_sha256 == _digest(token)))


def require(user: UserRow, role: str) -> None:
    """Raise unless ``user`` holds ``role`` or a higher one (admin > editor > viewer)."""
    if ROLES.index(user.role) > ROLES.index(role):
        raise ForbiddenError(f"your role ({user.role}) does not allow this; an {role} or admin can do it")


def visible_case_ids(session: Session, user: UserRow) -> set[str] | None:
    """The ids of the cases ``user`` may see; None for an admin (every case)."""
    if user.role == "admin":
        return None
    return set(session.scalars(select(CaseAccessRow.case_id).where(CaseAccessRow.user_pk == user.pk)))


def may_see(session: Session, user: UserRow, case_id: str) -> bool:
    """Whether the case is shared with ``user`` (an admin sees every case); asked of one case, not by listing
    all the user's cases."""
    if user.role == "admin":
        return True
    query = select(CaseAccessRow.pk).where(CaseAccessRow.user_pk == user.pk, CaseAccessRow.case_id == case_id)
    return session.scalar(query.limit(1)) is not None


def check_case(session: Session, user: UserRow, case_id: str, write: bool = False) -> None:
    """Let ``user`` at the case, or answer as if it did not exist; a viewer writing is forbidden."""
    if "\x00" in case_id or not may_see(session, user, case_id):  # no id holds a NUL
        raise NotFoundError(f"no case {case_id!r}")
    cases.stored(session, case_id)
    if write:
        require(user, "editor")


def share(session: Session, case_id: str, username: str, by: str) -> None:
    cases.stored(session, case_id)
    user = get_user(session, username)
    exists = session.scalar(
        select(CaseAccessRow.pk).where(CaseAccessRow.case_id == case_id, CaseAccessRow.user_pk == user.pk)
    )
    if exists is None:
        session.add(CaseAccessRow(case_id=case_id, user_pk=user.pk, granted_by=by))
        audit.record(session, by, "share", case_id, f"with {username}")


def unshare(session: Session, case_id: str, username: str, by: str) -> None:
    user = get_user(session, username)
    session.execute(delete(CaseAccessRow).where(CaseAccessRow.case_id == case_id, CaseAccessRow.user_pk == user.pk))
    audit.record(session, by, "unshare", case_id, f"from {username}")


def shared_with(session: Session, case_id: str) -> list[str]:
    query = select(UserRow.username).join(CaseAccessRow, CaseAccessRow.user_pk == UserRow.pk)
    return list(session.scalars(query.where(CaseAccessRow.case_id == case_id).order_by(UserRow.username)))
