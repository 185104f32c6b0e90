"""The small document model the templates write and the DOCX, PDF and Markdown renderers read.

Templates produce a restricted Markdown: ``# title``, ``## heading``, ``- bullet``, ``1. numbered``,
paragraphs separated by blank lines (a line break inside a paragraph is kept, as letter headers need),
``**bold**``, ``*italic*`` and footnote calls ``[^n]``. Only the templates write that syntax: every value they
insert is made inert first (``draft.safe``: HTML-escaped, with the syntax characters as entities), so text from a
case or a document is never read as structure, emphasis or a note. The HTML renderer keeps the escaped form; the
others read :func:`plain` text and escape it for their own syntax.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "bullet", "numbered", "right"]
_INLINE = re.compile(r"(\*\*.+?\*\*|\*.+?\*|(?:\[\^\d+\])+)")


@dataclass(frozen=True)
class Run:
    """A piece of text with its style. A footnote call has ``note`` set (its first number) and the text
    "3,4,5" when several notes are called together."""

    text: str
    bold: bool = False
    italic: bool = False
    note: int | None = None


@dataclass
class Block:
    kind: BlockKind
    lines: list[list[Run]] = field(default_factory=list)


@dataclass
class Document:
    blocks: list[Block]
    notes: list[str]
    meta: dict[str, str]
    cited: list[str] = field(default_factory=list)  # ids of the case sources the notes cite
    cited_dates: dict[str, str | None] = field(default_factory=dict)  # each note's key → its source's date
    sources_as_of: str = ""  # the document's date as its language writes it: the notes cite what existed then


def inline(text: str) -> list[Run]:
    """Split a line into runs: bold, italic, footnote calls, plain text (still in its escaped form)."""
    runs: list[Run] = []
    for part in _INLINE.split(text):
        if not part:
            continue
        if part.startswith("[^"):
            # Consecutive calls become one run "3,4,5" so that renderers do not print "345".
            numbers = re.findall(r"\d+", part)
            runs.append(Run(",".join(numbers), note=int(numbers[0])))
        elif part.startswith("**"):
            runs.append(Run(part[2:-2], bold=True))
        elif part.startswith("*") and len(part) > 2:
            runs.append(Run(part[1:-1], italic=True))
        else:
            runs.append(Run(part))
    return runs


_PREFIXES: list[tuple[str, BlockKind]] = [("# ", "title"), ("## ", "heading"), ("- ", "bullet"), (">> ", "right")]


def _kind(line: str) -> BlockKind:
    for prefix, candidate in _PREFIXES:
        if line.startswith(prefix):
            return candidate
    return "numbered" if re.match(r"^\d+\. ", line) else "paragraph"


def parse(markup: str, notes: list[str], meta: dict[str, str]) -> Document:
    """Read the templates' Markdown subset into blocks.

    Headings and list items are blocks of their own wherever they stand; other consecutive lines form one
    paragraph whose line breaks are kept (letter headers), and a blank line ends a paragraph.
    """
    blocks: list[Block] = []
    current: Block | None = None
    for raw in markup.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            current = None
            continue
        kind = _kind(line)
        if kind in ("title", "heading", "bullet", "numbered", "right"):
            strip = {"title": 2, "heading": 3, "right": 3}.get(kind, 0)
            text = re.sub(r"^(- |\d+\. )", "", line) if kind in ("bullet", "numbered") else line[strip:]
            block = Block(kind, [inline(text)])
            blocks.append(block)
            current = block if kind == "right" else None
            continue
        if current is None or current.kind not in ("paragraph", "right"):
            current = Block("paragraph")
            blocks.append(current)
        current.lines.append(inline(line))
    return Document(blocks, notes, meta)


def plain(text: str) -> str:
    """The text as a person reads it (the document holds it escaped)."""
    return html.unescape(text)
