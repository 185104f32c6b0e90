"""Faults in the knowledge files, and the error raised when the shipped knowledge is unusable.

Kept in its own module because every knowledge loader (treaties here, country evidence in
``exwatch.kb.evidence``) reports its faults the same way: file, line, message.
"""

from __future__ import annotations

from dataclasses import dataclass

from exwatch.errors import ExwatchError


@dataclass(frozen=True, order=True)
class Fault:
    """One problem in one knowledge file, at the line a maintainer must edit."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeError(ExwatchError):
    """The knowledge base does not load; ``faults`` lists every problem with file and line."""

    def __init__(self, message: str, faults: list[Fault] | None = None) -> None:
        self.faults: list[Fault] = list(faults or [])
        super().__init__(message)

    def __str__(self) -> str:
        head = super().__str__()
        if not self.faults:
            return head
        shown = "\n".join(f"  {fault}" for fault in self.faults[:20])
        more = f"\n  … and {len(self.faults) - 20} more" if len(self.faults) > 20 else ""
        return f"{head}\n{shown}{more}"
