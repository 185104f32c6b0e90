"""Gazetteer of bodies: courts, ministries, prosecutors, INTERPOL and its CCF, UN treaty bodies, the ECtHR.

Three sources, most specific first: international bodies listed here; the decision-makers named in
the shipped procedure models (``procedure/data``) in English and in the local language — a name
found in one jurisdiction's model only is tied to it, a name shared by several ("Court of appeal")
is not; and general patterns ("Moscow City Court", "the Russian Supreme Court", "cour d'appel de
Lyon") whose state comes from an adjective, a city or, later, the case's custodial state.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from exwatch.ingest.spans import Spans
from exwatch.ingest.states import find_states


# (pattern, canonical name, jurisdiction, kind)
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FIXED: list[tuple[str, str, str | None, str]] = [
    (r"Commission for the Control of (?:INTERPOL'?s |Interpol'?s )?Files|\bCCF\b|Commission de contrôle des fichiers"
     r"(?: d'(?:INTERPOL|Interpol))?|Комисси\w+ по контролю (?:за )?файл\w+", "CCF", "INTERPOL", "forum"),
    (r"\bINTERPOL\b|\bInterpol\b|Интерпол\w*", "INTERPOL", "INTERPOL", "forum"),
    (r"(?:UN |United Nations |U\.N\. )?Committee [Aa]gainst Torture|\bUN ?CAT\b|Comité contre la torture"
     r"|Комитет\w* (?:ООН )?против пыток", "UN Committee against Torture", "UNCAT", "forum"),
    (r"(?:UN |United Nations )?Human Rights Committee|Comité des droits de l'homme"
     r"|Комитет\w* (?:ООН )?по правам человека",
     "UN Human Rights Committee", "UNHRC", "forum"),
    (r"European Court of Human Rights|\bECtHR\b|\bECHR\b|Cour européenne des droits de l'homme|\bCEDH\b"
     r"|Европейск\w+ суд\w* по правам человека|\bЕСПЧ\b", "European Court of Human Rights", "ECTHR", "forum"),
    (r"\bUNHCR\b|(?:Office of the )?(?:UN|United Nations) High Commissioner for Refugees|\bHCR\b|Haut[- ]Commissariat"
     r" des Nations unies pour les réfugiés|УВКБ\w*", "UNHCR", None, "forum"),
    (r"\bOFPRA\b|Office français de protection des réfugiés et apatrides", "OFPRA", "FR", "executive"),
    (r"Cour nationale du droit d'asile|\bCNDA\b", "Cour nationale du droit d'asile", "FR", "court"),
    (r"French Supreme Court|Cour de cassation|French Court of Cassation", "Cour de cassation", "FR", "court"),
    (r"Conseil d'[ÉE]tat|French Council of State", "Conseil d'État", "FR", "court"),
    (r"chambre de l'instruction(?: de la cour d'appel(?: de [A-ZÀ-Ý][\w-]+)?)?", "chambre de l'instruction", "FR",
     "court"),
    (r"Premier [Mm]inistre|French (?:Prime Minister|Cabinet of Ministers|[Gg]overnment)", "French government", "FR",
     "executive"),
    (r"Верховн\w+ [Сс]уд\w*(?: Российской Федерации| РФ)?", "Верховный Суд", None, "court"),
    (r"Генеральн\w+ прокуратур\w*(?: Российской Федерации| РФ)?|Генпрокуратур\w*", "Генеральная прокуратура", None,
     "prosecutor"),
]  # fmt: skip
_COURT = r"(?:Supreme|Constitutional|Regional|District|City|Circuit|High|Administrative|Federal|Appeal|Appellate)"
_GENERIC = re.compile(
    rf"(?P<court>(?:[A-Z][\w-]+ )?(?:{_COURT} )+Court(?: of (?:Appeal|Cassation|Justice))?(?: (?:in|of) (?:the )?"
    r"(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?|Court of (?:Appeal|Cassation)(?: (?:in|of) (?P<place2>[A-Z][\w-]+))?"
    r"|[Cc]our d'appel(?: de (?P<place3>[A-ZÀ-Ý][\w-]+))?"
    r"|(?:Prosecutor[- ]General'?s? Office|Prosecutor General|Ministry of (?:Justice|(?:the )?Interior|Foreign Affairs)"
    r"|Minister of Justice|Government|Cabinet of Ministers|[Pp]rosecutor'?s'? [Oo]ffice|police))"
)
_GENERIC_WORDS = _words(
    "supreme court appeal regional district high city court of the justice minister ministry prosecutor "
    "general general's office chamber criminal division department federal constitutional administrative "
    "central authority investigating judge public secretary state cabinet council president magistrate "
    "magistrates government interior home section cassation first second third senate prime office"
)
_CITIES = {
    "Lyon": "FR", "Paris": "FR", "Aix-en-Provence": "FR", "Versailles": "FR", "Douai": "FR", "Bordeaux": "FR",
    "Toulouse": "FR", "Rennes": "FR", "Colmar": "FR", "Grenoble": "FR", "Chambéry": "FR", "Moscow": "RU",
    "Kyiv": "UA", "Kiev": "UA", "London": "GB", "Westminster": "GB", "Madrid": "ES", "Rome": "IT", "Athens": "GR",
    "Nicosia": "CY", "Vilnius": "LT", "Riga": "LV", "Warsaw": "PL", "Prague": "CZ", "Berlin": "DE", "Vienna": "AT",
    "Stockholm": "SE", "Brussels": "BE", "Colombo": "LK", "Almaty": "KZ", "Astana": "KZ", "Tashkent": "UZ",
    "Dushanbe": "TJ", "Bishkek": "KG", "Minsk": "BY", "Baku": "AZ", "Tbilisi": "GE", "Yerevan": "AM",
}  # fmt: skip


@dataclass(frozen=True)
class BodyMention:
    """A body named in text: offsets, the words used, a canonical name, its jurisdiction if known, and kind."""

    start: int
    end: int
    text: str
    name: str
    jurisdiction: str | None
    kind: str

    @property
    def is_court(self) -> bool:
        return self.kind == "court" or "court" in self.text.lower() or "суд" in self.text.lower()


def _clean(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name)
    return re.split(r"\s+[—–]\s+|, then |, if |; ", name)[0].strip(" ,.")


def _walk(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("name"), dict) and "en" in node["name"]:
            out.append(node["name"])
        for value in node.values():
            _walk(value, out)
    elif isinstance(node, list):
        for value in node:
            _walk(value, out)


@lru_cache(maxsize=1)
def procedure_bodies() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, str | None]]]:
    """Body names from the procedure models as one pattern, and lower-cased name → (name, jurisdiction or
    None when several models share the name)."""
    from exwatch.procedure.loader import procedures

    owners: dict[str, set[str]] = defaultdict(set)
    for procedure in procedures().values():
        names: list[dict[str, Any]] = []
        _walk(procedure.model_dump(), names)
        for entry in names:
            for text in (entry.get("en"), entry.get("local")):
                cleaned = _clean(text or "")
                if len(cleaned) < 8 or len(cleaned.split()) < 2:
                    continue
                local = text == entry.get("local") and text != entry.get("en")
                distinctive = local or any(
                    w[0].isupper() and re.sub(r"(?:'s|’s)?[,;]?$", "", w.lower()) not in _GENERIC_WORDS
                    for w in cleaned.split()
                )
                forum = next((j for p, _n, j, _k in _compiled_fixed() if p.search(_clean(entry.get("en") or ""))), None)
                owners[cleaned].add(forum or (procedure.jurisdiction if distinctive else "*"))
    table: dict[str, tuple[str, str | None]] = {}
    for name, jurisdictions in owners.items():
        single = len(jurisdictions) == 1 and "*" not in jurisdictions
        table.setdefault(name.lower(), (name, next(iter(jurisdictions)) if single else None))
    if not table:
        return None, table
    # One alternation, longest names first, scans the text once instead of once per name.
    names_re = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names_re})(?!\w)", re.IGNORECASE), table


def find_bodies(text: str, offset: int = 0) -> list[BodyMention]:
    """Every body named in ``text``, longest first where names overlap (offsets shifted by ``offset``)."""
    found: list[BodyMention] = []
    taken = Spans()

    def add(start: int, end: int, name: str, jurisdiction: str | None, kind: str) -> None:
        if taken.add(start, end):
            found.append(BodyMention(start + offset, end + offset, text[start:end], name, jurisdiction, kind))

    for pattern, name, jurisdiction, kind in _compiled_fixed():
        for match in pattern.finditer(text):
            named = find_states(match.group(0))
            add(match.start(), match.end(), name, jurisdiction or (named[0].code if named else None), kind)
    generic = list(_generic(text))
    # A generic name that carries its own state ("the Russian Supreme Court") beats a model's shared name.
    for start, end, words, jurisdiction, kind in generic:
        if jurisdiction:
            add(start, end, words, jurisdiction, kind)
    model_pattern, table = procedure_bodies()
    for match in model_pattern.finditer(text) if model_pattern else ():
        name, jurisdiction = table[match.group(0).lower()]
        kind = "court" if re.search(r"court|cour|tribunal|суд|soud|sąd|teismas|tiesa", name, re.I) else "executive"
        add(match.start(), match.end(), name, jurisdiction, kind)
    for start, end, words, jurisdiction, kind in generic:
        add(start, end, words, jurisdiction, kind)
    found.sort(key=lambda m: m.start)
    return found


def _generic(text: str) -> list[tuple[int, int, str, str | None, str]]:
    out: list[tuple[int, int, str, str | None, str]] = []
    for match in _GENERIC.finditer(text):
        words = match.group(0)
        place = match.group("place") or match.group("place2") or match.group("place3")
        jurisdiction = _CITIES.get(place or "") or _CITIES.get(words.split()[0])
        inside = find_states(words)
        adjective = re.search(
            r"([\w-]+(?: [A-Z][\w-]+)?)\s+(?:the\s+)?$", text[max(0, match.start() - 40) : match.start()]
        )
        before = find_states(adjective.group(1)) if adjective else []
        if jurisdiction is None and (inside or before):
            jurisdiction = (inside or before)[-1].code  # "the Russian Supreme Court", "Supreme Court of Ukraine"
        kind = "court" if "ourt" in words else ("police" if words == "police" else "executive")
        out.append((match.start(), match.end(), words, jurisdiction, kind))
    return out


@lru_cache(maxsize=1)
def _compiled_fixed() -> list[tuple[re.Pattern[str], str, str | None, str]]:
    return [(re.compile(p), name, j, kind) for p, name, j, kind in _FIXED]
