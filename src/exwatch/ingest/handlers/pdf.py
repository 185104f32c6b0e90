"""PDF files through pypdf: the text layer page by page, page numbers kept.

A page without a text layer (a scan) is sent to Debian's ``tesseract`` command — rendered by
``pdftoppm`` — only when both programs are installed; otherwise the page stays empty and a warning
says which pages need OCR. Nothing is downloaded: tesseract's language data comes from Debian.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import ClassVar

from exwatch.errors import InputError
from exwatch.ingest.model import Extracted
from exwatch.ingest.registry import Handler
from exwatch.private import scratch_dir

OCR_TIMEOUT_S = 120
# OCR takes seconds a page: a file of thousands of blank pages would run for hours. Beyond these bounds the
# remaining pages are left empty and the warning says which, so the user can OCR them another way.
MAX_OCR_PAGES = 200
MAX_OCR_TOTAL_S = 900


def _ocr_languages() -> str:
    """The installed tesseract languages among English, French and Russian (``eng+fra+rus``)."""
    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "eng"
    langs = [lang for lang in ("eng", "fra", "rus") if lang in out.split()]
    return "+".join(langs) or "eng"


def ocr_page(data: bytes, page_number: int) -> str:
    """OCR one page (1-based) of a PDF with pdftoppm + tesseract; empty text when they fail."""
    with tempfile.TemporaryDirectory(dir=scratch_dir()) as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        stem = Path(tmp) / "page"
        n = str(page_number)
        cmd = ["pdftoppm", "-r", "300", "-f", n, "-l", n, "-singlefile", "-png", str(pdf), str(stem)]
        try:
            subprocess.run(cmd, capture_output=True, timeout=OCR_TIMEOUT_S, check=True)
            result = subprocess.run(
                ["tesseract", f"{stem}.png", "stdout", "-l", _ocr_languages()],
                capture_output=True,
                text=True,
                timeout=OCR_TIMEOUT_S,
                check=True,
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return result.stdout


class PdfHandler(Handler):
    """Reads ``.pdf``: one entry per page; scanned pages are OCR'd when tesseract is installed."""

    name: ClassVar[str] = "PDF"
    mime_types: ClassVar[tuple[str, ...]] = ("application/pdf",)
    extensions: ClassVar[tuple[str, ...]] = ("pdf",)

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:5] == b"%PDF-"

    def extract(self, data: bytes, file_name: str) -> Extracted:
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(f"{file_name}: the PDF is encrypted with a password; save an unprotected copy")
            texts = [page.extract_text() or "" for page in reader.pages]
        except LimitReachedError:
            # pypdf's own bound (75 MB per stream): a few kilobytes that inflate to gigabytes, as a PDF bomb does.
            raise InputError(
                f"{file_name}: a part of this PDF unpacks to more than pypdf's limit (a PDF bomb, or an image-only "
                "monster); the file is refused — print it to a new PDF if it is genuine"
            ) from None
        except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{file_name}: not a readable PDF ({exc})") from None
        if not texts:
            raise InputError(f"{file_name}: the PDF has no pages")
        warnings: list[str] = []
        blank = [i + 1 for i, text in enumerate(texts) if not text.strip()]
        if blank:
            can_ocr = shutil.which("tesseract") is not None and shutil.which("pdftoppm") is not None
            if can_ocr:
                started, done = time.monotonic(), []
                for number in blank[:MAX_OCR_PAGES]:
                    if time.monotonic() - started > MAX_OCR_TOTAL_S:
                        break
                    texts[number - 1] = ocr_page(data, number)
                    done.append(number)
                warnings.append(f"pages {_ranges(done)} have no text layer; read by OCR (check the text)")
                if len(done) < len(blank):
                    left = [n for n in blank if n not in set(done)]
                    warnings.append(
                        f"pages {_ranges(left)} have no text layer and were not OCR'd: more than {MAX_OCR_PAGES} "
                        f"pages or {MAX_OCR_TOTAL_S // 60} minutes of OCR; OCR them separately if they matter"
                    )
            else:
                warnings.append(
                    f"pages {_ranges(blank)} have no text layer and were left empty: install Debian's "
                    "tesseract-ocr (with tesseract-ocr-fra, tesseract-ocr-rus) and poppler-utils to OCR them"
                )
        if not any(t.strip() for t in texts):
            warnings.append("no text could be read from this PDF")
        return Extracted(pages=texts, mime="application/pdf", warnings=warnings)


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` → ``1-3, 7``."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n != prev + 1:
            out.append(f"{start}-{prev}" if prev != start else str(start))
            start = n
        prev = n
    return ", ".join(out)
