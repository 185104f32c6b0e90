"""Pages a screen reader can use: every form control has a label, every page one h1, a language, a skip link
to the main content, and tables with header cells (issue 11)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.web.conftest import CASE, Team

PAGES = [
    "/",
    f"/cases/{CASE}",
    f"/cases/{CASE}?as_of=2015-05-25",
    f"/cases/{CASE}/review",
    "/kb",
    "/kb/KZ",
    "/admin",
    "/admin/audit",
]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.h1 = 0
        self.lang: str | None = None
        self.skip = False
        self.tables = self.headers = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append(a)
        elif tag == "label" and a.get("for"):
            self.labels.add(str(a["for"]))
        elif tag == "h1":
            self.h1 += 1
        elif tag == "a" and a.get("href") == "#main":
            self.skip = True
        elif tag == "table":
            self.tables += 1
        elif tag == "th":
            self.headers += 1


@pytest.mark.parametrize("path", PAGES)
def test_every_control_is_labelled_and_the_page_is_navigable(team: Team, path: str) -> None:
    response = team.client("boss").get(path)
    assert response.status_code == 200
    page = _Page()
    page.feed(response.text)
    unlabelled = [c for c in page.controls if c.get("id") not in page.labels and not c.get("aria-label")]
    assert unlabelled == [], f"{path}: controls without a label: {unlabelled}"
    assert page.h1 == 1
    assert page.lang == "en"
    assert page.skip
    assert page.tables == 0 or page.headers >= page.tables
