"""A scanned page (an image without a text layer) is read by Debian's tesseract when it is installed."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from exwatch.ingest.api import ingest_file
from tests.conftest import tool

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = ["The applicant was arrested in Riga", "on 3 February 2021 on a red notice", "issued by Russia."]


def _scanned_pdf(path: Path) -> None:
    image = Image.new("RGB", (1700, 600), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 64) if Path(FONT).exists() else ImageFont.load_default(size=64)
    for row, line in enumerate(LINES):
        draw.text((60, 60 + row * 120), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=200.0)
    path.write_bytes(buffer.getvalue())


def test_a_scanned_page_is_ocrd_and_proposes_facts(tmp_path: Path) -> None:
    tool("tesseract")
    tool("pdftoppm")
    scan = tmp_path / "scan.pdf"
    _scanned_pdf(scan)
    result = ingest_file(scan)
    assert "arrested in Riga" in result.document.text
    assert any(p.kind == "event" and p.value.get("date") == "2021-02-03" for p in result.proposals)
    assert any("OCR" in w for w in result.warnings)  # the reviewer is told to check OCR'd text
