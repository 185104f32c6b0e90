"""Text from a case or a document made inert before it enters a draft.

Everything a draft shows that does not come from the templates themselves — a subject's name, a source title,
a URL, a file name, a profile line, a knowledge-base label — is data. Hostile documents put markup in such
values (``<link rel=attachment href=file:///…>``, ``position:fixed`` blocks, ``[^@0]`` footnote placeholders,
a line starting with ``# ``), so one function, :func:`inert`, turns any value into text that neither HTML nor
the templates' Markdown subset (see :mod:`exwatch.draft.document`) can read as syntax:

- characters XML cannot carry (controls, lone surrogates) are dropped, since DOCX refuses them;
- line breaks and tabs become one space, so a value cannot open a block of its own;
- HTML's special characters become entities (``&lt;``), and so do the characters the document parser reads as
  structure (``*``, ``[``, ``]``, ``^``, ``#``, a leading ``-`` or ``1.``).

The result is the same HTML-escaped form the templates' autoescape produces; ``plain`` (in ``document``) turns it
back into the text a person reads, for renderers that are not HTML. Each renderer then escapes for its own
syntax (Markdown, HTML attributes); see ``render``.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Characters XML 1.0 cannot hold (python-docx raises on them) and C1 controls, which no reader shows.
_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+")
# HTML's special characters and the document parser's syntax characters, as entities (html.unescape restores
# them); one table, applied in one pass, so no entity is escaped twice.
_ENTITIES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&#34;",
        "'": "&#39;",
        "*": "&#42;",
        "[": "&#91;",
        "]": "&#93;",
        "^": "&#94;",
        "#": "&#35;",
        "_": "&#95;",
    }
)
_LEADING_MARK = re.compile(r"^(\s*)(?:-|(\d+)\.)")


def clean(text: str) -> str:
    """Text with line breaks folded into spaces and characters no document format can carry removed."""
    return _UNSAFE_CHARS.sub("", _BREAKS.sub(" ", text))


def inert(value: object) -> Markup:
    """Any value as escaped text that no renderer reads as markup (see the module's description)."""
    if isinstance(value, Markup):
        return value  # produced by the templates or by :func:`inert` itself
    text = clean(str(value)).translate(_ENTITIES)
    text = _LEADING_MARK.sub(lambda m: m.group(1) + (f"{m.group(2)}&#46;" if m.group(2) else "&#45;"), text)
    return Markup(text)


def finalize(value: object) -> object:
    """Jinja's ``finalize`` hook: every ``{{ expression }}`` that is not already template markup is made inert."""
    if hasattr(value, "__html__"):
        return value
    return inert(value)
