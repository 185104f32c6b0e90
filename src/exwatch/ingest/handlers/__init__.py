"""Built-in format handlers: PDF, DOCX, HTML, e-mail and plain text (tried in that order when sniffing)."""

from __future__ import annotations


def register_builtin() -> None:
    """Register the built-in handlers once; plain text goes last because almost anything sniffs as text."""
    from exwatch.ingest.handlers.docx import DocxHandler
    from exwatch.ingest.handlers.eml import EmailHandler
    from exwatch.ingest.handlers.html import HtmlHandler
    from exwatch.ingest.handlers.pdf import PdfHandler
    from exwatch.ingest.handlers.text import TextHandler
    from exwatch.ingest.registry import register

    for handler in (PdfHandler(), DocxHandler(), HtmlHandler(), EmailHandler(), TextHandler()):
        register(handler)
