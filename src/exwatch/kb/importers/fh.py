"""Freedom House, Freedom in the World: yearly ratings of political rights and civil liberties.

Two layouts are read, each as CSV (save Freedom House's workbooks as CSV first):

* the "All Data" sheet of the 2013– editions: status, both ratings, the 0–100 total and the
  category and sub-question scores — F2 (due process) and F3 (protection from illegitimate force)
  bear most on extradition. Its ``Edition`` covers the year before, which is the year we store;
* the 1972– history of status and ratings as the ``freedomhouse`` R package exports it
  (``year, country, political_rights, civil_liberties, status``), already by year under review.

Disputed territories that Freedom House rates on their own (Crimea, Abkhazia, Transnistria,
Northern Cyprus, ...) are reported as unmapped rather than folded into a state.
"""

from __future__ import annotations

from collections.abc import Mapping

from exwatch.errors import InputError
from exwatch.kb.importers.base import Dataset, Layout, Record, Value, number, year_of

_STATUS = {"F": "F", "PF": "PF", "NF": "NF", "FREE": "F", "PARTLY FREE": "PF", "PARTIALLY FREE": "PF", "NOT FREE": "NF"}
_RATING = "1 (most free) to 7 (least free)"
_SCORES = {
    "A": "Electoral process (0-12)",
    "B": "Political pluralism and participation (0-16)",
    "C": "Functioning of government (0-12)",
    "D": "Freedom of expression and belief (0-16)",
    "E": "Associational and organizational rights (0-12)",
    "F": "Rule of law (0-16)",
    "F1": "Is there an independent judiciary? (0-4)",
    "F2": "Does due process prevail in civil and criminal matters? (0-4)",
    "F3": "Is there protection from the illegitimate use of physical force and freedom from war "
    "and insurgencies? (0-4)",
    "F4": "Do laws, policies and practices guarantee equal treatment of the population? (0-4)",
    "G": "Personal autonomy and individual rights (0-16)",
}
INDICATORS = {
    "status": "Freedom status: F (free), PF (partly free), NF (not free)",
    "pr_rating": f"Political rights rating, {_RATING}",
    "cl_rating": f"Civil liberties rating, {_RATING}",
    "pr_score": "Political rights score (0-40, higher is freer)",
    "cl_score": "Civil liberties score (0-60, higher is freer)",
    "total_score": "Total score (0-100, higher is freer)",
    **_SCORES,
}
_ALL_DATA_COLUMNS = {"pr_rating": "PR rating", "cl_rating": "CL rating", "pr_score": "PR", "cl_score": "CL"}
_ALL_DATA_COLUMNS |= {"total_score": "Total", **{code: code for code in _SCORES}}


def _status(raw: str | None, where: str) -> str | None:
    text = " ".join((raw or "").split()).upper()
    if not text or text == "NA":
        return None
    if text not in _STATUS:
        raise InputError(f"{where}: {raw!r} is not F, PF or NF (Free, Partly Free, Not Free)")
    return _STATUS[text]


def _add_status(values: dict[str, Value], raw: str | None, where: str) -> None:
    status = _status(raw, where)
    if status is not None:
        values["status"] = status


def _read_all_data(row: Mapping[str, str]) -> Record | None:
    values: dict[str, Value] = {}
    _add_status(values, row.get("Status"), "Status")
    for name, column in _ALL_DATA_COLUMNS.items():
        value = number(row.get(column), column)
        if value is not None:
            values[name] = value
    name = row.get("Country/Territory", "").strip()
    return Record(name, (name,), year_of(row.get("Edition"), "Edition") - 1, values)


def _read_ratings(row: Mapping[str, str]) -> Record | None:
    values: dict[str, Value] = {}
    _add_status(values, row.get("status"), "status")
    for name, column in (("pr_rating", "political_rights"), ("cl_rating", "civil_liberties")):
        value = number(row.get(column), column)
        if value is not None:
            values[name] = value
    name = row.get("country", "").strip()
    # Only the name: this export gives the USSR the code RU and both Germanys DE, which would
    # attribute a predecessor's record (and two rows a year) to today's state.
    return Record(name, (name,), year_of(row.get("year"), "year"), values)


DATASET = Dataset(
    kind="fh",
    title="Freedom House, Freedom in the World",
    publisher="Freedom House",
    url="https://freedomhouse.org/report/freedom-world",
    citation="Freedom House, Freedom in the World (annual report and data)",
    indicators=INDICATORS,
    layouts=(
        Layout(
            name="fiw-all-data",
            description="Freedom in the World 'All Data' sheet (Country/Territory, Edition, Status, PR rating, "
            "CL rating, PR, CL, Total, A1..G4)",
            required=("Country/Territory", "Edition", "Status", "PR rating", "CL rating", "PR", "CL", "Total"),
            read=_read_all_data,
        ),
        Layout(
            name="fiw-ratings",
            description="Freedom in the World ratings history (year, country, political_rights, civil_liberties, "
            "status)",
            required=("year", "country", "political_rights", "civil_liberties", "status"),
            read=_read_ratings,
        ),
    ),
    # Editions are named after the year they appear, one after the year under review.
    version=lambda last_year: f"FIW {last_year + 1}",
    download_hint="Download 'All Data' from https://freedomhouse.org/report/freedom-world and save it as CSV.",
)
