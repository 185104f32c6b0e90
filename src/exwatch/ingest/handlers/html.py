"""HTML pages through the standard library's parser: block elements become paragraphs; scripts,
styles, navigation, headers and footers are dropped because they are not the document's words."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.handlers.text import decode_text
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler

_SKIP = {"script", "style", "nav", "header", "footer", "noscript", "template", "svg", "head", "form", "aside"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "blockquote", "pre", "dd", "dt", "main", "body", "hr", "td", "th",
}  # fmt: skip


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML page, one paragraph per block, whitespace collapsed."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    blocks = re.split(r"\n\s*\n", "".join(parser.parts))
    return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


class HtmlHandler(Handler):
    """Reads ``.html``/``.htm`` pages (all text is page 1)."""

    name: ClassVar[str] = "HTML page"
    mime_types: ClassVar[tuple[str, ...]] = ("text/html", "application/xhtml+xml")
    extensions: ClassVar[tuple[str, ...]] = ("html", "htm", "xhtml")

    def sniff(self, head: bytes) -> bool:
        start = head[:512].lstrip().lower()
        return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start

    def extract(self, data: bytes, file_name: str) -> Extracted:
        markup, warnings = decode_text(data)
        text = html_to_text(markup)
        if not text:
            raise InputError(f"{file_name}: the page has no readable text")
        return Extracted(pages=[text], mime="text/html", warnings=warnings)
