"""Drafting a document for a stored case (what ``exwatch draft`` and the web application call)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy.orm import Session

from exwatch.assess.assessment import assess_case
from exwatch.draft.compose import Kind, compose
from exwatch.draft.profile import load_profile
from exwatch.draft.render import to_docx, to_markdown, to_pdf
from exwatch.errors import InputError
from exwatch.logic import cases
from exwatch.logic.register import record_draft
from exwatch.logic.review import unreviewed
from exwatch.model.vocab import Lang
from exwatch.procedure.loader import procedure_for
from exwatch.procedure.models import Body

OutputFormat = Literal["md", "docx", "pdf"]


@dataclass(frozen=True)
class Draft:
    content: bytes
    case_id: str
    kind: str
    lang: str
    addressee: str
    knowledge_version: str
    sources: list[str]
    register_id: int
    cited_dates: dict[str, str | None]  # every note's source (case:ID:pinpoint, legal:TITLE:pinpoint) → its date


def _salutation(body: Body, lang: Lang) -> str:
    if body.salutation is not None:
        return body.salutation.local if lang != "en" and body.salutation.local else body.salutation.en
    if lang != "en":
        return (body.address.local if body.address and body.address.local else body.name.local) or body.name.en
    address = body.address.en if body.address else body.name.en
    # "The Prime Minister of the French Republic" → "Dear Prime Minister"
    core = re.sub(r"^the\s+", "", address, flags=re.IGNORECASE).split(" of ")[0]
    if core.lower().startswith(("registry", "commission", "committee", "court", "secretariat")):
        return "Dear Sir or Madam"  # an institution, not an office-holder
    return f"Dear {core}"


def _addressee(body: Body, lang: Lang, is_next: bool, day: dt.date) -> dict[str, Any]:
    name = body.name.local if lang != "en" and body.name.local else body.name.en
    address = (
        body.address.local
        if (body.address and lang != "en" and body.address.local)
        else (body.address.en if body.address else name)
    )
    return {
        "name": name,
        "address": address,
        "salutation": _salutation(body, lang),
        "postal": body.reach(day),
        "is_next": is_next,
    }


def _bodies(jurisdiction: str) -> list[Body]:
    model = procedure_for(jurisdiction)
    if model is None:
        return []
    found = [s.next for s in model.stages if s.next] + [r.body for s in model.stages for r in s.remedies]
    return found + [r.body for r in model.always]


def resolve_addressee(
    jurisdiction: str | None, next_body: Body | None, to: str | None, lang: Lang, day: dt.date
) -> dict[str, Any]:
    """The next decision-maker by default; ``to`` picks another body of the jurisdiction's procedure by name."""
    if to is None:
        if next_body is None:
            raise InputError("the procedure has no next decision-maker at this date; name the addressee with --to")
        return _addressee(next_body, lang, True, day)
    candidates = _bodies(jurisdiction) if jurisdiction else []
    wanted = to.lower()
    for body in candidates:
        if wanted in body.name.en.lower() or (body.name.local and wanted in body.name.local.lower()):
            return _addressee(body, lang, next_body is not None and body == next_body, day)
    names = sorted({b.name.local or b.name.en for b in candidates})
    raise InputError(f"--to {to!r} matches no body of this procedure; choose one of: {'; '.join(names)}")


# Where each kind of document goes when --to is not given.
_FORUM_BODY = {"ccf-request": ("INTERPOL", "ccf-request"), "rule39": ("ECTHR", "rule39")}


def _forum_body(kind: str) -> Body:
    jurisdiction, remedy_id = _FORUM_BODY[kind]
    model = procedure_for(jurisdiction)
    if model is not None:
        for remedy in [*model.always, *(r for s in model.stages for r in s.remedies)]:
            if remedy.id == remedy_id:
                return remedy.body
    raise InputError(f"the {jurisdiction} procedure model has no {remedy_id!r} remedy to address")


def draft(
    session: Session,
    case_id: str,
    kind: Kind,
    lang: Lang,
    fmt: OutputFormat,
    as_of: dt.date,
    to: str | None = None,
    today: dt.date | None = None,
    file_name: str | None = None,
) -> Draft:
    case = cases.export_case(session, case_id)
    pending = unreviewed(session, case_id)
    if pending:
        listed = ", ".join(f"{p.pk} ({p.kind})" for p in pending[:10])
        raise InputError(
            f"case {case_id!r} has {len(pending)} unreviewed proposal(s): {listed}; a draft uses only "
            f"reviewed facts — review them first with `exwatch review {case_id}`"
        )
    assessment = assess_case(case, as_of)
    custodial = next((s for s in assessment.procedure if s.position and s.position.stage), None)
    next_body = custodial.position.stage.next if custodial and custodial.position and custodial.position.stage else None
    if kind in _FORUM_BODY and to is None:
        addressee = _addressee(_forum_body(kind), lang, False, as_of)
    elif kind == "brief" and to is None:
        addressee = {"name": "", "address": "", "salutation": "", "postal": [], "is_next": False}
    else:
        addressee = resolve_addressee(custodial.jurisdiction if custodial else None, next_body, to, lang, as_of)
    profile = load_profile().for_template(lang)
    document = compose(kind, lang, assessment, profile, addressee, today or as_of)
    if fmt == "md":
        content = to_markdown(document, lang).encode("utf-8")
    elif fmt == "docx":
        content = to_docx(document, lang)
    else:
        content = to_pdf(document, lang)
    version = assessment.as_dict()["knowledge_version"]
    row = record_draft(
        session,
        case_id=case_id,
        kind=kind,
        lang=lang,
        fmt=fmt,
        addressee=addressee["name"] or kind,
        as_of=as_of,
        knowledge_version=version,
        sources=document.cited,
        content=content,
        file_name=file_name,
    )
    return Draft(content, case_id, kind, lang, addressee["name"], version, document.cited, row.pk, document.cited_dates)
