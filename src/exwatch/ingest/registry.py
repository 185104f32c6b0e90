"""The format registry: each handler declares the MIME types and file extensions it reads.

:func:`handler_for` picks a handler by the file's extension first, then by sniffing its first bytes,
so that a PDF saved as ``scan.bin`` is still read. A file no handler accepts is refused with an
:class:`~exwatch.errors.InputError` that lists what is supported.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import PurePath
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.model import Extracted


class Handler(ABC):
    """One file format: what it accepts and how it turns bytes into text per page."""

    name: ClassVar[str]
    mime_types: ClassVar[tuple[str, ...]]
    extensions: ClassVar[tuple[str, ...]]

    @abstractmethod
    def sniff(self, head: bytes) -> bool:
        """True when the file's first bytes look like this format."""

    @abstractmethod
    def extract(self, data: bytes, file_name: str) -> Extracted:
        """The text of ``data`` page by page; raise :class:`InputError` on a file that cannot be read."""


_HANDLERS: list[Handler] = []


def register(handler: Handler) -> Handler:
    """Add a handler; later registrations are tried after earlier ones when sniffing."""
    _HANDLERS.append(handler)
    return handler


def handlers() -> list[Handler]:
    """The registered handlers (the built-in ones are registered on first use)."""
    if not _HANDLERS:
        from exwatch.ingest.handlers import register_builtin

        register_builtin()
    return list(_HANDLERS)


def supported() -> str:
    """A one-line description of the supported types, for error messages and help text."""
    return "; ".join(f"{h.name} ({', '.join('.' + e for e in h.extensions)})" for h in handlers())


def handler_for(path: str | PurePath, head: bytes = b"") -> Handler:
    """The handler for ``path``: by extension, else by sniffing ``head``; :class:`InputError` when none fits."""
    suffix = PurePath(path).suffix.lower().lstrip(".")
    for handler in handlers():
        if suffix and suffix in handler.extensions:
            return handler
    for handler in handlers():
        if head and handler.sniff(head):
            return handler
    raise InputError(f"{PurePath(path).name}: unsupported file type; supported types are {supported()}")


def handler_for_mime(mime: str) -> Handler | None:
    """The handler declaring ``mime`` (used for e-mail parts that carry a type but no file name)."""
    base = mime.split(";")[0].strip().lower()
    return next((h for h in handlers() if base in h.mime_types), None)
