"""Word documents (.docx) through python-docx: paragraphs and table cells, in document order."""

from __future__ import annotations

import io
import zipfile
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# A Word file is a ZIP: a few megabytes can unpack to gigabytes. Real court documents and letters unpack to a few
# megabytes; these bounds are checked on the ZIP's directory before anything is unpacked.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_RATIO = 200  # unpacked / packed size of one member; text compresses about 5-10 times


def _check_bounds(data: bytes, file_name: str) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as exc:
        raise InputError(f"{file_name}: not a readable Word document ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{file_name}: {len(members):,} parts inside; a Word document has a few dozen")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{file_name}: it would unpack to {total // 2**20:,} MiB (more than {MAX_UNPACKED_BYTES // 2**20} MiB); "
            "save it as PDF or split it"
        )
    for member in members:
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > 1_000_000 and ratio > MAX_RATIO:
            raise InputError(
                f"{file_name}: its part {member.filename!r} unpacks {ratio:,} times larger than it is stored, as a "
                "ZIP bomb does; the file is refused"
            )


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

        _check_bounds(data, file_name)
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
