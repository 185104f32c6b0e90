"""Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251 or Latin-1 with a warning."""

from __future__ import annotations

from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes of unknown encoding; the warnings say when the encoding was guessed."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # Russian files from older systems are mostly Windows-1251; its Cyrillic block is bytes 0xC0-0xFF,
    # which in Latin-1 would be accented letters in unlikely runs. Prefer it when such bytes dominate.
    high = sum(1 for b in data if b >= 0xC0)
    if high > len(data) * 0.2:
        return data.decode("cp1251", errors="replace"), ["text is not UTF-8; read as Windows-1251 (Cyrillic)"]
    return data.decode("latin-1"), ["text is not UTF-8; read as Latin-1, check accented letters"]


class TextHandler(Handler):
    """Reads ``.txt`` and ``.md`` files; a form feed starts a new page."""

    name: ClassVar[str] = "plain text"
    mime_types: ClassVar[tuple[str, ...]] = ("text/plain", "text/markdown")
    extensions: ClassVar[tuple[str, ...]] = ("txt", "text", "md")

    def sniff(self, head: bytes) -> bool:
        return b"\x00" not in head[:1024] or head.startswith((b"\xff\xfe", b"\xfe\xff"))

    def extract(self, data: bytes, file_name: str) -> Extracted:
        text, warnings = decode_text(data)
        if not text.strip():
            raise InputError(f"{file_name}: the file is empty")
        return Extracted(pages=text.split("\f"), mime="text/plain", warnings=warnings)
