"""The subject's profiles a document supports: the groups the assessment asks about (CAT GC4 § 11; NA. v. the
United Kingdom §§ 114-117: membership of a group shown to be ill-treated, beyond the country's general level).

Each sentence that says the person is a journalist, charged with terrorism or religious extremism, a member of
a religious or ethnic minority, or an opposition politician proposes that profile once, citing the sentence.
English, French and Russian cues; a reviewer accepts or rejects each.
"""

from __future__ import annotations

from exwatch.ingest.extract.context import Context
from exwatch.ingest.extract.profile import Rule, compile_rules

# Movements whose members are prosecuted as religious extremists in Central Asia and Russia (as the judgments
# and the country evidence name them).
_MOVEMENTS = r"Hizb ut-Tahrir|Hizb-ut-Tahrir|Akromi(?:ya|a)|Nurcular|Tabligh\w*|Wahhab\w*|Salafi\w*|Islamic Movement"
_PROFILES: list[Rule] = compile_rules(
    [
        ("terrorism_suspect", 0.65,
         r"\b(?:charged|accused|suspected|convicted|wanted|prosecuted|indicted)(?: (?:him|her|them|the applicants?))?"
         r" (?:with|of|for)\b[^.;]{0,80}"
         r"\b(?:terroris\w*|extremis\w*|" + _MOVEMENTS + r")"
         r"|\bmembership of (?:the |a )?(?:banned |prohibited |illegal )?(?:religious |extremist |terrorist )?"
         r"(?:organisation |organization |movement |group )?(?:" + _MOVEMENTS + r")"
         r"|\b(?:accusé|soupçonné|poursuivi|inculpé)\w* (?:de|pour) [^.;]{0,60}\b(?:terroris\w*|extrémis\w*)"
         r"|\b(?:обвин|подозрева|осужд)\w* [^.;]{0,60}(?:терроризм\w*|экстремизм\w*|Хизб ут-Тахрир)"),
        ("journalist", 0.65,
         r"\b(?:works?|worked|working) as a journalist\b|\b(?:is|was|a|an) (?:independent |opposition )?journalist"
         r"\b|\bjournalist (?:for|with|at)\b|\b(?:est|était) journaliste\b|\bjournaliste (?:indépendant|d'opposition)"
         r"|\b(?:работал|является|был) журналист\w*"),
        ("religious_minority", 0.6,
         r"\bconver(?:ted|sion) (?:from Islam )?to Christianity\b|\bconvert(?:ed)? to (?:the )?(?:Christian|Catholic|"
         r"Protestant|Baptist)\b|\bapostasy\b|\bJehovah's Witness\w*|\bAhmad(?:i|iyya)\b|\bBaha'?i\b"
         r"|\bconverti\w* au christianisme\b|\bапостас\w*|\bСвидетел\w* Иеговы"),
        ("ethnic_minority", 0.6,
         r"\b(?:of|an?) (?:ethnic )?(?:Uzbek|Chechen|Kurdish|Tamil|Uighur|Uyghur|Hazara|Ingush|Rohingya|Karen|Oromo"
         r"|Baluchi?|Ahwazi|Arab) (?:origin|ethnicity|descent|ethnic origin)\b|\bethnic (?:Uzbeks?|Chechens?|Kurds?|"
         r"Tamils?|Uighurs?|Uyghurs?|Hazaras?|Ingush|Rohingyas?|Oromos?)\b|\bd'origine (?:kurde|tamoule|tchétchène|"
         r"ouïghoure)\b|\bэтническ\w+ (?:узбек|чечен|уйгур|курд)\w*|\bпо национальности (?:узбек|чечен|уйгур)\w*"),
        ("opposition_politician", 0.6,
         r"\b(?:leader|founder|chairman|deputy chairman|member) of (?:the |an? )?(?:\w+ ){0,3}opposition "
         r"(?:party|movement|bloc)\b|\bopposition (?:politician|leader|party member)\b|\bopposant politique\b"
         r"|\bоппозиционн\w+ (?:политик|лидер)\w*"),
    ]
)  # fmt: skip


def extract_profiles(context: Context) -> None:
    """Propose each profile the document supports, from the first sentence that says it."""
    seen: set[str] = set()
    for clause in context.clauses:
        for profile, confidence, pattern in _PROFILES:
            if profile in seen or not (match := pattern.search(clause.text)):
                continue
            seen.add(profile)
            start = clause.sentence.start + match.start()
            end = clause.sentence.start + match.end()
            context.propose("profile", {"profile": profile}, clause, confidence, f"profile:{profile}", start, end)
