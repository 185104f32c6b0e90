"""Real files: the DOCX opens in python-docx and converts in LibreOffice; the PDF has embedded fonts that
carry French accents and Cyrillic, and its pages turn into images."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx

from exwatch.draft.document import parse
from exwatch.draft.render import to_docx, to_markdown, to_pdf
from tests.conftest import tool

SAMPLE = """Mady Delvaux-Stehres
Parlement européen

>> Bruxelles, le 25 mai 2015

**Objet : demande d'extradition de M. Moukhtar Abliazov (Мухтар Аблязов)**

Monsieur le Premier ministre,

## Les obstacles juridiques

- à l'article 3 de la Convention européenne des droits de l'homme[^1] ;
- à l'article 3 de la Convention contre la torture[^2].

Je vous prie d'agréer l'expression de ma très haute considération.
"""
NOTES = ["Cour européenne des droits de l'homme, Saadi c. Italie, n° 37201/06.", "CAT/C/GC/4, § 12."]
META = {
    "title": "letter",
    "subject": "ablyazov-2013",
    "keywords": "knowledge abc",
    "author": "Mady Delvaux-Stehres",
    "description": "case sources cited: ce-2016-press",
}


def _document() -> object:
    return parse(SAMPLE, NOTES, META)


def test_docx_reopens_with_its_text_notes_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(to_docx(parse(SAMPLE, NOTES, META), "fr"))
    reopened = docx.Document(str(path))
    text = "\n".join(p.text for p in reopened.paragraphs)
    assert "Monsieur le Premier ministre," in text
    assert "Мухтар Аблязов" in text
    assert "Saadi c. Italie" in text  # the notes section
    assert reopened.core_properties.subject == "ablyazov-2013"
    assert reopened.core_properties.keywords == "knowledge abc"
    superscripts = [r.text for p in reopened.paragraphs for r in p.runs if r.font.superscript]
    assert superscripts == ["1", "2"]
    assert "[^1]" not in text


def test_docx_converts_in_libreoffice(tmp_path: Path) -> None:
    soffice = tool("soffice")
    source = tmp_path / "letter.docx"
    source.write_bytes(to_docx(parse(SAMPLE, NOTES, META), "fr"))
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = tmp_path / "letter.pdf"
    assert converted.stat().st_size > 5_000
    text = subprocess.run([tool("pdftotext"), str(converted), "-"], check=True, capture_output=True, text=True).stdout
    assert "Premier ministre" in text


def test_pdf_embeds_fonts_for_latin_and_cyrillic_and_renders_to_png(tmp_path: Path) -> None:
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(to_pdf(parse(SAMPLE, NOTES, META), "fr"))
    text = subprocess.run([tool("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "très haute considération" in text
    assert "Мухтар Аблязов" in text
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "yes" in fonts.split("\n", 2)[2]  # at least one embedded font
    subprocess.run(
        [tool("pdftoppm"), "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    (page,) = tmp_path.glob("page*.png")
    assert page.stat().st_size > 10_000  # a page with text on it, not a blank one


def test_markdown_keeps_footnotes_and_line_breaks() -> None:
    text = to_markdown(parse(SAMPLE, NOTES, META), "fr")
    assert "Mady Delvaux-Stehres  \nParlement européen" in text
    assert "[^2]: CAT/C/GC/4, § 12." in text
