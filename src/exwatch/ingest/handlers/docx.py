"""Word documents (.docx) through python-docx: paragraphs and table cells, in document order."""

from __future__ import annotations

import io
import zipfile
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocxHandler(Handler):
    """Reads ``.docx``; each paragraph becomes one passage (Word has no stable pages, so all is page 1)."""

    name: ClassVar[str] = "Word document"
    mime_types: ClassVar[tuple[str, ...]] = (DOCX_MIME,)
    extensions: ClassVar[tuple[str, ...]] = ("docx",)

    def sniff(self, head: bytes) -> bool:
        # A DOCX is a ZIP whose first entry is usually [Content_Types].xml; other ZIPs are not ours.
        return head.startswith(b"PK\x03\x04") and b"[Content_Types].xml" in head[:200]

    def extract(self, data: bytes, file_name: str) -> Extracted:
        import docx

        try:
            document = docx.Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise InputError(f"{file_name}: not a readable Word document ({exc})") from None
        paragraphs = [p.text.strip() for p in document.paragraphs if p.text.strip()]
        for table in document.tables:
            for row in table.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    paragraphs.append(" | ".join(dict.fromkeys(cells)))
        if not paragraphs:
            raise InputError(f"{file_name}: the document has no text")
        return Extracted(pages=["\n\n".join(paragraphs)], mime=DOCX_MIME)
