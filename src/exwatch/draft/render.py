"""Rendering a drafted document to Markdown, DOCX (python-docx) and PDF (WeasyPrint, from HTML).

Footnotes become numbered notes at the end of the document in every format: Word's own footnotes are
not reachable through python-docx, and a notes section reads the same in Word, LibreOffice and PDF.

The document's runs and notes arrive inert (``draft.safe``): HTML-escaped, with no character the document
parser reads as syntax. Each renderer keeps it so in its own syntax: the HTML renderer writes them as they are
and escapes the metadata it puts in attributes; the Markdown renderer backslash-escapes every character
Markdown reads as markup (so a draft in Markdown cannot carry HTML or links); WeasyPrint fetches nothing.
"""

from __future__ import annotations

import html
import io
import re
from importlib import resources
from typing import Any

from docx import Document as DocxDocument
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from exwatch.draft.document import Block, Document, Run, plain
from exwatch.draft.safe import clean
from exwatch.errors import ExwatchError

NOTES_TITLE = {"en": "Notes", "fr": "Notes", "ru": "Примечания"}
AS_AVAILABLE = {
    "en": "sources as available on",
    "fr": "sources telles que disponibles le",
    "ru": "источники по состоянию на",
}


def notes_title(doc: Document, lang: str) -> str:
    """ "Notes (sources as available on 25 May 2015)": a draft dated in the past says which day its notes speak
    for; the "checked" date in a note is the day the source was last read, not the document's date."""
    title = NOTES_TITLE[lang]
    return f"{title} ({AS_AVAILABLE[lang]} {doc.sources_as_of})" if doc.sources_as_of else title


# The characters CommonMark and GitHub Markdown read as markup within a line (links, images and HTML need
# "[", "<" or "&"; emphasis "*", "_", "~"; tables "|"): a backslash makes each literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# What makes a line a list item, a rule or a setext heading: "- ", "+ ", "= ", "1. ", "1) ".
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def md_text(text: str) -> str:
    """Plain text as Markdown that shows exactly that text: no emphasis, link, image, HTML or entity."""
    return _MD_SPECIAL.sub(r"\\\1", plain(text))


def _md_line(runs: list[Run], kind: str) -> str:
    """A line's runs; a line never opens a list, a rule or a heading because of the text it starts with
    (a heading's text follows its "#", where none of these can begin)."""
    line = "".join(_md_run(r) for r in runs)
    if kind in ("title", "heading"):
        return line
    return _MD_LINE_START.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(2) else f"{m.group(1)}{m.group(3)}\\{m.group(4)}", line
    )


def to_markdown(doc: Document, lang: str) -> str:
    out: list[str] = []
    for block in doc.blocks:
        text = "\n".join(_md_line(line, block.kind) for line in block.lines)
        prefix = {"title": "# ", "heading": "## ", "bullet": "- ", "numbered": "1. "}.get(block.kind, "")
        out.append(prefix + text.replace("\n", "  \n") if block.kind in ("paragraph", "right") else prefix + text)
    if doc.notes:
        out.append(f"## {md_text(notes_title(doc, lang))}")
        out += [f"[^{i}]: {md_text(note)}" for i, note in enumerate(doc.notes, 1)]
    return "\n\n".join(out) + "\n"


def _md_run(run: Run) -> str:
    text = md_text(run.text)
    if run.note is not None:
        return "".join(f"[^{n}]" for n in run.text.split(","))
    if run.bold:
        return f"**{text}**"
    return f"*{text}*" if run.italic else text


def to_html(doc: Document, lang: str) -> str:
    css = resources.files("exwatch.draft.templates").joinpath("print.css").read_text(encoding="utf-8")
    meta = "".join(
        f'<meta name="{html.escape(k)}" content="{html.escape(clean(v))}">' for k, v in doc.meta.items() if k != "title"
    )
    body: list[str] = []
    open_list: str | None = None
    for block in doc.blocks:
        wanted = {"bullet": "ul", "numbered": "ol"}.get(block.kind)
        if wanted != open_list:  # consecutive list items share one list element
            if open_list:
                body.append(f"</{open_list}>")
            if wanted:
                body.append(f"<{wanted}>")
            open_list = wanted
        inner = "<br>".join("".join(_html_run(r) for r in line) for line in block.lines)
        tag = {
            "title": "h1",
            "heading": "h2",
            "paragraph": "p",
            "bullet": "li",
            "numbered": "li",
            "right": 'p class="right"',
        }[block.kind]
        body.append(f"<{tag}>{inner}</{tag.split()[0]}>")
    if open_list:
        body.append(f"</{open_list}>")
    if doc.notes:
        items = "".join(f"<li>{note}</li>" for note in doc.notes)
        body.append(f'<h2 class="notes">{html.escape(notes_title(doc, lang))}</h2><ol class="notes">{items}</ol>')
    title = html.escape(clean(doc.meta.get("title", "")))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{meta}'
        f"<style>{css}</style></head><body>{''.join(body)}</body></html>"
    )


def _html_run(run: Run) -> str:
    if run.note is not None:
        return f"<sup>{run.text.replace(',', ', ')}</sup>"
    if run.bold:
        return f"<strong>{run.text}</strong>"
    return f"<em>{run.text}</em>" if run.italic else run.text


class FetchRefused(ExwatchError):
    """WeasyPrint asked for a resource. Drafts need none (the style sheet is inline, fonts are the system's),
    so any request is refused: no local file can be embedded and no address reached while drafting."""


def _refusing_fetcher() -> Any:
    from weasyprint import URLFetcher  # type: ignore[import-untyped]

    class RefuseAll(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise FetchRefused(f"drafts fetch nothing (refused {url[:80]!r})")

    return RefuseAll(fail_on_errors=False)


def to_pdf(doc: Document, lang: str) -> bytes:
    from weasyprint import HTML  # loads Pango, which only PDF output needs

    pdf: bytes = HTML(string=to_html(doc, lang), base_url=None, url_fetcher=_refusing_fetcher()).write_pdf(
        attachments=[]
    )
    return pdf


def to_docx(doc: Document, lang: str) -> bytes:
    word = DocxDocument()
    style = word.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(11)
    props = word.core_properties
    # Word limits core properties to 255 characters; the full list of sources is in the register of outputs.
    props.title = _property(doc.meta.get("title", ""))
    props.subject = _property(doc.meta.get("subject", ""))
    props.keywords = _property(doc.meta.get("keywords", ""))
    props.comments = _property(doc.meta.get("description", ""))
    props.author = _property(doc.meta.get("author", ""))
    props.language = lang
    for block in doc.blocks:
        _docx_block(word, block)
    if doc.notes:
        word.add_heading(notes_title(doc, lang), level=2)
        for i, note in enumerate(doc.notes, 1):
            para = word.add_paragraph()
            para.add_run(f"{i}. ").bold = True
            para.add_run(plain(note)).font.size = Pt(9)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _property(value: str) -> str:
    text = clean(value)
    return text if len(text) <= 255 else text[:254] + "…"


def _docx_block(word: WordDocument, block: Block) -> None:
    if block.kind == "title":
        para = word.add_heading(level=1)
    elif block.kind == "heading":
        para = word.add_heading(level=2)
    elif block.kind == "bullet":
        para = word.add_paragraph(style="List Bullet")
    elif block.kind == "numbered":
        para = word.add_paragraph(style="List Number")
    else:
        para = word.add_paragraph()
    if block.kind == "right":
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for i, line in enumerate(block.lines):
        if i:
            para.add_run().add_break()
        for run in line:
            if run.note is not None:
                piece = para.add_run(run.text.replace(",", ", "))
                piece.font.superscript = True
            else:
                piece = para.add_run(plain(run.text))
                piece.bold = run.bold or None
                piece.italic = run.italic or None
