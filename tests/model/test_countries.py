from __future__ import annotations

import pytest

from exwatch.errors import CountryError
from exwatch.model.countries import resolve_country

RESOLVED = [
    ("alpha2", "FR", "FR"),
    ("alpha2-lower", "kz", "KZ"),
    ("alpha3", "RUS", "RU"),
    ("iso-name", "Kazakhstan", "KZ"),
    ("common-english", "Russia", "RU"),
    ("everyday-uk", "UK", "GB"),
    ("turkey", "Turkey", "TR"),
    ("turkiye", "Türkiye", "TR"),
    ("kosovo-user-assigned", "Kosovo", "XK"),
    ("extra-spaces", "  United   Kingdom ", "GB"),
]


@pytest.mark.parametrize(("text", "code"), [r[1:] for r in RESOLVED], ids=[r[0] for r in RESOLVED])
def test_names_and_codes_resolve_to_alpha2(text: str, code: str) -> None:
    assert resolve_country(text) == code


REFUSED = [
    ("misspelt", "Kazakstan", "Kazakhstan (KZ)"),
    ("ambiguous", "Korea", "KR"),
    ("typo", "Frnace", "France (FR)"),
    ("nonsense", "Atlantis", "unknown state 'Atlantis'"),
    ("empty", "   ", "a state is required"),
]


@pytest.mark.parametrize(("text", "suggestion"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_unknown_states_fail_with_the_closest_matches(text: str, suggestion: str) -> None:
    with pytest.raises(CountryError) as err:
        resolve_country(text)
    assert suggestion in str(err.value)
