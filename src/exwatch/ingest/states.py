"""Gazetteer of states: names and adjectives in English, French and Russian → ISO 3166-1 alpha-2.

English names come from pycountry (the same register the case model resolves against); adjectives,
the French names and the Russian stems (declined forms: Россия, России, Россией, российской) are
listed here for the states that appear in extradition practice. Matching is case-sensitive for
names, so "Chad" the name and "chad" the word, or "Jordan" in a surname context, stay rare.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

# code: English adjectives / extra names | French names and adjectives | Russian stems (regex, \w* added)
_TABLE: dict[str, tuple[str, str, str]] = {
    "RU": ("Russian|Russia|Russian Federation", "Russie|russe|russes|Fédération de Russie", "Росси|Российск|российск"),
    "KZ": (
        "Kazakh|Kazakhstani",
        "Kazakhstan|kazakh|kazakhe|kazakhs|kazakhes|kazakhstanais",
        "Казахстан|казахстанск|казахск",
    ),
    "UA": ("Ukrainian|Ukraine", "Ukraine|ukrainien|ukrainienne|ukrainiens|ukrainiennes", "Украин|украинск"),
    "FR": ("French", "France|français|française|françaises", "Франци|французск"),
    "UZ": ("Uzbek|Uzbekistani", "Ouzbékistan|ouzbek|ouzbèke|ouzbeks|ouzbèkes", "Узбекистан|узбекск"),
    "TJ": ("Tajik|Tajikistani|Tadjik", "Tadjikistan|tadjik|tadjike|tadjiks", "Таджикистан|таджикск"),
    "KG": (
        "Kyrgyz|Kirghiz|Kyrgyzstan|Kirgizia",
        "Kirghizistan|kirghize|kirghizes",
        "Кыргызстан|Киргизи|киргизск|кыргызск",
    ),
    "TM": ("Turkmen|Turkmenistani", "Turkménistan|turkmène|turkmènes", "Туркмени|туркменск"),
    "BY": (
        "Belarusian|Belarussian|Byelorussian|Belarus",
        "Biélorussie|Bélarus|biélorusse|biélorusses",
        "Беларус|Белорусси|белорусск",
    ),
    "AZ": ("Azerbaijani|Azeri", "Azerbaïdjan|azerbaïdjanais|azerbaïdjanaise", "Азербайджан|азербайджанск"),
    "AM": ("Armenian", "Arménie|arménien|arménienne", "Армени|армянск"),
    "GE": ("Georgian", "Géorgie|géorgien|géorgienne", "Грузи|грузинск"),
    "MD": ("Moldovan|Moldavian", "Moldavie|moldave", "Молдов|Молдави|молдавск"),
    "DE": ("German", "Allemagne|allemand|allemande", "Германи|ФРГ|немецк"),
    "GB": (
        "British|United Kingdom|UK",
        "Royaume-Uni|britannique|britanniques",
        "Великобритани|британск|Соединённом Королевстве",
    ),
    "US": (
        "American|United States|US|USA|United States of America",
        "États-Unis|Etats-Unis|américain|américaine",
        "США|Соединённых Штат|Соединенных Штат|американск",
    ),
    "ES": ("Spanish", "Espagne|espagnol|espagnole", "Испани|испанск"),
    "IT": ("Italian", "Italie|italien|italienne", "Итали|итальянск"),
    "BE": ("Belgian", "Belgique|belge|belges", "Бельги|бельгийск"),
    "SE": ("Swedish", "Suède|suédois|suédoise", "Швеци|шведск"),
    "AT": ("Austrian", "Autriche|autrichien|autrichienne", "Австри|австрийск"),
    "LV": ("Latvian", "Lettonie|letton|lettone", "Латви|латвийск"),
    "LT": ("Lithuanian", "Lituanie|lituanien|lituanienne", "Литв|литовск"),
    "EE": ("Estonian", "Estonie|estonien|estonienne", "Эстони|эстонск"),
    "PL": ("Polish", "Pologne|polonais|polonaise", "Польш|польск"),
    "CZ": ("Czech|Czech Republic|Czechia", "Tchéquie|République tchèque|tchèque", "Чехи|чешск"),
    "GR": ("Greek|Hellenic", "Grèce|grec|grecque", "Греци|греческ"),
    "CY": ("Cypriot", "Chypre|chypriote", "Кипр|кипрск"),
    "TR": ("Turkish|Turkey|Türkiye", "Turquie|turc|turque", "Турци|турецк"),
    "CN": ("Chinese", "Chine|chinois|chinoise", "Кита|китайск"),
    "IR": ("Iranian", "Iran|iranien|iranienne", "Иран|иранск"),
    "EG": ("Egyptian", "Égypte|Egypte|égyptien|égyptienne", "Египет|Египт|египетск"),
    "RW": ("Rwandan|Rwandese", "Rwanda|rwandais|rwandaise", "Руанд|руандийск"),
    "TN": ("Tunisian", "Tunisie|tunisien|tunisienne", "Тунис|тунисск"),
    "YE": ("Yemeni|Yemenite", "Yémen|yéménite", "Йемен|йеменск"),
    "LK": ("Sri Lankan", "Sri Lanka|sri-lankais|srilankais", "Шри-Ланк|шри-ланкийск"),
    "AL": ("Albanian", "Albanie|albanais|albanaise|albanaises", "Албани|албанск"),
    "RS": ("Serbian", "Serbie|serbe", "Серби|сербск"),
    "MA": ("Moroccan", "Maroc|marocain|marocaine", "Марокк|марокканск"),
    "DZ": ("Algerian", "Algérie|algérien|algérienne", "Алжир|алжирск"),
    "SA": ("Saudi|Saudi Arabian", "Arabie saoudite|saoudien|saoudienne", "Саудовск"),
    "AE": ("Emirati|UAE", "Émirats arabes unis", "ОАЭ|Объединённых Арабских Эмират"),
    "BH": ("Bahraini", "Bahreïn|bahreïni", "Бахрейн"),
    "IN": ("Indian", "Inde|indien|indienne", "Инди|индийск"),
    "PK": ("Pakistani", "Pakistan|pakistanais", "Пакистан|пакистанск"),
    "CH": ("Swiss", "Suisse|suisse", "Швейцари|швейцарск"),
    "NL": ("Dutch|Netherlands", "Pays-Bas|néerlandais|néerlandaise", "Нидерланд|нидерландск|Голланди"),
    "XK": ("Kosovo|Kosovar|Kosovan", "Kosovo|kosovar|kosovare", "Косов"),
    "CO": ("Colombian", "Colombie|colombien|colombienne", "Колумби|колумбийск"),
    "VE": ("Venezuelan", "Venezuela|vénézuélien|vénézuélienne", "Венесуэл|венесуэльск"),
    "IL": ("Israeli|Israel", "Israël|israélien|israélienne", "Израил|израильск"),
    "LB": ("Lebanese", "Liban|libanais|libanaise", "Ливан|ливанск"),
}
_EN_NAMES = {
    "Russia", "Russian Federation", "Ukraine", "Belarus", "Kyrgyzstan", "Kirgizia", "United Kingdom", "UK",
    "United States", "US", "USA", "United States of America", "Czech Republic", "Czechia", "Turkey", "Türkiye",
    "Netherlands", "UAE", "Kosovo", "Israel",
}  # fmt: skip
# Names pycountry gives that are ordinary words or given names in our texts.
_SKIP_NAMES = {"Chad", "Jersey", "Georgia", "Jordan", "Niger", "Guinea", "Dominica", "Mali", "Oman", "Peru", "Israel"}


@dataclass(frozen=True)
class StateMention:
    """A state named in text: ``[start, end)`` offsets, alpha-2 code, and whether it was an adjective."""

    start: int
    end: int
    code: str
    adjective: bool


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    exact: dict[str, tuple[str, bool]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and value not in _SKIP_NAMES and "," not in value:
                exact[str(value)] = (str(country.alpha_2), False)
    stems: list[str] = []
    for code, (en, fr, ru) in _TABLE.items():
        for word in en.split("|") + fr.split("|"):
            # French adjectives are lower case; English ones are the capitalised words that are not names.
            adjective = word[0].islower() or (word in en.split("|") and word not in _EN_NAMES and word not in exact)
            exact.setdefault(word, (code, adjective))
        stems += [f"(?P<ru_{code}_{i}>{stem}\\w*)" for i, stem in enumerate(ru.split("|"))]
    words = "|".join(re.escape(w) for w in sorted(exact, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:(?P<word>{words})|{'|'.join(stems)})(?![\w-])")
    return pattern, exact


def find_states(text: str, offset: int = 0) -> list[StateMention]:
    """Every state named in ``text`` (offsets shifted by ``offset``)."""
    pattern, exact = _matcher()
    found: list[StateMention] = []
    for match in pattern.finditer(text):
        if match.group("word"):
            code, adjective = exact[match.group("word")]
        else:
            group = next(k for k, v in match.groupdict().items() if v and k.startswith("ru_"))
            code = group.split("_")[1]
            adjective = match.group(0)[0].islower()
        found.append(StateMention(match.start() + offset, match.end() + offset, code, adjective))
    return found
