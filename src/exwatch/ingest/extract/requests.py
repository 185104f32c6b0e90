"""Requests and notices (red notice, diffusion, extradition request, arrest warrant) and the charges.

A request's issuer is the state named with it ("a Russian red notice", "requests sent to INTERPOL by
Russia and Ukraine" — one request per issuer); when the sentence names none, the issuer is left for
the document-level pass (the requesting state the roles found). Charges are read only in sentences
that say someone is charged, accused or wanted for something, and normalised to a short label.
"""

from __future__ import annotations

import re

from exwatch.ingest.extract.context import Clause, Context
from exwatch.ingest.extract.events import _SUBJECT
from exwatch.ingest.extract.roles import states_after

_I = re.IGNORECASE
_REQUESTS: list[tuple[str, float, re.Pattern[str]]] = [
    (k, c, re.compile(p, _I))
    for k, c, p in [
        ("red_notice", 0.8, r"\bred notices?\b|\bnotices? rouges?\b|\bкрасн\w+ (?:уведомлени|карточк)\w*"),
        ("diffusion", 0.7, r"\bdiffusions?\b(?! of)|\bинтерполовск\w+ розыск"),
        # A request "to INTERPOL" is a notice or a diffusion; which one the text does not say, so confidence is low.
        ("red_notice", 0.5, r"\brequests? (?:\w+ ){0,2}(?:to|with|through) (?:INTERPOL|Interpol)\b"),
        ("extradition_request", 0.75,
         r"\bextradition requests?\b|\brequests? for (?:his |her |the applicant's )?extradition\b"
         r"|\b(?:requested|sought) "
         r"(?:his |her |the applicant's )?extradition\b|\bdemandes? d'extradition\b|\bзапрос\w* (?:о выдаче"
         r"|об экстрадиции)"),
        ("provisional_arrest_request", 0.7, r"\b(?:request for |demande d')(?:provisional arrest"
                                            r"|arrestation provisoire)"),
        ("european_arrest_warrant", 0.8, r"\bEuropean arrest warrant\b|\bmandat d'arrêt européen\b"),
        ("domestic_arrest_warrant", 0.55,
         r"\b(?:arrest warrant|warrant for (?:his|her|the applicant's) arrest|ordered (?:the applicant's|his|her) "
         r"(?:arrest|placement in custody)(?: in absentia)?)\b|\bmandat d'arrêt\b(?! européen)|\bзаочн\w+ арест"),
        ("deportation_order", 0.65, r"\b(?:deportation|expulsion|removal) order\b|\barrêté d'expulsion\b|\bOQTF\b"),
    ]
]  # fmt: skip
_CHARGE_CUE = re.compile(
    r"\bcharg(?:e|ed|es)\b|\baccus(?:ed|ations?)\b|\bsuspici(?:on|ous)\b|\bsuspected\b|\bindict\w*|\boffences?\b"
    r"|\bcrimes?\b|\bprosecut\w+|\bwanted\b|\binculpée?\b|\bpoursuivie? pour\b|\baccusée?\b|\bpréventions?\b"
    r"|\bобвин\w+|\bподозрева\w+|\bпреступлени\w+|\bуголовн\w+ дел\w*",
    _I,
)
_CHARGES: list[tuple[str, re.Pattern[str]]] = [
    (label, re.compile(p, _I))
    for label, p in [
        ("fraud", r"\bfraud\w*|\bescroquerie\w*|\bмошенничеств\w*|\bswindl\w*"),
        ("embezzlement", r"\bembezzl\w+|\bmisappropriat\w+|\bdétournement\w*|\bрастрат\w+|\bприсвоени\w+"),
        ("money laundering", r"\bmoney[- ]laundering\b|\blaundering\b|\bblanchiment\b|\bлегализаци\w+"),
        ("terrorism", r"\bterroris[mt]\w*|\bterroris\w+|\bтеррор\w+"),
        ("extremism", r"\bextremis[mt]\w*|\bextrémis\w+|\bэкстремис\w+|\bHizb ut-Tahrir\b"
                      r"|\bbanned (?:religious )?organisation"),
        ("membership of a criminal organisation", r"\bcriminal (?:organi[sz]ation|group|community|association)\b"
         r"|\borganised crime\b|\bassociation de malfaiteurs\b|\bпреступн\w+ (?:сообществ|группировк|организаци)\w*"),
        ("attempt to overthrow the constitutional order", r"\boverthrow\w*|\banti-constitutional\b|\bсвержени\w+"),
        ("incitement to hatred", r"\bincitement to (?:\w+ )?(?:religious |ethnic |racial "
                                 r"|national )?(?:and other )?hatred\b"
         r"|\bразжигани\w+"),
        ("murder", r"\bmurder\w*|\bhomicide\b|\bmeurtre\b|\bassassinat\b|\bубийств\w+"),
        ("drug trafficking", r"\bdrug[- ]trafficking\b|\bnarcotic\w*|\bheroin\b|\bcocaine\b"
                             r"|\bcontrolled substances?\b|\btrafic de stupéfiants\b|\bнаркоти\w+"),
        ("tax evasion", r"\btax evasion\b|\bfraude fiscale\b|\bуклонени\w+ от уплаты налог\w+"),
        ("illegal entrepreneurship", r"\billegal entrepreneurial activit\w+|\bнезаконн\w+ предпринимательск\w+"),
        ("abuse of office", r"\babuse of (?:office|power|authority)\b|\babus de (?:pouvoir|fonction)\b"
                            r"|\bзлоупотреблени\w+"),
        ("genocide", r"\bgenocide\b|\bgénocide\b|\bгеноцид\w*"),
        ("crimes against humanity", r"\bcrimes? against humanity\b|\bcrimes? contre l'humanité\b"),
        ("robbery", r"\brobbery\b|\bvol à main armée\b|\bразбо\w+|\bграбеж\w*"),
        ("kidnapping", r"\bkidnapp\w+|\babduct\w+|\benlèvement\b|\bпохищени\w+"),
        ("bribery", r"\bbriber\w*|\bbribes?\b|\bcorruption\b|\bвзятк\w+"),
        ("smuggling", r"\bsmuggl\w+|\bcontrebande\b|\bконтрабанд\w+"),
        ("sexual offences", r"\brape\b|\bsexual (?:abuse|assault|offences?)\b|\bviol\b|\bизнасиловани\w+"),
        ("participation in mass disorder", r"\bmass (?:disorder|riots?)\b|\bмассов\w+ беспорядк\w+"),
        ("illegal border crossing", r"\billegal(?:ly)? (?:crossing|crossed) (?:the |a )?(?:state )?border\b"),
        ("escape from custody", r"\bescap\w+ from (?:custody|prison|detention)\b|\bпобег\w*"),
        ("arms offences", r"\b(?:illegal )?(?:possession of|trafficking in) (?:fire)?arms\b|\bexplosives?\b"),
    ]
]  # fmt: skip


def extract_requests(context: Context) -> None:
    """Propose requests (one per issuing state named with it) and the charges named around them."""
    for clause in context.clauses:
        for kind, confidence, pattern in _REQUESTS:
            for match in pattern.finditer(clause.text):
                at = clause.sentence.start + match.start()
                issuers = _issuers(clause, at, clause.sentence.start + match.end())
                candidates: list[str | None] = list(issuers) or [None]
                for issuer in candidates:
                    slug = (issuer or "xx").lower()
                    value: dict[str, object] = {
                        "id": f"{kind.replace('_', '-')}-{slug}",
                        "kind": kind,
                        "issuer": issuer,
                    }
                    date = clause.nearest_date(at)
                    if date is not None and abs(date.start - at) < 60:
                        value["date"] = date.date.isoformat()
                    end = clause.sentence.start + match.end()
                    conf = confidence if issuer else confidence - 0.2
                    context.propose("request", value, clause, conf, f"request:{kind}", at, end)
        if _CHARGE_CUE.search(clause.text) and _SUBJECT.search(clause.text):
            for label, charge_pattern in _CHARGES:
                found = charge_pattern.search(clause.text)
                if found:
                    start, end = clause.sentence.start + found.start(), clause.sentence.start + found.end()
                    context.propose("charge", {"charge": label}, clause, 0.6, "charge:keyword", start, end)


def _issuers(clause: Clause, start: int, end: int) -> list[str]:
    """States named as the request's author: right before it ("the Uzbek request", "Russian authorities'
    request") or after "by"/"from"/"of"/"от" ("a request by Russia and Ukraine")."""
    before = [s for s in clause.states if s.end <= start and start - s.end <= 25]
    if before and re.match(r"^[\s'’s]*(?:authorities'?|Government'?s?|Prosecutor[- ]General'?s? Office'?s?|an?"
                           r"|the)?[\s'’s]*$",
                           clause.text[clause.local(before[-1].end) : clause.local(start)], re.I):  # fmt: skip
        return [before[-1].code]
    tail = clause.text[clause.local(end) :]
    by = re.match(
        r"^[^.;]{0,60}?\b(?:by|from|of|émanant de|présentée par|от)\s+(?:the\s+)?(?:authorities of\s+)?", tail
    )
    if by:
        return list(dict.fromkeys(s.code for s in states_after(clause, end + by.end(), limit=5)))
    return []
