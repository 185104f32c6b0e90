"""Freedom House: the 'All Data' sheet of the 2013-2024 editions, and the 1972- ratings history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from exwatch.store.db import Database
from tests.kb.importers.helpers import WriteCsv, count_rows, figures, run_import

ALL_DATA = "freedom_house/fiw_all_data_2013_2024_editions.csv"
RATINGS = "freedom_house/country_rating_status.csv"


def test_all_data_gives_status_scores_and_due_process_by_year_under_review(
    db: Database, data_file: Callable[[str], Path]
) -> None:
    result = run_import(db, "fh", data_file(ALL_DATA))

    assert (result.layout, result.version, result.first_year, result.last_year) == (
        "fiw-all-data",
        "FIW 2024",
        2012,
        2023,
    )
    # Read from the file, edition 2016 (= year 2015): "Kazakhstan,Eurasia,c,2016,NF,6,5,...,F1..F4 = 1,1,1,1,...,18,24"
    kz = figures(db, "KZ", 2015, "fh")
    assert (kz["status"].value, kz["total_score"].value, kz["pr_rating"].value, kz["cl_rating"].value) == (
        "NF",
        24.0,
        6.0,
        5.0,
    )
    assert (kz["F2"].value, kz["F3"].value, kz["status"].year) == (1.0, 1.0, 2015)
    assert kz["status"].source.url == "https://freedomhouse.org/report/freedom-world"
    # "Ukraine,Eurasia,c,2016,PF,3,3,...,36,61": Crimea's own row (NF, 9) is not Ukraine's.
    ua = figures(db, "UA", 2015, "fh")
    assert (ua["status"].value, ua["total_score"].value) == ("PF", 61.0)
    unmapped = {item.name for item in result.unmapped}
    assert {"Crimea", "Abkhazia", "Transnistria", "Northern Cyprus", "Eastern Donbas"} <= unmapped


def test_the_ratings_history_keeps_the_ussr_apart_from_russia(db: Database, data_file: Callable[[str], Path]) -> None:
    result = run_import(db, "fh", data_file(RATINGS))

    assert (result.layout, result.first_year, result.last_year) == ("fiw-ratings", 1972, 2023)
    # "1991,Russia,RU,RUS,Europe,3,3,Partially Free" but "1990,USSR,RU,RUS,Europe,5,4,Partially Free"
    assert figures(db, "RU", 1990, "fh") == {}
    ru = figures(db, "RU", 1991, "fh")
    assert (ru["status"].value, ru["pr_rating"].value, ru["cl_rating"].value) == ("PF", 3.0, 3.0)
    unmapped = {item.name: item for item in result.unmapped}
    assert {"USSR", "Yugoslavia", "Czechoslovakia", "Germany, E.", "Serbia and Montenegro"} <= set(unmapped)
    assert (unmapped["USSR"].first_year, unmapped["USSR"].last_year) == (1972, 1990)
    assert result.duplicates == []


def test_both_layouts_coexist_and_reimporting_one_replaces_only_it(
    db: Database, data_file: Callable[[str], Path]
) -> None:
    all_data = run_import(db, "fh", data_file(ALL_DATA))
    ratings = run_import(db, "fh", data_file(RATINGS))
    again = run_import(db, "fh", data_file(ALL_DATA))

    assert count_rows(db) == (2, all_data.figures + ratings.figures)
    assert again.replaced == all_data.figures
    assert figures(db, "KZ", 2015, "fh")["total_score"].value == 24.0


def test_a_title_row_above_the_header_is_skipped(db: Database, write_csv: WriteCsv) -> None:
    header = ["Country/Territory", "Region", "C/T", "Edition", "Status", "PR rating", "CL rating", "PR", "CL", "Total"]
    path = write_csv(
        "fiw.csv",
        [
            ["Freedom in the World 2013-2024 Raw Data", *[""] * 9],
            header,
            ["Kazakhstan", "Eurasia", "c", "2024", "NF", "7", "5", "5", "18", "23"],
            ["Congo (Kinshasa)", "Africa", "c", "2024", "NF", "7", "6", "4", "15", "19"],
        ],
    )
    result = run_import(db, "fh", path)

    assert (result.records, result.version) == (2, "FIW 2024")
    assert figures(db, "CD", 2023, "fh")["total_score"].value == 19.0
    assert figures(db, "KZ", 2023, "fh")["status"].value == "NF"
