"""V-Dem: the real v14 country-year subset (one import per test: it holds over 200,000 figures)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from exwatch.errors import InputError
from exwatch.store.db import Database
from tests.kb.importers.helpers import WriteCsv, count_rows, figures, run_import

VDEM_FILE = "vdem/vdem_v14_physint_1970_2023.csv"


def test_the_real_file_gives_the_torture_and_judiciary_indices(db: Database, data_file: Callable[[str], Path]) -> None:
    result = run_import(db, "vdem", data_file(VDEM_FILE))

    assert (result.layout, result.version, result.first_year, result.last_year) == (
        "vdem-country-year",
        "v14",
        1970,
        2023,
    )
    assert result.states >= 170
    # Read from the file: "Kazakhstan,KAZ,121,2014,1.0,0.233,0.112,0.49,0.518,-0.59,..."
    kz = figures(db, "KZ", 2014, "vdem")
    assert (kz["v2x_clphy"].value, kz["v2cltort"].value, kz["v2x_polyarchy"].value) == (0.518, -0.59, 0.233)
    assert kz["v2cltort"].source.title == "V-Dem Country-Year dataset"
    # "Russia,RUS,11,2015,...,0.371,-0.264,..."
    ru = figures(db, "Russian Federation", 2015, "vdem")
    assert (ru["v2x_clphy"].value, ru["v2cltort"].value, ru["v2juhcind"].value) == (0.371, -0.264, -2.312)
    # V-Dem's own units (XKX Kosovo) map by name; units with no ISO state are reported.
    assert figures(db, "XK", 2020, "vdem")["v2x_clphy"].year == 2020
    unmapped = {item.name for item in result.unmapped}
    assert {"German Democratic Republic", "Zanzibar", "Somaliland", "Palestine/Gaza"} <= unmapped
    # The region code is not an indicator and is not imported.
    assert "e_regionpol_6C" not in kz


def test_the_gleditsch_ward_subset_is_refused_with_the_columns_it_lacks(
    db: Database, data_file: Callable[[str], Path]
) -> None:
    with pytest.raises(InputError, match="missing column") as caught:
        run_import(db, "vdem", data_file("vdem/vdem_v12_physint_subset.csv"))

    assert "country_name, country_text_id" in str(caught.value)
    assert count_rows(db) == (0, 0)


def test_a_subset_without_any_known_indicator_is_refused(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(
        "vdem.csv", [["country_name", "country_text_id", "year", "v2elvotbuy"], ["Mexico", "MEX", "1970", "1"]]
    )

    with pytest.raises(InputError, match=r"at least one of v2x_regime, v2x_polyarchy"):
        run_import(db, "vdem", path)
    assert count_rows(db) == (0, 0)


def test_r_style_years_and_na_cells_are_read(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(
        "vdem.csv",
        [
            ["country_name", "country_text_id", "year", "v2cltort", "v2x_clphy"],
            ["Kazakhstan", "KAZ", "2020.0", "-0.5", "NA"],
            ["Kazakhstan", "KAZ", "2021.0", "", "0.6"],
        ],
    )
    result = run_import(db, "vdem", path, version="v14-test")

    kz = figures(db, "KZ", 2023)
    assert (kz["v2cltort"].year, kz["v2x_clphy"].year, result.figures) == (2020, 2021, 2)
    assert kz["v2cltort"].source.version == "v14-test"


@pytest.mark.parametrize(
    ("name", "version"),
    [("V-Dem-CY-Full+Others-v13.csv", "v13"), ("vdem_v12_subset.csv", "v12"), ("vdem.csv", "v12")],
)
def test_the_release_is_read_from_the_file_name_else_from_the_years(
    db: Database, write_csv: WriteCsv, name: str, version: str
) -> None:
    path = write_csv(name, [["country_name", "country_text_id", "year", "v2cltort"], ["Chile", "CHL", "2021", "1.2"]])
    assert run_import(db, "vdem", path).version == version
