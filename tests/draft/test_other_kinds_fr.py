"""The French CCF request, Rule 39 request and brief for the seed case: each has its sections, reads as French,
calls every footnote in order, cites what the English version cites, and renders to real DOCX and PDF files."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest

from exwatch.draft.profile import Profile
from tests.conftest import Cli, tool

DECREE_SIGNED = "2015-10-31"
KINDS = ["ccf-request", "rule39", "brief"]
SECTIONS = {
    "ccf-request": [
        "## 1. Identité du requérant",
        "## 2. Données concernées",
        "## 3. Demandes",
        "## 4. Moyens",
        "## 5. Délais",
        "## 6. Pièces jointes",
    ],
    "rule39": [
        "# ARTICLE 39 — URGENT",
        "## 1. Parties",
        "## 2. Mesure sollicitée",
        "## 3. Imminence du risque",
        "## 4. Procédure interne et voies de recours exercées",
        "## 5. Risque de dommage irréparable au regard de l'article 3 de la Convention",
        "## 6. Pièces jointes",
    ],
    "brief": [
        "# Note de synthèse — Moukhtar Abliazov",
        "## Conclusion",
        "## État de la procédure",
        "## Chronologie",
        "## Motivation politique : élevée",
        "## États de destination",
        "## Voies de remise ultérieure",
    ],
}
# Words and phrases that would betray English left in a French document (case references such as
# "Attorney General v N.S.S." and proper names such as "High Court" are not among them).
ENGLISH = [
    " the ",
    " of ",
    " and ",
    " which ",
    " by ",
    " with ",
    " to ",
    "Dear ",
    "Yours",
    "Request",
    "Still open",
    " risk",
    " v. ",
    "Russia,",
    "Sweden",
    "French police",
    "Member of",
    "Council of Europe",
    "by post",
]


@pytest.fixture
def seed(cli: Cli, profile: Profile) -> Cli:
    cli("example", "load")
    return cli


def _md(cli: Cli, kind: str, as_of: str = DECREE_SIGNED, lang: str = "fr") -> str:
    return cli("draft", "ablyazov-2013", "--kind", kind, "--lang", lang, "--as-of", as_of).stdout


def _split(text: str) -> tuple[str, str]:
    body, _, notes = text.partition("\n## Notes")
    return body, notes


@pytest.mark.parametrize("kind", KINDS)
def test_each_french_kind_has_its_sections_in_order(seed: Cli, kind: str) -> None:
    body, _ = _split(_md(seed, kind))
    positions = [body.find(section) for section in SECTIONS[kind]]
    assert -1 not in positions, [s for s, p in zip(SECTIONS[kind], positions, strict=True) if p == -1]
    assert positions == sorted(positions)


@pytest.mark.parametrize("kind", KINDS)
def test_no_english_sentence_in_the_body(seed: Cli, kind: str) -> None:
    body, _ = _split(_md(seed, kind))
    assert [e for e in ENGLISH if e in body] == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_footnote_is_called_in_reading_order(seed: Cli, kind: str) -> None:
    body, notes = _split(_md(seed, kind))
    defined = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", notes, flags=re.MULTILINE)]
    calls = [int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)]
    assert defined == list(range(1, len(defined) + 1))
    assert list(dict.fromkeys(calls)) == defined
    assert len(defined) >= 20


@pytest.mark.parametrize("kind", KINDS)
def test_the_french_version_cites_the_sources_the_english_one_cites(seed: Cli, kind: str) -> None:
    def urls(text: str) -> set[str]:
        return set(re.findall(r"https?://\S+?(?=\.?$|\s)", _split(text)[1], flags=re.MULTILINE))

    assert urls(_md(seed, kind)) == urls(_md(seed, kind, lang="en"))


def test_ccf_request_is_addressed_and_argued_as_the_ccf_expects(seed: Cli) -> None:
    text = _md(seed, "ccf-request")
    assert "Commission de contrôle des fichiers d'INTERPOL" in text
    assert "\nMesdames et Messieurs les membres de la Commission,\n" in text
    assert "**Requête aux fins d'accès et d'effacement" in text
    assert "Notice rouge d'INTERPOL émanant de l'Ukraine" in text
    assert "Chefs de poursuite tels que les libelle la demande" in _split(text)[1]
    for request in ("L'accès à l'ensemble des données", "L'effacement de toute notice", "le blocage provisoire"):
        assert request in text
    assert "l'article 3 du Statut d'INTERPOL" in text
    assert "**Sur la qualité de réfugié.**" in text
    assert "le Royaume-Uni lui a reconnu la qualité de réfugié en 2011" in text
    assert "Oshlakov c. Russie, n° 56662/09" in text
    assert "Mandat signé par le requérant." in text
    assert "Décret d'extradition du 17 septembre 2015 — Premier ministre (Manuel Valls)" in text
    assert (
        "Veuillez agréer, Mesdames et Messieurs les membres de la Commission, "
        "l'expression de ma considération distinguée." in text
    )


def test_ccf_time_limits_appear_only_once_the_statute_exists(seed: Cli) -> None:
    assert "dans les quatre mois" not in _md(seed, "ccf-request", "2015-10-31")
    later = _md(seed, "ccf-request", "2019-01-01")
    assert "dans les quatre mois de la recevabilité" in later
    assert "dans les neuf mois de la recevabilité" in later


def test_rule39_request_states_imminence_remedies_and_risk(seed: Cli) -> None:
    text = _md(seed, "rule39")
    assert text.startswith("# ARTICLE 39 — URGENT")
    assert "Greffe de la Cour européenne des droits de l'homme" in text
    assert "par voie postale : Cour européenne des droits de l'homme" in text
    assert "\nMonsieur le Greffier,\n" in text
    assert "— Moukhtar Abliazov c. France**" in text
    assert "ni extradé ni éloigné de quelque autre manière vers la Russie ou vers l'Ukraine" in text
    assert "échéance le 1er novembre 2015" in text
    assert "17 septembre 2015 : décret d'extradition (accordé)" in text
    assert "Voie de recours encore ouverte : Recours pour excès de pouvoir contre le décret" in text
    assert "Au Kazakhstan, le risque de torture et de mauvais traitements est réel et sérieux" in text
    assert "Remise ultérieure : la Russie pourrait remettre le requérant aux autorités du Kazakhstan" in text
    assert "Je vous prie d'agréer, Monsieur le Greffier, l'expression de ma haute considération." in text


def test_brief_gives_the_conclusion_timeline_findings_and_paths_in_french(seed: Cli) -> None:
    text = _md(seed, "brief")
    assert "**Une protection s'impose.**" in text
    assert "Risque réel de torture ou de mauvais traitements pour l'intéressé au Kazakhstan" in text
    assert "Remise ultérieure à l'État persécuteur : RU → KZ" in text
    assert "Éléments en sens contraire :" in text
    assert "31 juillet 2013 — FR — Police française : arrestation" in text
    assert "**P3 Demande présentée par un tiers, de concert avec l'État persécuteur** : établi" in text
    assert "Questions à instruire :" in text
    assert "- Le Kazakhstan (État persécuteur et État requérant)" in text
    assert "- RU → KZ (risque au terme du parcours : élevé)" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_french_kind_renders_to_docx_and_pdf(seed: Cli, kind: str, tmp_path: Path) -> None:
    docx_path, pdf_path = tmp_path / f"{kind}.fr.docx", tmp_path / f"{kind}.fr.pdf"
    for fmt, path in (("docx", docx_path), ("pdf", pdf_path)):
        args = ["--kind", kind, "--lang", "fr", "--as-of", DECREE_SIGNED, "--format", fmt, "--output", str(path)]
        seed("draft", "ablyazov-2013", *args)
    paragraphs = [p.text for p in docx.Document(str(docx_path)).paragraphs]
    assert any("Abliazov" in p for p in paragraphs)
    assert any(p.startswith(SECTIONS[kind][1].lstrip("# ")) for p in paragraphs)
    text = subprocess.run([tool("pdftotext"), str(pdf_path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Abliazov" in text
    assert "octobre 2015" in text
    assert "é" in text  # accented letters survive the PDF fonts
