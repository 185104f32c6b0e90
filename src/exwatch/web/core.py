"""What every route shares: the acting user and their transaction, CSRF checks, the templates, errors.

A route opens ``acting(...)``: one transaction, the user of the session cookie (or AuthenticationError), the
CSRF token checked for anything that changes state, and the user named as the actor of every change and audit
row. Every value a template prints is escaped (Jinja autoescape); no template carries a script or a style.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.orm import Session

from exwatch.errors import AccessError, DateError, ExwatchError, ForbiddenError, InputError
from exwatch.logic import audit, cases, users
from exwatch.logic.documents import ACTOR, Filed, ingest
from exwatch.model.dates import PartialDate
from exwatch.private import scratch_dir
from exwatch.store.db import Database
from exwatch.store.team_tables import UserRow
from exwatch.web.i18n import LOCALES, NAMES, format_day, gettext

COOKIE = "exwatch_session"
LOGIN_COOKIE = "exwatch_login"  # the login form's CSRF token, before any session exists (double submit)
HEADER = "x-csrf-token"
TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Acting:
    session: Session
    user: UserRow
    csrf: str
    write: bool
    # A read's audit rows, stored after it in a short write transaction of their own (see ``acting``).
    pending: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def case(self, case_id: str, write: bool = False, audited: str | None = "read") -> None:
        """Let the user at the case (or answer 'no case'), and audit the access."""
        users.check_case(self.session, self.user, case_id, write)
        if audited:
            self.audit(audited, case_id)

    def audit(self, action: str, case_id: str | None, detail: str | None = None) -> None:
        if self.write:
            audit.record(self.session, self.user.username, action, case_id, detail)
        else:
            self.pending.append((action, case_id, detail))


def add_event(ctx: Acting, case_id: str, fields: dict[str, Any], version: int) -> tuple[str, int]:
    """Record an event on the case as the user read it (``version``); audit what it was and the version made."""
    ctx.case(case_id, write=True, audited=None)
    item = cases.add_event(ctx.session, case_id, fields, expected_version=version)
    now = cases.stored(ctx.session, case_id).version
    what = f"event {item.id} ({item.date}, {item.jurisdiction}, {item.body}: {item.action})"
    audit.record_change(ctx.session, ctx.user.username, case_id, now, what)
    return item.id, now


def dashboard_of(ctx: Acting, page: int) -> dict[str, Any]:
    """The dashboard over the cases shared with the user, one page of the case list; the view is audited."""
    from exwatch.logic import workspace

    data = workspace.dashboard(ctx.session, users.visible_case_ids(ctx.session, ctx.user), dt.date.today(), page)
    ctx.audit("dashboard", None)
    return data


def changes_since(request: Request, case_id: str, version: int) -> list[str]:
    with database(request).transaction(write=False) as session:
        return audit.changes_since(session, case_id, version)


def database(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


@contextmanager
def acting(request: Request, csrf: str | None = None, write: bool = False) -> Iterator[Acting]:
    """The request's user in one transaction; ``write`` requires the session's CSRF token (form field or
    header). Nothing is stored when the block raises.

    A read (``write`` false) runs in a read-only transaction: on SQLite it does not wait for, nor hold up, the
    one writer; on PostgreSQL it reads one snapshot (a case being replaced by a writer is read whole, before or
    after). Its audit rows are then stored in a short write transaction of their own; if that fails, the
    request fails and nothing read is returned unaudited."""
    db = database(request)
    with db.transaction(write=write) as session:
        user, expected = users.session_of(session, request.cookies.get(COOKIE))
        if write:
            given = csrf or request.headers.get(HEADER) or ""
            if not hmac.compare_digest(given.encode(), expected.encode()):
                raise ForbiddenError("the form has expired or came from another site (CSRF check): reload the page")
        token = ACTOR.set(user.username)
        ctx = Acting(session, user, expected, write)
        try:
            yield ctx
        finally:
            ACTOR.reset(token)
    if ctx.pending:
        with db.transaction() as session:
            for action, case_id, detail in ctx.pending:
                audit.record(session, user.username, action, case_id, detail)


def set_cookie(response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, secure=True, samesite="strict", path="/")


def open_session(request: Request, username: str, password: str) -> users.Login:
    """Log in from this request's address; a failure is counted and audited in its own transaction (the
    login's rolls back), then raised. The page and the API answer it each in their own form."""
    client = request.client.host if request.client else "unknown"
    db = database(request)
    try:
        return users.login(db, username, password, client)
    except ExwatchError as exc:
        with db.transaction() as session:
            users.record_failure(session, username, client, exc)
        raise


def start_session(response: Response, opened: users.Login) -> None:
    set_cookie(response, COOKIE, opened.token, users.SESSION_HOURS * 3600)


def record_denied(request: Request, case_id: str) -> None:
    """Audit an attempt at a case the user may not see, in its own transaction (the request's rolls back)."""
    db = database(request)
    try:
        with db.transaction() as session:
            user, _ = users.session_of(session, request.cookies.get(COOKIE))
            audit.record(session, user.username, "read_denied", case_id)
    except AccessError:
        return


MAX_UPLOAD = 50 * 1024 * 1024
DRAFT_KINDS, DRAFT_LANGS, DRAFT_FORMATS = (
    ("letter", "ccf-request", "rule39", "brief"),
    ("en", "fr"),
    ("md", "docx", "pdf"),
)
MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def ingest_uploads(ctx: Acting, case_id: str, files: list[UploadFile]) -> Filed:
    """File uploaded documents in the case: each is copied to a private scratch directory (the parsers read
    files), ingested into proposals, and the copies removed whatever happens."""
    work = Path(tempfile.mkdtemp(dir=scratch_dir()))
    try:
        paths = []
        for index, upload in enumerate(files):
            name = Path(upload.filename or "").name or f"upload-{index}"
            # One folder per file: the document keeps the name it was uploaded with, even when two are alike.
            target = work / str(index) / name
            target.parent.mkdir()
            with target.open("wb") as out:
                shutil.copyfileobj(upload.file, out, length=1024 * 1024)
            if target.stat().st_size > MAX_UPLOAD:
                raise InputError(f"{name} is larger than {MAX_UPLOAD // 1024 // 1024} MB: nothing was filed")
            paths.append(target)
        if not paths:
            raise InputError("choose at least one file to upload")
        return ingest(ctx.session, paths, case_id, False)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def draft_download(ctx: Acting, case_id: str, kind: str, lang: str, fmt: str, as_of: str | None) -> Response:
    """Draft (recorded in the register) and answer with the file as a download."""
    from exwatch.logic.draft import draft

    if kind not in DRAFT_KINDS or lang not in DRAFT_LANGS or fmt not in DRAFT_FORMATS:
        raise InputError(
            f"choose a kind ({', '.join(DRAFT_KINDS)}), a language ({', '.join(DRAFT_LANGS)}) and a format "
            f"({', '.join(DRAFT_FORMATS)})"
        )
    day = parse_day(as_of, dt.date.today())
    result = draft(ctx.session, case_id, kind, lang, fmt, day)  # type: ignore[arg-type]  # checked just above
    name = f"{case_id}-{kind}-{lang}-{day.isoformat()}.{fmt}"
    disposition = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(result.content, media_type=MEDIA[fmt], headers=disposition)


def parse_day(value: str | None, default: dt.date) -> dt.date:
    if not value:
        return default
    try:
        return PartialDate.parse(value).latest()
    except (ValueError, TypeError):
        raise DateError(f"date {value!r}: expected YYYY-MM-DD (or YYYY-MM, YYYY)") from None


_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["tojson_pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=1, default=str)


def page(
    request: Request, template: str, *, user: UserRow | None, csrf: str = "", status: int = 200, **context: Any
) -> HTMLResponse:
    locale = user.locale if user is not None else request.state.locale
    _ = gettext(locale)
    html = _env.get_template(template).render(
        _=_,
        day=lambda value: format_day(value, locale),
        user=user,
        csrf=csrf,
        locale=locale,
        locales=[(code, NAMES[code]) for code in LOCALES],
        path=request.url.path,
        **context,
    )
    return HTMLResponse(html, status_code=status)
