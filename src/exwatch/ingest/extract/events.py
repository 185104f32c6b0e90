"""Dated procedural events: arrest, detention, court opinion or decision, appeal, cassation, decree,
annulment, interim measure, asylum decisions, release, surrender, conviction.

Each trigger phrase (English, French, Russian) gives an action and, for decisions, a result; the event
takes the date nearest the trigger in the same sentence (an undated event is not proposed: the case
model needs a date) and the body named in that sentence. Whether a court's decision on extradition is
an *opinion* (France, Italy: the government decides after) or a *decision* is read from the
jurisdiction's procedure model, not guessed.
"""

from __future__ import annotations

import re
from functools import cache

from exwatch.ingest.bodies import BodyMention
from exwatch.ingest.dates import DateMention
from exwatch.ingest.extract.context import Clause, Context
from exwatch.ingest.extract.roles import states_after

_I = re.IGNORECASE
# (rule, action, result, confidence, pattern)
_TRIGGERS: list[tuple[str, str, str | None, float, re.Pattern[str]]] = [
    (n, a, r, c, re.compile(p, _I))
    for n, a, r, c, p in [
        ("arrested", "arrest", None, 0.75,
         r"\b(?:arrested|apprehended)\b|\barrêtée?s?\b|\binterpellée?s?\b|\bзадержа(?:н|на|ли)\b"),
        ("detained", "detention", None, 0.65,
         r"\bdetained\b|\bplaced (?:him |her |the applicant )?(?:in|under) (?:custody|detention|arrest)\b|\bremanded\b"
         r"|\b(?:extended|prolonged) (?:his |her |the applicant's )?(?:detention|custody)\b|\bordered (?:his |her "
         r"|the applicant's )?(?:detention|placement in custody)\b|\bplacée? (?:en détention|sous écrou)\b|\bécrouée?\b"
         r"|\bзаключ\w+ под страж\w+|\bпродл\w+ срок\w* содержания"),
        ("released", "release", None, 0.7,
         r"\b(?:was|were|been|be|being) released\b|\breleased (?:him|her|the applicant)\b|\breleased from (?:custody|"
         r"detention|prison)\b|\bremise? en liberté\b|\bосвобо(?:жден|дил)\w*"),
        ("extradition-approved", "opinion", "favourable", 0.75,
         r"\b(?:approved|authori[sz]ed)\b[^.;]{0,40}\bextradition\b|\bextradition\b[^.;]{0,40}\b(?:was|had been|"
         r"is) (?:approved|authori[sz]ed)\b|\bavis favorable\b|\bfavourable opinion\b|\bdeclared (?:the applicant's )?"
         r"extradition (?:to \w+ )?(?:lawful|admissible|permissible)\b|\bextradition request (?:valid|admissible)\b"),
        ("extradition-refused", "opinion", "unfavourable", 0.7,
         r"\bavis défavorable\b|\bunfavourable opinion\b|\b(?:refused|rejected|declined) (?:the |to grant )?"
         r"(?:request for )?extradition\b|\bextradition\b[^.;]{0,30}\b(?:was|had been) (?:refused|rejected)\b"
         r"|\bdeclared (?:the applicant's )?extradition (?:inadmissible|unlawful)\b|\bотказ\w* в (?:его )?выдаче"),
        ("decided-extradite", "decision", "granted", 0.7,
         r"\b(?:decided|ordered|agreed) to extradite\b|\bgranted the (?:extradition )?request\b|\bgranted (?:his |her "
         r"|the applicant's )?extradition\b|\bordered (?:his |her |the applicant's )"
         r"extradition\b|\bрешени\w+ о (?:его )?выдаче\b|\bпринял\w* решение о (?:его )?выдаче"),
        ("upheld", "appeal_decided", "dismissed", 0.7,
         r"\b(?:upheld|maintained|confirmed|endorsed|affirmed)\b[^.;]{0,40}\b(?:decision|ruling|judgment|order|"
         r"opinion|extradition|refusal)\b|\bdismissed (?:the applicant's |the |his |her |an "
         r"|their )(?:\w+ )?(?:appeal|complaint|application|"
         r"request for review)\b|\b(?:appeal|complaint)s? (?:was|were|had been) (?:dismissed|rejected)\b"
         r"|\brej(?:eté|ette) le pourvoi\b|\bоставил\w* без изменения|\bотклонил\w* (?:его |её )?(?:жалоб|кассац)\w*"),
        ("quashed", "appeal_decided", "quashed", 0.7,
         r"\bquashed\b|\bset aside\b|\bdoit être cassée?\b|\bcass(?:e|é|ée) et annul\w+|\bSolution : Cassation\b"),
        ("annulled", "annulment", "annulled", 0.7, r"\bannull?ed\b|\bannulée?\b|\bannule\b|\bотмен(?:ил|ен)\w*"),
        ("decree", "decree", "granted", 0.7,
         r"\b(?:extradition )?decree\b|\bdécret (?:d'extradition|accordant)\b|\bextradition order (?:was )?signed\b"),
        ("appealed", "appeal", None, 0.6,
         r"\b(?:lodged|filed|brought) (?:an? )?(?:\w+ )?(?:appeal|complaint)\b|\bappealed\b|\bformée? un pourvoi\b"
         r"|\binterjeté appel\b|\bобжаловал\w*|\bподал\w* (?:кассационную )?жалобу"),
        ("interim-measure", "interim_measure", "indicated", 0.75,
         r"\bRule 39\b|\binterim measures?\b|\bmesures? provisoires?\b|\bправил\w* 39\b"),
        ("asylum-claim", "asylum_claim", None, 0.6,
         r"\b(?:applied|application|claimed|claim) for (?:political )?(?:asylum|refugee status)\b|\bdemande d'asile\b"
         r"|\bходатайств\w+ о (?:предоставлении )?(?:убежища|статуса беженца)"),
        ("asylum-granted", "asylum_decision", "granted", 0.65,
         r"\b(?:granted|obtained) (?:him |her |the applicant )?(?:political )?(?:asylum|refugee status)\b"
         r"|\brecogni[sz]ed (?:him |her |the applicant )?as a refugee\b|\bstatut de réfugié (?:lui )?a été accordé"),
        ("asylum-refused", "asylum_decision", "refused", 0.65,
         r"\b(?:refused|rejected|dismissed) (?:his |her |the applicant's )?(?:application|request|claim) for "
         r"(?:political )?(?:asylum|refugee status)\b|\b(?:refused|denied) (?:him |her |the applicant )?(?:asylum|"
         r"refugee status)\b|\brefused to grant (?:him |her |the applicant )?(?:temporary "
         r"|political )?(?:asylum|refugee "
         r"status)\b|\bотказал\w* в предоставлении (?:убежища|статуса беженца)"),
        ("surrendered", "surrender", None, 0.65,
         r"\b(?:was|were|had been|has been) (?:extradited|deported|expelled|handed over|surrendered)\b"),
        ("convicted", "conviction", None, 0.6, r"\b(?:was|were|had been) (?:convicted|sentenced)\b|\bосужд(?:ен"
                                               r"|ена)\b"),
    ]
]  # fmt: skip
_PHYSICAL = {"arrest", "detention", "release", "surrender"}
# Events that happen to a person are proposed only when the sentence speaks of the subject: a country
# report's "opponents were arrested in 2007" is not a step of this case.
_PERSONAL = _PHYSICAL | {"conviction", "asylum_claim", "asylum_decision"}
_SUBJECT = re.compile(
    r"(?<!\w)(?:the applicant|he|she|him|her|his|il|elle|lui|он|она|его|её|заявител\w*|господин|госпожа|г-н|г-жа"
    r"|Mr|Mrs|Ms|M\.|Mme)(?!\w)",
    _I,
)
_SAME_DAY = re.compile(r"\b(?:the same (?:day|date)|that (?:day|date)|le même jour|à la même date|в тот же день)\b", _I)
_HIGH_COURT = re.compile(r"supreme|cassation|Верховн|Areios|Tribunal Supremo|Bundesgerichtshof", _I)


@cache
def _procedure_actions(jurisdiction: str) -> frozenset[str]:
    from exwatch.procedure.loader import procedures

    procedure = procedures().get(jurisdiction)
    if procedure is None:
        return frozenset()
    return frozenset(t.action for stage in procedure.stages for t in stage.entered_when)


def _body_near(clause: Clause, offset: int) -> BodyMention | None:
    """The body named closest to the trigger, preferring one named before it (the subject of the verb)."""
    if not clause.bodies:
        return None
    before = [b for b in clause.bodies if b.end <= offset]
    return before[-1] if before else min(clause.bodies, key=lambda b: abs(b.start - offset))


def _action(action: str, result: str | None, body: BodyMention | None, jurisdiction: str | None) -> str:
    actions = _procedure_actions(jurisdiction) if jurisdiction else frozenset()
    if action == "opinion" and "opinion" not in actions and (result in {"favourable", "unfavourable"}):
        return "decision"
    if action == "appeal_decided" and body is not None and _HIGH_COURT.search(body.text) and "cassation" in actions:
        return "cassation"
    return action


def extract_events(context: Context, custodial: str | None) -> None:
    """Propose dated events; ``custodial`` is the state to place an event in when no body names one."""
    previous: DateMention | None = None
    for clause in context.clauses:
        # A filter for dates that cite a law or an earlier ruling ("decision of 30 December 2008") was
        # measured: it cost 0.04 event F1 on the dev documents and gained nothing held out, so it is not used.
        dates = list(clause.dates)
        if not dates and previous and _SAME_DAY.search(clause.text):
            dates = [previous]  # "By a decision of the same date the Supreme Court dismissed the complaint"
        if dates:
            previous = max(dates, key=lambda d: d.start)
        if not dates:
            continue
        about_subject = bool(_SUBJECT.search(clause.text))
        for rule, action, result, confidence, pattern in _TRIGGERS:
            if action in _PERSONAL and not about_subject:
                continue
            for match in pattern.finditer(clause.text):
                at = clause.sentence.start + match.start()
                date = min(dates, key=lambda d: min(abs(d.start - at), abs(d.end - at)))
                body = _body_near(clause, at)
                jurisdiction = body.jurisdiction if body else None
                if action in _PHYSICAL:
                    # Arrest and detention happen in a state, never "at INTERPOL": "detained in France".
                    placed = states_after(clause, clause.sentence.start + match.end(), limit=12)
                    if body is not None and (jurisdiction is None or len(jurisdiction) != 2):
                        body, jurisdiction = None, None
                    jurisdiction = placed[0].code if placed else jurisdiction
                if action == "interim_measure":
                    jurisdiction = "UNCAT" if body and body.jurisdiction == "UNCAT" else "ECTHR"
                jurisdiction = jurisdiction or custodial
                final = _action(action, result, body, jurisdiction)
                if (
                    final == "opinion"
                    and result == "unfavourable"
                    and "opinion" not in _procedure_actions(jurisdiction or "")
                ):
                    result = "refused"
                value = {
                    "id": f"{final.replace('_', '-')}-{date.date.isoformat()}",
                    "date": date.date.isoformat(),
                    "jurisdiction": jurisdiction,
                    "body": body.text if body else "not named in the document",
                    "action": final,
                    "result": "granted" if final == "decision" and result == "favourable" else result,
                }
                start, end = min(at, date.start), max(clause.sentence.start + match.end(), date.end)
                conf = confidence - (0.0 if body else 0.1) - (0.1 if date.relative else 0.0)
                context.propose("event", value, clause, conf, f"event:{rule}", start, end)
