"""Profile facts the indicators read: opposition role, refugee status, asylum refused, relatives
targeted, torture or ill-treatment alleged, involvement of the persecuting state, diplomatic
assurances, conviction in absentia, concern voiced by an international body.

Each fact is a ``Fact`` of the case format: its kind, the sentence as its text, and the state it
concerns when the sentence names one.
"""

from __future__ import annotations

import re

from exwatch.ingest.extract.context import Context

Rule = tuple[str, float, re.Pattern[str]]  # what it proposes, its confidence, the cue


def compile_rules(rules: list[tuple[str, float, str]]) -> list[Rule]:
    """Cue patterns compiled once, case-insensitive."""
    return [(kind, confidence, re.compile(pattern, re.IGNORECASE)) for kind, confidence, pattern in rules]


_FACTS: list[Rule] = compile_rules(
    [
        ("opposition_role", 0.7,
         r"\bopposition (?:politician|leader|figure|activist|party|movement|member|journalist|newspaper)\b"
         r"|\b(?:member|leader|founder|supporter) of (?:the |an? )?(?:\w+ ){0,3}opposition\b|\bopposant\w*\b"
         r"|\bоппозиционн\w+ (?:политик|деятел|лидер|партии)\w*|\bлидер\w* оппозиции"),
        ("refugee_status", 0.7,
         r"\b(?:granted|obtained|has|had|holds?|enjoy\w*) (?:him |her )?(?:political )?(?:asylum|refugee status)\b"
         r"|\brecogni[sz]ed (?:him |her |the applicant )?as a refugee\b|\bmandate refugee\b|\bstatut de réfugié\b"
         r"|\bprotection subsidiaire\b|\bbénéficie de la protection\b|\bстатус\w* беженца\b|\bполитическ\w+ убежищ\w+"),
        ("asylum_refused", 0.65,
         r"\b(?:refused|rejected|dismissed) (?:his |her |the applicant's )?(?:application|request|claim) for "
         r"(?:political )?(?:asylum|refugee status)\b|\b(?:refused|denied) (?:him |her |the applicant )?(?:asylum|"
         r"refugee status)\b|\brefused to grant (?:him |her |the applicant )?(?:temporary "
         r"|political )?(?:asylum|refugee "
         r"status)\b|\basylum (?:application|claim|request) (?:was|had been) (?:refused|rejected|dismissed)\b"
         r"|\bрефус d'asile|\bdemande d'asile (?:a été )?rejetée\b|\bотказ\w* в предоставлении (?:убежища"
         r"|статуса беженца)"),
        ("family_targeted", 0.6,
         r"\b(?:threats?|threatened|harass\w*|persecut\w*|pressure|arrested|detained|questioned|interrogated|"
         r"intimidat\w*)\b[^.;]{0,40}\b(?:his|her|the applicant's) (?:family|relatives|wife|husband|brother|sister|"
         r"son|daughter|mother|father|parents|children)\b|\b(?:his|her|the applicant's) (?:family|relatives|wife|"
         r"brother|sister|son|daughter|mother|father|parents)\b[^.;]{0,40}\b(?:threatened|harass\w*|persecuted|"
         r"arrested|detained|questioned|interrogated|intimidated|pressured)\b|\bmenac\w+ [^.;]{0,30}sa famille\b"
         r"|\bродственник\w*[^.;]{0,40}(?:преследова|угрож|задерж|допрос)\w*"),
        ("ill_treatment_alleged", 0.65,
         r"\b(?:was|were|had been|been|being) (?:\w+ )?(?:tortured|beaten|ill-treated)\b|\bsubjected (?:him |her )?to "
         r"(?:torture|ill-treatment|beatings?)\b|\btortured (?:him|her|the applicant)\b|\bbeat (?:him|her|the "
         r"applicant)\b|\bsubi des (?:tortures|mauvais traitements)\b|\bпытал\w*|\bизбива\w+|\bподверг\w* пыткам"),
        ("persecuting_state_involvement", 0.6,
         r"\bin (?:cooperation|co-operation|concert|collusion) with\b|\bat the behest of\b|\ben (?:coopération|"
         r"collaboration) avec\b|\bв сотрудничестве с\b"),
        ("assurances", 0.6,
         r"\b(?:diplomatic )?assurances?\b|\bguarantee[ds]? (?:that|to)\b|\bgaranties diplomatiques\b|\bгаранти\w+"),
        ("conviction_in_absentia", 0.7,
         r"\b(?:convicted|sentenced|tried) in absentia\b|\bpar (?:défaut|contumace)\b|\bзаочно (?:осужд|пригов)\w*"),
        ("international_concern", 0.6,
         r"\b(?:criticis|criticiz|condemn|concern)\w*\b[^.;]{0,80}\b(?:Committee [Aa]gainst Torture|Human Rights "
         r"Committee|Special Rapporteur|Parliamentary Assembly|European Parliament|UNHCR|Amnesty International|"
         r"Human Rights Watch)\b|\b(?:Committee [Aa]gainst Torture|Human Rights Committee|Special Rapporteur)\b[^.;]"
         r"{0,80}\b(?:criticis|criticiz|condemn|concern|express)\w*|\bpréoccup\w+ [^.;]{0,60}Comité\b"
         r"|\bобеспокоенност\w+[^.;]{0,60}Комитет"),
    ]
)  # fmt: skip


def extract_facts(context: Context) -> None:
    """Propose one ``fact`` per sentence and kind (the sentence is the fact's text)."""
    for clause in context.clauses:
        for kind, confidence, pattern in _FACTS:
            match = pattern.search(clause.text)
            if not match:
                continue
            at = clause.sentence.start + match.start()
            value: dict[str, object] = {"id": f"{kind.replace('_', '-')}", "kind": kind, "text": clause.text[:2000]}
            if clause.states:
                # The state the cue governs usually follows it ("in cooperation with Kazakhstan").
                after = [s for s in clause.states if 0 <= s.start - (clause.sentence.start + match.end()) < 40]
                value["state"] = (after or sorted(clause.states, key=lambda s: abs(s.start - at)))[0].code
            date = clause.nearest_date(at)
            if date is not None and kind in {"refugee_status", "asylum_refused", "conviction_in_absentia"}:
                value["date"] = date.date.isoformat()
            context.propose("fact", value, clause, confidence, f"fact:{kind}", at, clause.sentence.start + match.end())
