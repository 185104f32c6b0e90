"""The application in a real browser: Debian's Chromium, headless, driven by Playwright (issue 11).

A newcomer logs in, finds the example case on the dashboard, looks at it as it stood on a day, uploads a
document with the progress bar, accepts a proposal with the keyboard, and drafts a letter; no page breaks the
content security policy (the console would say so)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from exwatch.web.app import create_app
from tests.conftest import missing
from tests.web.conftest import CASE, PASSWORDS, Team

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def server(team: Team) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(team.db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@dataclass
class Browser:
    page: Any  # playwright.sync_api.Page, imported only when Chromium is there
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        missing("chromium (Debian package chromium; scripts/test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        context = chromium.new_context(accept_downloads=True, locale="en-GB")
        found = Browser(context.new_page())
        found.page.on("console", lambda m: found.errors.append(m.text) if m.type == "error" else None)
        try:
            yield found
        finally:
            chromium.close()


def test_a_newcomer_works_a_case_in_the_browser(server: str, browser: Browser, tmp_path: Path, profile: object) -> None:
    from playwright.sync_api import Page, expect

    page: Page = browser.page
    page.goto(server + "/")
    expect(page).to_have_url(server + "/login?next=/")
    page.get_by_label("User name").fill("ed")
    page.get_by_label("Password").fill(PASSWORDS["ed"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()  # keyboard users skip the header

    page.get_by_role("link", name="Mukhtar Ablyazov").first.click()
    expect(page.get_by_role("heading", name="Mukhtar Ablyazov", level=1)).to_be_visible()
    page.get_by_label("Show the case as it stood on").fill("2014-01-01")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page).to_have_url(f"{server}/cases/{CASE}?as_of=2014-01-01")
    expect(page.get_by_text("Events after this day are hidden")).to_be_visible()
    expect(page.locator("svg.graph")).to_be_visible()  # the onward-transfer paths as a picture
    page.get_by_label("Kind").select_option("letter")
    page.get_by_label("Format").select_option("docx")
    with page.expect_download() as download:
        page.get_by_role("button", name="Draft and download").click()
    assert download.value.suggested_filename.endswith("-2014-01-01.docx")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"

    note = tmp_path / "note.txt"
    note.write_text("On 3 March 2016 the applicant was arrested in Germany at the request of the Russian authorities.")
    page.get_by_label("Add documents (PDF, DOCX, HTML, text, e-mail)").set_input_files(str(note))
    page.get_by_role("button", name="Upload and read").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    proposal = page.locator("article.proposal", has=page.locator("mark", has_text="arrested")).first
    expect(proposal.locator("mark")).to_be_visible()  # the source passage, highlighted
    proposal_id = proposal.get_attribute("id")
    proposal.get_by_role("button", name="Accept", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#{proposal_id}")).to_have_count(0)

    page.goto(f"{server}/cases/{CASE}?as_of=2016-12-31")
    expect(page.locator("#timeline")).to_contain_text("arrest")
    assert browser.errors == []  # no CSP violation, no failed request, no script error


def _shot(page: Any, name: str, tmp_path: Path) -> Path:
    """A full-page screenshot; also into $EXWATCH_SCREENSHOTS when set (docs/ keeps the dashboard and case)."""
    target = Path(os.environ.get("EXWATCH_SCREENSHOTS") or tmp_path) / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=name != "case")
    assert target.stat().st_size > 10_000
    return target


def test_from_the_letters_day_to_a_letter_to_the_prime_minister_in_french(
    server: str, browser: Browser, tmp_path: Path, profile: object
) -> None:
    from playwright.sync_api import Page, expect

    page: Page = browser.page
    page.set_viewport_size({"width": 1366, "height": 800})  # a laptop screen
    page.goto(server + "/login")
    page.get_by_label("User name").fill("ed")
    page.get_by_label("Password").fill(PASSWORDS["ed"])
    page.get_by_role("button", name="Log in").click()
    _shot(page, "dashboard", tmp_path)

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", name="Tableau de bord")).to_be_visible()
    page.get_by_role("link", name="Mukhtar Ablyazov").first.click()
    page.get_by_label("Afficher le dossier tel qu'il était le").fill("2015-05-25")
    page.get_by_role("button", name="Afficher", exact=True).click()
    expect(page.get_by_text("25 mai 2015").first).to_be_visible()
    expect(page.locator("#standing")).to_contain_text("Prime Minister")  # who decides next on that day
    expect(page.locator(".conclusion")).to_contain_text("Protection justifiée")  # the assessment of that day
    page.set_viewport_size({"width": 1366, "height": 2400})
    _shot(page, "case", tmp_path)
    page.set_viewport_size({"width": 1366, "height": 800})

    page.get_by_label("Type").select_option("letter")
    page.get_by_label("Langue", exact=True).last.select_option("fr")
    page.get_by_label("Format").select_option("docx")
    with page.expect_download() as download:
        page.get_by_role("button", name="Rédiger et télécharger").click()
    letter = Path(download.value.path())
    assert download.value.suggested_filename == f"{CASE}-letter-fr-2015-05-25.docx"
    import docx

    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert "Monsieur le Premier ministre" in text

    page.get_by_label("Langue", exact=True).first.select_option("ru")
    page.get_by_role("button", name="Changer").click()
    expect(page.get_by_role("link", name="Сводка")).to_be_visible()
    expect(page.get_by_role("heading", name="Хронология")).to_be_visible()
    assert browser.errors == []


def test_a_user_the_case_is_not_shared_with_gets_not_found_in_the_browser(server: str, browser: Browser) -> None:
    from playwright.sync_api import Page, expect

    page: Page = browser.page
    page.goto(server + "/login")
    page.get_by_label("User name").fill("ed2")
    page.get_by_label("Password").fill(PASSWORDS["ed2"])
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("No case is shared with you yet")).to_be_visible()
    response = page.goto(f"{server}/cases/{CASE}")
    assert response is not None
    assert response.status == 404
    api = page.request.get(f"{server}/api/v1/cases/{CASE}")
    assert api.status == 404
