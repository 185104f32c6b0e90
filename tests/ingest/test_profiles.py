"""The subject's profiles proposed from a document (the groups the assessment asks about), in English, French
and Russian, and what a sentence that merely mentions the words does not propose."""

from __future__ import annotations

import pytest

from exwatch.ingest import ingest_bytes

CASES = [
    # (id, text, profiles expected)
    ("en-hizb-ut-tahrir", "In 2005 the applicant was charged with membership of Hizb ut-Tahrir, a banned organisation.",
     {"terrorism_suspect"}),
    ("en-extremism-charge", "The Uzbek authorities accused him of religious extremism and attempts to overthrow the "
     "constitutional order.", {"terrorism_suspect"}),
    ("en-journalist", "The applicant worked as a journalist for an opposition newspaper in Almaty.", {"journalist"}),
    ("en-convert", "In Sweden the applicant converted to Christianity and was baptised in 2008.",
     {"religious_minority"}),
    ("en-ethnic", "The applicant, an ethnic Uzbek, fled Kyrgyzstan after the events of June 2010.",
     {"ethnic_minority"}),
    ("en-opposition-leader", "He was the founder of the opposition party Alga in 2005.", {"opposition_politician"}),
    ("fr-terrorisme", "Le requérant a été accusé de terrorisme par les autorités tunisiennes en 2006.",
     {"terrorism_suspect"}),
    ("fr-journaliste", "Le requérant était journaliste indépendant à Bakou.", {"journalist"}),
    ("ru-extremism", "Заявитель был обвинен в религиозном экстремизме и членстве в Хизб ут-Тахрир.",
     {"terrorism_suspect"}),
    ("ru-ethnic", "Заявитель по национальности узбек, гражданин Кыргызстана.", {"ethnic_minority"}),
    ("en-fraud-only", "The applicant was charged with large-scale fraud and embezzlement of bank funds.", set()),
    ("en-terror-elsewhere", "The Government referred to the fight against terrorism in the region.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_profiles_proposed(text: str, expected: set[str]) -> None:
    result = ingest_bytes(text.encode("utf-8"), "t.txt", None)
    found = {p.value["profile"] for p in result.proposals if p.kind == "profile"}
    assert found == expected
    for proposal in result.proposals:
        if proposal.kind == "profile":
            assert proposal.valid, proposal.problems
            assert proposal.value["sources"], "a profile cites the document it comes from"
            assert proposal.span.quote.strip(), "the passage that supports it is highlighted"
