"""V-Dem (Varieties of Democracy): expert-coded indices of civil liberties, the rule of law and the courts.

Accepts the institute's country-year CSV (all of it, several hundred megabytes, or any subset
that keeps ``country_name``, ``country_text_id`` and ``year``) and takes the indicators below
that bear on torture, political violence and fair trial; the other thousands of columns are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping

from exwatch.kb.importers.base import Dataset, Layout, Record, Value, number, year_of

_UNIT = "0 to 1, higher is better"
_LATENT = "latent scale, about -3 to +3, higher is better"
INDICATORS = {
    "v2x_regime": "Regimes of the World: 0 closed autocracy, 1 electoral autocracy, 2 electoral "
    "democracy, 3 liberal democracy",
    "v2x_polyarchy": f"Electoral democracy index ({_UNIT})",
    "v2x_libdem": f"Liberal democracy index ({_UNIT})",
    "v2x_civlib": f"Civil liberties index ({_UNIT})",
    "v2x_clphy": f"Physical violence index: freedom from torture and political killings ({_UNIT})",
    "v2cltort": f"Freedom from torture ({_LATENT})",
    "v2clkill": f"Freedom from political killings ({_LATENT})",
    "v2x_clpol": f"Political civil liberties index ({_UNIT})",
    "v2x_clpriv": f"Private civil liberties index ({_UNIT})",
    "v2x_rule": f"Rule of law index ({_UNIT})",
    "v2xcl_rol": f"Equality before the law and individual liberty index ({_UNIT})",
    "v2xcl_acjst": f"Access to justice ({_UNIT})",
    "v2clrspct": f"Rigorous and impartial public administration ({_LATENT})",
    "v2cltrnslw": f"Transparent laws with predictable enforcement ({_LATENT})",
    "v2juhcind": f"High court independence ({_LATENT})",
    "v2juncind": f"Lower court independence ({_LATENT})",
    "v2jucomp": f"Compliance with the judiciary ({_LATENT})",
    "v2x_jucon": f"Judicial constraints on the executive index ({_UNIT})",
    "v2csreprss": f"Civil society repression: higher means less repression ({_LATENT})",
    "v2x_freexp_altinf": f"Freedom of expression and alternative sources of information index ({_UNIT})",
    "v2xcl_dmove": f"Freedom of domestic movement ({_UNIT})",
    "v2clfmove": f"Freedom of foreign movement ({_LATENT})",
    "v2x_corr": "Political corruption index (0 to 1, higher is MORE corrupt)",
    "v2xcs_ccsi": f"Core civil society index ({_UNIT})",
}


def _read(row: Mapping[str, str]) -> Record | None:
    values: dict[str, Value] = {}
    for name in INDICATORS:
        value = number(row.get(name), name)
        if value is not None:
            values[name] = value
    name = row.get("country_name", "").strip()
    # country_text_id is ISO alpha-3 except for V-Dem's own units (XKX Kosovo, PSG Gaza, ZZB
    # Zanzibar, DDR, YMD); V-Dem continues the USSR as Russia and Yugoslavia as Serbia, and so do we.
    return Record(name, (row.get("country_text_id", "").strip(), name), year_of(row.get("year"), "year"), values)


DATASET = Dataset(
    kind="vdem",
    title="V-Dem Country-Year dataset",
    publisher="Varieties of Democracy (V-Dem) Institute, University of Gothenburg",
    url="https://www.v-dem.net/data/the-v-dem-dataset/",
    citation="Coppedge, M. et al., V-Dem Country-Year Dataset, Varieties of Democracy (V-Dem) Project",
    indicators=INDICATORS,
    layouts=(
        Layout(
            name="vdem-country-year",
            description="V-Dem country-year CSV (country_name, country_text_id, year, then indicator columns)",
            required=("country_name", "country_text_id", "year"),
            read=_read,
            any_of=tuple(INDICATORS),
        ),
    ),
    # V-Dem v14 (2024) covers years to 2023, v13 to 2022: the version is the last year minus 2009.
    version=lambda last_year: f"v{last_year - 2009}",
    name_pattern=r"(?<![a-z0-9])v(\d{1,2})(?!\d)",
    name_format="v{}",
    download_hint="Download the Country-Year CSV from https://www.v-dem.net/data/the-v-dem-dataset/.",
)
