"""States in their role: requesting, custodial, persecuting, destination (and refuge), from the wording around a state.

"requests sent to INTERPOL by Russia and Ukraine, in cooperation with Kazakhstan" gives Russia and
Ukraine requesting (a request *by* them) and Kazakhstan persecuting (the state on whose behalf others
act). Each cue is a phrase of extradition practice in English, French or Russian; the states it
governs are the list of states right after it (or, for "the Uzbek authorities requested", right before).
"""

from __future__ import annotations

import re

from exwatch.ingest.extract.context import Clause, Context
from exwatch.ingest.states import StateMention

_I = re.IGNORECASE
# (rule name, role, confidence, cue pattern: the states *following* the cue hold the role)
_AFTER: list[tuple[str, str, float, re.Pattern[str]]] = [
    (n, r, c, re.compile(p, _I))
    for n, r, c, p in [
        ("request-by", "requesting", 0.8,
         r"\b(?:requests?|notices?|diffusions?|warrants?)\s+(?:\w+\s+){0,2}(?:sent|issued|submitted|made|lodged|filed)"
         r"(?:\s+to\s+(?:INTERPOL|Interpol))?\s+by\b"),
        ("at-request-of", "requesting", 0.8,
         r"\b(?:at|on|upon) the (?:request|behest|application)s? of\b|\bà la demande d(?:es|e la|u|e l')"
         r"|\bпо (?:запросу|требованию)\b"),
        ("request-from", "requesting", 0.75,
         r"\b(?:extradition )?requests? (?:for (?:his |her |the applicant's )?extradition )?from\b|\bsought by\b"
         r"|\bwanted by\b|\bdemandes? d'extradition (?:présentée?s? par |formée?s? par |émanant d(?:e |es |u ))?"
         r"(?:les autorités |des autorités |du |de la |de l')?|\bréclamée? par\b|\bзапрос\w* (?:о выдаче "
         r"|об экстрадиции )?(?:от|из)\b"),
        ("extradition-to", "requesting", 0.6,
         r"\b(?:extradit(?:ion|ed|e)|surrender(?:ed)?|removal)\s+(?:of (?:the applicant|him|her|(?:Mr\.? "
         r"|Mrs\.? |Ms\.? |M\. )?[A-Z]\w+)\s+)?to\b"
         r"|\bextradition vers\b|\bextradé vers\b|\b(?:выдач\w+|экстрадиц\w+|экстрадирова\w+)\s+(?:\w+\s+)?(?:в|во)\b"),
        # An expulsion or deportation names where the person would go, not who asks for them: the destination,
        # assessed by the courts' test (group or personal risk), not as a requesting or persecuting state.
        ("expulsion-to", "destination", 0.6,
         r"\b(?:expulsion|expelled|expel|deport(?:ation|ed)?|refoulement|return(?:ed)?|sent back)\s+"
         r"(?:of (?:the applicants?|him|her|them)\s+)?to\b|\b(?:expulsion|renvoi|éloignement|refoulement)\s+vers\b"
         r"|\b(?:выдворени\w+|депортаци\w+|высылк\w+|депортирова\w+|выслан\w*)\s+(?:\w+\s+)?(?:в|во)\b"),
        ("detained-in", "custodial", 0.75,
         r"\b(?:detained|arrested|apprehended|held|imprisoned|in custody|remanded in custody|taken into custody|"
         r"lives|living|resides|residing|settled)\s+(?:\w+\s+){0,2}?in\b|\b(?:détenue?s?|arrêtée?s?|interpellée?s?|"
         r"incarcérée?s?|écrouée?s?|réside|vit|réfugiée?s?)\s+(?:en|au|aux)\b"
         r"|\b(?:задержан\w*|арестован\w*|содерж\w+ под стражей|проживает|находится)\s+(?:\w+\s+)??(?:в|во)\b"),
        ("application-against", "custodial", 0.6, r"\bapplication\b[^.;]{0,80}?\bagainst (?:the )?(?=[A-Z])"),
        ("in-cooperation-with", "persecuting", 0.7,
         r"\bin (?:cooperation|co-operation|concert|collusion) with\b|\b(?:acting )?on behalf of\b|\bat the behest of\b"
         r"|\ben (?:coopération|collaboration) avec\b|\bpour le compte d(?:e|u|es)\b|\bв сотрудничестве с\b"
         r"|\bпо поручению\b"),
        ("onward-return", "persecuting", 0.6,
         r"\b(?:further|subsequent(?:ly)?|onward|then)\s+(?:\w+\s+){0,3}?(?:return(?:ed)?|sent|transfer(?:red)?|"
         r"extradit(?:ed|ion)|handed over)\s+(?:\w+\s+)?to\b|\brenvoi ultérieur vers\b"
         r"|\bдальнейш\w+ (?:выдач\w+|передач\w+) в\b"),
        ("persecution-in", "persecuting", 0.55,
         r"\b(?:persecution|persecuted|fled|fleeing|escaped from)\s+(?:\w+\s+){0,6}?(?:by|in|from)\s+(?:the\s+)?"
         r"(?:cooperating\s+)?|\bpersécut\w+ (?:en|au|par)\b|\bпреследовани\w+ (?:в|со стороны)\b"),
    ]
]  # fmt: skip
# (rule, role, confidence, pattern right after the state: "the Uzbek authorities requested his extradition")
_BEFORE: list[tuple[str, str, float, re.Pattern[str]]] = [
    (n, r, c, re.compile(p, _I))
    for n, r, c, p in [
        ("state-requested", "requesting", 0.8,
         r"^\s*(?:authorities|Government|Prosecutor[- ]General'?s? Office|prosecutor'?s? office|law[- ]enforcement "
         r"authorities)?\s*(?:\w+\s+){0,2}(?:requested|sought|asked for|applied for|submitted (?:a|an) (?:request|"
         r"application))\b[^.]{0,40}\b(?:extradition|surrender|arrest)"),
        ("state-request", "requesting", 0.75,
         r"^\s*(?:extradition request|request for (?:his |her |the applicant's )?extradition|red notice"
         r"|arrest warrant)"),
        ("state-police-arrested", "custodial", 0.7,
         r"^\s*(?:police|border guards?|authorities|officers)\s+(?:\w+\s+)?(?:arrested|detained|apprehended)\b"),
        ("state-regime", "persecuting", 0.6,
         r"^\s*(?:regime|régime|режим\w*)\b|^\s*(?:opposition (?:politician|leader|figure|party|activist|movement|"
         r"journalist)|opposant)\b"),
    ]
]  # fmt: skip
_GAP = re.compile(
    r"^[\s,]*(?:(?:and|or|et|ou|и|или|as well as|the|la|le|les|l'|des|du|de|authorities of|autorités|"
    r"cooperating|властей|властями)[\s,]+)*$",
    _I,
)


def states_after(clause: Clause, offset: int, limit: int = 15) -> list[StateMention]:
    """The list of states starting within ``limit`` characters after document ``offset`` ("Russia and Ukraine")."""
    found: list[StateMention] = []
    position = offset
    for state in sorted(clause.states, key=lambda s: s.start):
        if state.start < position:
            continue
        gap = clause.text[clause.local(position) : clause.local(state.start)]
        if (not found and len(gap) > limit) or (found and not _GAP.match(gap)):
            break
        if not found and not re.match(r"^[\s\w,'’-]*$", gap):
            break
        found.append(state)
        position = state.end
    return found


def extract_roles(context: Context) -> None:
    """Propose a ``state_role`` for each state a role cue governs."""
    for clause in context.clauses:
        if not clause.states:
            continue
        for rule, role, confidence, pattern in _AFTER:
            for match in pattern.finditer(clause.text):
                cue_end = clause.sentence.start + match.end()
                for state in states_after(clause, cue_end):
                    _propose(context, clause, state, role, confidence, rule, clause.sentence.start + match.start())
        for state in clause.states:
            tail = clause.text[clause.local(state.end) :]
            for rule, role, confidence, pattern in _BEFORE:
                if pattern.match(tail):
                    _propose(context, clause, state, role, confidence, rule, state.start)


def _propose(context: Context, clause: Clause, state: StateMention, role: str, conf: float, rule: str, at: int) -> None:
    start, end = min(at, state.start), max(state.end, at)
    value = {"state": state.code, "roles": [role]}
    context.propose("state_role", value, clause, conf, f"role:{rule}", start, end)
