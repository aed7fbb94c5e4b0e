"""A worker's memory of the replies of the big reads that clients poll over unchanged data
(getBoard, getAllTasks, searchTasks): the encoded JSON of each, kept under the versions
of the data it was read from.

The versions (data_versions) are kept by database triggers, so that no write path can
forget them; a reply is found again only while neither the project's version nor the
global one has changed. Entries that a write made unreachable are never looked up
again: the least recently used go first once the entries take more than
``READ_CACHE_BYTES`` (0 disables the cache).
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import orjson
from django.conf import settings

from data_versions.versions import versions_of
from rpc.formatters.database_json import JsonText, encoded_with_splices


class ReplyCache:
    """Encoded replies by key, least recently used first, within a budget of bytes
    (the memory of the texts and of the keys). Shared by the threads of a worker."""

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple, tuple[str, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple) -> str | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: tuple, text: str, budget: int) -> None:
        size = sys.getsizeof(text) + sum(sys.getsizeof(part) for part in key)
        if size > budget:
            return
        with self._lock:
            replaced = self._entries.pop(key, None)
            if replaced is not None:
                self._bytes -= replaced[1]
            self._entries[key] = (text, size)
            self._bytes += size
            while self._bytes > budget:
                _, (_, evicted) = self._entries.popitem(last=False)
                self._bytes -= evicted

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0


replies = ReplyCache()


def cached_read(key: tuple[Hashable, ...], project_id: int | None, render: Callable[[], Any]):
    """The result of ``render()`` — a read of the project's data and of the global data
    only — as it was encoded the last time ``key`` was read at the current versions of
    both; ``key`` holds everything else the result depends on (the procedure, its
    arguments, the caller where the result differs by caller).

    The versions are read first, in a statement of their own, and the result is stored
    under them. The data read after them can only be as new or newer: a write changes
    the version in its own transaction, so the version read is either the one of the
    data read, or older than it. An entry may therefore hold data newer than its
    versions (its readers then get that newer data), never older. Once a write has
    committed, every later reader reads its new version, which no entry was stored
    under before the write: a read right after a write sees the write. A version is a
    random 64-bit value, not a count that a rollback or a restored backup would rewind
    (data_versions/triggers.py): what a transaction that rolled back saw is not found
    again either.

    A result the fast encoder cannot write (an integer beyond 64 bits, text that is no
    UTF-8) is returned as it is, uncached, for the reply's encoder to deal with."""
    budget = settings.READ_CACHE_BYTES
    if budget <= 0 or project_id is None:
        return render()
    versioned = (*key, *versions_of(project_id))
    text = replies.get(versioned)
    if text is None:
        result = render()
        try:
            text = encoded_with_splices(result)
        except (TypeError, orjson.JSONEncodeError):
            return result
        replies.put(versioned, text, budget)
    return JsonText(text)
