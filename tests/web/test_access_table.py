"""Every route against every kind of user: anonymous, an editor the case is not shared with, a viewer and an
editor it is shared with, an admin. The table must name every route the application has: a new route without
a row fails here until someone decides who may use it (issue 11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from exwatch.logic.documents import ingest
from exwatch.web import api, pages
from tests.web.conftest import CASE, Team, csrf_of

Send = Callable[[TestClient, str, dict[str, Any]], httpx.Response]
OK, DENIED, HIDDEN, ANON = "ok", "denied", "hidden", "anon"
# Who gets what, by kind of route: anonymous, ed2 (case not shared), vi (viewer, shared), ed (editor), boss (admin).
WHO = ("anonymous", "ed2", "vi", "ed", "boss")
KINDS = {
    "public": (OK, OK, OK, OK, OK),
    "user": (ANON, OK, OK, OK, OK),
    "case_read": (ANON, HIDDEN, OK, OK, OK),
    "case_write": (ANON, HIDDEN, DENIED, OK, OK),
    "admin": (ANON, DENIED, DENIED, DENIED, OK),
}
EVENT = {"date": "2015-09-17", "jurisdiction": "FR", "body": "Premier ministre", "action": "decree"}
SOURCE = "ce-2016-394399-dalloz"


def _json(method: str, path: str, body: Any = None) -> Send:
    def send(client: TestClient, csrf: str, ctx: dict[str, Any]) -> httpx.Response:
        headers = {"X-CSRF-Token": csrf} if method != "GET" else {}
        target = path.format(**ctx)
        response: httpx.Response = client.request(
            method, target, json=body(ctx) if callable(body) else body, headers=headers
        )
        return response

    return send


def _form(path: str, data: Callable[[dict[str, Any]], dict[str, str]], files: bool = False) -> Send:
    def send(client: TestClient, csrf: str, ctx: dict[str, Any]) -> httpx.Response:
        upload = {"files": ("n.txt", b"On 3 March 2016 he was arrested in Germany.", "text/plain")} if files else None
        response: httpx.Response = client.post(path.format(**ctx), data={**data(ctx), "csrf": csrf}, files=upload)
        return response

    return send


def _get(path: str) -> Send:
    return _json("GET", path)


def _login_api(client: TestClient, _csrf: str, _ctx: dict[str, Any]) -> httpx.Response:
    response: httpx.Response = client.post("/api/v1/session", json={"username": "x", "password": "wrong"})
    return response


def _upload_api(client: TestClient, csrf: str, ctx: dict[str, Any]) -> httpx.Response:
    note = {"files": ("n.txt", b"On 3 March 2016 he was arrested in Germany.", "text/plain")}
    response: httpx.Response = client.post(
        f"/api/v1/cases/{ctx['case']}/documents", files=note, headers={"X-CSRF-Token": csrf}
    )
    return response


def _new_user(ctx: dict[str, Any]) -> dict[str, str]:
    return {"username": ctx["new_user"](), "role": "viewer"}


ROUTES: dict[str, tuple[str, Send]] = {
    "POST /api/v1/session": ("public", _login_api),
    "DELETE /api/v1/session": ("user", _json("DELETE", "/api/v1/session")),
    "GET /api/v1/me": ("user", _get("/api/v1/me")),
    "PUT /api/v1/me/locale": ("user", _json("PUT", "/api/v1/me/locale", {"locale": "fr"})),
    "GET /api/v1/dashboard": ("user", _get("/api/v1/dashboard")),
    "GET /api/v1/cases": ("user", _get("/api/v1/cases")),
    "GET /api/v1/cases/{case_id}": ("case_read", _get("/api/v1/cases/{case}")),
    "POST /api/v1/cases/{case_id}/events": ("case_write", _json("POST", "/api/v1/cases/{case}/events",
        lambda x: {**EVENT, "source": SOURCE, "version": x["version"]()})),
    "GET /api/v1/cases/{case_id}/proposals": ("case_read", _get("/api/v1/cases/{case}/proposals")),
    "POST /api/v1/cases/{case_id}/proposals/{proposal_id}": ("case_write", _json("POST",
        "/api/v1/cases/{case}/proposals/{proposal}", {"decision": "reject"})),
    "POST /api/v1/cases/{case_id}/documents": ("case_write", _upload_api),
    "POST /api/v1/cases/{case_id}/drafts": ("case_write", _json("POST", "/api/v1/cases/{case}/drafts",
        {"kind": "brief", "lang": "en", "format": "md", "as_of": "2015-05-25"})),
    "POST /api/v1/cases/{case_id}/access": ("admin", _json("POST", "/api/v1/cases/{case}/access", {"username": "ed2"})),
    "GET /api/v1/kb/states": ("user", _get("/api/v1/kb/states")),
    "GET /api/v1/kb/states/{state}": ("user", _get("/api/v1/kb/states/KZ")),
    "GET /api/v1/users": ("admin", _get("/api/v1/users")),
    "POST /api/v1/users": ("admin", _json("POST", "/api/v1/users", _new_user)),
    "GET /api/v1/audit": ("admin", _get("/api/v1/audit")),
    "GET /login": ("public", _get("/login")),
    "POST /login": ("public", lambda c, _t, _x: c.post("/login", data={"username": "x", "password": "y", "csrf": "z"})),
    "POST /logout": ("user", _form("/logout", lambda x: {})),
    "POST /settings/locale": ("user", _form("/settings/locale", lambda x: {"locale": "ru"})),
    "GET /": ("user", _get("/")),
    "GET /cases/{case_id}": ("case_read", _get("/cases/{case}")),
    "POST /cases/{case_id}/events": ("case_write", _form("/cases/{case}/events",
        lambda x: {**EVENT, "source": SOURCE, "version": str(x["version"]())})),
    "GET /cases/{case_id}/review": ("case_read", _get("/cases/{case}/review")),
    "POST /cases/{case_id}/review": ("case_write", _form("/cases/{case}/review",
        lambda x: {"proposal": str(x["proposal"]), "decision": "reject"})),
    "POST /cases/{case_id}/documents": ("case_write", _form("/cases/{case}/documents", lambda x: {}, files=True)),
    "POST /cases/{case_id}/drafts": ("case_write", _form("/cases/{case}/drafts",
        lambda x: {"kind": "brief", "lang": "en", "format": "md", "as_of": "2015-05-25"})),
    "GET /kb": ("user", _get("/kb")),
    "GET /kb/{state}": ("user", _get("/kb/KZ")),
    "GET /admin": ("admin", _get("/admin")),
    "POST /admin/users": ("admin", _form("/admin/users", _new_user)),
    "POST /admin/access": ("admin", _form("/admin/access", lambda x: {"case_id": CASE, "username": "ed2"})),
    "GET /admin/audit": ("admin", _get("/admin/audit")),
    "GET /admin/audit.csv": ("admin", _get("/admin/audit.csv")),
}  # fmt: skip


def test_the_table_names_every_route() -> None:
    routes = {f"{m} {r.path}" for r in api.router.routes + pages.router.routes for m in r.methods}  # type: ignore[attr-defined]
    assert routes == set(ROUTES)


def _outcome(response: httpx.Response) -> str:
    code = response.status_code
    if code in (200, 201, 303) and not (code == 303 and response.headers["location"].startswith("/login")):
        return OK
    if code == 401 or (code == 303 and response.headers["location"].startswith("/login")):
        return ANON
    if code == 404:
        return HIDDEN
    if code == 403:
        return DENIED
    return f"unexpected {code}: {response.text[:200]}"


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_who_may_use_the_route(team: Team, route: str, tmp_path: Path, profile: object) -> None:
    kind, send = ROUTES[route]
    proposals = [0]
    if "proposal" in route or "review" in route:
        # Open proposals to review: several, so that each user who may review decides one still open.
        note = tmp_path / "note.txt"
        note.write_text("On 3 March 2016 the applicant was arrested in Germany at the request of Russia.")
        with team.db.transaction() as session:
            proposals = [p["id"] for p in ingest(session, [note], CASE, False).proposals]
    users_made = iter(range(1000))
    for who, expected in zip(WHO, KINDS[kind], strict=True):
        client = team.client(None if who == "anonymous" else who)
        csrf = "" if who == "anonymous" else csrf_of(client)
        ctx = {
            "case": CASE,
            "proposal": proposals[WHO.index(who) % len(proposals)],
            "version": lambda: team.client("boss").get(f"/api/v1/cases/{CASE}").json()["version"],
            "new_user": lambda: f"made-{next(users_made)}",
        }
        if route in ("POST /api/v1/session", "POST /login"):
            expected = ANON if route.startswith("POST /api") else OK  # wrong credentials: 401 / the form again
            got = _outcome(send(client, csrf, ctx))
            assert got in (ANON, OK, DENIED), f"{route} as {who}: {got}"
            continue
        response = send(client, csrf, ctx)
        got = _outcome(response)
        if route == "POST /logout" and who != "anonymous" and response.status_code == 303:
            got = OK  # logging out sends you to the login page
        assert got == expected, f"{route} as {who}: expected {expected}, got {got}"
