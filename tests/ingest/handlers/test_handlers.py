"""Each format handler on a real file made in the test: text, DOCX, PDF, HTML, e-mail."""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest

from exwatch.errors import InputError
from exwatch.ingest import handler_for, ingest_file
from exwatch.ingest.handlers.pdf import PdfHandler
from tests.ingest.pdfgen import make_pdf

LETTER = "He was detained in France in 2013 at the request of Russia."


def test_plain_text_keeps_paragraphs_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("First paragraph.\n\nSecond paragraph here.\n", encoding="utf-8")
    result = ingest_file(path)
    texts = [result.document.text[p.start : p.end] for p in result.passages]
    assert texts == ["First paragraph.", "Second paragraph here."]
    assert [p.index for p in result.passages] == [0, 1]
    assert result.document.mime == "text/plain"
    assert len(result.document.sha256) == 64


def test_non_utf8_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Он был задержан во Франции в 2013 году.".encode("cp1251"))
    result = ingest_file(path)
    assert "Франции" in result.document.text
    assert any("Windows-1251" in w for w in result.warnings)
    assert result.document.language == "ru"


def test_docx_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Brussels, 25 May 2015")
    document.add_paragraph(LETTER)
    document.save(str(path))
    result = ingest_file(path)
    assert result.document.mime.endswith("wordprocessingml.document")
    assert [result.document.text[p.start : p.end] for p in result.passages] == ["Brussels, 25 May 2015", LETTER]
    roles = {(p.value["state"], p.value["roles"][0]) for p in result.proposals if p.kind == "state_role"}
    assert ("FR", "custodial") in roles
    assert ("RU", "requesting") in roles


def test_pdf_pages_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "decision.pdf"
    path.write_bytes(make_pdf(["First page about extradition.", LETTER]))
    result = ingest_file(path)
    assert result.document.mime == "application/pdf"
    assert [p.page for p in result.passages] == [1, 2]
    second = result.passages[1]
    assert result.document.text[second.start : second.end] == LETTER
    detention = next(p for p in result.proposals if p.kind == "event")
    assert detention.span.page == 2


def test_pdf_page_without_text_warns_or_is_ocrd(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(["Some text.", None]))
    extracted = PdfHandler().extract(path.read_bytes(), path.name)
    if shutil.which("tesseract") and shutil.which("pdftoppm"):
        assert any("OCR" in w for w in extracted.warnings)
    else:
        assert any("no text layer" in w and "tesseract" in w for w in extracted.warnings)


def test_corrupt_pdf_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    with pytest.raises(InputError, match=r"broken\.pdf"):
        ingest_file(path)


def test_html_drops_scripts_and_navigation(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>t</title><script>var x = 'Russia';</script></head><body>"
        "<nav>Home | About</nav><p>On 31 July 2013 he was arrested.</p><p>Second &amp; last.</p>"
        "<footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = ingest_file(path)
    assert result.document.text == "On 31 July 2013 he was arrested.\n\nSecond & last."


def test_email_body_and_attachment(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "ngo@example.org"
    message["To"] = "lawyer@example.org"
    message["Subject"] = "Extradition"
    message["Date"] = "Mon, 25 May 2015 10:00:00 +0000"
    message.set_content(LETTER)
    message.add_attachment(b"Annex: the Court of Appeal in Lyon approved the extradition in October 2014.",
                           maintype="text", subtype="plain", filename="annex.txt")  # fmt: skip
    path = tmp_path / "mail.eml"
    path.write_bytes(message.as_bytes())
    result = ingest_file(path)
    assert result.document.mime == "message/rfc822"
    assert "Subject: Extradition" in result.document.text
    assert LETTER in result.document.text
    assert len(result.attachments) == 1
    annex = result.attachments[0]
    assert annex.document.file_name == "annex.txt"
    assert any(p.kind == "event" and p.value["date"] == "2014-10" for p in annex.proposals)


def test_unsupported_type_names_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(InputError) as info:
        ingest_file(path)
    message = str(info.value)
    assert "unsupported file type" in message
    for kind in (".pdf", ".docx", ".html", ".eml", ".txt"):
        assert kind in message


def test_sniffing_finds_a_pdf_without_its_extension(tmp_path: Path) -> None:
    data = make_pdf(["Hello."])
    assert handler_for(tmp_path / "download", data[:100]).name == "PDF"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty"):
        ingest_file(path)


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    import zipfile

    honest = tmp_path / "honest.docx"
    document = docx.Document()
    document.add_paragraph(LETTER)
    document.save(str(honest))
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(honest) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":  # 64 MiB of padding inside the body: stored in ~64 KiB
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * 64 * 2**20, 1)
            target.writestr(item, data)
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(InputError, match="ZIP bomb"):
        ingest_file(bomb)


def test_ocr_stops_at_its_bound_and_says_which_pages_were_left(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from exwatch.ingest.handlers import pdf
    from tests.conftest import tool

    tool("tesseract")
    tool("pdftoppm")
    monkeypatch.setattr(pdf, "MAX_OCR_PAGES", 1)  # the bound, lowered so that a three-page scan reaches it
    extracted = PdfHandler().extract(make_pdf([None, None, None]), "scan.pdf")
    assert any("pages 2-3 have no text layer and were not OCR'd" in w for w in extracted.warnings)


def test_a_pdf_bomb_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    import zlib

    inflated = b"BT /F1 11 Tf 50 780 Td (x) Tj ET\n" + b" " * 100_000_000  # 100 MB of page content
    packed = zlib.compress(inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bytes(out))
    assert bomb.stat().st_size < 200_000
    with pytest.raises(InputError, match="PDF bomb"):
        ingest_file(bomb)
