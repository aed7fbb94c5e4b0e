"""The user row every User API request reads (and every batch element again), without
the ORM's query compilation (kanboard_site.rows)."""

from __future__ import annotations

from accounts.models import User
from kanboard_site.rows import select_instance


def user_named(username: str) -> User | None:
    return select_instance(User, "username = %s", [username])


def user_with_id(user_id: int | None) -> User | None:
    return select_instance(User, "id = %s", [user_id]) if user_id is not None else None
