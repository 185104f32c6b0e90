"""Hostile text in a case cannot make a draft carry a local file, reach an address, spoof text or forge notes.

The payloads are those an attacker tried (issue 16): markup in a source's title, URL and pinpoint, in the
subject's name, in the author's profile, in an ingested file's own name and in an e-mail attachment's name.
Each draft kind and format is produced for real; the PDF is read with pypdf, the Markdown rendered with a
CommonMark renderer, the DOCX reopened with python-docx, and a local HTTP server counts the requests made.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections.abc import Iterator
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from exwatch.draft.profile import Profile
from tests.cli.test_ingest_review import LETTER
from tests.conftest import Cli, tool

KINDS = ("letter", "ccf-request", "rule39", "brief")
SPOOF = "THE SUBJECT CONSENTS TO EXTRADITION"


class Listener:
    """A real HTTP server on 127.0.0.1 that records every request a draft would make."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.server.shutdown()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-MARKER-7f3a database password", encoding="utf-8")
    return path


def _payload(listener: Listener, secret: Path, tag: str) -> str:
    """One string with every trick: attachment, remote image and style sheet, page-covering block, script link,
    forged footnote placeholders, Markdown structure, control characters."""
    return (
        f'X<link rel=attachment href="file://{secret}"><img src="{listener.url}/{tag}-img">'
        f'<link rel=stylesheet href="{listener.url}/{tag}-css">'
        f'<div style="position:fixed;top:0;font-size:40pt">{SPOOF}</div>'
        f'<a href="javascript:alert(1)">open</a> [^@0] [^@999] **bold** _u_ \x07\x0b end'
    )


@pytest.fixture
def hostile_case(cli: Cli, tmp_path: Path, listener: Listener, secret: Path, profile: Profile) -> str:
    """The example case with a hostile subject name, source (title, URL, pinpoint) and author profile."""
    cli("example", "load")
    case = json.loads(cli("case", "export", "ablyazov-2013").stdout)
    case["subject"]["names"][0]["name"] = "Mukhtar</title><img src=" + listener.url + "/title> Ablyazov"
    for i, source in enumerate(case["sources"]):
        source["title"] = _payload(listener, secret, f"title{i}")
        source["url"] = f'https://example.org/"><img/src={listener.url}/url{i}>'
    for event in case["events"]:
        for citation in event["sources"]:
            citation["pinpoint"] = f"<img src={listener.url}/pinpoint> [^@1]"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    cli("case", "import", str(path), "--update")
    name = f'Eve" content="x"><link rel=attachment href="file://{secret}">'
    city = f"<img src={listener.url}/city>"
    cli("profile", "set", "--name", name, "--role", "ngo", "--organisation", "**NGO** [^@0]", "--city", city)
    return "ablyazov-2013"


def _draft(cli: Cli, case_id: str, kind: str, fmt: str, out: Path, as_of: str = "2015-05-25") -> Path:
    cli("draft", case_id, "--kind", kind, "--lang", "en", "--format", fmt, "--as-of", as_of, "-o", str(out))
    return out


def _assert_inert_pdf(path: Path, secret: Path) -> str:
    data = path.read_bytes()
    assert b"/EmbeddedFile" not in data
    assert b"/FileAttachment" not in data
    assert b"/JavaScript" not in data
    assert b"/Launch" not in data
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                assert str(action.get_object().get("/URI", "")).startswith(("http://", "https://"))
    text = subprocess.run([tool("pdftotext"), str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert secret.read_text(encoding="utf-8")[:18] not in text
    return text


@pytest.mark.parametrize("kind", KINDS)
def test_a_pdf_draft_fetches_nothing_embeds_nothing_and_shows_the_markup_as_text(
    cli: Cli, hostile_case: str, listener: Listener, secret: Path, tmp_path: Path, kind: str
) -> None:
    text = _assert_inert_pdf(_draft(cli, hostile_case, kind, "pdf", tmp_path / f"{kind}.pdf"), secret)
    assert listener.hits == []
    # The spoofed block is printed where the title is cited, as text with its tags, never over the pages.
    assert text.count("CONSENTS TO") == text.count("position:fixed")
    if kind in ("letter", "brief"):
        assert "position:fixed" in text


@pytest.mark.parametrize("kind", KINDS)
def test_a_markdown_draft_cannot_carry_html_links_or_forged_notes(
    cli: Cli, hostile_case: str, tmp_path: Path, kind: str
) -> None:
    markdown = _draft(cli, hostile_case, kind, "md", tmp_path / f"{kind}.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").render(markdown)
    for tag in ("<img", "<link", "<div", "<a ", "<title", "<strong>bold", "<em>u"):
        assert tag not in html
    assert "\x07" not in markdown
    assert "\x0b" not in markdown
    # Every note called is defined once, numbered 1, 2, 3…: "[^@0]" and "[^@999]" in the text are not notes.
    body, _, notes = markdown.partition("\n## Notes")
    calls = {int(n) for n in re.findall(r"(?<!\\)\[\^(\d+)\]", body)}
    definitions = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", notes, flags=re.MULTILINE)]
    assert sorted(calls) == definitions == list(range(1, len(definitions) + 1))


def test_a_docx_draft_shows_the_markup_as_text_and_links_nowhere(
    cli: Cli, hostile_case: str, tmp_path: Path, listener: Listener
) -> None:
    document = docx.Document(str(_draft(cli, hostile_case, "letter", "docx", tmp_path / "letter.docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert '<div style="position:fixed;top:0;font-size:40pt">' + SPOOF in text
    assert "[^@0] [^@999] **bold**" in text
    assert [r for r in document.part.rels.values() if r.is_external] == []
    assert "<img" in document.core_properties.title
    assert listener.hits == []


def test_hostile_file_and_attachment_names_stay_text_from_ingestion_to_draft(
    cli: Cli, tmp_path: Path, listener: Listener, secret: Path, profile: Profile
) -> None:
    # A file's own name cannot hold "/"; an attachment's name can hold anything.
    own = tmp_path / f'<div style="position:fixed">{SPOOF}<img src=x onerror=1>.txt'
    own.write_text(LETTER, encoding="utf-8")
    mail = EmailMessage()
    mail["Subject"] = "Petrov"
    mail["From"] = "a@example.org"
    mail.set_content("See the attached letter.")
    name = _payload(listener, secret, "attachment").replace("\x0b", "")  # e-mail headers cannot hold a line break
    mail.add_attachment(LETTER.encode(), "text", "plain", filename=name + ".txt")
    eml = tmp_path / "message.eml"
    eml.write_bytes(mail.as_bytes())
    for path in (own, eml):
        case_id = json.loads(cli("ingest", str(path), "--new-case", "--format", "json").stdout)["id"]
        cli("review", case_id, "--accept-all")
        leftover = json.loads(cli("review", case_id, "--format", "json").stdout)
        for proposal in leftover.get("proposals", []):
            cli("review", case_id, "--reject", str(proposal["id"]))
        pdf = _draft(cli, case_id, "ccf-request", "pdf", tmp_path / f"{case_id}.pdf", "2021-06-01")
        text = _assert_inert_pdf(pdf, secret)
        assert text.count("CONSENTS TO") == text.count("position:fixed") >= 1
    assert listener.hits == []
