"""Kanboard's application roles, ordered from least to most powerful."""

APP_ADMIN = "app-admin"
APP_MANAGER = "app-manager"
APP_USER = "app-user"

APPLICATION_ROLES = {
    APP_ADMIN: "Administrator",
    APP_MANAGER: "Manager",
    APP_USER: "User",
}

_RANK = {APP_USER: 1, APP_MANAGER: 2, APP_ADMIN: 3}


def app_role_at_least(role: str, minimum: str) -> bool:
    """True when ``role`` includes ``minimum``; unknown roles (and '') include nothing."""
    return _RANK.get(role, 0) >= _RANK[minimum]
