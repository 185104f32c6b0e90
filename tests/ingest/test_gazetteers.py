"""States and bodies named in three languages."""

from __future__ import annotations

import pytest

from exwatch.ingest.bodies import find_bodies
from exwatch.ingest.names import name_key, transliterations
from exwatch.ingest.states import find_states


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("requests sent to INTERPOL by Russia and Ukraine, in cooperation with Kazakhstan", ["RU", "UA", "KZ"]),
        ("la Russie, l'Ukraine et les autorités kazakhes", ["RU", "UA", "KZ"]),
        ("запросы России и Украины в сотрудничестве с Казахстаном", ["RU", "UA", "KZ"]),
        ("the Russian Federation and the Uzbek authorities", ["RU", "UZ"]),
        ("extradition from Austria to Kosovo", ["AT", "XK"]),
    ],
)
def test_states(text: str, codes: list[str]) -> None:
    assert [m.code for m in find_states(text)] == codes


@pytest.mark.parametrize(
    ("text", "jurisdiction"),
    [
        ("approved by the Court of Appeal in Lyon", "FR"),
        ("The French Supreme Court maintained this decision", "FR"),
        ("la chambre de l'instruction de la cour d'appel de Lyon", "FR"),
        ("the Supreme Court of the Russian Federation", "RU"),
        ("the Moscow City Court", "RU"),
        ("the Commission for the Control of INTERPOL's Files", "INTERPOL"),
        ("criticized by the UN Committee Against Torture", "UNCAT"),
        ("the European Court of Human Rights", "ECTHR"),
        ("Vilnius Regional Court", "LT"),
        ("Cour de cassation, chambre criminelle", "FR"),
    ],
)
def test_bodies(text: str, jurisdiction: str) -> None:
    bodies = find_bodies(text)
    assert bodies, text
    assert bodies[0].jurisdiction == jurisdiction


def test_a_shared_body_name_has_no_jurisdiction() -> None:
    # "Court of Appeal" alone exists in many states: it must not be pinned on one.
    assert find_bodies("the Court of Appeal dismissed the appeal")[0].jurisdiction is None


def test_names_across_scripts() -> None:
    assert name_key("Аблязов") == name_key("Ablyazov") == name_key("Abliazov")
    assert name_key("Мухтар Аблязов") == name_key("Moukhtar Abliazov") == name_key("Mukhtar Ablyazov")
    assert transliterations("Мухтар Аблязов") == ["Mukhtar Ablyazov", "Moukhtar Abliazov"]
    assert transliterations("Ablyazov") == []
