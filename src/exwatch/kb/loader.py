"""Load the knowledge files into one typed, validated :class:`Knowledge` object.

Layout of a knowledge directory (the shipped one is ``exwatch/kb/data``)::

    documents.yaml        documents cited by many records (charts, gazettes, judgments)
    states.yaml           ISO 3166-1 states and dated memberships of organisations
    instruments.yaml      treaties and EU acts, with their key articles
    parties/<id>.yaml     the parties of one instrument, with dates and declarations
    transfer_links.yaml   bilateral treaties, sourced absences, documented practice
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from exwatch.kb.errors import Fault, KnowledgeError
from exwatch.kb.models import (
    Document,
    DocumentsFile,
    Instrument,
    InstrumentsFile,
    LinksFile,
    Organisation,
    PartiesFile,
    Source,
    State,
    StatesFile,
    existed_on,
)
from exwatch.kb.yamlfile import line_at, parse_file

DATA_DIR = Path(__file__).resolve().parent / "data"
CORE_FILES: dict[str, type[BaseModel]] = {
    "documents.yaml": DocumentsFile,
    "states.yaml": StatesFile,
    "instruments.yaml": InstrumentsFile,
    "transfer_links.yaml": LinksFile,
}
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Citation:
    """A source with its document's details filled in: what an assessment prints."""

    title: str
    issuer: str
    url: str
    pinpoint: str | None
    date: str | None
    checked: str
    verified: bool
    note: str | None

    def existed_on(self, day: dt.date) -> bool:
        return existed_on(self.date, day)


@dataclass(frozen=True)
class Knowledge:
    """Everything the knowledge base knows, indexed by id; see :func:`load_knowledge`."""

    root: Path
    version: str
    documents: dict[str, Document]
    states: dict[str, State]
    organisations: dict[str, Organisation]
    instruments: dict[str, Instrument]
    party_files: dict[str, PartiesFile]
    links: LinksFile

    def parties_of(self, instrument_id: str) -> list[PartiesFile]:
        """The parties file(s) of an instrument (one, unless the data has a duplicate)."""
        return [f for f in self.party_files.values() if f.instrument == instrument_id]

    def cite(self, source: Source) -> Citation:
        """Resolve a source against documents.yaml; fields written on the source win."""
        doc = self.documents.get(source.doc) if source.doc else None
        date = source.date if source.date is not None else (doc.date if doc else None)
        return Citation(
            title=source.title or (doc.title if doc else ""),
            issuer=source.issuer or (doc.issuer if doc else ""),
            url=source.url or (doc.url if doc else ""),
            pinpoint=source.pinpoint,
            date=None if date is None else str(date),
            checked=source.checked or (doc.checked if doc else ""),
            verified=source.verified,
            note=source.note,
        )


def knowledge_files(root: Path) -> list[Path]:
    """The knowledge files under ``root`` in the stable order used for hashing."""
    files = [root / name for name in CORE_FILES if (root / name).exists()]
    files += sorted((root / "parties").glob("*.yaml"))
    return files


# (path, mtime, size) of every file → its content version: a version is asked for on every load (several
# times per assessment), and hashing some seventy files each time cost more than the assessment itself.
_VERSIONS: dict[tuple[tuple[str, int, int], ...], str] = {}


def files_version(base: Path, files: list[Path]) -> str:
    """sha256 over each file's path relative to ``base`` and its bytes, in the order given: the same files, the
    same version. Read again only when a file's modification time or size changed (or a file came or went)."""
    stats = [(path, path.stat()) for path in files]
    key = tuple((str(path), st.st_mtime_ns, st.st_size) for path, st in stats)
    if (known := _VERSIONS.get(key)) is not None:
        return known
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(base).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    if len(_VERSIONS) > 64:
        _VERSIONS.clear()
    _VERSIONS[key] = version = digest.hexdigest()
    return version


# Whether every load looks at the files again (see :func:`pin_files`), and what the last look found.
_RECHECK = True
_LAST: dict[tuple[str, Path | None], tuple[Path, str]] = {}


def pin_files() -> None:
    """Stop looking at the data files on every load: each directory is read and checked once, and its edits
    are seen at the next start. For a long-running server, where stat-ing some seventy files per question
    took a tenth of the time; the command line keeps seeing an edit at once."""
    global _RECHECK
    _RECHECK = False


def rechecking() -> bool:
    """False once :func:`pin_files` was called."""
    return _RECHECK


def located(kind: str, root: Path | None, default: Path, files: Callable[[Path], list[Path]]) -> tuple[Path, str]:
    """The directory (``root`` or ``default``, resolved) and the version of its files as listed by ``files``."""
    if not _RECHECK and (known := _LAST.get((kind, root))) is not None:
        return known
    base = (root or default).resolve()
    _LAST[(kind, root)] = found = (base, files_version(base, files(base)))
    return found


def knowledge_version(root: Path | None = None) -> str:
    """sha256 over each file's relative path and bytes, in a fixed order: the same files, the same id."""
    base = root or DATA_DIR
    return files_version(base, knowledge_files(base))


def validate_file(model: type[M], rel: str, path: Path, faults: list[Fault]) -> M | None:
    """Parse one knowledge file into ``model``; every problem goes to ``faults`` as ``rel:line``."""
    parsed = parse_file(path)
    faults.extend(Fault(rel, issue.line, issue.message) for issue in parsed.issues)
    if parsed.data is None:
        if not parsed.issues:
            faults.append(Fault(rel, 1, "the file is empty"))
        return None
    try:
        return model.model_validate(parsed.data)
    except ValidationError as err:
        for item in err.errors():
            loc = tuple(item["loc"])
            where = ".".join(str(part) for part in loc)
            faults.append(Fault(rel, line_at(parsed.data, loc), f"{where}: {item['msg']}"))
        return None


def read_knowledge(root: Path | None = None) -> tuple[Knowledge | None, list[Fault]]:
    """Parse and shape-check every file; return the knowledge (if it could be built) and the faults."""
    base = root or DATA_DIR
    faults: list[Fault] = []
    core: dict[str, BaseModel | None] = {}
    for name, model in CORE_FILES.items():
        if not (base / name).exists():
            faults.append(Fault(name, 0, f"missing file: {base / name}"))
            core[name] = None
            continue
        core[name] = validate_file(model, name, base / name, faults)
    parties: dict[str, PartiesFile] = {}
    for path in sorted((base / "parties").glob("*.yaml")):
        rel = path.relative_to(base).as_posix()
        parsed = validate_file(PartiesFile, rel, path, faults)
        if parsed is not None:
            parties[rel] = parsed
    docs, states, instruments, links = (core[name] for name in CORE_FILES)
    if not (
        isinstance(docs, DocumentsFile)
        and isinstance(states, StatesFile)
        and isinstance(instruments, InstrumentsFile)
        and isinstance(links, LinksFile)
    ):
        return None, faults
    # The indexes below are dicts and would silently keep the last of two equal ids.
    for rel, keyed in (
        ("documents.yaml", [(d.id, d.line) for d in docs.documents]),
        ("states.yaml", [(s.code, s.line) for s in states.states]),
        ("states.yaml", [(o.id, o.line) for o in states.organisations]),
        ("instruments.yaml", [(i.id, i.line) for i in instruments.instruments]),
    ):
        seen: set[str] = set()
        for key, line in keyed:
            if key in seen:
                faults.append(Fault(rel, line, f"duplicate id {key!r}"))
            seen.add(key)
    knowledge = Knowledge(
        root=base,
        version=knowledge_version(base),
        documents={d.id: d for d in docs.documents},
        states={s.code: s for s in states.states},
        organisations={o.id: o for o in states.organisations},
        instruments={i.id: i for i in instruments.instruments},
        party_files=parties,
        links=links,
    )
    return knowledge, faults


@lru_cache(maxsize=4)
def _load(root: Path, version: str) -> Knowledge:
    # ``version`` is part of the cache key so that an edited file is read again.
    from exwatch.kb.checks import check_loaded  # the checks import this module

    knowledge, faults = read_knowledge(root)
    if knowledge is not None:
        faults += check_loaded(knowledge)
    if knowledge is None or faults:
        raise KnowledgeError(f"the knowledge base in {root} has {len(faults)} fault(s)", sorted(faults))
    return knowledge


def load_knowledge(root: Path | None = None) -> Knowledge:
    """The validated knowledge base (cached per directory); raises :class:`KnowledgeError` on any fault."""
    return _load(*located("knowledge", root, DATA_DIR, knowledge_files))
