"""Political Terror Scale: yearly 1–5 scores of state violence, coded from three report series.

The CSV from politicalterrorscale.org has one row per country and year since 1976, with the score
from Amnesty International's reports (PTS_A), Human Rights Watch's (PTS_H) and the US State
Department's (PTS_S); ``NA`` where a report was missing or the state did not exist.
"""

from __future__ import annotations

from collections.abc import Mapping

from exwatch.kb.importers.base import Dataset, Layout, Record, Value, number, year_of

_SCALE = "1 (secure rule of law) to 5 (terror reaches the whole population)"
INDICATORS = {
    "PTS_A": f"Political Terror Scale from Amnesty International reports: {_SCALE}",
    "PTS_H": f"Political Terror Scale from Human Rights Watch reports: {_SCALE}",
    "PTS_S": f"Political Terror Scale from US State Department reports: {_SCALE}",
}


def _read(row: Mapping[str, str]) -> Record | None:
    values: dict[str, Value] = {}
    for name in INDICATORS:
        value = number(row.get(name), name)
        if value is not None:
            values[name] = value
    country = row.get("Country", "").strip()
    # The World Bank code is ISO alpha-3 for nearly every state; where it is not (ROM, ZAR, KSV)
    # the name decides. Historic states (Soviet Union, Yugoslavia) carry no code that fits.
    ids = (row.get("WordBank_Code_A", "").strip(), country)
    return Record(country, ids, year_of(row.get("Year"), "Year"), values)


DATASET = Dataset(
    kind="pts",
    title="Political Terror Scale",
    publisher="The Political Terror Scale project (Gibney, Haschke, Arnon, Pisano, Barrett, Park, Barnes)",
    url="https://www.politicalterrorscale.org/",
    citation=(
        "Gibney, M., Haschke, P., Arnon, D., Pisano, A., Barrett, G., Park, B. and Barnes, J., "
        "The Political Terror Scale, politicalterrorscale.org"
    ),
    indicators=INDICATORS,
    layouts=(
        Layout(
            name="pts-csv",
            description="PTS country-year CSV (Country, Year, WordBank_Code_A, PTS_A, PTS_H, PTS_S)",
            required=("Country", "Year", "WordBank_Code_A", "PTS_A", "PTS_H", "PTS_S"),
            read=_read,
        ),
    ),
    # Releases are named after the year they appear, one after the last year scored (PTS-2024 → 2023).
    version=lambda last_year: f"PTS-{last_year + 1}",
    name_pattern=r"PTS[-_ ]?((?:19|20)\d\d)(?!\d)",
    name_format="PTS-{}",
    download_hint="Download the CSV from https://www.politicalterrorscale.org/ (Data → Download).",
)
