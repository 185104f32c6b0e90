"""What the team does in the application: read a case as of a day, change it without losing another's change,
review proposals, upload, draft, browse the knowledge base, in their language; and the audit of it (issue 11)."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import docx
from sqlalchemy import select

from exwatch.logic import cases
from exwatch.model.case import Subject
from exwatch.store.team_tables import AuditRow
from exwatch.web.i18n import LOCALES
from tests.conftest import REPO
from tests.web.conftest import CASE, Team, csrf_of

EVENT = {
    "date": "2015-09-17",
    "jurisdiction": "FR",
    "body": "Premier ministre",
    "action": "decree",
    "source": "ce-2016-394399-dalloz",
}


def _events(workspace: dict[str, Any]) -> int:
    return sum(len(events) for events in workspace["timeline"].values())


def test_the_case_as_of_a_day_shows_only_what_was_known_then(team: Team) -> None:
    ed = team.client("ed")
    then = ed.get(f"/api/v1/cases/{CASE}?as_of=2014-01-01").json()
    later = ed.get(f"/api/v1/cases/{CASE}?as_of=2016-12-31").json()
    assert _events(then) < _events(later)
    assert all(e["date"] <= "2014-01-01" for v in then["timeline"].values() for e in v)
    assert then["assessment"]["as_of"] == "2014-01-01"
    assert then["later_events"] > 0
    page = ed.get(f"/cases/{CASE}?as_of=2015-05-25")
    assert 'value="2015-05-25"' in page.text
    assert "Prime Minister" in page.text
    assert ed.get(f"/cases/{CASE}?as_of=25/05/2015").status_code == 422


def test_the_second_writer_is_told_and_loses_nothing(team: Team) -> None:
    ed, boss = team.client("ed"), team.client("boss")
    version = ed.get(f"/api/v1/cases/{CASE}").json()["version"]
    first = boss.post(
        f"/api/v1/cases/{CASE}/events", json={**EVENT, "version": version}, headers={"X-CSRF-Token": csrf_of(boss)}
    )
    assert first.status_code == 201
    assert first.json()["version"] == version + 1
    second = ed.post(
        f"/api/v1/cases/{CASE}/events",
        json={**EVENT, "date": "2015-09-18", "version": version},
        headers={"X-CSRF-Token": csrf_of(ed)},
    )
    assert second.status_code == 409
    assert second.json()["current_version"] == version + 1
    assert "changed by someone else" in second.json()["error"]
    assert any(
        "boss: event decree-2015-09-17" in c and "(2015-09-17, FR, Premier ministre: decree)" in c
        for c in second.json()["changes"]
    )
    with team.db.transaction() as session:
        dates = [e.date for e in cases.export_case(session, CASE).events]
    assert "2015-09-17" in dates
    assert "2015-09-18" not in dates
    # In the page: the conflict is shown with the case as it now is, and what was typed is kept.
    page = ed.get(f"/cases/{CASE}")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    stale = ed.post(
        f"/cases/{CASE}/events", data={**EVENT, "body": "Typed by ed", "version": str(version), "csrf": token.group(1)}
    )
    assert stale.status_code == 200
    assert 'id="conflict"' in stale.text
    assert 'value="Typed by ed"' in stale.text
    assert "boss: event decree-2015-09-17" in stale.text  # what changed since ed opened the case
    assert "Premier ministre" in stale.text


def test_reads_and_writes_are_audited_and_admins_export_the_log(team: Team) -> None:
    ed, boss = team.client("ed"), team.client("boss")
    ed.get(f"/cases/{CASE}")
    version = ed.get(f"/api/v1/cases/{CASE}").json()["version"]
    ed.post(f"/api/v1/cases/{CASE}/events", json={**EVENT, "version": version}, headers={"X-CSRF-Token": csrf_of(ed)})
    with team.db.transaction() as session:
        rows = session.scalars(select(AuditRow).where(AuditRow.case_id == CASE)).all()
    assert {("ed", "read"), ("ed", "write")} <= {(r.actor, r.action) for r in rows}
    exported = boss.get("/api/v1/audit?format=csv")
    table = list(csv.DictReader(io.StringIO(exported.text)))
    assert any(r["actor"] == "ed" and r["action"] == "write" and r["case"] == CASE for r in table)
    assert boss.get("/admin/audit").status_code == 200


def test_a_failed_login_with_a_formula_as_user_name_is_exported_as_text(team: Team) -> None:
    from tests.web.conftest import login

    login(team.client(), "=HYPERLINK(1)", "whatever-password")
    exported = team.client("boss").get("/api/v1/audit?format=csv").text
    assert "'=HYPERLINK(1)" in exported


def test_hostile_text_in_a_case_is_shown_as_text(team: Team) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    with team.db.transaction() as session:
        case_id = cases.new_case(session, Subject.model_validate({"names": [{"name": hostile, "kind": "primary"}]}))
    page = team.client("boss").get(f"/cases/{case_id}")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "<img src=x" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_review_accepts_a_proposal_read_from_an_uploaded_document(team: Team) -> None:
    ed = team.client("ed")
    text = b"On 3 March 2016 the applicant was arrested in Germany at the request of the Russian authorities."
    uploaded = ed.post(
        f"/api/v1/cases/{CASE}/documents",
        files={"files": ("note.txt", text, "text/plain")},
        headers={"X-CSRF-Token": csrf_of(ed)},
    )
    assert uploaded.status_code == 201, uploaded.text
    queue = ed.get(f"/api/v1/cases/{CASE}/proposals").json()
    arrest = next(p for p in queue if p["kind"] == "event" and p["value"]["action"] == "arrest")
    assert "arrested" in arrest["passage"]
    assert arrest["document"] == "note.txt"
    page = ed.get(f"/cases/{CASE}/review")
    assert f'id="proposal-{arrest["id"]}"' in page.text
    assert "<mark>" in page.text
    decided = ed.post(
        f"/api/v1/cases/{CASE}/proposals/{arrest['id']}",
        json={"decision": "accept"},
        headers={"X-CSRF-Token": csrf_of(ed)},
    )
    assert decided.json() == {"accepted": 1, "rejected": 0}
    with team.db.transaction() as session:
        assert any(e.date == "2016-03-03" and e.action == "arrest" for e in cases.export_case(session, CASE).events)
    again = ed.post(
        f"/api/v1/cases/{CASE}/proposals/{arrest['id']}",
        json={"decision": "reject"},
        headers={"X-CSRF-Token": csrf_of(ed)},
    )
    assert again.status_code == 422
    assert "already reviewed" in again.json()["error"]


def test_a_draft_downloads_as_a_real_docx(team: Team, profile: object) -> None:
    ed = team.client("ed")
    response = ed.post(
        f"/api/v1/cases/{CASE}/drafts",
        json={"kind": "letter", "lang": "fr", "format": "docx", "as_of": "2015-05-25"},
        headers={"X-CSRF-Token": csrf_of(ed)},
    )
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Premier ministre" in text
    assert ed.get(f"/api/v1/cases/{CASE}").json()["register"][-1]["format"] == "docx"


def test_the_knowledge_base_browser_shows_a_states_treaties_links_and_evidence_with_sources(team: Team) -> None:
    vi = team.client("vi")
    data = vi.get("/api/v1/kb/states/KZ?as_of=2015-05-25").json()
    assert any(t["id"] == "cat" for t in data["treaties"])
    assert any(lk["from"] == "RU" and lk["to"] == "KZ" for lk in data["links"])
    assert data["evidence"]
    assert all(e["date"] <= "2015-05-25" for e in data["evidence"])
    assert all(e["sources"] for e in data["evidence"] if e["verified"])
    assert "CAT/C/KAZ" in vi.get("/kb/KZ?as_of=2015-05-25").text


def test_the_interface_speaks_the_users_language_and_remembers_it(team: Team) -> None:
    vi = team.client("vi")
    assert vi.put("/api/v1/me/locale", json={"locale": "ru"}, headers={"X-CSRF-Token": csrf_of(vi)}).status_code == 200
    page = vi.get(f"/cases/{CASE}?as_of=2015-05-25").text
    assert "Сводка" in page
    assert "Хронология" in page
    assert "25 мая 2015" in page
    assert 'lang="ru"' in page
    fr = team.client("vi")  # a new login: the choice was stored with the user
    fr.put("/api/v1/me/locale", json={"locale": "fr"}, headers={"X-CSRF-Token": csrf_of(fr)})
    assert "Tableau de bord" in team.client("vi").get("/").text


def test_every_interface_string_is_translated_in_french_and_russian() -> None:
    from babel.messages.pofile import read_po

    templates = REPO / "src" / "exwatch" / "web" / "templates"
    used = {m.group(2) for f in templates.glob("*.html") for m in re.finditer(r"""_\((["'])(.*?)\1\)""", f.read_text())}
    used |= {"admin", "editor", "viewer", "strong", "arguable", "weak", "met", "not_met", "unknown"}  # values
    for locale in LOCALES[1:]:
        path = REPO / "src" / "exwatch" / "web" / "locales" / locale / "LC_MESSAGES" / "messages.po"
        catalog = read_po(path.open("rb"), locale=locale)
        translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
        assert used <= translated, f"{locale}: untranslated {sorted(used - translated)}"


def test_the_api_is_described_by_openapi(team: Team) -> None:
    spec = team.client().get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/cases/{case_id}",
        "/api/v1/cases/{case_id}/events",
        "/api/v1/cases/{case_id}/proposals",
        "/api/v1/cases/{case_id}/drafts",
        "/api/v1/audit",
        "/api/v1/users",
        "/api/v1/kb/states/{state}",
    ):
        assert path in spec["paths"], path
    assert not any(p.startswith("/cases") for p in spec["paths"])  # pages are not API


def test_an_admin_adds_a_user_and_shares_a_case_in_the_pages(team: Team) -> None:
    boss = team.client("boss")
    token = csrf_of(boss)
    created = boss.post("/admin/users", data={"username": "newcomer", "role": "viewer", "csrf": token})
    password = re.search(r'<code id="new-password">([^<]+)</code>', created.text)
    assert password is not None
    newcomer = team.client()
    from tests.web.conftest import login

    assert login(newcomer, "newcomer", password.group(1))[0] == 303
    assert newcomer.get(f"/api/v1/cases/{CASE}").status_code == 404
    boss.post("/admin/access", data={"case_id": CASE, "username": "newcomer", "grant": "share", "csrf": token})
    assert newcomer.get(f"/api/v1/cases/{CASE}").status_code == 200


def test_the_audit_log_refuses_updates_and_deletes_in_the_database_itself(team: Team) -> None:
    import pytest
    from sqlalchemy import delete, update

    from exwatch.errors import ConflictError, StorageError

    team.client("ed").get(f"/cases/{CASE}")
    for statement in (update(AuditRow).values(actor="someone else"), delete(AuditRow)):
        # SQLite reports the trigger's refusal as a constraint failure, PostgreSQL as a raised exception.
        with pytest.raises((ConflictError, StorageError)), team.db.transaction() as session:
            session.execute(statement)
    with team.db.transaction() as session:
        assert session.scalars(select(AuditRow).where(AuditRow.actor == "ed")).first() is not None
