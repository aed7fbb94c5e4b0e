"""Comments: which ones a reader sees, and the writes with Kanboard's ownership rules.

For a user (``actor``), a comment is written in their own name with a visibility their
application role may see, and only its author may change or remove it. The application
(``actor`` None) is free of these rules, as in Kanboard.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from accounts.models import User
from accounts.roles import APP_ADMIN, APP_MANAGER, APP_USER
from kanboard_site.inputs import integer, text, to_int
from tasks import events
from tasks.mentions import mentioned_members
from tasks.models import Comment, Task
from tasks.shapes.comments import comment as comment_data
from tasks.visibility import VISIBLE_TO_ROLE, comment_visible_to

REFERENCE_MAX_LENGTH = 191
VISIBILITIES = (APP_USER, APP_MANAGER, APP_ADMIN)


def comments_of_task(task_id: int | None, reader: User | None) -> QuerySet:
    """The task's comments, oldest first, leaving out those above a user's role."""
    comments = Comment.objects.filter(task_id=task_id).order_by("date_creation", "id")
    if reader is not None:
        comments = comments.filter(visibility__in=VISIBLE_TO_ROLE.get(reader.role, ()))
    return comments


def create_comment(
    task_id: int | None,
    user_id: Any,
    content: Any,
    reference: Any = "",
    visibility: Any = APP_USER,
    *,
    actor: User | None = None,
) -> Comment:
    if actor is not None:
        if to_int(user_id) != actor.pk:
            raise ValidationError("Users can only comment in their own name")
        if not comment_visible_to(visibility, actor.role):
            raise ValidationError("This visibility is above your role")
    if visibility not in VISIBILITIES:
        raise ValidationError("The visibility must be an application role")
    now = int(time.time())
    comment = Comment(
        user_id=integer(user_id, "user id", default=0),
        comment=text(content, "comment", required=True, default=""),
        reference=None
        if reference is None
        else text(reference, "reference", REFERENCE_MAX_LENGTH, default=""),
        visibility=visibility,
        date_creation=now,
        date_modification=now,
    )
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=task_id).first()
        if task is None:
            raise ValidationError("The task does not exist")
        comment.task = task
        comment.save()
        data = comment_data(comment)
        actor_id = actor.pk if actor else 0
        events.emit(events.COMMENT_CREATE, task.pk, actor_id, comment=data)
        for mentioned in mentioned_members(comment.comment, task.project_id, actor_id):
            events.emit(
                events.COMMENT_USER_MENTION, task.pk, actor_id, comment=data, mention=mentioned
            )
    return comment


def _author_only(comment: Comment | None, actor: User | None) -> None:
    if actor is not None and (comment is None or comment.user_id != actor.pk):
        raise ValidationError("Only the author may change or remove a comment")


def update_comment(comment_id: int | None, content: Any, *, actor: User | None = None) -> None:
    """Replace the text. An unknown id changes nothing and is no error (Kanboard)."""
    if comment_id is None:
        raise ValidationError("The comment id must be an integer")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        _author_only(comment, actor)
        new_text = text(content, "comment", required=True, default="")
        if comment is None:
            return
        comment.comment = new_text
        comment.date_modification = int(time.time())
        comment.save(update_fields=["comment", "date_modification"])
        actor_id = actor.pk if actor else 0
        events.emit(events.COMMENT_UPDATE, comment.task_id, actor_id, comment=comment_data(comment))


def remove_comment(comment_id: int | None, *, actor: User | None = None) -> bool:
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
        _author_only(comment, actor)
        if comment is None:
            return False
        # Kanboard announces the removal while the comment can still be described.
        actor_id = actor.pk if actor else 0
        events.emit(events.COMMENT_DELETE, comment.task_id, actor_id, comment=comment_data(comment))
        comment.delete()
    return True
