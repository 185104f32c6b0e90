"""The knowledge base: sourced, dated facts about states, instruments, parties and transfer links.

Knowledge is data (YAML under ``exwatch/kb/data``), loaded into typed models and checked:

* :func:`load_knowledge` — the validated :class:`Knowledge` (cached; raises on any fault);
* :func:`check_knowledge` — every fault with file and line (what ``exwatch kb check`` prints);
* :func:`knowledge_version` — sha256 of the files, recorded in every assessment;
* :func:`parties_at`, :func:`members_at`, :func:`links_at` — time-aware questions;
* :func:`kb_stats` — coverage and the list of unverified records.
"""

from exwatch.kb.checks import check_knowledge
from exwatch.kb.errors import Fault, KnowledgeError
from exwatch.kb.loader import DATA_DIR, Citation, Knowledge, knowledge_version, load_knowledge
from exwatch.kb.query import Link, link_epochs, links_at, links_from, members_at, membership, parties_at, party_record
from exwatch.kb.stats import Stats, kb_stats

__all__ = [
    "DATA_DIR",
    "Citation",
    "Fault",
    "Knowledge",
    "KnowledgeError",
    "Link",
    "Stats",
    "check_knowledge",
    "kb_stats",
    "knowledge_version",
    "link_epochs",
    "links_at",
    "links_from",
    "load_knowledge",
    "members_at",
    "membership",
    "parties_at",
    "party_record",
]
