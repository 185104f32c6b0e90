"""Render a kind of document in a language: Jinja2 templates (autoescape, strict undefined) fed with
the drafting context, parsed into the document model, then written as Markdown, DOCX or PDF."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from exwatch.assess.assessment import Assessment
from exwatch.assess.authorities import authority
from exwatch.assess.engine import legal_source
from exwatch.draft import material
from exwatch.draft.bars import bars_for
from exwatch.draft.context import DraftContext, _data, format_date, state_name
from exwatch.draft.document import Document, parse
from exwatch.draft.safe import finalize, inert
from exwatch.errors import InputError
from exwatch.model.countries import country_name
from exwatch.model.vocab import Lang

Kind = Literal["letter", "ccf-request", "rule39", "brief"]
KINDS: tuple[Kind, ...] = ("letter", "ccf-request", "rule39", "brief")

_env = Environment(
    loader=PackageLoader("exwatch.draft", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    finalize=finalize,  # every value is data: it can never be read as HTML or as the documents' own markup
)


def available(kind: Kind) -> list[str]:
    """The languages a kind of document has a template in."""
    names = _env.list_templates(filter_func=lambda n: n.startswith(f"{kind}.") and n.endswith(".md.j2"))
    return sorted(n.split(".")[1] for n in names)


def _join(items: list[str], lang: Lang, word: str = "and") -> Markup:
    """'a, b and c' — each item made inert once (macro output is already Markup and stays as it is)."""
    parts = [inert(i) for i in items]
    if len(parts) < 2:
        return Markup("").join(parts)
    words = {"and": {"fr": "et", "en": "and", "ru": "и"}, "or": {"fr": "ou", "en": "or", "ru": "или"}}
    return Markup(", ").join(parts[:-1]) + Markup(f" {words[word][lang]} ") + parts[-1]


def _capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def _with_a(text: str) -> str:
    """French 'à' before a phrase: 'à la', 'à l'', 'au' for 'le', 'aux' for 'les'."""
    if text.startswith("les "):
        return "aux " + text[4:]
    if text.startswith("le "):
        return "au " + text[3:]
    return "à " + text


def _ru_addressee(addressee: dict[str, Any]) -> dict[str, Any]:
    """A Russian letter to an office-holder whose address the procedure model records in another language
    (Monsieur le Premier ministre) uses the Russian form of address from ``data/addressees.yaml``."""
    known = _data("addressees.yaml").get("ru", {}).get(addressee.get("address", ""))
    return {**addressee, **known} if known else addressee


def _ru_reference(text: str) -> str:
    """A case or document reference as a Russian text cites it: 'Kaboulov v. Ukraine, no. 41015/04' →
    'Kaboulov против Украины, жалоба № 41015/04'; 'para. 6' → 'п. 6'; an English remark in brackets is left
    to the footnote, which keeps the reference as published."""
    genitive = {}
    for code, forms in _data("states.yaml").get("ru", {}).items():
        if len(code) != 2:
            continue  # a forum (ECTHR, INTERPOL), not a respondent state
        english = [country_name(code), *(_data("states.yaml").get("en", {}).get(code) or [])[:1]]
        for name in english:
            genitive[name] = forms[2]
    names = "|".join(sorted((re.escape(n) for n in genitive), key=len, reverse=True))
    text = re.sub(rf"\bv\.? ({names})\b", lambda m: f"против {genitive[m.group(1)]}", text)
    text = re.sub(r"\bno\. ", "жалоба № ", text)
    text = text.replace(" and Others ", " и другие ")
    text = re.sub(r"\bparas?\. ", "п. ", text)
    return re.sub(r"\s*\([^)]*[A-Za-z]{3,}[^)]*\)", "", text).strip()


def _authority(key: str, day: dt.date) -> dict[str, Any] | None:
    """The text a document dated ``day`` cites for a general proposition (assess/data/authorities.yaml): the
    latest in existence then, e.g. CAT General Comment No. 1 (1997) before No. 4 (2017)."""
    text = authority(key, day)
    return None if text is None else legal_source(text.source)


def _ccf_limits(lang: Lang, day: dt.date) -> list[str]:
    """The CCF's decision time limits as the INTERPOL procedure model states them; they come from the CCF
    Statute in force since 2017 (exact day not verified), so a document dated earlier states none."""
    from exwatch.procedure.loader import procedure_for

    model = procedure_for("INTERPOL")
    if model is None or day < dt.date(2017, 12, 31):
        return []
    texts = []
    for stage in model.stages:
        for clock in stage.clocks:
            if clock.binds == "authority":
                texts.append(clock.label.local if lang != "en" and clock.label.local else clock.label.en)
    return list(dict.fromkeys(texts))


def compose(
    kind: Kind, lang: Lang, assessment: Assessment, profile: dict[str, Any], addressee: dict[str, Any], today: dt.date
) -> Document:
    langs = available(kind)
    if lang not in langs:
        raise InputError(f"no {kind} template in {lang!r}; available: {', '.join(langs)}")
    if lang == "ru":
        addressee = _ru_addressee(addressee)
    ctx = DraftContext(assessment.case, assessment, lang, profile, addressee)
    data = assessment.as_dict()
    custodial = next((s for s in data["procedure_all"] if s["stage"]), None)
    refugee = bool(ctx.facts("refugee_status"))
    persecuting = [r.state for r in assessment.case.states if "persecuting" in r.roles]
    requesting = [
        d["state"] for d in data["destinations"] if "requesting" in d["roles"] and d["state"] not in persecuting
    ]
    env = _env.overlay()

    def st(code: str, form: int = 0) -> str:
        return state_name(code, lang, form)

    def d(value: str | dt.date) -> str:
        return format_date(value, lang)

    env.filters.update({"st": st, "d": d, "capfirst": _capfirst, "with_a": _with_a, "ru_ref": _ru_reference})
    template = env.get_template(f"{kind}.{lang}.md.j2")
    # The first text the stage rests on that existed on the day (none: the sentence is left without a note).
    stage_source = next(iter((custodial or {}).get("sources") or []), None)
    markup = template.render(
        c=ctx,
        a=data,
        case=assessment.case,
        lang=lang,
        profile=profile,
        to=addressee,
        status=custodial,
        today=today,
        name=ctx.subject_name(),
        **ctx.grammar(),
        mf=ctx.mf,
        persecuting=persecuting,
        requesting=requesting,
        bars=bars_for(assessment, custodial["jurisdiction"] if custodial else "", lang, refugee),
        events=material.events(ctx, custodial["jurisdiction"]) if custodial else [],
        findings=material.findings(ctx, data),
        risks=material.risks(ctx, data),
        onward=material.onward(ctx, data, persecuting),
        timeline=material.all_events(ctx),
        notices=material.requests(ctx, ("red_notice", "diffusion")),
        requests_all=material.requests(ctx),
        counters=[
            f["indicator"] for f in data["political_motivation"]["findings"] if f["counter"] and f["status"] == "met"
        ],
        addressed_to_next=addressee.get("is_next", False),
        stage_source=stage_source,
        chain=_authority("chain_refoulement", assessment.as_of),
        saadi=_authority("assurances", assessment.as_of),
        article3=_authority("interpol_neutrality", assessment.as_of),
        refugee_resolution=_authority("interpol_refugees", assessment.as_of),
        ccf_limits=_ccf_limits(lang, assessment.as_of),
        instruments=_data("instruments.yaml").get(lang, {}),
        d=d,
        st=st,
        join=lambda items: _join(list(items), lang),
        join_or=lambda items: _join(list(items), lang, "or"),
        label=ctx.label,
        body_name=lambda body: _data("bodies.yaml").get(lang, {}).get(body, body),
    )
    meta = {
        "title": f"{kind} — {assessment.case.subject.primary_name}",
        "subject": assessment.case.id,
        "keywords": f"exwatch; case {assessment.case.id}; knowledge {data['knowledge_version']}; "
        f"as of {assessment.as_of.isoformat()}",
        "author": str(profile.get("name", "")),
        "generator": "Extradition Watch",
    }
    markup = ctx.notes.number(markup)
    cited = list(dict.fromkeys(key.split(":")[1] for key in ctx.notes.used if key.startswith("case:")))
    meta["description"] = "case sources cited: " + ", ".join(cited)
    document = parse(markup, ctx.notes.items, meta)
    document.cited = cited
    document.cited_dates = {key: ctx.notes.dates.get(key) for key in ctx.notes.used}
    document.sources_as_of = format_date(assessment.as_of, lang)
    return document
