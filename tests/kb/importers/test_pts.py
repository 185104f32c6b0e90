"""Political Terror Scale: the real PTS-2024 file, and small files in its layout (cp1252, NA markers)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exwatch.store.db import Database
from tests.kb.importers.helpers import PTS_HEADER, WriteCsv, count_rows, figures, pts_row, run_import

PTS_FILE = "pts/PTS-2024.csv"


def test_the_real_file_gives_each_states_scores_by_year(db: Database, data_file: Callable[[str], Path]) -> None:
    result = run_import(db, "pts", data_file(PTS_FILE))

    assert (result.layout, result.version) == ("pts-csv", "PTS-2024")
    assert (result.first_year, result.last_year) == (1976, 2023)
    assert result.states >= 190
    assert result.records > 8000
    # Read from the file: "Kazakhstan,...,2015,KZK,705,KAZ,398,eca,2,3,3"
    kz = figures(db, "KZ", 2015, "pts")
    assert {name: f.value for name, f in kz.items()} == {"PTS_A": 2.0, "PTS_H": 3.0, "PTS_S": 3.0}
    assert kz["PTS_A"].source.title == "Political Terror Scale"
    assert kz["PTS_A"].source.version == "PTS-2024"
    assert kz["PTS_A"].source.sha256 == result.sha256
    # The file is cp1252: "T\xfcrkiye,Turkey,2016,TUR,...,4,4,5"
    assert figures(db, "TR", 2016, "pts")["PTS_S"].value == 5.0


def test_historic_and_disputed_units_are_reported_not_moved_to_a_successor(
    db: Database, data_file: Callable[[str], Path]
) -> None:
    result = run_import(db, "pts", data_file(PTS_FILE))

    unmapped = {item.name: item for item in result.unmapped}
    assert {"Soviet Union", "Yugoslavia, Socialist Federal Republic of", "Czechoslovakia"} <= set(unmapped)
    assert (unmapped["Soviet Union"].first_year, unmapped["Soviet Union"].last_year) == (1976, 1991)
    assert {"Crimea", "Russia-Occupied Areas (Ukraine)"} <= set(unmapped)
    # Russia's series starts with the Russian Federation's own rows, not the Soviet Union's.
    assert figures(db, "RU", 1990, "pts") == {}
    assert result.duplicates == []


def test_importing_the_same_release_twice_changes_nothing(db: Database, data_file: Callable[[str], Path]) -> None:
    first = run_import(db, "pts", data_file(PTS_FILE))
    stored = count_rows(db)
    again = run_import(db, "pts", data_file(PTS_FILE))

    assert count_rows(db) == stored == (1, first.figures)
    assert again.replaced == first.figures
    assert figures(db, "KZ", 2015, "pts")["PTS_A"].value == 2.0


def test_a_missing_score_falls_back_to_the_latest_earlier_year(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(
        "pts.csv",
        [
            PTS_HEADER,
            pts_row("Kazakhstan", "KAZ", 2012, "3", "NA", "3"),
            pts_row("Kazakhstan", "KAZ", 2013, "NA", "3", "3"),
            pts_row("T\u00fcrkiye", "TUR", 2013, "3", "3", "3"),
        ],
        encoding="cp1252",
    )
    result = run_import(db, "pts", path)

    kz = figures(db, "Kazakhstan", 2013)
    assert (kz["PTS_A"].year, kz["PTS_A"].value) == (2012, 3.0)
    assert (kz["PTS_H"].year, kz["PTS_S"].year) == (2013, 2013)
    assert (result.records, result.figures, result.states, result.version) == (3, 7, 2, "PTS-2014")
    assert figures(db, "KZ", 2011) == {}


def test_a_new_release_sits_beside_the_old_and_the_newest_import_wins(db: Database, write_csv: WriteCsv) -> None:
    old = write_csv("old.csv", [PTS_HEADER, pts_row("Russia", "RUS", 2013, "3", "NA", "4")])
    new = write_csv(
        "new.csv",
        [PTS_HEADER, pts_row("Russia", "RUS", 2013, "4", "NA", "4"), pts_row("Russia", "RUS", 2014, "4", "4", "4")],
    )
    run_import(db, "pts", old)
    run_import(db, "pts", new)

    assert count_rows(db)[0] == 2
    ru = figures(db, "RU", 2013)
    assert (ru["PTS_A"].value, ru["PTS_A"].source.version) == (4.0, "PTS-2015")
