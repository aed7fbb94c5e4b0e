"""Comments: the single form (getComment, comment events) and the list form (getAllComments).

The author's names come from ``users``; they are null when the author is 0 or gone.
"""

from __future__ import annotations

from collections.abc import Iterable

from accounts.models import User
from tasks.models import Comment

AUTHOR_FIELDS = ("username", "name", "email", "avatar_path")


def _authors(items: list[Comment]) -> dict[int, dict]:
    return {
        row["id"]: row
        for row in User.objects.filter(pk__in={item.user_id for item in items}).values(
            "id", *AUTHOR_FIELDS
        )
    }


def _author_fields(author: dict) -> dict:
    return {field: author.get(field) for field in AUTHOR_FIELDS}


def comment(item: Comment) -> dict:
    author = _authors([item]).get(item.user_id, {})
    return {
        "id": item.pk,
        "task_id": item.task_id,
        "user_id": item.user_id,
        "date_creation": item.date_creation,
        "date_modification": item.date_modification,
        "comment": item.comment,
        "reference": item.reference,
        "visibility": item.visibility,
        **_author_fields(author),
    }


def comments_in_list_form(items: Iterable[Comment]) -> list[dict]:
    """Rows without ``reference`` (as Kanboard lists them), authors in one query."""
    items = list(items)
    authors = _authors(items)
    return [
        {
            "id": item.pk,
            "date_creation": item.date_creation,
            "date_modification": item.date_modification,
            "task_id": item.task_id,
            "user_id": item.user_id,
            "comment": item.comment,
            "visibility": item.visibility,
            **_author_fields(authors.get(item.user_id, {})),
        }
        for item in items
    ]
