"""The subject's names and the bodies a document names.

The subject is the person most often named with a title ("Mr Ablyazov" five times beats "Mr Valls"
once). The longest Latin-script spelling is proposed as the primary name, Cyrillic spellings as native
names, and the usual Latin transliterations of a Cyrillic name as transliterations — all citing the
mention they come from. With the optional ``[nlp]`` extra, spaCy's French pipeline adds person names
in French texts that carry no title.
"""

from __future__ import annotations

from exwatch.ingest.extract.context import Clause, Context
from exwatch.ingest.names import NameMention, find_person_names, name_key, subject_names, transliterations
from exwatch.ingest.nlp import french_person_names


def _clause_at(context: Context, offset: int) -> Clause | None:
    return next((c for c in context.clauses if c.sentence.start <= offset < c.sentence.end), None)


def extract_names(context: Context) -> None:
    """Propose the subject's names (primary, native script, transliterations)."""
    text = context.document.text
    mentions = find_person_names(text)
    if context.document.language == "fr":
        mentions += [NameMention(s, e, n) for s, e, n in french_person_names(text)]
    subject = subject_names(mentions)
    if not subject:
        return
    latin = [m for m in subject if not any("\u0400" <= ch <= "\u04ff" for ch in m.name)]
    primary = max(latin or subject, key=lambda m: (len(m.name.split()), len(m.name), -m.start))
    seen: set[str] = set()
    for mention in sorted(subject, key=lambda m: m is not primary):
        clause = _clause_at(context, mention.start)
        if clause is None or mention.name in seen:
            continue
        seen.add(mention.name)
        cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in mention.name)
        if mention is primary:
            kind = "primary"
        elif cyrillic:
            kind = "native"
        elif name_key(mention.name) == name_key(primary.name) and mention.name != primary.name:
            kind = "transliteration"
        else:
            # A shorter mention of the primary name ("Ablyazov" for "Mukhtar Ablyazov") is not a new name.
            continue
        value = {"name": mention.name, "kind": kind, "script": "Cyrl" if cyrillic else "Latn"}
        context.propose(
            "name", value, clause, 0.8 if kind == "primary" else 0.7, "name:title", mention.start, mention.end
        )
        for spelling in transliterations(mention.name) if cyrillic else []:
            if spelling not in seen:
                seen.add(spelling)
                value = {"name": spelling, "kind": "transliteration", "script": "Latn"}
                context.propose("name", value, clause, 0.4, "name:transliterated", mention.start, mention.end)


def extract_bodies(context: Context) -> None:
    """Propose each body named in the document once (merging keeps the most confident mention)."""
    for clause in context.clauses:
        for body in clause.bodies:
            value = {"name": body.name, "jurisdiction": body.jurisdiction, "kind": body.kind}
            confidence = 0.7 if body.jurisdiction else 0.5
            context.propose("body", value, clause, confidence, "body:gazetteer", body.start, body.end)
