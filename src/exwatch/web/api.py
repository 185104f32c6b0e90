"""The JSON API, ``/api/v1``: everything the pages do, for scripts and partner tools (OpenAPI description at
``/api/v1/openapi.json``). Authentication is the same session cookie (``POST /api/v1/session``); every request
that changes something carries the session's CSRF token in the ``X-CSRF-Token`` header."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from exwatch.errors import InputError, NotFoundError, StaleError
from exwatch.logic import audit, cases, kb_browse, review, users, workspace
from exwatch.web.core import (
    COOKIE,
    acting,
    add_event,
    changes_since,
    dashboard_of,
    draft_download,
    ingest_uploads,
    open_session,
    record_denied,
    start_session,
)


class Problem(BaseModel):
    path: str
    message: str


class ErrorOut(BaseModel):
    """Every refusal has this shape: a message a person can act on, the kind of error, and per-field problems."""

    error: str
    type: str
    problems: list[Problem] | None = None
    case: str | None = None
    your_version: int | None = None
    current_version: int | None = None
    changes: list[str] | None = Field(None, description="on a conflict: what others changed since your version")


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "not logged in, or the session has expired"},
    403: {"model": ErrorOut, "description": "the role does not allow it, or the CSRF token is missing or wrong"},
    404: {"model": ErrorOut, "description": "no such record, or a case not shared with you (the same answer)"},
    409: {"model": ErrorOut, "description": "the case changed since you read it (optimistic locking), or exists"},
    422: {"model": ErrorOut, "description": "the request is incomplete or a value is wrong: see problems"},
    429: {"model": ErrorOut, "description": "too many failed logins: wait"},
}
router = APIRouter(prefix="/api/v1", tags=["v1"], responses=_ERRORS)


AS_OF = Query(None, description="the day to show the case as it stood (YYYY-MM-DD); default today")


class Credentials(BaseModel):
    username: str
    password: str


class EventIn(BaseModel):
    version: int = Field(description="the case version you read (optimistic locking: 409 if it changed since)")
    date: str
    jurisdiction: str
    body: str
    action: str
    source: str = Field(description="id of the case source the event rests on")
    pinpoint: str | None = None
    outcome: str | None = None
    result: str | None = None


class DecisionIn(BaseModel):
    decision: Literal["accept", "reject", "edit"]
    value: dict[str, Any] | None = Field(None, description="the corrected value, for decision 'edit'")
    note: str | None = None


class DraftIn(BaseModel):
    kind: Literal["letter", "ccf-request", "rule39", "brief"]
    lang: Literal["en", "fr"]
    format: Literal["md", "docx", "pdf"]
    as_of: dt.date | None = None


class UserIn(BaseModel):
    username: str = Field(pattern=users.USERNAME_PATTERN)
    role: Literal["admin", "editor", "viewer"]
    password: str | None = Field(None, min_length=users.MIN_PASSWORD, description="generated and returned when absent")


class AccessIn(BaseModel):
    username: str = Field(pattern=users.USERNAME_PATTERN)
    grant: bool = True


class LocaleIn(BaseModel):
    locale: Literal["en", "fr", "ru"]


@router.post("/session")
def login(request: Request, credentials: Credentials) -> Response:
    """Log in: sets the session cookie and returns the CSRF token to send with every change."""
    opened = open_session(request, credentials.username, credentials.password)
    response = JSONResponse({"user": opened.user.username, "role": opened.user.role, "csrf": opened.csrf})
    start_session(response, opened)
    return response


@router.delete("/session")
def logout(request: Request) -> dict[str, bool]:
    with acting(request, write=True) as ctx:
        users.logout(ctx.session, request.cookies.get(COOKIE))
    return {"logged_out": True}


@router.get("/me")
def me(request: Request) -> dict[str, Any]:
    with acting(request) as ctx:
        return {"user": ctx.user.username, "role": ctx.user.role, "locale": ctx.user.locale, "csrf": ctx.csrf}


@router.put("/me/locale")
def set_locale(request: Request, body: LocaleIn) -> dict[str, str]:
    with acting(request, write=True) as ctx:
        users.set_locale(ctx.session, ctx.user, body.locale)
        return {"locale": body.locale}


PAGE = Query(1, ge=1, le=100_000, description="page of the list of cases (50 a page)")


@router.get("/dashboard")
def dashboard(request: Request, page: int = PAGE) -> dict[str, Any]:
    """Deadlines within 30 days, cases whose next decision is the executive's, recent events and open proposals
    over every case shared with you; the list of cases comes in pages of 50."""
    with acting(request) as ctx:
        return dashboard_of(ctx, page)


@router.get("/cases")
def list_cases(request: Request) -> list[dict[str, Any]]:
    with acting(request) as ctx:
        visible = users.visible_case_ids(ctx.session, ctx.user)
        return [vars(c) for c in cases.list_cases(ctx.session) if visible is None or c.id in visible]


@router.get("/cases/{case_id}")
def get_case(request: Request, case_id: str, as_of: dt.date | None = AS_OF) -> dict[str, Any]:
    """The case workspace as of a day: what was known then, the status and the assessment of that day."""
    try:
        with acting(request) as ctx:
            ctx.case(case_id)
            return workspace.workspace(ctx.session, case_id, as_of or dt.date.today())
    except NotFoundError:
        record_denied(request, case_id)
        raise


@router.post("/cases/{case_id}/events", status_code=201)
def post_event(request: Request, case_id: str, event: EventIn) -> Any:
    fields = event.model_dump(exclude={"version", "source", "pinpoint"}, exclude_none=True)
    fields["sources"] = [{"source": event.source, "pinpoint": event.pinpoint}]
    try:
        with acting(request, write=True) as ctx:
            event_id, version = add_event(ctx, case_id, fields, event.version)
    except StaleError as exc:
        body = ErrorOut(
            error=str(exc),
            type="StaleError",
            case=case_id,
            your_version=exc.seen,
            current_version=exc.now,
            changes=changes_since(request, case_id, exc.seen),
        )
        return JSONResponse(body.model_dump(exclude_none=True), status_code=409)
    return {"id": event_id, "version": version}


@router.get("/cases/{case_id}/proposals")
def proposals(request: Request, case_id: str) -> list[dict[str, Any]]:
    with acting(request) as ctx:
        ctx.case(case_id)
        return workspace.review_queue(ctx.session, case_id)


@router.post("/cases/{case_id}/proposals/{proposal_id}")
def decide(request: Request, case_id: str, proposal_id: int, body: DecisionIn) -> dict[str, int]:
    with acting(request, write=True) as ctx:
        ctx.case(case_id, write=True, audited="review")
        edits = {proposal_id: body.value} if body.decision == "edit" and body.value is not None else {}
        if body.decision == "edit" and not edits:
            raise InputError("decision 'edit' needs the corrected value")
        decision = review.Decision(
            accept=[proposal_id] if body.decision == "accept" else [],
            reject=[proposal_id] if body.decision == "reject" else [],
            edits=edits,
            note=body.note,
        )
        return review.decide(ctx.session, case_id, decision)


@router.post("/cases/{case_id}/documents", status_code=201)
def upload(request: Request, case_id: str, files: Annotated[list[UploadFile], File(min_length=1)]) -> dict[str, Any]:
    with acting(request, write=True) as ctx:
        ctx.case(case_id, write=True, audited="upload")
        return ingest_uploads(ctx, case_id, files).as_dict()


@router.post("/cases/{case_id}/drafts")
def draft(request: Request, case_id: str, body: DraftIn) -> Response:
    with acting(request, write=True) as ctx:
        ctx.case(case_id, write=True, audited="draft")
        return draft_download(
            ctx, case_id, body.kind, body.lang, body.format, body.as_of.isoformat() if body.as_of else None
        )


@router.post("/cases/{case_id}/access")
def access(request: Request, case_id: str, body: AccessIn) -> dict[str, list[str]]:
    with acting(request, write=True) as ctx:
        users.require(ctx.user, "admin")
        if body.grant:
            users.share(ctx.session, case_id, body.username, ctx.user.username)
        else:
            users.unshare(ctx.session, case_id, body.username, ctx.user.username)
        return {"shared_with": users.shared_with(ctx.session, case_id)}


@router.get("/kb/states")
def kb_states(request: Request) -> list[dict[str, str]]:
    with acting(request):
        return kb_browse.states()


@router.get("/kb/states/{state}")
def kb_state(request: Request, state: str, as_of: dt.date | None = AS_OF) -> dict[str, Any]:
    with acting(request):
        return kb_browse.state_view(state, as_of or dt.date.today())


@router.get("/users")
def list_users(request: Request) -> list[dict[str, Any]]:
    with acting(request) as ctx:
        users.require(ctx.user, "admin")
        return [{"username": u.username, "role": u.role, "active": u.active} for u in users.users(ctx.session)]


@router.post("/users", status_code=201)
def add_user(request: Request, body: UserIn) -> dict[str, str]:
    """Create a user; a generated password is returned once and never stored in clear."""
    with acting(request, write=True) as ctx:
        users.require(ctx.user, "admin")
        password = users.add_user(ctx.session, body.username, body.role, body.password, by=ctx.user.username)
        return {"username": body.username, "role": body.role, "password": password}


@router.get(
    "/audit",
    responses={200: {"content": {"application/json": {}, "text/csv": {}}, "description": "the log, newest first"}},
)
def audit_log(request: Request, case: str | None = None, format: Literal["json", "csv"] = "json") -> Response:
    with acting(request) as ctx:
        users.require(ctx.user, "admin")
        rows = audit.entries(ctx.session, case, limit=1_000_000 if format == "csv" else 500)
        ctx.audit("audit_export" if format == "csv" else "audit_read", case)
        if format == "csv":
            return Response(audit.to_csv(rows), media_type="text/csv; charset=utf-8")
        return JSONResponse(
            [
                {"at": r.at.isoformat(), "actor": r.actor, "action": r.action, "case": r.case_id, "detail": r.detail}
                for r in rows
            ]
        )
