"""Splitting a document's text into citable passages (paragraphs) and sentences.

Offsets always point into the document's full text, so a passage or a sentence can be quoted and
highlighted without re-reading the file. Pages are joined with a blank line, so a paragraph never
spans two pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from exwatch.ingest.model import Passage

PAGE_JOIN = "\n\n"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# A sentence ends at . ! ? … followed by space and an upper-case letter, digit, quote or bracket;
# abbreviations that end in a full stop in court texts do not end a sentence.
_SENTENCE_END = re.compile(r"[.!?…](?=[\"»”’)]?\s+[\"«“(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9])")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "no", "nos", "art", "arts", "v", "p", "pp", "para", "paras", "st", "m", "mme",
    "me", "cf", "e.g", "i.e", "etc", "vol", "ch", "sec", "seq", "op", "cit", "ibid", "jr", "sr", "prof",
    "г", "гг", "ст", "п", "ч", "им", "т", "тел", "см", "nr", "inc", "ltd", "co", "gen", "col", "lt", "u.s",
    "a", "b", "c", "d", "e", "f", "s", "n", "j", "k", "l", "r", "t", "u", "w", "x", "y", "z", "vs", "al",
}  # fmt: skip


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text[start:end]`` of the document, on ``page``, inside paragraph ``paragraph``."""

    start: int
    end: int
    page: int
    paragraph: int
    text: str


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """The document text and the offset where each page starts."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for page in pages:
        cleaned = page.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        starts.append(offset)
        parts.append(cleaned)
        offset += len(cleaned) + len(PAGE_JOIN)
    return PAGE_JOIN.join(parts), tuple(starts)


def split_passages(text: str, page_starts: tuple[int, ...]) -> list[Passage]:
    """Paragraphs (blank-line separated, empty ones dropped) with their page and offsets."""
    passages: list[Passage] = []
    bounds = [*page_starts, len(text) + len(PAGE_JOIN)]
    for page_index in range(len(page_starts)):
        page_start, page_end = bounds[page_index], bounds[page_index + 1] - len(PAGE_JOIN)
        position = page_start
        for match in [*_PARAGRAPH_BREAK.finditer(text, page_start, page_end), None]:
            end = match.start() if match else page_end
            chunk = text[position:end]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                trail = len(chunk) - len(chunk.rstrip())
                passages.append(Passage(len(passages), page_index + 1, position + lead, end - trail))
            position = match.end() if match else page_end
    return passages


def split_sentences(text: str, passages: list[Passage]) -> list[Sentence]:
    """Sentences within each passage; a line break inside a paragraph is not a sentence break."""
    sentences: list[Sentence] = []
    for passage in passages:
        start = passage.start
        for match in _SENTENCE_END.finditer(text, passage.start, passage.end):
            word = re.search(r"([\w.]+)$", text[start : match.start()])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            _add(sentences, text, start, match.end(), passage)
            start = match.end()
        _add(sentences, text, start, passage.end, passage)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int, passage: Passage) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    start, end = start + lead, end - (len(chunk) - len(chunk.rstrip()))
    if end > start:
        out.append(Sentence(start, end, passage.page, passage.index, text[start:end]))
