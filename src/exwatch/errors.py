"""Every error the project raises on purpose derives from :class:`ExwatchError`.

The tree, so that callers (CLI, web routes) can catch exactly what they mean::

    ExwatchError                  base; ``str(err)`` is a message a user can act on
    ├── InputError                bad user input: a file, a field, an option
    │   ├── CountryError          a state name or code that ISO 3166-1 does not know
    │   ├── DateError             an impossible or malformed (partial) date
    │   └── VocabularyError       a value outside a controlled vocabulary
    ├── NotFoundError             a case, source or record that does not exist
    ├── ConflictError             the record exists already (import without --update)
    │   └── StaleError            the case changed since the writer read it (optimistic locking)
    ├── StorageError              the database cannot be opened or migrated
    └── AccessError               the web application's user may not do this
        ├── AuthenticationError   no valid login or session
        ├── ForbiddenError        the user's role does not allow the action
        └── RateLimitError        too many failed logins: wait

``InputError`` carries ``problems``: one :class:`Problem` per faulty field, each with the
path of the field (``events[2].date``) and the reason, so that every fault in a file is
reported at once rather than one per run.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One faulty field: where it is and what to do about it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ExwatchError(Exception):
    """Base of every deliberate error in Extradition Watch."""


class InputError(ExwatchError, ValueError):
    """The user's input is wrong; ``problems`` lists each fault with its field path.

    It is also a ``ValueError`` so that pydantic validators can raise it and have it
    collected with every other fault of the same file.
    """

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = list(problems or [])
        super().__init__(message)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.problems:
            return head
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return f"{head}\n{lines}"


class CountryError(InputError):
    """A state that ISO 3166-1 does not know; the message lists the closest matches."""


class DateError(InputError):
    """A date that cannot exist or cannot be read."""


class VocabularyError(InputError):
    """A value that is not in the controlled vocabulary; the message lists the allowed ones."""


class NotFoundError(ExwatchError):
    """The named case or record does not exist."""


class ConflictError(ExwatchError):
    """The record exists already; the message says how to replace it."""


class StaleError(ConflictError):
    """Someone stored a change to the case after this writer read it; nothing of this change was stored."""

    def __init__(self, case_id: str, seen: int, now: int, at: object) -> None:
        self.case_id, self.seen, self.now = case_id, seen, now
        super().__init__(
            f"case {case_id!r} was changed by someone else (at {at}) after you opened it (your version {seen}, now "
            f"{now}); nothing of your change was stored: look at the case as it is now and make your change again"
        )


class StorageError(ExwatchError):
    """The database cannot be reached, opened or migrated."""


class AccessError(ExwatchError):
    """The acting user may not do this. A case not shared with the user is a ``NotFoundError`` instead, so
    that its existence does not leak."""


class AuthenticationError(AccessError):
    """No valid login: wrong user name or password, or an expired session."""


class ForbiddenError(AccessError):
    """The user's role does not allow the action (a viewer writing, an editor administering)."""


class RateLimitError(AccessError):
    """Too many failed logins for this user name or client: the message says how long to wait."""
