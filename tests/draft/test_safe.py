"""Values become inert text: the document parser sees no structure in them, each renderer shows them as typed."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from exwatch.draft.document import parse, plain
from exwatch.draft.render import to_html, to_markdown
from exwatch.draft.safe import inert

# id, value typed by someone, what a reader must see (control characters and line breaks folded)
PAYLOADS = [
    ("html-tag", '<link rel=attachment href="file:///etc/passwd">', '<link rel=attachment href="file:///etc/passwd">'),
    ("entity", "&lt;b&gt; &amp; S&D", "&lt;b&gt; &amp; S&D"),
    ("footnote-placeholder", "see [^@0] and [^@999]", "see [^@0] and [^@999]"),
    ("footnote-call", "claim[^1]", "claim[^1]"),
    ("emphasis", "**bold** *it* _u_", "**bold** *it* _u_"),
    ("heading-line", "# Title", "# Title"),
    ("list-line", "- item", "- item"),
    ("numbered-line", "1. first", "1. first"),
    ("right-aligned", ">> Paris", ">> Paris"),
    ("line-break-opens-block", "name\n# Heading\n- item", "name # Heading - item"),
    ("control-characters", "a\x00b\x07c\x1bd\ufffe", "abcd"),
    ("quotes", 'O\'Brien "the" one', 'O\'Brien "the" one'),
    ("cyrillic", "Мухтар Аблязов", "Мухтар Аблязов"),
]


@pytest.mark.parametrize(("value", "shown"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS])
def test_an_inert_value_is_one_plain_run_that_reads_as_typed(value: str, shown: str) -> None:
    doc = parse(f"{inert(value)}\n\n**Re: {inert(value)}**", [], {})
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]
    first, second = doc.blocks[0].lines, doc.blocks[1].lines
    assert len(first) == 1
    assert len(first[0]) == 1
    assert first[0][0].note is None
    assert not first[0][0].bold
    assert plain(first[0][0].text) == shown
    assert [(plain(r.text), r.bold) for r in second[0]] == [(f"Re: {shown}", True)]


@pytest.mark.parametrize(("value", "shown"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS])
def test_markdown_and_html_show_the_value_and_no_markup(value: str, shown: str) -> None:
    doc = parse(f"{inert(value)}\n\n- {inert(value)}", [inert(value)], {"title": value, "author": value})
    rendered = MarkdownIt("commonmark").render(to_markdown(doc, "en"))
    html = to_html(doc, "en")
    for tag in ("<link", "<strong>", "<em>", "<h1>", "<ol>"):
        assert tag not in rendered
        assert tag not in html.split("<body>")[1].replace('<ol class="notes">', "")
    assert "<link" not in html.split("<body>")[0]  # title and meta are escaped too
