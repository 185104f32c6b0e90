"""The seed case's letter to the French Prime Minister, 25 May 2015, in French and English: it makes
every point the MEP's letter made, and more, with footnoted sources."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest

from exwatch.assess.assessment import assess_case
from exwatch.draft.compose import compose
from exwatch.draft.document import Document
from exwatch.draft.profile import Profile
from exwatch.draft.render import to_markdown
from exwatch.logic.draft import resolve_addressee
from exwatch.logic.example import example_case
from exwatch.model.dates import PartialDate
from exwatch.model.vocab import Lang
from tests.conftest import MEP

LETTER_DAY = dt.date(2015, 5, 25)


@cache
def _letter(lang: Lang) -> tuple[Document, str]:
    assessment = assess_case(example_case(), LETTER_DAY)
    (france,) = [s for s in assessment.procedure if s.jurisdiction == "FR"]
    assert france.position is not None
    assert france.position.stage is not None
    to = resolve_addressee("FR", france.position.stage.next, None, lang, LETTER_DAY)
    document = compose(
        "letter", lang, assessment, Profile.model_validate(MEP.model_dump()).for_template(lang), to, LETTER_DAY
    )
    return document, to_markdown(document, lang)


POINTS = {
    "fr": [
        ("addressed-to-the-prime-minister", "Monsieur le Premier ministre,"),
        ("proxy-requests-with-kazakhstan", "non du Kazakhstan"),
        ("political-persecution", "but politique"),
        ("un-cat-on-torture", "Comité contre la torture des Nations unies"),
        ("onward-return-to-kazakhstan", "remise ultérieure vers le Kazakhstan"),
        ("request-not-to-extradite", "ne pas signer le décret"),
        ("uk-refugee-status", "le Royaume-Uni lui a reconnu la qualité de réfugié en 2011"),
        ("minsk-convention-path", "Convention de Minsk"),
        ("ets-24-article-3", "article 3, paragraphe 2, de la Convention européenne d'extradition"),
        ("echr-article-3", "article 3 de la Convention européenne des droits de l'homme"),
        ("french-closing-formula", "l'expression de ma très haute considération"),
    ],
    "en": [
        ("addressed-to-the-prime-minister", "Dear Prime Minister,"),
        ("proxy-requests-with-kazakhstan", "not from Kazakhstan"),
        ("political-persecution", "political purpose"),
        ("un-cat-on-torture", "UN Committee against Torture"),
        ("onward-return-to-kazakhstan", "onward transfer to Kazakhstan"),
        ("request-not-to-extradite", "not to sign a decree"),
        ("uk-refugee-status", "the United Kingdom recognised him as a refugee in 2011"),
        ("minsk-convention-path", "Minsk Convention"),
        ("ets-24-article-3", "Article 3(2) of the European Convention on Extradition"),
        ("echr-article-3", "Article 3 of the European Convention on Human Rights"),
    ],
}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(lang, text) for lang, points in POINTS.items() for _, text in points],
    ids=[f"{lang}-{pid}" for lang, points in POINTS.items() for pid, _ in points],
)
def test_the_letter_makes_the_point(lang: Lang, expected: str) -> None:
    assert expected in _letter(lang)[1]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_footnote_is_called_and_numbered_in_reading_order(lang: Lang) -> None:
    document, text = _letter(lang)
    body, _, notes = text.partition("## Notes")
    calls = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
    first_seen = list(dict.fromkeys(calls))
    assert first_seen == list(range(1, len(document.notes) + 1))
    assert notes.count("[^") == len(document.notes) >= 20


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_letter_of_may_2015_cites_nothing_published_later(lang: Lang) -> None:
    document, _ = _letter(lang)
    sources = {s.id: s for s in example_case().sources}
    assert document.cited
    for source_id in document.cited:
        date = sources[source_id].date
        assert date is None or PartialDate.parse(date).earliest() <= LETTER_DAY, source_id


def test_the_french_letter_has_no_english_sentences() -> None:
    _, text = _letter("fr")
    body = text.partition("## Notes")[0]
    for english in (" the ", " which ", " and the ", "Dear ", "Yours"):
        assert english not in body


def test_the_output_records_case_knowledge_version_and_sources() -> None:
    document, _ = _letter("fr")
    assert document.meta["subject"] == "ablyazov-2013"
    assert "knowledge " in document.meta["keywords"]
    assert document.meta["description"].startswith("case sources cited: ")
