"""Golden table: levels derived from the shipped evidence, with the findings that produce them.

If a row changes, either the data or the rules changed: check which, and update the row only if
the new result is right (these rows are derived, never typed in to match a wish).
"""

from __future__ import annotations

import datetime as dt

import pytest

from exwatch.kb.evidence import levels_over_time, load_evidence, risk_levels

SEED_DAY = dt.date(2015, 5, 25)  # the seed case: Lyon approval upheld, decree pending
RESEARCH_DAY = dt.date(2026, 11, 29)  # the day the evidence was collected
GOLDEN = [
    # state, as of, aspect, group, level, findings that must be among those producing it
    ("KZ", SEED_DAY, "torture", None, "high", {"kz-ecthr-kaboulov-2009"}),
    ("KZ", SEED_DAY, "torture", "political_opponents", "high", {"kz-ecthr-kaboulov-2009", "kz-ecthr-baysakov-2010"}),
    ("KZ", SEED_DAY, "fair_trial", None, "unknown", set()),
    ("KZ", RESEARCH_DAY, "torture", None, "elevated", {"kz-ecthr-amerkhanov-2018", "kz-ecthr-kunshugarov-2025"}),
    ("KZ", RESEARCH_DAY, "fair_trial", "political_opponents", "elevated", {"kz-fr-ce-ablyazov-2016"}),
    ("RU", SEED_DAY, "torture", None, "elevated", {"ru-cat-co5-2012"}),
    ("RU", SEED_DAY, "fair_trial", None, "elevated", {"ru-ie-nss-2015"}),
    ("RU", RESEARCH_DAY, "torture", None, "high", {"ru-cat-co6-2018", "ru-sr-a79508-2024"}),
    ("RU", RESEARCH_DAY, "fair_trial", "political_opponents", "high", {"ru-sr-a79508-2024", "ru-pace-2509-2023"}),
    ("UA", SEED_DAY, "torture", None, "low", {"ua-cat-co6-2014"}),
    ("TM", SEED_DAY, "torture", None, "high", {"tm-ecthr-soldatenko-2008"}),
    ("KG", dt.date(2020, 1, 1), "torture", "ethnic_minorities", "high", {"kg-ecthr-un-v-russia-2016"}),
    ("KG", RESEARCH_DAY, "torture", "ethnic_minorities", "low", {"kg-ecthr-khasanov-rakhmanov-2022"}),
    ("UZ", SEED_DAY, "torture", None, "elevated", {"uz-cat-co4-2013"}),  # Abdulkhakov (a reserved item) removed
    ("AZ", RESEARCH_DAY, "fair_trial", "political_opponents", "high", {"az-pace-2322-2020"}),
    ("RW", RESEARCH_DAY, "fair_trial", None, "elevated", {"rw-ewhc-nteziryayo-2017"}),
    ("VE", RESEARCH_DAY, "torture", None, "high", {"ve-ffm-2020", "ve-an-pleno-2019"}),
]


@pytest.mark.parametrize(
    ("state", "as_of", "aspect", "group", "level", "because"),
    GOLDEN,
    ids=[f"{s}-{d}-{a}-{g or 'any'}-{lvl}" for s, d, a, g, lvl, _ in GOLDEN],
)
def test_golden_levels(
    state: str, as_of: dt.date, aspect: str, group: str | None, level: str, because: set[str]
) -> None:
    assessment = risk_levels(state, as_of)
    result = assessment.level_for(aspect, [group] if group else [])
    assert result.level == level, [r.text for r in result.reasons]
    assert because <= set(result.evidence)


def test_kazakhstan_2015_names_the_ecthr_rule() -> None:
    result = risk_levels("KZ", SEED_DAY).torture
    decisive = [r for r in result.reasons if r.rule == "ecthr-real-risk"]
    assert decisive
    assert decisive[0].evidence == ("kz-ecthr-kaboulov-2009",)
    assert "Saadi" in decisive[0].text


def test_unverified_rows_never_change_shipped_levels() -> None:
    evidence = load_evidence()
    for state in sorted({r.state for r in evidence.all()}):
        everything = evidence.of_state(state)
        verified_only = [r for r in everything if r.verified]
        for as_of in (dt.date(2010, 1, 1), SEED_DAY, dt.date(2020, 6, 30), RESEARCH_DAY):
            full, lean = risk_levels(state, as_of, everything), risk_levels(state, as_of, verified_only)
            for aspect in ("torture", "fair_trial"):
                assert full.level_for(aspect).level == lean.level_for(aspect).level, (state, as_of, aspect)
                for group, level in full.by_group[aspect].items():
                    assert level.level == lean.by_group[aspect][group].level, (state, as_of, aspect, group)


def test_kyrgyzstan_over_time_rises_then_falls_after_the_grand_chamber() -> None:
    changes = [
        c
        for c in levels_over_time("KG", dt.date(2010, 1, 1), RESEARCH_DAY, group="ethnic_minorities")
        if c.aspect == "torture"
    ]
    assert changes[0].before is None
    assert changes[0].after == "unknown"
    # After the June 2010 events in the south: the UN human rights office's statement on torture of detained Uzbeks
    # (4 points, elevated), then Human Rights Watch's report (a second body: 6 points from 2 bodies, high).
    rise, high = changes[1], changes[2]
    assert (rise.date, rise.after, rise.added) == (dt.date(2010, 7, 20), "elevated", ("kg-ohchr-south-2010",))
    assert (high.date, high.after) == (dt.date(2010, 8, 16), "high")
    # The Human Rights Committee's views in Valetov (17 March 2014) keep it high once the 2010 findings age.
    in_2019 = risk_levels("KG", dt.date(2019, 1, 1)).by_group["torture"]["ethnic_minorities"]
    assert in_2019.level == "high"
    assert "kg-hrc-valetov-2014" in in_2019.evidence
    # The Grand Chamber (29 April 2022) replaces the Court's own earlier findings at once, but the Human Rights
    # Committee's 2014 views keep the level high until their ten-year window ends.
    after_gc = risk_levels("KG", dt.date(2022, 5, 1)).by_group["torture"]["ethnic_minorities"]
    assert {"kg-ecthr-un-v-russia-2016", "kg-ecthr-gayratbek-saliyev-2014"} <= set(after_gc.superseded)
    assert after_gc.level == "high"
    fall = changes[-1]
    assert (fall.date, fall.before, fall.after, fall.removed) == (
        dt.date(2024, 3, 17),
        "high",
        "low",
        ("kg-hrc-valetov-2014",),
    )


def test_timeline_reports_no_change_without_evidence() -> None:
    changes = levels_over_time("KZ", dt.date(1990, 1, 1), dt.date(1995, 1, 1))
    assert [(c.aspect, c.after) for c in changes] == [("torture", "unknown"), ("fair_trial", "unknown")]
