"""Django's SQLite backend, with writers queued by the kernel instead of by sleeping.

Every transaction here begins with BEGIN IMMEDIATE (settings: ``transaction_mode``), so
one connection writes at a time and the others wait for SQLite's write lock. SQLite's
own wait polls: a waiter sleeps 1, 2, 5, 10, ... then 100 ms at a time before it tries
again, so under several writers the lock often sits free while everyone sleeps (with
four writers, a p99 of a second for a 4 ms createTask). Here a connection first takes
an exclusive ``flock`` on a file beside the database, and holds it until its transaction
ends: waiters block in the kernel and the next one is woken the moment the lock is
free, whichever process or thread it is in.

The file lock only orders the writers; SQLite's lock still guards the data, and a writer
that does not take the file lock (another program, a statement outside a transaction)
is handled by SQLite's wait as before. The kernel releases the file lock of a process
that dies. A transaction stuck while holding it stops the other writers until it ends,
as SQLite's lock would; gunicorn's worker timeout ends a stuck request.
"""

from __future__ import annotations

import fcntl
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._writers_queue: int | None = None  # the lock file's descriptor, once opened
        self._writing = False

    def _start_transaction_under_autocommit(self) -> None:
        self._take_writers_turn()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._end_writers_turn()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            self._end_writers_turn()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._end_writers_turn()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._end_writers_turn()
            if self._writers_queue is not None:
                os.close(self._writers_queue)
                self._writers_queue = None

    def _take_writers_turn(self) -> None:
        if self.transaction_mode != "IMMEDIATE" or self.is_in_memory_db():
            return  # deferred transactions may only read; a memory database has one user
        if self._writers_queue is None:
            path = f"{self.settings_dict['NAME']}.writers"
            self._writers_queue = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(self._writers_queue, fcntl.LOCK_EX)
        self._writing = True

    def _end_writers_turn(self) -> None:
        if self._writing:
            self._writing = False
            fcntl.flock(self._writers_queue, fcntl.LOCK_UN)
