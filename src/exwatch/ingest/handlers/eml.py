"""E-mail messages (.eml) through the standard library: headers and body become the text;
attachments are handed back to the registry and ingested as documents of their own."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.handlers.html import html_to_text
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler, handler_for_mime

_HEADERS = ("From", "To", "Date", "Subject")


class EmailHandler(Handler):
    """Reads ``.eml``: the plain-text body (else the HTML body as text) with the main headers."""

    name: ClassVar[str] = "e-mail"
    mime_types: ClassVar[tuple[str, ...]] = ("message/rfc822",)
    extensions: ClassVar[tuple[str, ...]] = ("eml",)

    def sniff(self, head: bytes) -> bool:
        lines = head[:2048].split(b"\n")
        keys = {line.split(b":", 1)[0].strip().lower() for line in lines if b":" in line}
        return len(keys & {b"from", b"to", b"subject", b"date", b"message-id", b"mime-version"}) >= 3

    def extract(self, data: bytes, file_name: str) -> Extracted:
        message = email.message_from_bytes(data, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not any(message[h] for h in _HEADERS):
            raise InputError(f"{file_name}: not an e-mail message (no From, To, Date or Subject header)")
        header = "\n".join(f"{h}: {message[h]}" for h in _HEADERS if message[h])
        body_part = message.get_body(preferencelist=("plain", "html"))
        body = ""
        if body_part is not None:
            content = body_part.get_content()
            body = html_to_text(content) if body_part.get_content_type() == "text/html" else str(content)
        attachments: list[tuple[str, bytes]] = []
        warnings: list[str] = []
        for part in message.iter_attachments():
            name = part.get_filename() or "attachment"
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                continue
            if "." not in name and handler_for_mime(part.get_content_type()) is None:
                warnings.append(f"attachment {name!r} ({part.get_content_type()}) is of an unsupported type; skipped")
                continue
            attachments.append((name, payload))
        return Extracted(
            pages=[f"{header}\n\n{body.strip()}"], mime="message/rfc822", warnings=warnings, attachments=attachments
        )
