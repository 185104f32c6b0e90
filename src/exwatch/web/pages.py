"""The pages: each parses its form, authorises, calls one logic function and renders a template."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from exwatch.errors import ExwatchError, ForbiddenError, InputError, NotFoundError, RateLimitError, StaleError
from exwatch.logic import audit, cases, kb_browse, review, users, workspace
from exwatch.web.core import (
    COOKIE,
    LOGIN_COOKIE,
    acting,
    add_event,
    changes_since,
    dashboard_of,
    draft_download,
    ingest_uploads,
    open_session,
    page,
    parse_day,
    record_denied,
    set_cookie,
    start_session,
)
from exwatch.web.graph import path_graph

router = APIRouter(include_in_schema=False)
CSRF = Annotated[str, Form()]


def _safe_next(target: str | None) -> str:
    # Only a path of this site: "//evil.example" or "https://..." would send the user elsewhere after login.
    return target if target and target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/", failed: str | None = None) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(request, "login.html", user=None, login_csrf=token, next=_safe_next(next), message=failed)
    set_cookie(response, LOGIN_COOKIE, token, 3600)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
    csrf: CSRF = "",
) -> Response:
    expected = request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(csrf.encode(), expected.encode()):
        raise ForbiddenError("the login form has expired or came from another site: reload the page and try again")
    try:
        opened = open_session(request, username, password)
    except ExwatchError as exc:
        return page(
            request,
            "login.html",
            user=None,
            login_csrf=expected,
            next=_safe_next(next),
            message=str(exc),
            status=429 if isinstance(exc, RateLimitError) else 401,
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    start_session(response, opened)
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf: CSRF = "") -> Response:
    with acting(request, csrf, write=True) as ctx:
        users.logout(ctx.session, request.cookies.get(COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.post("/settings/locale")
def set_locale(
    request: Request, locale: Annotated[str, Form()], back: Annotated[str, Form()] = "/", csrf: CSRF = ""
) -> Response:
    with acting(request, csrf, write=True) as ctx:
        users.set_locale(ctx.session, ctx.user, locale)
    return RedirectResponse(_safe_next(back), status_code=303)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, page_no: int = Query(1, alias="page", ge=1, le=100_000)) -> Response:
    with acting(request) as ctx:
        data = dashboard_of(ctx, page_no)
        return page(request, "dashboard.html", user=ctx.user, csrf=ctx.csrf, data=data)


def _workspace(request: Request, case_id: str, as_of: str | None, **extra: Any) -> Response:
    try:
        with acting(request) as ctx:
            ctx.case(case_id)
            day = parse_day(as_of, dt.date.today())
            data = workspace.workspace(ctx.session, case_id, day)
            graph = path_graph(data["assessment"]["onward_transfer"], data["assessment"]["destinations"])
            shared = users.shared_with(ctx.session, case_id) if ctx.user.role == "admin" else []
            return page(
                request,
                "case.html",
                user=ctx.user,
                csrf=ctx.csrf,
                data=data,
                graph=graph,
                shared=shared,
                today=dt.date.today().isoformat(),
                **extra,
            )
    except NotFoundError:
        record_denied(request, case_id)
        raise


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str, as_of: str | None = Query(None)) -> Response:
    return _workspace(request, case_id, as_of)


@router.post("/cases/{case_id}/events")
def event_form(
    request: Request,
    case_id: str,
    version: Annotated[int, Form()],
    date: Annotated[str, Form()],
    jurisdiction: Annotated[str, Form()],
    body: Annotated[str, Form()],
    action: Annotated[str, Form()],
    source: Annotated[str, Form()],
    outcome: Annotated[str, Form()] = "",
    csrf: CSRF = "",
) -> Response:
    fields = {
        "date": date,
        "jurisdiction": jurisdiction,
        "body": body,
        "action": action,
        "outcome": outcome or None,
        "sources": [{"source": source}],
    }
    try:
        with acting(request, csrf, write=True) as ctx:
            add_event(ctx, case_id, fields, version)
    except StaleError as exc:
        # The second writer is told what changed since they opened the case, and shown the case as it now is,
        # with what they typed kept in the form.
        changes = changes_since(request, case_id, exc.seen)
        return _workspace(request, case_id, None, conflict=str(exc), changes=changes, typed=fields)
    except InputError as exc:
        return _workspace(request, case_id, None, problem=str(exc), typed=fields)
    return RedirectResponse(f"/cases/{case_id}#timeline", status_code=303)


@router.get("/cases/{case_id}/review", response_class=HTMLResponse)
def review_page(request: Request, case_id: str) -> Response:
    with acting(request) as ctx:
        ctx.case(case_id)
        queue = workspace.review_queue(ctx.session, case_id)
        return page(request, "review.html", user=ctx.user, csrf=ctx.csrf, case_id=case_id, queue=queue)


@router.post("/cases/{case_id}/review")
def review_decide(
    request: Request,
    case_id: str,
    proposal: Annotated[int, Form()],
    decision: Annotated[str, Form()],
    value: Annotated[str, Form()] = "",
    csrf: CSRF = "",
) -> Response:
    if decision not in ("accept", "reject", "edit"):
        raise InputError(f"decision {decision!r}: expected accept, reject or edit")
    edits: dict[int, dict[str, Any]] = {}
    if decision == "edit":
        try:
            edited = json.loads(value)
        except json.JSONDecodeError as exc:
            raise InputError(f"the edited value is not valid JSON ({exc.msg} at character {exc.pos})") from None
        if not isinstance(edited, dict):
            raise InputError("the edited value must be a JSON object, as shown")
        edits[proposal] = edited
    with acting(request, csrf, write=True) as ctx:
        ctx.case(case_id, write=True, audited="review")
        review.decide(
            ctx.session,
            case_id,
            review.Decision(
                accept=[proposal] if decision == "accept" else [],
                reject=[proposal] if decision == "reject" else [],
                edits=edits,
            ),
        )
    return RedirectResponse(f"/cases/{case_id}/review", status_code=303)


@router.post("/cases/{case_id}/documents")
def upload(request: Request, case_id: str, files: Annotated[list[UploadFile], File()], csrf: CSRF = "") -> Response:
    with acting(request, csrf, write=True) as ctx:
        ctx.case(case_id, write=True, audited="upload")
        ingest_uploads(ctx, case_id, files)
    return RedirectResponse(f"/cases/{case_id}/review", status_code=303)


@router.post("/cases/{case_id}/drafts")
def draft(
    request: Request,
    case_id: str,
    kind: Annotated[str, Form()],
    lang: Annotated[str, Form()],
    format: Annotated[str, Form()],
    as_of: Annotated[str, Form()] = "",
    csrf: CSRF = "",
) -> Response:
    with acting(request, csrf, write=True) as ctx:
        ctx.case(case_id, write=True, audited="draft")
        return draft_download(ctx, case_id, kind, lang, format, as_of)


@router.get("/kb", response_class=HTMLResponse)
def kb_index(request: Request) -> Response:
    with acting(request) as ctx:
        return page(request, "kb_index.html", user=ctx.user, csrf=ctx.csrf, states=kb_browse.states())


@router.get("/kb/{state}", response_class=HTMLResponse)
def kb_state(request: Request, state: str, as_of: str | None = Query(None)) -> Response:
    with acting(request) as ctx:
        data = kb_browse.state_view(state, parse_day(as_of, dt.date.today()))
        return page(request, "kb_state.html", user=ctx.user, csrf=ctx.csrf, data=data)


@router.get("/admin", response_class=HTMLResponse)
def admin(request: Request, created: str | None = None) -> Response:
    with acting(request) as ctx:
        users.require(ctx.user, "admin")
        rows = users.users(ctx.session)
        case_ids = [c.id for c in cases.list_cases(ctx.session)]
        access = {c: users.shared_with(ctx.session, c) for c in case_ids}
        return page(
            request,
            "admin.html",
            user=ctx.user,
            csrf=ctx.csrf,
            users=rows,
            cases=case_ids,
            access=access,
            roles=users.ROLES,
            created=created,
        )


@router.post("/admin/users", response_class=HTMLResponse)
def admin_add_user(
    request: Request, username: Annotated[str, Form()], role: Annotated[str, Form()], csrf: CSRF = ""
) -> Response:
    with acting(request, csrf, write=True) as ctx:
        users.require(ctx.user, "admin")
        password = users.add_user(ctx.session, username, role, by=ctx.user.username)
        # The generated password is shown once, on this page, and never stored in clear.
        return page(request, "created.html", user=ctx.user, csrf=ctx.csrf, username=username, password=password)


@router.post("/admin/access")
def admin_access(
    request: Request,
    case_id: Annotated[str, Form()],
    username: Annotated[str, Form()],
    grant: Annotated[str, Form()] = "share",
    csrf: CSRF = "",
) -> Response:
    with acting(request, csrf, write=True) as ctx:
        users.require(ctx.user, "admin")
        if grant == "share":
            users.share(ctx.session, case_id, username, ctx.user.username)
        else:
            users.unshare(ctx.session, case_id, username, ctx.user.username)
    return RedirectResponse("/admin", status_code=303)


@router.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request, case: str | None = None) -> Response:
    with acting(request) as ctx:
        users.require(ctx.user, "admin")
        rows = audit.entries(ctx.session, case)
        return page(request, "audit.html", user=ctx.user, csrf=ctx.csrf, rows=rows, case=case)


@router.get("/admin/audit.csv")
def audit_csv(request: Request, case: str | None = None) -> Response:
    with acting(request) as ctx:
        users.require(ctx.user, "admin")
        text = audit.to_csv(audit.entries(ctx.session, case, limit=1_000_000))
        ctx.audit("audit_export", case)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="exwatch-audit.csv"'},
    )
