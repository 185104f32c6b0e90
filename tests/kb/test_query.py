"""Golden answers of the time-aware queries, as the seed case and its later history need them."""

from __future__ import annotations

import datetime as dt

import pytest

from exwatch.kb import Knowledge, links_at, links_from, members_at, membership, parties_at

D = dt.date

PARTIES = [
    # (instrument, date, must include, must exclude)
    ("minsk-1993", D(2015, 5, 25), {"RU", "UA", "KZ"}, set()),
    ("minsk-1993", D(2023, 12, 28), {"UA", "RU", "KZ"}, set()),
    ("minsk-1993", D(2023, 12, 29), {"RU", "KZ"}, {"UA"}),
    ("minsk-1993", D(2024, 6, 1), {"RU", "KZ", "BY"}, {"UA"}),
    ("ets-24", D(2015, 5, 25), {"FR", "RU", "UA", "IT", "GB"}, {"KZ"}),
    ("ets-24", D(2025, 6, 1), {"FR", "RU"}, {"KZ"}),
    ("ets-24", D(1980, 1, 1), {"DE", "GR", "IL"}, {"FR", "RU", "KZ"}),
    ("chisinau-2002", D(2015, 5, 25), {"KZ", "BY", "KG"}, {"RU", "UA"}),
    ("cat", D(2015, 5, 25), {"RU", "KZ", "UA", "FR"}, set()),
    ("iccpr", D(2015, 5, 25), {"RU", "KZ", "UA", "FR", "US"}, {"CN"}),
]


@pytest.mark.parametrize(
    ("instrument", "on", "included", "excluded"),
    PARTIES,
    ids=[f"{i}@{d}" for i, d, _, _ in PARTIES],
)
def test_parties_at(kb: Knowledge, instrument: str, on: dt.date, included: set[str], excluded: set[str]) -> None:
    parties = parties_at(instrument, on, kb)
    assert included <= parties, f"missing {included - parties}"
    assert not excluded & parties, f"unexpected {excluded & parties}"


def test_kazakhstan_never_party_to_ets24(kb: Knowledge) -> None:
    for year in range(1960, 2027):
        assert "KZ" not in parties_at("ets-24", D(year, 6, 30), kb)


def test_unknown_instrument_is_refused(kb: Knowledge) -> None:
    with pytest.raises(KeyError, match="unknown instrument"):
        parties_at("minsk-1992", D(2015, 1, 1), kb)


MEMBERS = [
    ("coe", "RU", D(2021, 1, 1), True),
    ("coe", "RU", D(2022, 3, 15), True),
    ("coe", "RU", D(2022, 3, 16), False),
    ("coe", "RU", D(2022, 4, 1), False),
    ("coe", "RU", D(1995, 1, 1), False),
    ("coe", "FR", D(2015, 5, 25), True),
    ("coe", "KZ", D(2015, 5, 25), False),
    ("eu", "GB", D(2019, 6, 1), True),
    ("eu", "GB", D(2021, 6, 1), False),
    ("cis", "GE", D(2005, 1, 1), True),
    ("cis", "GE", D(2010, 1, 1), False),
]


@pytest.mark.parametrize(("org", "state", "on", "member"), MEMBERS, ids=[f"{o}-{s}@{d}" for o, s, d, _ in MEMBERS])
def test_membership(kb: Knowledge, org: str, state: str, on: dt.date, member: bool) -> None:
    assert (membership(org, state, on, kb) is not None) is member
    assert (state in members_at(org, on, kb)) is member


def _bases(kb: Knowledge, origin: str, destination: str, on: dt.date) -> set[str]:
    return {link.basis for link in links_from(origin, on, kb) if link.destination == destination}


def test_seed_case_links_to_kazakhstan_in_2015(kb: Knowledge) -> None:
    on = D(2015, 5, 25)
    assert "minsk-1993" in _bases(kb, "RU", "KZ", on)
    assert "minsk-1993" in _bases(kb, "UA", "KZ", on)
    # France and Russia (and France and Ukraine) are linked by ETS 24; France and Kazakhstan by nothing.
    assert "ets-24" in _bases(kb, "FR", "RU", on)
    assert "ets-24" in _bases(kb, "FR", "UA", on)
    assert _bases(kb, "FR", "KZ", on) == set()


def test_links_carry_sources_and_follow_time(kb: Knowledge) -> None:
    link = next(
        li for li in links_at(D(2015, 5, 25), kb) if (li.origin, li.destination, li.basis) == ("UA", "KZ", "minsk-1993")
    )
    assert link.kind == "multilateral"
    assert link.sources
    assert all(c.url.startswith("http") for c in link.sources)
    # Ukraine suspended the Convention towards Russia from 23 December 2022 and left it in 2023.
    assert "minsk-1993" not in _bases(kb, "UA", "RU", D(2023, 1, 15))
    assert "minsk-1993" in _bases(kb, "UA", "KZ", D(2023, 1, 15))
    assert "minsk-1993" not in _bases(kb, "UA", "KZ", D(2024, 6, 1))


def test_chisinau_displaces_minsk_between_its_parties(kb: Knowledge) -> None:
    on = D(2015, 5, 25)
    assert _bases(kb, "KZ", "KG", on) >= {"chisinau-2002", "kz-kg-1997"}
    assert "minsk-1993" not in _bases(kb, "KZ", "KG", on)
    assert "minsk-1993" in _bases(kb, "KZ", "RU", on)  # Russia never ratified Chisinau


def test_practice_links_appear_only_after_the_event(kb: Knowledge) -> None:
    assert "it-kz-2013-shalabayeva" not in _bases(kb, "IT", "KZ", D(2013, 5, 30))
    # Expelled on 31 May 2013, but documented only from the first report the knowledge base holds (Reuters,
    # 13 July 2013): a practice link is known from its earliest source, not from the transfer's own date.
    assert "it-kz-2013-shalabayeva" not in _bases(kb, "IT", "KZ", D(2013, 6, 1))
    assert "it-kz-2013-shalabayeva" not in _bases(kb, "IT", "KZ", D(2013, 7, 12))
    assert "it-kz-2013-shalabayeva" in _bases(kb, "IT", "KZ", D(2013, 7, 13))
    # A refused extradition is evidence of an attempt, never a link.
    assert "fr-ru-2016-ablyazov" not in _bases(kb, "FR", "RU", D(2020, 1, 1))


def test_bilateral_treaty_links_start_at_entry_into_force(kb: Knowledge) -> None:
    assert "cn-fr-2007" not in _bases(kb, "FR", "CN", D(2015, 7, 16))
    assert "cn-fr-2007" in _bases(kb, "FR", "CN", D(2015, 7, 17))
    assert "kz-rs-2016" not in _bases(kb, "RS", "KZ", D(2024, 1, 1))  # signed only
