"""Property-based fuzzing, a short run in the suite (issue 16): the case-file parser, the ingestion of text and
HTML, and the draft renderers either succeed or fail with the project's own error — never another exception —
and a rendered draft never carries markup from its input. ``bench/fuzz.py`` runs the same targets with 100,000
inputs each (the profiles are in conftest.py)."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exwatch.draft.document import parse
from exwatch.draft.render import to_html, to_markdown
from exwatch.draft.safe import inert
from exwatch.errors import ExwatchError
from exwatch.ingest.api import ingest_bytes
from exwatch.logic.files import parse_case
from tests.factories import case_data

MARKUP = st.text(alphabet=st.sampled_from(list("<>&\"'*_[]^#-!`|~()/\\:;=\n\t\x00\x07 abcé1.Мх")), max_size=80)


def _json_values() -> st.SearchStrategy[object]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=20,
    )


@given(st.text(max_size=400))
def test_any_text_as_a_case_file_is_a_case_or_an_input_error(text: str) -> None:
    for fmt in ("json", "yaml"):  # both formats on the same text
        with contextlib.suppress(ExwatchError):
            parse_case(text, "fuzz", fmt)


@given(st.sampled_from(["id", "title", "subject", "states", "requests", "events", "facts", "sources"]), _json_values())
def test_a_mutated_valid_case_is_a_case_or_an_input_error(field: str, value: object) -> None:
    data = case_data()
    data[field] = value
    with contextlib.suppress(ExwatchError):
        parse_case(json.dumps(data), "fuzz", "json")


@given(st.binary(max_size=600), st.sampled_from(["x.txt", "x.html", "x.eml", "x.pdf", "x.docx", "x"]))
def test_any_bytes_under_any_name_are_ingested_or_refused_cleanly(data: bytes, name: str) -> None:
    with contextlib.suppress(ExwatchError):
        ingest_bytes(data, name)


@given(MARKUP, MARKUP)
def test_no_value_becomes_markup_in_a_rendered_draft(title: str, note: str) -> None:
    title = f"Re {title}"  # a heading has words; the fuzzed value follows them
    doc = parse(f"# {inert(title)}\n\n{inert(title)}\n\n- {inert(note)}", [inert(note)], {"title": title})
    rendered = MarkdownIt("commonmark").render(to_markdown(doc, "en"))
    assert rendered.count("<h1>") == 1
    for tag in ("<a ", "<img", "<em>", "<strong>", "<h2>Re"):
        assert tag not in rendered
    body = to_html(doc, "en").split("<body>", 1)[1]
    assert body.count("<h1>") == 1
    assert "<a " not in body
