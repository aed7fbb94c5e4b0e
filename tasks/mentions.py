"""@username mentions: who a text mentions, by Kanboard's UserMentionJob rules."""

from __future__ import annotations

import re

from accounts.models import User
from projects.roles import role_for

# Kanboard's pattern: '@' then anything up to whitespace or , ! : ? (ASCII whitespace,
# as PCRE's \s without the u flag); a trailing '.' ends the sentence, not the name.
_MENTION = re.compile(r"@([^ \t\n\r\f\v,!:?]+)")


def mentioned_members(text: str, project_id: int, author_id: int) -> list[dict]:
    """The users mentioned in the text who want notifications, are not the author, and
    have a role in the project: ``id, username, name, email, language`` each."""
    usernames = {name.rstrip(".") for name in _MENTION.findall(text)}
    if not usernames:
        return []
    candidates = (
        User.objects.filter(username__in=usernames, notifications_enabled=True)
        .exclude(pk=author_id)
        .order_by("id")
        .values("id", "username", "name", "email", "language")
    )
    return [user for user in candidates if role_for(user["id"], project_id)]
