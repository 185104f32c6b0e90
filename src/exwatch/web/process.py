"""The server process, made ready once before it serves: memory and collector settings, shipped data read."""

from __future__ import annotations

import ctypes
import gc

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


def fixed_mmap_threshold() -> None:
    """Give large blocks back to the system when they are freed. glibc raises its mmap threshold each time a
    large block is freed, so after the first logins every 19 MiB argon2 buffer is carved from a thread's heap,
    and each thread's arena keeps it after use (bench/web_load.py, 50 users: server RSS 332-352 -> 215-219 MB,
    latency unchanged). A threshold set once stays fixed. Only on glibc; elsewhere nothing changes."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.mallopt(M_MMAP_THRESHOLD, 128 * 1024)


def prepare() -> None:
    """Ready this process to serve: memory and collector settings, and the shipped data read once."""
    from exwatch.kb.evidence.loader import load_evidence
    from exwatch.kb.evidence.rulebook import load_rules
    from exwatch.kb.loader import load_knowledge, pin_files
    from exwatch.procedure.loader import procedures

    # A page builds thousands of objects; the default collector thresholds spent ~40 % of a dashboard request
    # collecting (py-spy, bench/web_load.py). Collect less often in the long-lived server process.
    gc.set_threshold(50_000, 20, 100)
    fixed_mmap_threshold()
    pin_files()  # the knowledge files are read once; an edit to them is served after a restart
    # The knowledge base, the evidence and the procedures live as long as the process: read them now and put
    # them out of the collector's reach, so that a full collection (which stops every request) scans a third
    # fewer objects (bench/web_load.py: 200 -> 135 ms per full collection in a warm process).
    load_knowledge(), load_evidence(), load_rules(), procedures()
    gc.collect()
    gc.freeze()
