"""Print a first draft of parties/cat.yaml or parties/iccpr.yaml from the GGO (manytreaties) extract.

Used once to bootstrap the party lists; the YAML files are curated by hand afterwards
(declarations, corrections), so this script prints to stdout and never overwrites them.
Every row is marked unverified: the dataset is a secondary compilation of UNTC records.

Run: .venv/bin/python scripts/kb_ggo_bootstrap.py cat ../shared/data/manytreaties_ggo/ggo_parties_cat_iccpr_cpt.csv
"""

from __future__ import annotations

import csv
import sys

import pycountry

TREATY = {"cat": "TCIDTP_1984A", "iccpr": "ICCPR_1966A"}
ODD_CODES = {"ALG": "DZ"}  # the dataset's one non-ISO alpha-3 code


def alpha2(code: str) -> str:
    if code in ODD_CODES:
        return ODD_CODES[code]
    return str(pycountry.countries.get(alpha_3=code).alpha_2)


def main(instrument: str, path: str) -> None:
    seen: dict[str, dict[str, str]] = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["treatyID"] == TREATY[instrument]:
                seen.setdefault(alpha2(row["stateID"]), row)  # the extract repeats a few rows
    print(f"version: 1\ninstrument: {instrument}\nas_of: 2022\ncomplete: true")
    print("parties:")
    first = True
    for code in sorted(seen):
        row = seen[code]
        print(f"  - state: {code}")
        for field, column in (
            ("signed", "StateSignature"),
            ("ratified", "StateRatification"),
            ("in_force", "StateForce"),
        ):
            if row[column] not in ("<NA>", "", "nan"):
                print(f"    {field}: {row[column]}")
        if first:
            print("    sources: &ggo\n      - doc: ggo-manytreaties\n        verified: false")
            print("        note: dates from the GGO compilation of UNTC records; re-check on treaties.un.org")
            first = False
        else:
            print("    sources: *ggo")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
