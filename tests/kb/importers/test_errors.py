"""Wrong files are refused before anything is stored, and a file that fails part-way leaves the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from exwatch.errors import InputError, VocabularyError
from exwatch.logic.figures import import_dataset
from exwatch.store.db import Database
from tests.kb.importers.helpers import PTS_HEADER, WriteCsv, count_rows, figures, pts_row, run_import


def test_a_file_of_another_dataset_names_the_missing_columns(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv("pts.csv", [PTS_HEADER, pts_row("Russia", "RUS", 2015, "3", "3", "4")])

    with pytest.raises(InputError) as caught:
        run_import(db, "fh", path)

    message = str(caught.value)
    assert "pts.csv is not a Freedom House, Freedom in the World file" in message
    assert "missing column(s)" in message
    assert "freedomhouse.org" in message
    assert count_rows(db) == (0, 0)


def test_a_pts_file_without_a_score_column_names_it(db: Database, write_csv: WriteCsv) -> None:
    header = [c for c in PTS_HEADER if c != "PTS_H"]
    with pytest.raises(InputError, match=r"missing column\(s\) PTS_H \("):
        run_import(db, "pts", write_csv("pts.csv", [header]))
    assert count_rows(db) == (0, 0)


def test_an_excel_workbook_is_refused_with_what_to_do(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "All_data_FIW_2013-2024.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 64)

    with pytest.raises(InputError, match=r"Excel workbook.*save the data sheet as CSV"):
        run_import(db, "fh", path)


@pytest.mark.parametrize(("name", "content"), [("missing.csv", None), ("empty.csv", b"")], ids=["missing", "empty"])
def test_a_missing_or_empty_file_is_a_clear_error(
    db: Database, tmp_path: Path, name: str, content: bytes | None
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=r"no such file|is empty"):
        run_import(db, "pts", path)
    assert count_rows(db) == (0, 0)


def test_an_unknown_dataset_lists_the_known_ones(db: Database, tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="choose one of pts, vdem, fh"):
        run_import(db, "cirights", tmp_path / "x.csv")


def test_a_bad_cell_part_way_leaves_the_earlier_import_untouched(db: Database, write_csv: WriteCsv) -> None:
    good = write_csv("good.csv", [PTS_HEADER, pts_row("Russia", "RUS", 2013, "4", "3", "4")])
    first = run_import(db, "pts", good)
    rows = [pts_row("Russia", "RUS", year, "5", "5", "5") for year in range(1976, 2013)]
    bad = write_csv("bad.csv", [PTS_HEADER, *rows, pts_row("Russia", "RUS", 2013, "four", "3", "4")])

    with pytest.raises(InputError, match=r"bad.csv, line 39: PTS_A: 'four' is not a number.*nothing was imported"):
        run_import(db, "pts", bad)

    assert count_rows(db) == (1, first.figures)
    assert figures(db, "RU", 2013)["PTS_A"].value == 4.0


def test_a_file_with_no_state_at_all_stores_nothing(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv("pts.csv", [PTS_HEADER, pts_row("Soviet Union", "NA", 1980, "4", "NA", "4")])
    with pytest.raises(InputError, match="no row has a figure for an ISO 3166-1 state"):
        run_import(db, "pts", path)
    assert count_rows(db) == (0, 0)


def test_an_unknown_status_is_refused(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(
        "ratings.csv",
        [["year", "country", "political_rights", "civil_liberties", "status"], ["2015", "Russia", "6", "6", "Unfree"]],
    )
    with pytest.raises(InputError, match="line 2: status: 'Unfree' is not F, PF or NF"):
        run_import(db, "fh", path)


def test_two_names_for_one_state_and_year_keep_the_first_and_say_so(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv(
        "pts.csv",
        [
            PTS_HEADER,
            pts_row("Russia", "RUS", 2015, "3", "3", "4"),
            pts_row("Russian Federation", "NA", 2015, "5", "5", "5"),
        ],
    )
    result = run_import(db, "pts", path)

    assert [(d.name, d.rows) for d in result.duplicates] == [("Russian Federation", 1)]
    assert "first was 'Russia'" in result.duplicates[0].reason
    assert figures(db, "RU", 2015)["PTS_A"].value == 3.0


def test_progress_is_reported_up_to_the_file_size(db: Database, write_csv: WriteCsv) -> None:
    path = write_csv("pts.csv", [PTS_HEADER, *(pts_row("Chile", "CHL", y, "2", "2", "2") for y in range(1976, 2024))])
    calls: list[tuple[int, int]] = []
    with db.transaction() as session:
        import_dataset(session, "pts", path, lambda done, total: calls.append((done, total)))

    size = path.stat().st_size
    assert calls[-1] == (size, size)


def test_a_repeated_row_is_counted_once(db: Database, write_csv: WriteCsv) -> None:
    row = pts_row("Chile", "CHL", 2015, "2", "2", "2")
    result = run_import(db, "pts", write_csv("pts.csv", [PTS_HEADER, row, row]))

    assert (result.records, result.figures) == (1, 3)
    assert [(d.name, d.rows) for d in result.duplicates] == [("Chile", 1)]
