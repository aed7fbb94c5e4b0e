"""Kanboard's comment visibility: who may see a comment, by application role."""

from __future__ import annotations

from accounts.roles import APP_ADMIN, APP_MANAGER, APP_USER

# The visibilities each application role may see (and give to its own comments).
VISIBLE_TO_ROLE = {
    APP_ADMIN: (APP_ADMIN, APP_MANAGER, APP_USER),
    APP_MANAGER: (APP_MANAGER, APP_USER),
    APP_USER: (APP_USER,),
}


def comment_visible_to(visibility: str, role: str) -> bool:
    return visibility in VISIBLE_TO_ROLE.get(role, ())
