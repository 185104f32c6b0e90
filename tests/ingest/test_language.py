"""Language detection per document, without models."""

from __future__ import annotations

import pytest

from exwatch.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was detained in France in 2013 at the request of Russia and Ukraine.", "en"),
        ("The Court of Appeal approved the extradition of the applicant to his country.", "en"),
        ("Il a été arrêté en France en 2013 à la demande de la Russie et de l'Ukraine.", "fr"),
        ("La chambre de l'instruction a donné un avis favorable à la demande d'extradition.", "fr"),
        ("Он был задержан во Франции в 2013 году по запросу России и Украины.", "ru"),
        ("Кассационный суд оставил решение без изменения.", "ru"),
        ("2013-07-31 — 12/34", "und"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
