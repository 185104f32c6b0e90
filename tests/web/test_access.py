"""Who may see and do what: login, need-to-know, roles, CSRF, rate limit, security headers (issue 11)."""

from __future__ import annotations

import re

from sqlalchemy import select

from exwatch.logic import cases
from exwatch.store.team_tables import AuditRow
from tests.web.conftest import CASE, Team, csrf_of, login


def test_login_sets_a_secure_httponly_samesite_cookie_and_a_wrong_password_does_not(team: Team) -> None:
    client = team.client()
    status, page = login(client, "ed", "not-the-password")
    assert status == 401
    assert "wrong user name or password" in page
    assert "exwatch_session" not in client.cookies
    form = client.get("/login")
    token = form.text.split('name="csrf" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": "ed", "password": "editor-password-1", "csrf": token})
    assert response.status_code == 303
    cookie = next(h for h in response.headers.get_list("set-cookie") if h.startswith("exwatch_session="))
    assert "HttpOnly" in cookie
    assert "Secure" in cookie
    assert "SameSite=strict" in cookie.replace("Strict", "strict")
    assert client.get("/").status_code == 200


def test_pages_need_a_login(team: Team) -> None:
    client = team.client()
    assert client.get("/cases/" + CASE).headers["location"].startswith("/login")
    assert client.get("/api/v1/cases").status_code == 401


def test_a_case_not_shared_answers_exactly_like_a_case_that_does_not_exist(team: Team) -> None:
    ed2 = team.client("ed2")
    unshared, absent = ed2.get(f"/api/v1/cases/{CASE}"), ed2.get("/api/v1/cases/no-such-case")
    assert unshared.status_code == absent.status_code == 404
    assert unshared.json()["error"].replace(CASE, "X") == absent.json()["error"].replace("no-such-case", "X")
    assert "known cases" not in unshared.text  # the CLI's hint lists case ids: never to a web user
    assert ed2.get(f"/cases/{CASE}").status_code == 404
    assert ed2.get("/api/v1/cases").json() == []
    assert CASE not in ed2.get("/").text
    with team.db.transaction() as session:
        denied = session.scalars(select(AuditRow).where(AuditRow.action == "read_denied")).all()
    assert {(r.actor, r.case_id) for r in denied} >= {("ed2", CASE)}


def test_shared_users_and_admins_see_the_case(team: Team) -> None:
    for name in ("ed", "vi", "boss"):
        data = team.client(name).get(f"/api/v1/cases/{CASE}").json()
        assert data["subject"]["names"][0]["name"] == "Mukhtar Ablyazov"


def _event(version: int) -> dict[str, object]:
    return {
        "version": version,
        "date": "2015-09-17",
        "jurisdiction": "FR",
        "body": "Premier ministre",
        "action": "decree",
        "source": "ce-2016-394399-dalloz",
    }


def test_a_change_without_the_csrf_token_is_refused_and_stores_nothing(team: Team) -> None:
    ed = team.client("ed")
    version = ed.get(f"/api/v1/cases/{CASE}").json()["version"]
    assert ed.post(f"/api/v1/cases/{CASE}/events", json=_event(version)).status_code == 403
    assert (
        ed.post(f"/api/v1/cases/{CASE}/events", json=_event(version), headers={"X-CSRF-Token": "forged"}).status_code
        == 403
    )
    page = ed.get(f"/cases/{CASE}")
    form = {
        "version": str(version),
        "date": "2015-09-17",
        "jurisdiction": "FR",
        "body": "PM",
        "action": "decree",
        "source": "ce-2016-394399-dalloz",
    }
    assert ed.post(f"/cases/{CASE}/events", data=form).status_code in (403, 422)
    with team.db.transaction() as session:
        assert cases.get_row(session, CASE).version == version
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    assert ed.post(f"/cases/{CASE}/events", data={**form, "csrf": token.group(1)}).status_code == 303
    with team.db.transaction() as session:
        assert cases.get_row(session, CASE).version == version + 1


def test_a_viewer_reads_but_cannot_change_and_only_admins_administer(team: Team) -> None:
    vi = team.client("vi")
    version = vi.get(f"/api/v1/cases/{CASE}").json()["version"]
    refused = vi.post(f"/api/v1/cases/{CASE}/events", json=_event(version), headers={"X-CSRF-Token": csrf_of(vi)})
    assert refused.status_code == 403
    assert "viewer" in refused.json()["error"]
    assert vi.get("/admin").status_code == 403
    assert team.client("ed").get("/api/v1/audit").status_code == 403
    assert team.client("boss").get("/api/v1/audit").status_code == 200


def test_logins_are_rate_limited_per_user_name(team: Team) -> None:
    client = team.client()
    for _ in range(5):
        assert login(client, "ed", "wrong-password-x")[0] == 401
    status, page = login(client, "ed", "editor-password-1")  # the right password, too late
    assert status == 429
    assert "too many failed logins" in page
    assert login(team.client(), "vi", "viewer-pass-01")[0] == 303  # another user is not locked out


def test_every_response_carries_the_security_headers_and_pages_have_no_inline_script_or_style(team: Team) -> None:
    ed = team.client("ed")
    for path in ("/login", "/", f"/cases/{CASE}", f"/cases/{CASE}/review", "/kb", "/kb/KZ", "/api/v1/cases"):
        response = ed.get(path)
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["cache-control"] == "no-store"
        if path.startswith("/api"):
            continue
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text), path
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", response.text), path


def test_the_login_redirect_stays_on_this_site(team: Team) -> None:
    client = team.client()
    form = client.get("/login?next=//evil.example/x")
    token = form.text.split('name="csrf" value="')[1].split('"')[0]
    response = client.post(
        "/login",
        data={"username": "ed", "password": "editor-password-1", "csrf": token, "next": "https://evil.example"},
    )
    assert response.headers["location"] == "/"


def test_control_characters_in_a_login_or_a_case_id_are_refused_cleanly(team: Team) -> None:
    # PostgreSQL cannot store or compare text holding a NUL: such input must be an ordinary refusal there too.
    client = team.client()
    response = client.post("/api/v1/session", json={"username": "ed\x00", "password": "editor-password-1"})
    assert response.status_code == 401
    assert team.client("ed").get("/api/v1/cases/abc%00def").status_code == 404
    exported = team.client("boss").get("/api/v1/audit?format=csv").text
    assert "ed?" in exported
