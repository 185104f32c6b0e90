"""A bounded in-process memo shared by the server's threads.

Used for results that depend only on a stored case's revision (a new one at every stored change) and on values
given with the key, so an entry never goes stale: it is only pushed out, oldest use first, when the memo is full.
The values are shared between requests and threads: callers treat them as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most ``size`` entries; reading an entry makes it the most recently used."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[K]) -> dict[K, V]:
        """The entries found among ``keys``."""
        with self._lock:
            found = {k: v for k in keys if (v := self._items.get(k)) is not None}
            for k in found:
                self._items.move_to_end(k)
        return found

    def get(self, key: K) -> V | None:
        return self.get_many([key]).get(key)

    def put_many(self, items: dict[K, V]) -> None:
        with self._lock:
            self._items.update(items)
            for k in items:
                self._items.move_to_end(k)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def put(self, key: K, value: V) -> None:
        self.put_many({key: value})

    def __len__(self) -> int:
        return len(self._items)
