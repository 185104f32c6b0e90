"""Which language a document is in — English, French or Russian — without any downloaded model.

Cyrillic letters decide Russian; between English and French, counts of each language's most common
function words decide. Short or mixed texts give ``und`` (undetermined) rather than a guess.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_EN = _words(
    "the of and to in that is was for on with as by at from his her he she it this which be were have "
    "has had not are an or their been would who against"
)
_FR = _words(
    "le la les de des du et à en un une que qui est dans pour par sur au aux pas ne il elle ce cette son "
    "sa ses été sont avec d l qu n s où être avait leur contre"
)


def detect_language(text: str, sample: int = 20000) -> str:
    """``en``, ``fr``, ``ru`` or ``und`` for ``text`` (only the first ``sample`` characters are read)."""
    head = text[:sample]
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) < 3:
        return "und"
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic / len(letters) > 0.4:
        return "ru"
    words = [w.lower() for w in _WORD.findall(head.replace("’", "'").replace("'", " "))]
    en = sum(1 for w in words if w in _EN)
    fr = sum(1 for w in words if w in _FR)
    if en == fr:
        return "und"
    return "en" if en > fr else "fr"
